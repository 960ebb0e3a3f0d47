import { readFileSync } from 'node:fs';
import { parseBank } from '../../src/domain/bank';
import { LONG_ANSWERS_BANK } from '../support/banks';
import { bankSource } from './parse-bank.given';

describe('a heading per question with long answers', () => {
  it('reads our fixture: one section named after the bank, each answer with its sub-headings, lists and code', () => {
    const bank = parseBank(readFileSync(LONG_ANSWERS_BANK, 'utf8'), 'long-answers.en.md');
    expect([bank.style, bank.title, bank.description, bank.warnings]).toEqual([
      'heading',
      'Python interview answers',
      'Each answer is a short article: read it after trying the question yourself.',
      [],
    ]);
    expect(bank.sections.map((s) => [s.slug, s.title, s.description])).toEqual([
      ['python-interview-answers', 'Python interview answers', ''],
    ]);
    expect(
      bank.sections[0]!.questions.map(({ number, text, answer, difficulty, sourceUrl, topic, line }) => ({
        number,
        text,
        answer,
        difficulty,
        sourceUrl,
        topic,
        line,
      })),
    ).toEqual([
      {
        number: '1',
        text: 'Decorators',
        answer: [
          'A decorator takes a function and returns another one.',
          '',
          '### Syntax',
          '',
          '- `@cache` above a `def`',
          '- the same as `f = cache(f)`',
          '',
          '```python',
          '@cache',
          'def fib(n):',
          '    return n if n < 2 else fib(n - 1) + fib(n - 2)',
          '```',
          '',
          '### When to use them',
          '',
          '- logging and timing',
          '- caching results',
        ].join('\n'),
        difficulty: null,
        sourceUrl: null,
        topic: null,
        line: 5,
      },
      {
        number: '2',
        text: 'What is the GIL?',
        answer: [
          '### Short answer',
          '',
          'A lock that lets one thread run Python bytecode at a time.',
          '',
          '### Consequences',
          '',
          '- threads do not speed up CPU-bound code',
          '- I/O-bound threads still overlap',
        ].join('\n'),
        difficulty: 2,
        sourceUrl: null,
        topic: null,
        line: 25,
      },
      {
        number: '3',
        text: 'Generators',
        answer: [
          'A function with `yield` returns an iterator that computes values lazily.',
          '',
          '- memory stays flat for long sequences',
          '- they can be chained into pipelines',
          '',
          'Use them for streams you read once.',
        ].join('\n'),
        difficulty: null,
        sourceUrl: 'https://example.org/generators',
        topic: null,
        line: 36,
      },
    ]);
  });

  it('takes the level above the questions for sections when there is one', () => {
    const source = bankSource(
      '# Interview answers',
      '',
      '## Python',
      '',
      '### 1. Decorators',
      '',
      '#### Syntax',
      '',
      '- `@cache`',
      '',
      '### 2. What is the GIL?',
      '',
      'A lock.',
      '',
      '## SQL',
      '',
      '### 3. Joins',
      '',
      'Rows matched by a key.',
      '',
      '- inner',
      '- left',
      '',
      'Outer joins keep the rest.',
    );
    const bank = parseBank(source, 'answers.md');
    expect(bank.style).toBe('heading');
    expect(bank.sections.map((s) => [s.title, s.questions.map((q) => [q.number, q.text, q.answer])])).toEqual([
      [
        'Python',
        [
          ['1', 'Decorators', '#### Syntax\n\n- `@cache`'],
          ['2', 'What is the GIL?', 'A lock.'],
        ],
      ],
      ['SQL', [['3', 'Joins', 'Rows matched by a key.\n\n- inner\n- left\n\nOuter joins keep the rest.']]],
    ]);
  });

  it('keeps numbered sub-headings that start again under each question inside its answer', () => {
    const source = bankSource(
      '# Python',
      '',
      '## 1. Decorators',
      '',
      'Wrap a function.',
      '',
      '### 1. Syntax',
      '',
      '- `@cache`',
      '',
      '### 2. Use',
      '',
      '- logging',
      '',
      '## 2. The GIL',
      '',
      '### 1. Effects',
      '',
      '- one thread at a time',
    );
    const bank = parseBank(source, 'python.md');
    expect(bank.style).toBe('heading');
    expect(bank.sections[0]!.questions.map((q) => [q.number, q.text, q.answer])).toEqual([
      ['1', 'Decorators', 'Wrap a function.\n\n### 1. Syntax\n\n- `@cache`\n\n### 2. Use\n\n- logging'],
      ['2', 'The GIL', '### 1. Effects\n\n- one thread at a time'],
    ]);
    expect(bank.warnings).toEqual([]);
  });

  it('keeps deeper numbered headings as questions when they ask with "?" or their numbers run on', () => {
    const asking = bankSource(
      '## 1. Basics',
      '',
      '### 1. What is a list?',
      '',
      '## 2. SQL',
      '',
      '### 1. What is a join?',
    );
    const runningOn = bankSource(
      '## 1. Basics',
      '',
      '### 1. Lists',
      '',
      'Text.',
      '',
      '## 2. SQL',
      '',
      '### 2. Joins',
      '',
      'Text.',
    );
    for (const source of [asking, runningOn]) {
      const bank = parseBank(source, 'test.md');
      expect(bank.sections.map((s) => [s.title, s.questions.map((q) => q.text)])).toEqual([
        ['1. Basics', [expect.any(String)]],
        ['2. SQL', [expect.any(String)]],
      ]);
    }
  });
});
