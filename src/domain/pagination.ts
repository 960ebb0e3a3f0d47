/**
 * Relay-style forward pagination over an ordered pool of catalog questions. A cursor names the
 * question it follows and where it stood (bank, section position, position), so a page request
 * still lands in the right place after an import retired or moved that question.
 */
import { badInput } from './errors';
import type { OrderedQuestion, QuestionOrder, QuestionPool } from './question-pool';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

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

export function paginate(pool: QuestionPool, first: number, after?: string | null): Page {
  const start = after ? startAfter(pool, decodeCursor(after)) : 0;
  const items = pool.entries.slice(start, start + first);
  return { items, hasNextPage: start + first < pool.size, hasPreviousPage: start > 0 };
}

/** Just after the cursor's question; where it stood when it has left the pool (an import, a filter). */
function startAfter(pool: QuestionPool, cursor: CursorBody): number {
  const exact = pool.positionOf(cursor.q);
  return exact >= 0 ? exact + 1 : pool.firstAfter(cursor.o);
}
