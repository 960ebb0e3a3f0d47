import { readFileSync } from 'node:fs';
import path from 'node:path';
import { exportBank, noteItem, questionItem } from '../../src/domain/bank/export';
import type { QuestionRecord } from '../../src/domain/content';
import { ALL_SAMPLE_BANKS } from '../support/banks';
import { EMPTY, importInto, questionFacts } from './import.given';
import { bankSource } from './parse-bank.given';

const record = (fields: Partial<QuestionRecord>): QuestionRecord => ({
  id: 'demo/q1',
  bankId: 'demo',
  localId: 'q1',
  sectionSlug: 's',
  text: 'What is X?',
  answer: '',
  tags: [],
  difficulty: null,
  topic: null,
  sourceUrl: null,
  kind: 'OPEN',
  options: [],
  explanation: null,
  references: [],
  stem: null,
  contentHash: '',
  revision: 'r1',
  retired: false,
  retiredAt: null,
  lastPosition: null,
  lastNumber: null,
  lastLine: null,
  createdAt: '',
  updatedAt: '',
  ...fields,
});

describe('exportBank: list items', () => {
  it('writes a numbered question with its metadata on the line after the text, and the answer indented', () => {
    const item = questionItem(
      { number: '12' },
      record({ text: 'What is X?\nReally?', answer: 'Because.\n\n```\ncode\n```', tags: ['a', 'b'], difficulty: 2 }),
    );
    expect(item).toBe(
      [
        '12. What is X?',
        '    Really?',
        '    <!-- id: q1; tags: a, b; difficulty: 2 -->',
        '',
        '    Because.',
        '',
        '    ```',
        '    code',
        '    ```',
      ].join('\n'),
    );
  });

  it('writes a bullet when the question has no printed number, and its source link back after the text', () => {
    expect(questionItem({ number: null }, record({ sourceUrl: 'https://example.org/x' }))).toBe(
      '- What is X? [[src](https://example.org/x)]\n  <!-- id: q1 -->',
    );
  });

  it('writes a note with its marker first, since a note need not start with a paragraph', () => {
    expect(noteItem('A remark.\n\nMore.')).toBe('- <!-- note -->\n  A remark.\n\n  More.');
  });
});

describe('exportBank: a whole bank', () => {
  const source = bankSource(
    '---',
    'id: demo',
    'title: "Demo: a bank"',
    'level: junior',
    '---',
    'About the bank.',
    '## Basics *now*',
    '',
    'About basics.',
    '',
    '1. What is X? <!-- tags: t1 -->',
    '',
    '   X is x.',
    '',
    '### Deeper',
    '',
    '- What is Y? [[src](https://example.org/y)] <!-- difficulty: 3 -->',
    '- Remark. <!-- note -->',
  );
  const stored = importInto(EMPTY, source, 'demo.md');
  const [x, y] = stored.active;

  it('writes front matter, title, description, sections, topics, questions and notes in the canonical list style', () => {
    expect(exportBank({ bank: stored.next.bank, catalog: stored.next.catalog, questions: stored.next.questions })).toBe(
      [
        '---',
        'id: demo',
        'title: "Demo: a bank"',
        'level: junior',
        '---',
        '',
        '# Demo: a bank',
        '',
        'About the bank.',
        '',
        '## Basics now',
        '',
        'About basics.',
        '',
        '1. What is X?',
        `   <!-- id: ${x!.localId}; tags: t1 -->`,
        '',
        '   X is x.',
        '',
        '### Deeper',
        '',
        '- What is Y? [[src](https://example.org/y)]',
        `  <!-- id: ${y!.localId}; difficulty: 3 -->`,
        '',
        '- <!-- note -->',
        '  Remark.',
        '',
      ].join('\n'),
    );
  });

  it('escapes what would turn a title back into markup', () => {
    const escaped = importInto(
      EMPTY,
      bankSource('## \\*args and `**kwargs`', '- q', '## C# &amp;lt; C \\#', '- q'),
      'demo.md',
    );
    const markdown = exportBank({
      bank: escaped.next.bank,
      catalog: escaped.next.catalog,
      questions: escaped.next.questions,
    });
    expect(markdown).toContain('## \\*args and \\*\\*kwargs\n');
    expect(markdown).toContain('## C# \\&lt; C \\#\n');
    expect(importInto(EMPTY, markdown, 'demo.md').parsed.sections.map((s) => s.title)).toEqual([
      '*args and **kwargs',
      'C# &lt; C #',
    ]);
  });
});

const ROOT = path.resolve(__dirname, '../..');
const SAMPLES = ALL_SAMPLE_BANKS.map((file) => [path.relative(ROOT, file), file]);

describe('round trip: import → export → import', () => {
  it.each(SAMPLES)('keeps the ids, texts, answers, tags and difficulties of %s', (_name, file) => {
    const original = importInto(EMPTY, readFileSync(file, 'utf8'), path.basename(file));
    const exported = exportBank({
      bank: original.next.bank,
      catalog: original.next.catalog,
      questions: original.next.questions,
    });
    const fresh = importInto(EMPTY, exported, path.basename(file));
    expect(fresh.parsed.style).toBe('list');
    expect(questionFacts(fresh.active)).toEqual(questionFacts(original.active));
    expect(fresh.active.map((q) => [q.topic, q.sourceUrl])).toEqual(original.active.map((q) => [q.topic, q.sourceUrl]));
    expect(fresh.parsed.sections.map((s) => [s.slug, s.title, s.notes])).toEqual(
      original.parsed.sections.map((s) => [s.slug, s.title, s.notes]),
    );

    // Imported over the original, the export changes no question: only their lines moved.
    const over = importInto(original.next, exported, path.basename(file));
    expect(over.plan.summary).toEqual({ added: 0, updated: 0, unchanged: original.active.length, retired: 0 });
    expect(over.plan.writes).toEqual([]);
  });

  it.each(SAMPLES)('re-importing %s unchanged plans no write at all', (_name, file) => {
    const source = readFileSync(file, 'utf8');
    const first = importInto(EMPTY, source, path.basename(file));
    const again = importInto(first.next, source, path.basename(file));
    expect(again.plan.summary).toEqual({ added: 0, updated: 0, unchanged: first.active.length, retired: 0 });
    expect([again.plan.writes, again.plan.retirements, again.plan.bankChanged, again.plan.catalog.changed]).toEqual([
      [],
      [],
      false,
      false,
    ]);
  });
});
