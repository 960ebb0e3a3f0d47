import path from 'node:path';
import { exportStoredBank } from '../../seed/export-bank';
import { importBankFiles } from '../../src/usecases/import-banks';
import { Catalog } from '../../src/domain/catalog';
import { readExistingBank } from '../../src/store';
import type { Dynamo } from '../../src/store/client';
import {
  SHARED_BOLD_BANK,
  SHARED_DETAILS_BANK,
  SHARED_HEADING_BANK,
  SHIPPED_BANK,
  FIXTURES,
  bankFile,
  styleFixture,
} from '../support/banks';
import { useTable, writeCalls } from '../support/dynamo';

const STYLE_BANKS = [
  SHARED_BOLD_BANK,
  SHARED_HEADING_BANK,
  SHARED_DETAILS_BANK,
  styleFixture('bold.en.md'),
  styleFixture('heading.en.md'),
  styleFixture('details.en.md'),
];
const BASE = 'https://github.com/example/banks/blob/main/';

/** The active questions of a stored bank in catalog order, with what a round trip must keep. */
async function storedFacts(dynamo: Dynamo, bankId: string) {
  const { bank, catalog, questions } = await readExistingBank(dynamo, bankId);
  const entries = new Catalog(bankId, bank!.catalogVersion, catalog!).questions;
  const byId = new Map(questions.map((q) => [q.localId, q]));
  return entries.map(({ localId, sectionSlug }) => {
    const { id, text, answer, tags, difficulty } = byId.get(localId)!;
    return { id, sectionSlug, text, answer, tags, difficulty };
  });
}

describe('importing banks in other Markdown styles', () => {
  const dynamo = useTable();

  it('imports every style with the facts of each sample, the style and the source in the summary', async () => {
    const summaries = await importBankFiles(dynamo(), [...STYLE_BANKS, SHIPPED_BANK], { sourceUrl: BASE });
    expect(
      summaries.map(({ id, style, sections, questions, notes, added }) => ({
        id,
        style,
        sections,
        questions,
        notes,
        added,
      })),
    ).toEqual([
      { id: 'bold-lines-theory', style: 'bold', sections: 19, questions: 166, notes: 0, added: 166 },
      { id: 'heading-questions', style: 'heading', sections: 1, questions: 5, notes: 0, added: 5 },
      { id: 'details-blocks', style: 'details', sections: 1, questions: 3, notes: 0, added: 3 },
      { id: 'bold', style: 'bold', sections: 2, questions: 5, notes: 0, added: 5 },
      { id: 'heading', style: 'heading', sections: 2, questions: 6, notes: 0, added: 6 },
      { id: 'details', style: 'details', sections: 2, questions: 4, notes: 0, added: 4 },
      { id: 'ml-junior', style: 'list', sections: 9, questions: 58, notes: 1, added: 58 },
    ]);
    const { bank } = await readExistingBank(dynamo(), 'bold-lines-theory');
    expect(bank).toMatchObject({
      sourceFile: 'bold-lines.theory.en.md',
      sourceUrlBase: `${BASE}bold-lines.theory.en.md`,
    });
  });

  it('imports a choice bank: kinds in the summary, options and explanations stored, a re-import writes nothing', async () => {
    const CHOICES = path.join(FIXTURES, 'choices/task-lists.en.md');
    const [summary] = await importBankFiles(dynamo(), [CHOICES], { sourceUrl: BASE });
    expect(summary).toMatchObject({
      style: 'heading',
      questions: 6,
      kinds: { OPEN: 2, SINGLE_CHOICE: 2, MULTIPLE_CHOICE: 1, TRUE_FALSE: 1 },
    });
    expect(summary!.warnings.map((w) => w.line)).toEqual([36, 49]);
    const { questions } = await readExistingBank(dynamo(), 'task-lists');
    const first = questions.find((q) => q.text.startsWith('Which metric'))!;
    expect(first).toMatchObject({ kind: 'SINGLE_CHOICE', references: ['https://example.org/imbalanced-metrics'] });
    expect(first.options.map((o) => [o.text, o.correct])).toEqual([
      ['Accuracy', false],
      ['Precision-recall AUC', true],
      ['Mean squared error', false],
    ]);
    dynamo().calls.reset();
    const [again] = await importBankFiles(dynamo(), [CHOICES], { sourceUrl: BASE });
    expect(again).toMatchObject({ unchanged: 6, added: 0, updated: 0 });
    expect(writeCalls(dynamo())).toBe(0);
  });

  it('counts every question of the first bank as open', async () => {
    const [summary] = await importBankFiles(dynamo(), [SHIPPED_BANK], { dryRun: true });
    expect(summary!.kinds).toEqual({ OPEN: 58, SINGLE_CHOICE: 0, MULTIPLE_CHOICE: 0, TRUE_FALSE: 0 });
  });

  it('leaves the first bank as it was: same style, sections, questions and numbering warnings', async () => {
    dynamo().calls.reset();
    const [summary] = await importBankFiles(dynamo(), [SHIPPED_BANK], { sourceUrl: BASE });
    expect(summary).toMatchObject({ style: 'list', sections: 9, questions: 58, notes: 1, unchanged: 58 });
    expect(writeCalls(dynamo())).toBe(0);
    expect(summary!.warnings.map((w) => w.line)).toEqual([67, 67, 69, 71, 73, 107, 150, 150, 152]);
  });

  it('stores difficulties and source links on the question items', async () => {
    const { questions } = await readExistingBank(dynamo(), 'heading');
    const byText = new Map(questions.map((q) => [q.text, q]));
    expect(byText.get('Explain window functions')).toMatchObject({
      difficulty: 3,
      sourceUrl: 'https://example.org/windows',
    });
    expect(byText.get('What is a primary key?')).toMatchObject({
      id: 'heading/pk',
      difficulty: 2,
      tags: ['keys'],
      sourceUrl: null,
    });
  });

  it('re-importing all of them unchanged writes nothing', async () => {
    dynamo().calls.reset();
    const summaries = await importBankFiles(dynamo(), [...STYLE_BANKS, SHIPPED_BANK], { sourceUrl: BASE });
    expect(summaries.map((s) => [s.added, s.updated, s.retired])).toEqual(summaries.map(() => [0, 0, 0]));
    expect(writeCalls(dynamo())).toBe(0);
  });

  describe('exported and imported into a fresh table', () => {
    const fresh = useTable();

    it.each(['bold-lines-theory', 'heading-questions', 'details-blocks', 'bold', 'heading', 'details', 'ml-junior'])(
      'gives %s the same ids, texts, answers, tags and difficulties',
      async (bankId) => {
        const markdown = await exportStoredBank(dynamo(), bankId);
        const file = bankFile(`${bankId}.md`, markdown!);
        const [summary] = await importBankFiles(fresh(), [file]);
        expect(summary).toMatchObject({ id: bankId, style: 'list', retired: 0 });
        expect(await storedFacts(fresh(), bankId)).toEqual(await storedFacts(dynamo(), bankId));
      },
    );

    it('has nothing to export for an unknown bank', async () => {
      expect(await exportStoredBank(dynamo(), 'nope')).toBeNull();
    });
  });
});
