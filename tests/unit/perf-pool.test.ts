/**
 * Pools are built once per catalog and shared by requests (src/domain/pool-filter.ts), and
 * pages and random sets use what a shared pool knows about itself instead of scanning it
 * (src/domain/question-pool.ts). None of
 * that may change an answer: here the shared-pool code is checked against the code it replaced
 * (kept below as the reference, verbatim but for the filter checks), on a 10,000-question bank.
 */
import type { QuestionStateRecord } from '../../src/domain/attempts';
import { Catalog, type CatalogData } from '../../src/domain/catalog';
import { reviewMemory } from '../../src/domain/learning/memory';
import { encodeCursor, paginate, type Page } from '../../src/domain/pagination';
import { selectPool, type PoolFilter } from '../../src/domain/pool-filter';
import { QuestionPool, type OrderedQuestion } from '../../src/domain/question-pool';
import { pickForUser, type QuizStrategy } from '../../src/domain/quiz-picking';
import { pickRandomSet, type RandomSetRequest } from '../../src/domain/random-set';
import { sampleBalanced, sampleWithoutReplacement, seededRandom } from '../../src/domain/sampling';

// --- the reference: selectPool, paginate and pickRandomSet as they were before pools were shared

function referencePool(catalogs: readonly Catalog[], filter: PoolFilter): OrderedQuestion[] {
  const sections = new Map<string, Set<string>>();
  for (const id of filter.sectionIds ?? []) {
    const [bankId, slug] = id.split('/');
    sections.set(bankId, (sections.get(bankId) ?? new Set()).add(slug));
  }
  const tags = new Set((filter.tags ?? []).map((tag) => tag.trim().toLowerCase()));
  return catalogs.flatMap((catalog) => {
    const wanted = sections.get(catalog.bankId);
    if (sections.size > 0 && !wanted) return [];
    return catalog.questions
      .filter((q) => (!wanted || wanted.has(q.sectionSlug)) && (tags.size === 0 || q.tags.some((tag) => tags.has(tag))))
      .map((q): OrderedQuestion => ({
        question: q,
        order: [catalog.bankId, catalog.section(q.sectionSlug)?.position ?? 0, q.position],
      }));
  });
}

function referencePaginate(pool: readonly OrderedQuestion[], first: number, after?: string | null): Page {
  const compare = (a: OrderedQuestion['order'], b: OrderedQuestion['order']) =>
    a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1] || a[2] - b[2];
  const startAfter = (cursor: { q: string; o: OrderedQuestion['order'] }): number => {
    const exact = pool.findIndex((entry) => entry.question.id === cursor.q);
    if (exact >= 0) return exact + 1;
    const next = pool.findIndex((entry) => compare(entry.order, cursor.o) > 0);
    return next < 0 ? pool.length : next;
  };
  const start = after
    ? startAfter(JSON.parse(Buffer.from(after, 'base64url').toString('utf8').slice('qc1:'.length)))
    : 0;
  const items = pool.slice(start, start + first);
  return { items, hasNextPage: start + first < pool.length, hasPreviousPage: start > 0 };
}

function referenceRandomSet(pool: readonly OrderedQuestion[], request: RandomSetRequest) {
  const excluded = new Set(request.excludeQuestionIds);
  const eligible = excluded.size > 0 ? pool.filter((entry) => !excluded.has(entry.question.id)) : pool;
  const random = seededRandom(request.seed);
  const groups = new Map<string, OrderedQuestion[]>();
  for (const entry of eligible) {
    const key = `${entry.order[0]}/${entry.question.sectionSlug}`;
    const group = groups.get(key);
    if (group) group.push(entry);
    else groups.set(key, [entry]);
  }
  const picks =
    request.strategy === 'BALANCED'
      ? sampleBalanced([...groups.values()], request.count, random)
      : sampleWithoutReplacement(eligible, request.count, random);
  return { picks, poolSize: eligible.length };
}

// --- given: banks built the way the importer lays them out

/** A seeded bank: `sections` sections of equal size in position order, 1–2 of 30 tags a question. */
function givenBank(
  bankId: string,
  questions: number,
  sections: number,
  positions?: (index: number) => number,
): Catalog {
  let x = questions;
  const next = () => (x = (x * 1103515245 + 12345) >>> 0) / 2 ** 32;
  const data: CatalogData = {
    sections: Array.from({ length: sections + 1 }, (_, i) => ({
      slug: `s${i}`,
      title: `S${i}`,
      description: '',
      notes: [],
      position: positions?.(i) ?? i + 1,
      retired: i === sections,
    })),
    questions: Array.from({ length: questions }, (_, i) => {
      const tags = [
        ...new Set([`t${Math.floor(next() * 30)}`, ...(next() < 0.5 ? [`t${Math.floor(next() * 30)}`] : [])]),
      ];
      return [`q${i.toString(16).padStart(5, '0')}`, Math.floor((i * sections) / questions), null, i + 1, tags, 'r1'];
    }),
    retired: [],
  };
  return new Catalog(bankId, `v-${bankId}`, data);
}

const big = givenBank('big', 10_000, 50);
const small = givenBank('small', 300, 5);
const ids = (entries: readonly OrderedQuestion[]) => entries.map((entry) => entry.question.id);

const FILTERS: [string, readonly Catalog[], PoolFilter][] = [
  ['the whole bank', [big], {}],
  ['three sections', [big], { sectionIds: ['big/s3', 'big/s17', 'big/s40'] }],
  ['a tag', [big], { tags: ['t7'] }],
  ['sections and tags', [big], { sectionIds: ['big/s3', 'big/s4'], tags: [' T7 ', 't12'] }],
  ['two banks', [big, small], {}],
  ['two banks, sections of one', [big, small], { sectionIds: ['small/s1', 'small/s2'] }],
  ['two banks, a tag', [big, small], { tags: ['t3'] }],
];

describe('selectPool on a 10,000-question bank', () => {
  it.each(FILTERS)('%s: the same questions and sort keys as before', (_name, catalogs, filter) => {
    const pool = selectPool(catalogs, filter);
    expect(pool.entries).toEqual(referencePool(catalogs, filter));
    expect(pool.size).toBeGreaterThan(0);
  });

  it('shares one pool between requests for the same catalogs and filter, in any order of its ids and tags', () => {
    const sections = selectPool([big], { sectionIds: ['big/s3', 'big/s17'], tags: ['t7', 't8'] });
    expect(selectPool([big], { sectionIds: ['big/s17', 'big/s3', 'big/s3'], tags: ['T8 ', 't7'] })).toBe(sections);
    expect(selectPool([big], {})).toBe(selectPool([big], { sectionIds: [], tags: null }));
    expect(selectPool([big, small], {})).toBe(selectPool([big, small], {}));
  });

  it('builds a new pool for a new catalog, even of the same bank and version', () => {
    const again = givenBank('big', 10_000, 50);
    const before = selectPool([big], { tags: ['t7'] });
    const after = selectPool([again], { tags: ['t7'] });
    expect([
      after === before,
      after.entries[0].question === again.questions.find((q) => q.tags.includes('t7')),
    ]).toEqual([false, true]);
    expect(selectPool([again, small], {})).not.toBe(selectPool([big, small], {}));
  });

  it('keeps a bounded number of filtered pools per catalog', () => {
    const sectionsOf = (mask: number) => [0, 1, 2, 3, 4].filter((i) => mask & (1 << i)).map((i) => `small/s${i}`);
    const first = selectPool([small], { sectionIds: sectionsOf(1) });
    for (let mask = 2; mask < 32; mask++) selectPool([small], { sectionIds: sectionsOf(mask) });
    const rebuilt = selectPool([small], { sectionIds: sectionsOf(1) });
    expect([rebuilt === first, rebuilt.entries]).toEqual([false, first.entries]);
  });

  it('works out the section groups of a shared pool once, for every request that uses it', () => {
    const groups = selectPool([big, small], { tags: ['t3'] }).sections;
    expect(selectPool([big, small], { tags: ['t3'] }).sections).toBe(groups);
    expect(groups.flat()).toEqual(referencePool([big, small], { tags: ['t3'] }));
  });

  it('still rejects unknown sections and tags', () => {
    expect(() => selectPool([big], { sectionIds: ['big/s50'] })).toThrow('unknown section id "big/s50"');
    expect(() => selectPool([big], { tags: ['t7', 'nope'] })).toThrow('unknown tag: "nope"');
  });
});

describe('paginate over a shared pool', () => {
  const pages = (pool: readonly OrderedQuestion[], page: (after: string | null) => Page) => {
    const seen: { ids: string[]; next: boolean; previous: boolean; cursors: string[] }[] = [];
    const cursors = [
      null,
      ...[0, 19, 20, 4_321, 9_979, 9_980, 9_999].filter((i) => i < pool.length).map((i) => encodeCursor(pool[i])),
    ];
    for (const after of cursors) {
      const result = page(after);
      seen.push({
        ids: ids(result.items),
        next: result.hasNextPage,
        previous: result.hasPreviousPage,
        cursors: result.items.map(encodeCursor),
      });
    }
    return seen;
  };

  it.each(FILTERS)('%s: the same pages and cursors as before', (_name, catalogs, filter) => {
    const pool = selectPool(catalogs, filter);
    const reference = referencePool(catalogs, filter);
    expect(pages(pool.entries, (after) => paginate(pool, 20, after))).toEqual(
      pages(reference, (after) => referencePaginate(reference, 20, after)),
    );
  });

  it('continues where a question stood when it is not in the pool, as before', () => {
    const whole = selectPool([big], {});
    const filtered = selectPool([big], { sectionIds: ['big/s3', 'big/s40'] });
    const reference = referencePool([big], { sectionIds: ['big/s3', 'big/s40'] });
    for (const at of [0, 650, 5_000, 8_150, 9_999]) {
      const after = encodeCursor(whole.entries[at]);
      expect(ids(paginate(filtered, 5, after).items)).toEqual(ids(referencePaginate(reference, 5, after).items));
    }
  });

  it('finds the place of a missing question in a pool that is not in sort order', () => {
    // sections listed in reverse position order: the catalog order is not the sort-key order
    const reversed = givenBank('rev', 400, 4, (i) => 10 - i);
    const pool = selectPool([reversed], { sectionIds: ['rev/s0', 'rev/s2'] });
    const reference = referencePool([reversed], { sectionIds: ['rev/s0', 'rev/s2'] });
    for (const question of [reversed.questions[150], reversed.questions[399]]) {
      const after = encodeCursor({
        question,
        order: ['rev', 10 - Number(question.sectionSlug.slice(1)), question.position],
      });
      expect(ids(paginate(pool, 3, after).items)).toEqual(ids(referencePaginate(reference, 3, after).items));
    }
  });

  it('hands out pages the caller may change without changing the pool', () => {
    const pool = selectPool([big], {});
    const page = paginate(pool, 3);
    (page.items as OrderedQuestion[]).reverse().pop();
    expect(ids(paginate(selectPool([big], {}), 3).items)).toEqual(['big/q00000', 'big/q00001', 'big/q00002']);
  });
});

describe('pickRandomSet over a shared pool', () => {
  const pool = selectPool([big], {});
  const excluded = [
    ...Array.from({ length: 40 }, (_, i) => pool.entries[i * 251].question.id),
    'big/q00000',
    'big/q00000',
    'big/gone',
    'other/q1',
  ];
  const REQUESTS: [string, Partial<RandomSetRequest>][] = [
    ['UNIFORM', {}],
    ['BALANCED', { strategy: 'BALANCED' }],
    ['UNIFORM with exclusions', { excludeQuestionIds: excluded }],
    ['BALANCED with exclusions', { strategy: 'BALANCED', excludeQuestionIds: excluded }],
    ['exclusions mostly outside the pool', { excludeQuestionIds: ['big/gone', 'small/q00001'] }],
    ['all 50', { count: 50, strategy: 'BALANCED', excludeQuestionIds: excluded.slice(0, 3) }],
  ];

  it.each(REQUESTS)('%s: the same picks for the same seed as before', (_name, overrides) => {
    for (const [, catalogs, filter] of FILTERS) {
      for (const seed of ['a', 'qbank', 'seed-3', 'Zm9vYmFy', '42']) {
        const request: RandomSetRequest = {
          count: 10,
          seed,
          strategy: 'UNIFORM',
          excludeQuestionIds: [],
          ...overrides,
        };
        const shared = pickRandomSet(selectPool(catalogs, filter), request);
        const reference = referenceRandomSet(referencePool(catalogs, filter), request);
        expect([ids(shared.picks), shared.poolSize]).toEqual([ids(reference.picks), reference.poolSize]);
      }
    }
  });

  it('hands out picks the caller may change without changing the pool', () => {
    const request: RandomSetRequest = { count: 5, seed: 'm', strategy: 'BALANCED', excludeQuestionIds: [] };
    const first = pickRandomSet(pool, request);
    const expected = ids(first.picks);
    first.picks.splice(0, 5);
    expect(ids(pickRandomSet(selectPool([big], {}), request).picks)).toEqual(expected);
  });
});

describe('pickForUser over a shared pool', () => {
  const AT = new Date('2026-01-10T00:00:00Z');
  const states = new Map<string, QuestionStateRecord>(
    big.questions
      .filter((_, i) => i % 7 === 0)
      .map((q, i) => [
        q.id,
        {
          questionId: q.id,
          bankId: 'big',
          sectionSlug: q.sectionSlug,
          memory: reviewMemory(null, i % 3 ? 'CORRECT' : 'INCORRECT', new Date(AT.getTime() - (i % 40) * 86_400_000)),
          attempts: 1 + (i % 4),
          correct: i % 3 ? 1 : 0,
          scoreSum: i % 3 ? 1 : 0,
          lastOutcome: i % 3 ? 'CORRECT' : 'INCORRECT',
          lastAttemptAt: new Date(AT.getTime() - (i % 40) * 86_400_000).toISOString(),
        },
      ]),
  );

  it.each(['UNIFORM', 'BALANCED', 'NEW_FIRST', 'DUE', 'WEAK_TOPICS'] as QuizStrategy[])(
    '%s: the same picks as from the pool built per request',
    (strategy) => {
      for (const [, catalogs, filter] of FILTERS.slice(0, 3)) {
        for (const seed of ['a', 'b']) {
          const request = { count: 20, seed, strategy, now: AT };
          const reference = new QuestionPool(referencePool(catalogs, filter));
          expect(ids(pickForUser(selectPool(catalogs, filter), states, request).picks)).toEqual(
            ids(pickForUser(reference, states, request).picks),
          );
        }
      }
    },
  );
});
