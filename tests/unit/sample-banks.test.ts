import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseBank } from '../../src/domain/bank';
import {
  FIXTURES,
  LONG_ANSWERS_BANK,
  SHARED_BOLD_BANK,
  SHARED_DETAILS_BANK,
  SHARED_HEADING_BANK,
  SHARED_RAW_BANK,
  SHIPPED_BANK,
  STEMS_BANK,
  styleFixture,
} from '../support/banks';

const ROOT = path.resolve(__dirname, '../..');
const ENGLISH_BANK = path.join(ROOT, 'seed/banks/ml-fundamentals.en.md');

/** What auto-detection makes of a file: the README's table of samples lists exactly this. */
function measured(file: string) {
  const bank = parseBank(readFileSync(file, 'utf8'), path.basename(file));
  const questions = bank.sections.flatMap((section) => section.questions);
  const kinds = { OPEN: 0, SINGLE_CHOICE: 0, MULTIPLE_CHOICE: 0, TRUE_FALSE: 0 };
  for (const question of questions) kinds[question.kind]++;
  return {
    style: bank.style,
    sections: bank.sections.length,
    questions: questions.length,
    stems: questions.filter((question) => question.stem !== null).length,
    kinds: Object.values(kinds).join('/'),
    warnings: bank.warnings.length,
  };
}

describe('auto-detection on every sample bank (the README table)', () => {
  it.each(
    (
      [
        // The first bank, raw and annotated: list style, 9 sections, numbering warnings only.
        [SHARED_RAW_BANK, { style: 'list', sections: 9, questions: 59, stems: 0, kinds: '59/0/0/0', warnings: 9 }],
        [SHIPPED_BANK, { style: 'list', sections: 9, questions: 58, stems: 0, kinds: '58/0/0/0', warnings: 9 }],
        [ENGLISH_BANK, { style: 'list', sections: 6, questions: 41, stems: 0, kinds: '18/10/6/7', warnings: 0 }],
        // ../shared/bank/styles: the facts file gives 19 sections and 166 questions for the bold-lines sample.
        [SHARED_BOLD_BANK, { style: 'bold', sections: 19, questions: 166, stems: 0, kinds: '166/0/0/0', warnings: 4 }],
        [SHARED_HEADING_BANK, { style: 'heading', sections: 1, questions: 5, stems: 0, kinds: '5/0/0/0', warnings: 3 }],
        [SHARED_DETAILS_BANK, { style: 'details', sections: 1, questions: 3, stems: 0, kinds: '3/0/0/0', warnings: 0 }],
        // Our own fixtures.
        [
          styleFixture('bold.en.md'),
          { style: 'bold', sections: 2, questions: 5, stems: 0, kinds: '5/0/0/0', warnings: 2 },
        ],
        [
          styleFixture('heading.en.md'),
          { style: 'heading', sections: 2, questions: 6, stems: 0, kinds: '6/0/0/0', warnings: 1 },
        ],
        [
          styleFixture('details.en.md'),
          { style: 'details', sections: 2, questions: 4, stems: 0, kinds: '4/0/0/0', warnings: 0 },
        ],
        [
          styleFixture('list-markers.en.md'),
          { style: 'list', sections: 1, questions: 8, stems: 0, kinds: '8/0/0/0', warnings: 0 },
        ],
        [
          path.join(FIXTURES, 'api/tagged.md'),
          { style: 'list', sections: 2, questions: 5, stems: 0, kinds: '5/0/0/0', warnings: 0 },
        ],
        [
          path.join(FIXTURES, 'choices/task-lists.en.md'),
          { style: 'heading', sections: 1, questions: 6, stems: 0, kinds: '2/2/1/1', warnings: 3 },
        ],
        // Read before structural detection as a list bank of 3 sections and 8 bullet "questions".
        [LONG_ANSWERS_BANK, { style: 'heading', sections: 1, questions: 3, stems: 0, kinds: '3/0/0/0', warnings: 0 }],
        // Read before stems as 5 questions, the sub-questions folded into their stems' answers.
        [STEMS_BANK, { style: 'list', sections: 2, questions: 10, stems: 8, kinds: '10/0/0/0', warnings: 2 }],
      ] as const
    ).map(([file, expected]) => [path.relative(ROOT, file), file, expected] as const),
  )('%s', (_name, file, expected) => {
    expect(measured(file)).toEqual(expected);
  });
});
