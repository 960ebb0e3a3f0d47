import { readFileSync } from 'node:fs';
import { parseBank, type ParsedBank } from '../../src/domain/bank';
import { SHARED_BOLD_BANK, styleFixture } from '../support/banks';
import { bankSource } from './parse-bank.given';

/** What a question without options has besides its text and answer. */
const OPEN_QUESTION = { kind: 'OPEN', options: [], explanation: null, references: [], stem: null } as const;

const questionsOf = (bank: ParsedBank) => bank.sections.flatMap((section) => section.questions);
const difficultyCounts = (bank: ParsedBank) =>
  questionsOf(bank).reduce<Record<string, number>>(
    (counts, q) => ({ ...counts, [String(q.difficulty)]: (counts[String(q.difficulty)] ?? 0) + 1 }),
    {},
  );

describe('bold style: the shared sample (bold-lines.theory.en.md)', () => {
  const bank = parseBank(readFileSync(SHARED_BOLD_BANK, 'utf8'), 'bold-lines.theory.en.md');

  it('is detected as bold lines, titled by its "#" heading', () => {
    expect(bank).toMatchObject({
      id: 'bold-lines-theory',
      title: 'Theoretical interview questions',
      locale: 'en',
      style: 'bold',
      sourceFile: 'bold-lines.theory.en.md',
    });
  });

  it('has 19 topic sections: the table of contents, which holds no questions, is not one', () => {
    expect(bank.sections.map((s) => s.title)).toEqual([
      'Supervised machine learning',
      'Linear regression',
      'Validation',
      'Classification',
      'Regularization',
      'Feature selection',
      'Decision trees',
      'Random forest',
      'Gradient boosting',
      'Parameter tuning',
      'Neural networks',
      'Optimization in neural networks',
      'Neural networks for computer vision',
      'Text classification',
      'Clustering',
      'Dimensionality reduction',
      'Ranking and search',
      'Recommender systems',
      'Time series',
    ]);
    expect(bank.sections.map((s) => s.questions.length)).toEqual([
      1, 13, 6, 19, 15, 5, 6, 9, 8, 2, 9, 12, 13, 14, 7, 3, 11, 6, 7,
    ]);
  });

  it('has 166 questions: 40 easy, 113 medium, 13 expert (the one marked ⭐️🚀 counts as expert)', () => {
    expect(questionsOf(bank)).toHaveLength(166);
    expect(difficultyCounts(bank)).toEqual({ 1: 40, 2: 113, 3: 13 });
    expect(questionsOf(bank).find((q) => q.line === 1384)).toMatchObject({
      text: 'Possible approaches to solving the cold start problem?',
      difficulty: 3,
    });
  });

  it('takes the bold and the marker off the question, and the blocks up to <br/> as its answer', () => {
    const [first] = questionsOf(bank);
    expect(first).toEqual({
      ...OPEN_QUESTION,
      explicitId: null,
      number: null,
      text: 'What is supervised machine learning?',
      answer: expect.stringMatching(
        /^Supervised learning is a type of machine learning[\s\S]*k-Nearest Neighbors\(KNN\):Looking at the k closest labeled data points$/,
      ),
      tags: [],
      difficulty: 1,
      topic: null,
      line: 45,
      sourceUrl: null,
    });
  });

  it('keeps the words of a question whose marker has a typo glued to it', () => {
    expect(questionsOf(bank).find((q) => q.text.startsWith('What is the area under the PR curve?'))).toMatchObject({
      text: 'What is the area under the PR curve? Is it a useful metric? I',
      difficulty: 2,
    });
  });

  it('reports the table of contents and the text a <br/> cut off from its answer', () => {
    expect(bank.warnings).toEqual([
      { line: 19, message: 'section "Table of contents" holds no questions: it is not a section of the bank' },
      { line: 1116, message: 'text outside the questions of a section is ignored' },
      { line: 1118, message: 'text outside the questions of a section is ignored' },
      { line: 1120, message: 'text outside the questions of a section is ignored' },
    ]);
  });
});

describe('bold style: our fixture (bold.en.md)', () => {
  const bank = parseBank(readFileSync(styleFixture('bold.en.md'), 'utf8'), 'bold.en.md');

  it('reads two sections, the preamble as the description, and leaves out the contents section', () => {
    expect(bank).toMatchObject({
      title: 'Statistics warm-up',
      description: 'Legend: 👶 easy, ⭐️ medium, 🚀 expert.',
      style: 'bold',
    });
    expect(bank.sections.map(({ title, line, description }) => ({ title, line, description }))).toEqual([
      { title: 'Basics', line: 12, description: '' },
      { title: 'Testing', line: 43, description: '' },
    ]);
  });

  it('reads every question exactly', () => {
    expect(questionsOf(bank)).toEqual([
      {
        ...OPEN_QUESTION,
        explicitId: null,
        number: null,
        text: 'What is a p-value?',
        answer: 'The probability of data at least this extreme under the null hypothesis.',
        tags: [],
        difficulty: 1,
        topic: null,
        line: 14,
        sourceUrl: null,
      },
      {
        ...OPEN_QUESTION,
        explicitId: 'clt',
        number: null,
        text: 'What is the central limit theorem?',
        answer:
          '**Answer:**\n\nMeans of large samples are close to normal.\n\n```python\n# not a heading: a comment in code\nmeans = [sample().mean() for _ in range(1000)]\n```',
        tags: ['theory', 'sampling'],
        difficulty: 2,
        topic: null,
        line: 20,
        sourceUrl: null,
      },
      {
        ...OPEN_QUESTION,
        explicitId: null,
        number: '1',
        text: 'Why does bootstrapping work?',
        answer: '- resample with replacement\n- the spread of the statistic approximates its sampling distribution',
        tags: [],
        difficulty: 3,
        topic: null,
        line: 34,
        sourceUrl: 'https://example.org/boot',
      },
      {
        ...OPEN_QUESTION,
        explicitId: null,
        number: null,
        text: 'How long should an A/B test run?',
        answer: 'Until the planned sample size is reached, never "until significant".',
        tags: [],
        difficulty: 3,
        topic: 'A/B tests',
        line: 47,
        sourceUrl: null,
      },
      {
        ...OPEN_QUESTION,
        explicitId: null,
        number: null,
        text: 'What is a false positive?',
        answer: '',
        tags: [],
        difficulty: 1,
        topic: 'A/B tests',
        line: 51,
        sourceUrl: null,
      },
    ]);
  });

  it('warns about the empty contents section and the remark after a <br/>', () => {
    expect(bank.warnings).toEqual([
      { line: 5, message: 'section "Contents" holds no questions: it is not a section of the bank' },
      { line: 41, message: 'text outside the questions of a section is ignored' },
    ]);
  });
});

describe('bold style: rules', () => {
  it('ends an answer at a heading, and takes a --- line as a separator too', () => {
    const bank = parseBank(
      bankSource('## S', '**A?**', '', 'a', '', '---', '', '**B?**', '', 'b', '### Topic', '**C?**'),
      'test.md',
      { style: 'bold' },
    );
    expect(questionsOf(bank).map(({ text, answer, topic }) => [text, answer, topic])).toEqual([
      ['A?', 'a', null],
      ['B?', 'b', null],
      ['C?', '', 'Topic'],
    ]);
  });

  it('takes blocks before the first bold line as the section description', () => {
    const bank = parseBank(bankSource('## S', '', 'About this section.', '', '**Q?**'), 'test.md');
    expect(bank.sections[0]).toMatchObject({ description: 'About this section.', questions: [{ text: 'Q?' }] });
  });

  it('fails on a bold line that holds nothing but a source link, at its line', () => {
    const source = bankSource('## S', '**Q?**', '', '<br/>', '', '**[[src](https://example.org)]**');
    expect(() => parseBank(source, 'test.md')).toThrow(
      expect.objectContaining({ line: 6, message: 'the question has no text' }),
    );
  });

  it('does not take a bold line that is only an emoji for a question', () => {
    const bank = parseBank(bankSource('## S', '**Q?**', '', '**👶**'), 'test.md');
    expect(questionsOf(bank).map(({ text, answer }) => [text, answer])).toEqual([['Q?', '**👶**']]);
  });
});
