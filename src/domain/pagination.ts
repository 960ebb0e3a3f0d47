/**
 * Relay-style forward pagination over an ordered pool of catalog questions. A cursor names the
 * question it follows and where it stood (bank, section position, position), so a page request
 * still lands in the right place after an import retired or moved that question.
 */
import type { CatalogQuestion } from './catalog';
import { badInput } from './errors';
import { isSharedPool } from './question-pool';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export type QuestionOrder = readonly [bank: string, sectionPosition: number, position: number];

export interface OrderedQuestion {
  readonly question: CatalogQuestion;
  /** Sort key of the question within the whole pool: [bank id, section position, position]. */
  readonly order: QuestionOrder;
}

export interface Page {
  items: OrderedQuestion[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

interface CursorBody {
  q: string;
  o: QuestionOrder;
}

const CURSOR_PREFIX = 'qc1:';

export function encodeCursor(entry: OrderedQuestion): string {
  const body: CursorBody = { q: entry.question.id, o: entry.order };
  return Buffer.from(CURSOR_PREFIX + JSON.stringify(body), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): CursorBody {
  const text = /^[A-Za-z0-9_-]{1,400}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  if (text.startsWith(CURSOR_PREFIX)) {
    try {
      const body = JSON.parse(text.slice(CURSOR_PREFIX.length)) as CursorBody;
      const [bank, section, position] = body.o ?? [];
      if (
        typeof body.q === 'string' &&
        typeof bank === 'string' &&
        Number.isInteger(section) &&
        Number.isInteger(position)
      ) {
        return body;
      }
    } catch {
      // fall through to the error below
    }
  }
  throw badInput('"after" is not a cursor returned by this API');
}

export function checkPageSize(first: number | null | undefined): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw badInput(`"first" must be an integer from 1 to ${MAX_PAGE_SIZE}, got ${first}`);
  }
  return size;
}

export function paginate(pool: readonly OrderedQuestion[], first: number, after?: string | null): Page {
  const start = after ? startAfter(pool, decodeCursor(after)) : 0;
  const items = pool.slice(start, start + first);
  return { items, hasNextPage: start + first < pool.length, hasPreviousPage: start > 0 };
}

/** Where the question stands in the pool; -1 when it is not in it. */
export function positionIn(pool: readonly OrderedQuestion[], questionId: string): number {
  return isSharedPool(pool)
    ? (poolIndex(pool).positions.get(questionId) ?? -1)
    : pool.findIndex((entry) => entry.question.id === questionId);
}

function startAfter(pool: readonly OrderedQuestion[], cursor: CursorBody): number {
  const exact = positionIn(pool, cursor.q);
  if (exact >= 0) return exact + 1;
  if (isSharedPool(pool) && poolIndex(pool).sorted) return firstAfter(pool, cursor.o);
  const next = pool.findIndex((entry) => compareOrder(entry.order, cursor.o) > 0);
  return next < 0 ? pool.length : next;
}

interface PoolIndex {
  positions: Map<string, number>;
  /** Entries in ascending order, so a position can be found by bisection. */
  sorted: boolean;
}

/**
 * A shared pool never changes (see question-pool.ts), so where its questions stand is worked out
 * once, the first time it is asked, rather than by a scan on every request.
 */
const indexes = new WeakMap<readonly OrderedQuestion[], PoolIndex>();

function poolIndex(pool: readonly OrderedQuestion[]): PoolIndex {
  let index = indexes.get(pool);
  if (!index) {
    const positions = new Map<string, number>();
    let sorted = true;
    pool.forEach((entry, i) => {
      if (!positions.has(entry.question.id)) positions.set(entry.question.id, i);
      if (i > 0 && compareOrder(pool[i - 1].order, entry.order) > 0) sorted = false;
    });
    index = { positions, sorted };
    indexes.set(pool, index);
  }
  return index;
}

/** The index of the first entry ordered after `order` (the pool's length when there is none). */
function firstAfter(pool: readonly OrderedQuestion[], order: QuestionOrder): number {
  let low = 0;
  let high = pool.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareOrder(pool[middle].order, order) > 0) high = middle;
    else low = middle + 1;
  }
  return low;
}

function compareOrder(a: QuestionOrder, b: QuestionOrder): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1] || a[2] - b[2];
}
