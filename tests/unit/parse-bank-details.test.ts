import { readFileSync } from 'node:fs';
import { parseBank, type ParsedBank } from '../../src/domain/bank';
import { SHARED_DETAILS_BANK, styleFixture } from '../support/banks';
import { bankSource } from './parse-bank.given';

/** What a question without options has besides its text and answer. */
const OPEN_QUESTION = { kind: 'OPEN', options: [], explanation: null, references: [], stem: null } as const;

const questionsOf = (bank: ParsedBank) => bank.sections.flatMap((section) => section.questions);

describe('details style: the shared sample (details-blocks.ru.md)', () => {
  const bank = parseBank(readFileSync(SHARED_DETAILS_BANK, 'utf8'), 'details-blocks.ru.md');

  it('has no headings, so it is one section named after the bank, its intro the bank description', () => {
    expect(bank).toMatchObject({
      id: 'details-blocks',
      title: 'details-blocks',
      locale: 'ru',
      description: 'Вопросы по базам данных\n\nОтветы короткие, подробности — по ссылкам.',
      style: 'details',
      warnings: [],
    });
    expect(bank.sections.map(({ title, slug, line, description }) => ({ title, slug, line, description }))).toEqual([
      { title: 'details-blocks', slug: 'details-blocks', line: 1, description: '' },
    ]);
  });

  it('reads the summaries as texts, HTML tags gone and "<" kept, and unwraps the answers', () => {
    expect(questionsOf(bank).map(({ text, answer, line }) => ({ text, answer, line }))).toEqual([
      {
        text: 'Что такое индекс и зачем он нужен?',
        answer: 'Структура данных, ускоряющая поиск строк по значению столбца.',
        line: 4,
      },
      {
        text: 'Чем отличается WHERE от HAVING',
        answer:
          'WHERE фильтрует строки до группировки, HAVING — группы после неё.\n<img width=400 src="https://example.org/where-having.png" alt="схема">',
        line: 11,
      },
      {
        text: 'Когда AUC < 0.5 и что это значит?',
        answer: 'Модель ранжирует хуже случайной: инвертируйте предсказания.',
        line: 19,
      },
    ]);
  });
});

describe('details style: our fixture (details.en.md)', () => {
  const bank = parseBank(readFileSync(styleFixture('details.en.md'), 'utf8'), 'details.en.md');

  it('reads "##" sections of <details> elements', () => {
    expect(bank).toMatchObject({ title: 'Machine learning checks', description: '', style: 'details', warnings: [] });
    expect(bank.sections.map((s) => [s.title, s.line, s.questions.length])).toEqual([
      ['Metrics', 4, 2],
      ['Data', 20, 2],
    ]);
  });

  it('reads every question exactly', () => {
    expect(questionsOf(bank)).toEqual([
      {
        ...OPEN_QUESTION,
        explicitId: null,
        number: null,
        text: 'When is AUC < 0.5, and what does it mean?',
        answer: 'The model ranks **worse** than chance:\n\n- invert its predictions\n- or look for a label bug',
        tags: [],
        difficulty: 3,
        topic: null,
        line: 6,
        sourceUrl: null,
      },
      {
        ...OPEN_QUESTION,
        explicitId: 'log-loss',
        number: null,
        text: 'What does `log_loss` punish?',
        answer: 'Confident wrong answers &mdash; hard.',
        tags: ['metrics'],
        difficulty: null,
        topic: null,
        line: 16,
        sourceUrl: null,
      },
      {
        ...OPEN_QUESTION,
        explicitId: null,
        number: null,
        text: 'Why shuffle before a split?',
        answer:
          'Sorted data would put whole classes in one split.\n<details><summary>Hint</summary>Think of time series.</details>',
        tags: [],
        difficulty: 2,
        topic: null,
        line: 22,
        sourceUrl: 'https://example.org/shuffle',
      },
      {
        ...OPEN_QUESTION,
        explicitId: null,
        number: null,
        text: 'An answerless question?',
        answer: '',
        tags: [],
        difficulty: null,
        topic: null,
        line: 30,
        sourceUrl: null,
      },
    ]);
  });
});

describe('details style: rules', () => {
  it('takes a <details> without a <summary> for ordinary content', () => {
    const bank = parseBank(
      bankSource('<details><summary>Q?</summary>A.</details>', '', '<details>No summary.</details>'),
      'test.md',
    );
    expect(questionsOf(bank).map((q) => q.text)).toEqual(['Q?']);
    expect(bank.warnings).toEqual([{ line: 3, message: 'text outside the questions of a section is ignored' }]);
  });

  it('ends an unclosed <details> with its block', () => {
    const bank = parseBank(bankSource('<details><summary>Q?</summary>A.', '', 'More text.'), 'test.md');
    expect(questionsOf(bank).map(({ text, answer }) => [text, answer])).toEqual([['Q?', 'A.']]);
  });
});
