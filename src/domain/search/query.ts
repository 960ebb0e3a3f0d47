/**
 * searchQuestions' arguments: the query checked and reduced to stems, and the page of hits a
 * cursor asks for. A cursor is bound to the query it was returned for and names the hit it
 * follows (its question and score), so the next page still lands right after an import.
 */
import { createHash } from 'node:crypto';
import { badInput } from '../errors';
import type { SearchHit } from './search-index';
import { stemOf, wordsOf } from './text';

export const MAX_QUERY_LENGTH = 200;
export const MAX_QUERY_WORDS = 10;
export const DEFAULT_SEARCH_PAGE = 20;
export const MAX_SEARCH_PAGE = 50;

export interface SearchQuery {
  /** Distinct stems, each of which a question must hold. */
  stems: string[];
  /** Binds cursors to the query: a hash of its stems. */
  fingerprint: string;
}

/** Checks a query and reduces it to stems (BAD_USER_INPUT when there is nothing to search for). */
export function parseSearchQuery(query: string): SearchQuery {
  const trimmed = query.trim();
  if (trimmed.length === 0) throw badInput('"query" must not be empty');
  if (trimmed.length > MAX_QUERY_LENGTH)
    throw badInput(`"query" must be at most ${MAX_QUERY_LENGTH} characters, got ${trimmed.length}`);
  const words = wordsOf(trimmed);
  if (words.length === 0) throw badInput('"query" has no words to search for (letters or digits)');
  if (words.length > MAX_QUERY_WORDS)
    throw badInput(`"query" must have at most ${MAX_QUERY_WORDS} words, got ${words.length}`);
  const stems = [...new Set(words.map(stemOf).filter((stem) => stem !== ''))];
  // A query of stop words only ("what is") searches for them as they are.
  const searched = stems.length > 0 ? stems : [...new Set(words)];
  const fingerprint = createHash('sha256').update(searched.join(' ')).digest('base64url').slice(0, 12);
  return { stems: searched, fingerprint };
}

export function checkSearchPageSize(first: number | null | undefined): number {
  const size = first ?? DEFAULT_SEARCH_PAGE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_SEARCH_PAGE)
    throw badInput(`"first" must be an integer from 1 to ${MAX_SEARCH_PAGE}, got ${first}`);
  return size;
}

export interface SearchCursor {
  /** The query's fingerprint. */
  f: string;
  /** The local id of the hit the cursor follows, and its score. */
  q: string;
  s: number;
}

const CURSOR_PREFIX = 'qs1:';

export function encodeSearchCursor(query: SearchQuery, hit: SearchHit): string {
  const body: SearchCursor = { f: query.fingerprint, q: hit.localId, s: hit.score };
  return Buffer.from(CURSOR_PREFIX + JSON.stringify(body), 'utf8').toString('base64url');
}

/** Checks an `after` cursor against the query (BAD_USER_INPUT when it is not one of this query's); null when absent. */
export function decodeSearchCursor(cursor: string | null | undefined, query: SearchQuery): SearchCursor | null {
  if (cursor === null || cursor === undefined) return null;
  const text = /^[A-Za-z0-9_-]{1,400}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  let body: Partial<SearchCursor> | null = null;
  if (text.startsWith(CURSOR_PREFIX)) {
    try {
      body = JSON.parse(text.slice(CURSOR_PREFIX.length)) as Partial<SearchCursor>;
    } catch {
      body = null;
    }
  }
  if (!body || typeof body.f !== 'string' || typeof body.q !== 'string' || !Number.isFinite(body.s))
    throw badInput('"after" is not a cursor returned by searchQuestions');
  if (body.f !== query.fingerprint) throw badInput('"after" is a cursor of another search query');
  return body as SearchCursor;
}

export interface SearchPage {
  hits: SearchHit[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

/** The hits after the cursor: just after its question, or after its score once that question left the results. */
export function searchPage(hits: readonly SearchHit[], first: number, cursor: SearchCursor | null): SearchPage {
  let start = 0;
  if (cursor) {
    const exact = hits.findIndex((hit) => hit.localId === cursor.q);
    start = exact >= 0 ? exact + 1 : hits.findIndex((hit) => hit.score < cursor.s);
    if (start < 0) start = hits.length;
  }
  return {
    hits: hits.slice(start, start + first),
    hasNextPage: start + first < hits.length,
    hasPreviousPage: start > 0,
  };
}
