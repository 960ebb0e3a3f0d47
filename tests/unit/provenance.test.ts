import { contentHash } from '../../src/domain/identity';
import { questionSource, sourceUrlOfFile } from '../../src/domain/provenance';
import { EMPTY, importInto } from './import.given';
import { bankSource } from './parse-bank.given';

describe('provenance', () => {
  it('links a question to its line in the file: a folder URL gets the file name appended', () => {
    expect(sourceUrlOfFile('https://github.com/o/r/blob/83a2fef/theory.md', 'banks/theory.md')).toBe(
      'https://github.com/o/r/blob/83a2fef/theory.md',
    );
    expect(sourceUrlOfFile('https://github.com/o/r/blob/main/', 'banks/data science.md')).toBe(
      'https://github.com/o/r/blob/main/data%20science.md',
    );
    expect(questionSource({ sourceFile: 'theory.md', sourceUrlBase: 'https://x.org/theory.md' }, 45)).toEqual({
      file: 'theory.md',
      line: 45,
      url: 'https://x.org/theory.md#L45',
    });
    expect(questionSource({ sourceFile: null, sourceUrlBase: null }, 3)).toEqual({ file: '', line: 3, url: null });
  });

  it('records the source file and URL on the bank, and a changed URL rewrites only the bank', () => {
    const first = importInto(EMPTY, bankSource('## S', '1. What is X?'), 'dir/x.en.md', {
      sourceUrlBase: 'https://x.org/a.md',
    });
    expect(first.plan.bank).toMatchObject({ sourceFile: 'x.en.md', sourceUrlBase: 'https://x.org/a.md' });
    const moved = importInto(first.next, bankSource('## S', '1. What is X?'), 'dir/x.en.md', {
      sourceUrlBase: 'https://x.org/b.md',
    });
    expect([moved.plan.bankChanged, moved.plan.catalog.changed, moved.plan.writes]).toEqual([true, false, []]);
  });

  it('hashes a question without a source link as before source links were read, so stored banks stay unchanged', () => {
    const { active } = importInto(EMPTY, bankSource('## S', '1. What is X? <!-- tags: t; difficulty: 2 -->'), 'x.md');
    const before = { sectionSlug: 's', text: 'What is X?', answer: '', tags: ['t'], difficulty: 2, topic: null };
    expect(active[0]).toMatchObject({ sourceUrl: null, contentHash: contentHash(before) });
  });

  it('treats a new source link as an edit of that question only', () => {
    const first = importInto(EMPTY, bankSource('## S', '1. What is X?', '2. What is Y?'), 'x.md');
    const linked = importInto(
      first.next,
      bankSource('## S', '1. What is X? [[src](https://x.org/x)]', '2. What is Y?'),
      'x.md',
    );
    expect(linked.plan.summary).toEqual({ added: 0, updated: 1, unchanged: 1, retired: 0 });
    expect(linked.plan.writes.map((w) => [w.id, w.sourceUrl])).toEqual([[first.active[0]!.id, 'https://x.org/x']]);
  });

  it('remembers the line a retired question last started on', () => {
    const first = importInto(EMPTY, bankSource('## S', '', '1. What is X?', '2. What is Y?'), 'x.md');
    const next = importInto(first.next, bankSource('## S', '', '1. What is X?'), 'x.md');
    expect(next.plan.retirements.map((r) => [r.text, r.lastPosition, r.lastNumber, r.lastLine])).toEqual([
      ['What is Y?', 2, '2', 4],
    ]);
  });
});
