import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseBank } from '../../src/domain/bank';
import { exportBank } from '../../src/domain/bank/export';
import { EMPTY, importInto } from './import.given';
import { bankSource, onlyQuestion } from './parse-bank.given';

const FIXTURE = path.join(__dirname, '../fixtures/choices/task-lists.en.md');
const facts = (q: ReturnType<typeof onlyQuestion>) => ({
  kind: q.kind,
  text: q.text,
  answer: q.answer,
  options: q.options.map((o) => [o.text, o.correct]),
  explanation: q.explanation,
  references: q.references,
});

describe('choice questions from task lists', () => {
  const bank = parseBank(readFileSync(FIXTURE, 'utf8'), 'task-lists.en.md');
  const questions = bank.sections.flatMap((s) => s.questions);

  it('reads heading questions with options, explanation and references', () => {
    expect(bank.style).toBe('heading');
    expect(questions.map((q) => q.kind)).toEqual([
      'SINGLE_CHOICE',
      'MULTIPLE_CHOICE',
      'TRUE_FALSE',
      'SINGLE_CHOICE',
      'OPEN',
      'OPEN',
    ]);
    expect(facts(questions[0]!)).toEqual({
      kind: 'SINGLE_CHOICE',
      text: 'Which metric stays meaningful when 99 % of the samples are negative?',
      answer: '',
      options: [
        ['Accuracy', false],
        ['Precision-recall AUC', true],
        ['Mean squared error', false],
      ],
      explanation:
        'accuracy rewards predicting "negative" every time; PR AUC looks only at how well the rare positives are found.',
      references: ['https://example.org/imbalanced-metrics'],
    });
  });

  it('takes * items and [X] marks, and an explanation without bold', () => {
    expect(questions[1]!.options.map((o) => o.correct)).toEqual([true, true, false]);
    expect(questions[2]!.explanation).toBe('perfect training accuracy is often a sign of overfitting.');
  });

  it('puts code and images between the question and its options into the text, and drops empty options', () => {
    expect(questions[3]!.text).toBe(
      'What does this snippet print?\n\n```python\nprint(len({1, 1, 2}))\n```\n\n![the set](images/q4.png)',
    );
    expect(questions[3]!.options.map((o) => o.text)).toEqual(['3', '2']);
  });

  it('keeps a) / b) lines as prose: the question stays open', () => {
    expect(facts(questions[4]!)).toMatchObject({
      kind: 'OPEN',
      answer: 'a) Hinge of squares\nb) Log loss\n\nThe answer is b).',
      options: [],
    });
  });

  it('makes options none of which is marked an open question that keeps them in its text', () => {
    expect(facts(questions[5]!)).toMatchObject({
      kind: 'OPEN',
      text: 'Which optimiser uses momentum?\n\n- [ ] SGD without momentum\n- [ ] Plain gradient descent',
      options: [],
    });
  });

  it('warns about the relative image, the empty option and the unmarked options on their lines', () => {
    expect(bank.warnings).toEqual([
      { line: 34, message: 'relative link "images/q4.png" is kept as written: --source-url resolves it' },
      { line: 36, message: 'an empty option is dropped' },
      { line: 49, message: 'none of the 2 options is marked "[x]": the question is open and they stay in its text' },
    ]);
  });

  it('resolves relative links and images against the file URL', () => {
    const resolved = parseBank(readFileSync(FIXTURE, 'utf8'), 'task-lists.en.md', {
      fileUrl: 'https://github.com/o/r/blob/main/banks/task-lists.en.md',
    });
    expect(resolved.sections[0]!.questions[3]!.text).toContain(
      '![the set](https://github.com/o/r/blob/main/banks/images/q4.png)',
    );
    expect(resolved.warnings.map((w) => w.line)).toEqual([36, 49]);
  });
});

describe('options in every style', () => {
  it('reads a task list nested in a list item', () => {
    const q = onlyQuestion(
      bankSource(
        '## S',
        '',
        '1. Which is a tree ensemble?',
        '   - [ ] Logistic regression',
        '   - [x] Random forest',
        '',
        '   **Объяснение**: лес — ансамбль деревьев.',
      ),
    );
    expect(facts(q)).toEqual({
      kind: 'SINGLE_CHOICE',
      text: 'Which is a tree ensemble?',
      answer: '',
      options: [
        ['Logistic regression', false],
        ['Random forest', true],
      ],
      explanation: 'лес — ансамбль деревьев.',
      references: [],
    });
  });

  it('reads options after a bold question line, and Russian true/false', () => {
    const q = onlyQuestion(
      bankSource('## S', '', '**Градиентный спуск всегда находит глобальный минимум?**', '', '- [ ] Да', '- [x] Нет'),
    );
    expect(q.kind).toBe('TRUE_FALSE');
  });

  it('reads Верно/Неверно and Yes/No as true/false, but not two other options', () => {
    const kindOf = (a: string, b: string) =>
      onlyQuestion(bankSource('## S', '', `- Q? <!-- id: q -->`, `  - [x] ${a}`, `  - [ ] ${b}`)).kind;
    expect([kindOf('Верно', 'Неверно'), kindOf('Yes', 'No'), kindOf('Red', 'Blue')]).toEqual([
      'TRUE_FALSE',
      'TRUE_FALSE',
      'SINGLE_CHOICE',
    ]);
  });

  it('reads Пояснение: as an explanation too', () => {
    const q = onlyQuestion(bankSource('## S', '', '- Q?', '  - [x] A', '  - [ ] B', '', '  Пояснение: потому что.'));
    expect(q.explanation).toBe('потому что.');
  });
});

describe('exporting choice questions', () => {
  it('writes options, marks, explanations and references back, keeping every id', () => {
    const first = importInto(EMPTY, readFileSync(FIXTURE, 'utf8'), 'task-lists.en.md');
    const markdown = exportBank({ bank: first.next.bank, catalog: first.next.catalog, questions: first.active });
    const again = importInto(EMPTY, markdown, 'task-lists.en.md');
    const kept = (active: typeof first.active) =>
      active.map((q) => ({
        id: q.id,
        kind: q.kind,
        text: q.text,
        options: q.options,
        explanation: q.explanation,
        references: q.references,
      }));
    expect(again.parsed.style).toBe('list');
    expect(kept(again.active)).toEqual(kept(first.active));
  });

  it('keeps option ids through re-ordering and a small edit', () => {
    const source = (options: string[]) => bankSource('## S', '', '- Which? <!-- id: q -->', ...options);
    const first = importInto(EMPTY, source(['  - [x] Gradient boosting', '  - [ ] K-means']), 'b.md');
    const second = importInto(first.next, source(['  - [ ] K-means clustering', '  - [x] Gradient boosting']), 'b.md');
    const ids = (active: typeof first.active) => Object.fromEntries(active[0]!.options.map((o) => [o.text, o.id]));
    expect(ids(second.active)).toEqual({
      'K-means clustering': ids(first.active)['K-means'],
      'Gradient boosting': ids(first.active)['Gradient boosting'],
    });
  });
});

describe('the shipped English bank', () => {
  const file = path.join(__dirname, '../../seed/banks/ml-fundamentals.en.md');
  const bank = parseBank(readFileSync(file, 'utf8'), 'ml-fundamentals.en.md');
  const questions = bank.sections.flatMap((s) => s.questions);

  it('mixes every kind, with tags and difficulties on every question, and imports without a warning', () => {
    const kinds: Record<string, number> = {};
    for (const q of questions) kinds[q.kind] = (kinds[q.kind] ?? 0) + 1;
    expect(kinds).toEqual({ OPEN: 18, SINGLE_CHOICE: 10, TRUE_FALSE: 7, MULTIPLE_CHOICE: 6 });
    expect(bank.warnings).toEqual([]);
    expect(questions.filter((q) => q.tags.length === 0 || q.difficulty === null)).toEqual([]);
    expect(questions.filter((q) => q.kind === 'OPEN' && q.answer === '')).toEqual([]);
  });
});
