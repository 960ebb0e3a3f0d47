import { readFileSync } from 'node:fs';
import { parseBank, type ParsedBank } from '../../src/domain/bank';
import { SHARED_HEADING_BANK, styleFixture } from '../support/banks';
import { bankSource } from './parse-bank.given';

const questionsOf = (bank: ParsedBank) => bank.sections.flatMap((section) => section.questions);

describe('heading style: the shared sample (heading-questions.en.md)', () => {
  const bank = parseBank(readFileSync(SHARED_HEADING_BANK, 'utf8'), 'heading-questions.en.md');

  it('is detected as one heading per question, the "#" heading its title', () => {
    expect(bank).toMatchObject({
      id: 'heading-questions',
      title: '5 Data Engineering Interview Questions',
      description: 'Collected for practice. Sources are linked after each question.',
      style: 'heading',
    });
  });

  it('has one section: "Resources" holds no questions', () => {
    expect(bank.sections.map(({ title, slug, line, description }) => ({ title, slug, line, description }))).toEqual([
      { title: 'Questions', slug: 'questions', line: 10, description: '' },
    ]);
  });

  it('reads the five "####" questions: numbers, source links, code and nested headings in answers', () => {
    expect(
      questionsOf(bank).map(({ number, text, answer, line, sourceUrl }) => ({ number, text, answer, line, sourceUrl })),
    ).toEqual([
      {
        number: '1',
        text: 'What is the difference between a data lake and a data warehouse?',
        answer: 'A lake stores raw data in open formats; a warehouse stores modelled, query-ready data.',
        line: 12,
        sourceUrl: 'https://example.org/lake',
      },
      {
        number: '2',
        text: 'When would you choose batch over stream processing?',
        answer:
          '```python\n# a comment in code is not a heading\nrun_nightly(job)\n```\n\nBatch is simpler when the consumer tolerates hours of delay.',
        line: 16,
        sourceUrl: 'https://example.org/batch',
      },
      {
        number: '3',
        text: 'What is idempotency in an ETL job?',
        answer: '##### Details\n\nRe-running the job with the same input leaves the same output.',
        line: 25,
        sourceUrl: null,
      },
      { number: '4', text: 'Explain partition pruning.', answer: '', line: 31, sourceUrl: null },
      {
        number: '4',
        text: 'Explain slowly changing dimensions (type 2).',
        answer: 'History rows with validity intervals.',
        line: 33,
        sourceUrl: null,
      },
    ]);
    expect(questionsOf(bank).every((q) => q.difficulty === null && q.topic === null)).toBe(true);
  });

  it('reports the dropped section and the reused number 4', () => {
    expect(bank.warnings).toEqual([
      { line: 5, message: 'section "Resources" holds no questions: it is not a section of the bank' },
      { line: 33, message: 'numbering restarts at 4 after 4' },
      { line: 33, message: 'number 4 is used again (first at line 31)' },
    ]);
  });
});

describe('heading style: our fixture (heading.en.md)', () => {
  const bank = parseBank(readFileSync(styleFixture('heading.en.md'), 'utf8'), 'heading.en.md');

  it('reads "##" sections over "####" questions, with "###" topics between them', () => {
    expect(bank).toMatchObject({
      title: 'SQL interview questions',
      description: 'Practice set. [E], [M] and [H] mark the difficulty.',
      style: 'heading',
    });
    expect(bank.sections.map((s) => [s.title, s.line, s.questions.map((q) => q.topic)])).toEqual([
      ['Basics', 10, [null, null, null]],
      ['Performance', 36, ['Indexes', 'Indexes', 'Joins']],
    ]);
  });

  it('reads every question exactly: [E]/[M]/[H], "(hard)", a source link, a metadata comment', () => {
    expect(
      questionsOf(bank).map(({ explicitId, number, text, tags, difficulty, line, sourceUrl }) => ({
        explicitId,
        number,
        text,
        tags,
        difficulty,
        line,
        sourceUrl,
      })),
    ).toEqual([
      {
        explicitId: null,
        number: '1',
        text: 'What does SELECT DISTINCT do?',
        tags: [],
        difficulty: 1,
        line: 12,
        sourceUrl: null,
      },
      {
        explicitId: 'pk',
        number: '2',
        text: 'What is a primary key?',
        tags: ['keys'],
        difficulty: 2,
        line: 16,
        sourceUrl: null,
      },
      {
        explicitId: null,
        number: '3',
        text: 'Explain window functions',
        tags: [],
        difficulty: 3,
        line: 29,
        sourceUrl: 'https://example.org/windows',
      },
      {
        explicitId: null,
        number: null,
        text: 'When does an index not help?',
        tags: [],
        difficulty: 3,
        line: 40,
        sourceUrl: null,
      },
      {
        explicitId: null,
        number: null,
        text: 'What is a covering index?',
        tags: [],
        difficulty: null,
        line: 44,
        sourceUrl: null,
      },
      {
        explicitId: null,
        number: '4',
        text: 'What is the difference between INNER and LEFT JOIN?',
        tags: [],
        difficulty: null,
        line: 48,
        sourceUrl: null,
      },
    ]);
  });

  it('keeps deeper headings and "#" lines of code inside answers, and drops a trailing separator', () => {
    expect(questionsOf(bank).map((q) => q.answer)).toEqual([
      'Removes duplicate rows from the result.',
      'A column set that identifies each row.\n\n##### Example\n\n```sql\n# a comment line in code, not a heading\n## neither is this\nCREATE TABLE t (id INT PRIMARY KEY);\n```',
      '- they compute over a frame of rows\n- without collapsing the rows',
      'When the query reads most of the table anyway.',
      '',
      '1. INNER keeps matching rows only.\n2. LEFT keeps every row of the left table.',
    ]);
    expect(bank.warnings).toEqual([
      { line: 5, message: 'section "Useful links" holds no questions: it is not a section of the bank' },
    ]);
  });
});

describe('heading style: levels', () => {
  it('makes a file of "##" questions under a "#" title one section named after the bank', () => {
    const bank = parseBank(
      bankSource('# Go questions', '', '## 1. What is a goroutine?', 'A light thread.', '', '## 2. What is a channel?'),
      'go.md',
    );
    expect(bank.sections.map(({ title, slug }) => [title, slug])).toEqual([['Go questions', 'go-questions']]);
    expect(questionsOf(bank).map(({ number, text, answer }) => [number, text, answer])).toEqual([
      ['1', 'What is a goroutine?', 'A light thread.'],
      ['2', 'What is a channel?', ''],
    ]);
  });

  it('takes "#" headings for sections when there are several of them', () => {
    const bank = parseBank(
      bankSource('# Go', '## What is a goroutine?', '# Rust', '## What is ownership?', '## What is borrowing?'),
      'langs.md',
    );
    expect(bank.title).toBe('langs');
    expect(bank.sections.map((s) => [s.title, s.questions.length])).toEqual([
      ['Go', 1],
      ['Rust', 2],
    ]);
  });

  it('asks at the level where most headings read as questions, deeper on a tie', () => {
    const tie = parseBank(
      bankSource('## Is this a section?', '### What is A?', '## Another?', '### What is C?'),
      'test.md',
    );
    expect(tie.sections.map((s) => [s.title, s.questions.map((q) => q.text)])).toEqual([
      ['Is this a section?', ['What is A?']],
      ['Another?', ['What is C?']],
    ]);
    const most = parseBank(
      bankSource('## 1. What is A?', '### Details?', '## 2. What is B?', '## 3. What is C?'),
      'test.md',
    );
    expect(questionsOf(most).map((q) => [q.text, q.answer])).toEqual([
      ['What is A?', '### Details?'],
      ['What is B?', ''],
      ['What is C?', ''],
    ]);
  });

  it('reads a setext heading at the question level as a question', () => {
    const bank = parseBank(
      bankSource(
        '# Title',
        '',
        'What is a lake?',
        '---------------',
        '',
        'Raw storage.',
        '',
        '## What is a warehouse?',
      ),
      'test.md',
      { style: 'heading' },
    );
    expect(questionsOf(bank).map(({ text, answer, line }) => [text, answer, line])).toEqual([
      ['What is a lake?', 'Raw storage.', 3],
      ['What is a warehouse?', '', 8],
    ]);
  });
});
