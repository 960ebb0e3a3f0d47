import type { CatalogQuestion } from '../../src/domain/catalog';
import { DomainError } from '../../src/domain/errors';
import { checkPageSize, decodeCursor, encodeCursor, paginate } from '../../src/domain/pagination';
import { QuestionPool, type OrderedQuestion } from '../../src/domain/question-pool';

const entry = (section: number, position: number): OrderedQuestion => ({
  question: {
    id: `b/q${section}-${position}`,
    localId: `q${section}-${position}`,
    sectionSlug: `s${section}`,
    position,
    number: null,
    line: 1,
    tags: [],
    revision: 'r1',
    difficulty: null,
    kind: 'OPEN',
    topic: null,
  } as CatalogQuestion,
  order: ['b', section, position],
});
const entries = [entry(1, 1), entry(1, 2), entry(1, 3), entry(2, 1), entry(2, 2)];
const ids = (page: { items: OrderedQuestion[] }) => page.items.map((e) => e.question.localId);

// A shared pool finds cursors through its index, a pool built for one request by a scan: the same pages.
describe.each([
  ['paginate over a pool built for one request', false],
  ['paginate over a shared pool', true],
])('%s', (_name, shared) => {
  const pool = new QuestionPool(entries, shared);

  it('pages forward from a cursor', () => {
    const first = paginate(pool, 2);
    expect([ids(first), first.hasNextPage, first.hasPreviousPage]).toEqual([['q1-1', 'q1-2'], true, false]);
    const second = paginate(pool, 2, encodeCursor(first.items[1]));
    expect([ids(second), second.hasNextPage, second.hasPreviousPage]).toEqual([['q1-3', 'q2-1'], true, true]);
    const last = paginate(pool, 2, encodeCursor(second.items[1]));
    expect([ids(last), last.hasNextPage]).toEqual([['q2-2'], false]);
  });

  it('continues after where a question stood when it has left the pool', () => {
    const cursor = encodeCursor(entries[2]);
    const withoutIt = new QuestionPool(
      entries.filter((_, i) => i !== 2),
      shared,
    );
    expect(ids(paginate(withoutIt, 2, cursor))).toEqual(['q2-1', 'q2-2']);
  });

  it('gives an empty last page after the final cursor', () => {
    expect(paginate(pool, 2, encodeCursor(entries[4]))).toEqual({
      items: [],
      hasNextPage: false,
      hasPreviousPage: true,
    });
  });
});

describe('cursors', () => {
  it('round-trip', () => {
    expect(decodeCursor(encodeCursor(entries[3]))).toEqual({ q: 'b/q2-1', o: ['b', 2, 1] });
  });

  it.each([
    '',
    'not a cursor',
    Buffer.from('qc1:{"q":1}').toString('base64url'),
    Buffer.from('other:{}').toString('base64url'),
    'x'.repeat(401),
  ])('rejects %p with BAD_USER_INPUT', (cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(
      new DomainError('BAD_USER_INPUT', '"after" is not a cursor returned by this API'),
    );
  });
});

describe('checkPageSize', () => {
  it('defaults to 20 and accepts 1 to 100', () => {
    expect([checkPageSize(undefined), checkPageSize(null), checkPageSize(1), checkPageSize(100)]).toEqual([
      20, 20, 1, 100,
    ]);
  });

  it.each([0, -1, 101, 2.5])('rejects %p', (first) => {
    expect(() => checkPageSize(first)).toThrow(`"first" must be an integer from 1 to 100, got ${first}`);
  });
});
