/**
 * HTTP caching of content answers. A content query (its root fields all in CONTENT_FIELDS) asked
 * with GET answers with an `ETag` derived from the bank items it was built from (each bank's
 * catalog version, content hash and the rest of its item; the list of banks when it listed
 * them) and `Cache-Control: private, max-age=30, stale-while-revalidate=300`. `If-None-Match`
 * with the current ETag answers 304: on a warm container without running the operation and
 * without a DynamoDB call, as long as the container read every bank the answer depends on within
 * the last 30 seconds (any request's reads count); otherwise the operation runs and its ETag is
 * compared. Everything else — POSTs, mutations, user-scoped fields, answers with errors — is
 * `no-store`.
 *
 * `private`, never `public`: an answer needs a key, and a shared cache keyed on the URL alone
 * would hand it to callers without one. Answers that depend on the calling user (the fields in
 * USER_DEPENDENT_FIELDS for a publishable key acting for a user, `excludeSeen`) are `no-store`:
 * an ETag made of catalog versions would keep a withheld answer "fresh" after the user answered.
 */
import { createHash } from 'node:crypto';
import { HeaderMap, type ApolloServerPlugin, type GraphQLRequestContext } from '@apollo/server';
import {
  getArgumentValues,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
} from 'graphql';
import { LruCache } from '../auth/lru-cache';
import type { BanksRead } from '../usecases';
import type { GraphQLContext } from './context';
import { preferredMediaType } from './plugins';

export const CONTENT_CACHE = {
  maxAgeSeconds: 30,
  staleWhileRevalidateSeconds: 300,
  /** How long a bank item read by any request counts as current for a 304 without reading it. */
  freshMs: 30_000,
  /** Requests remembered (which banks their answer used), least recently used dropped first. */
  entries: 10_000,
  rememberMs: 3_600_000,
};

/** Root fields whose answer is content: the same for every caller of a key kind, until an import. */
export const CONTENT_FIELDS = new Set([
  'banks',
  'bank',
  'section',
  'question',
  'questions',
  'randomQuestions',
  'searchQuestions',
  '__typename',
]);

/**
 * Fields whose value depends on the calling user (type.field). A new field like that must be
 * listed here, or a user's cached answer would outlive the change.
 */
export const USER_DEPENDENT_FIELDS = new Set(['Option.correct', 'Question.explanation']);

/** Request headers a content answer varies with (origin is added to every answer in src/lambda.ts). */
export const CONTENT_VARY = 'accept, x-api-key, authorization';

export const CONTENT_CACHE_CONTROL = `private, max-age=${CONTENT_CACHE.maxAgeSeconds}, stale-while-revalidate=${CONTENT_CACHE.staleWhileRevalidateSeconds}`;

type Policy = { cacheable: false } | { cacheable: true; key: string };

/** Which banks an answer was built from: enough to recompute its ETag from what the container read since. */
interface Remembered {
  bankIds: string[];
  listed: boolean;
}

/** The bank items this container read lately, by bank id, and the list of banks. */
class RecentBanks {
  private readonly banks = new LruCache<string, { fingerprint: string | null; at: number }>(CONTENT_CACHE.entries);
  private list: { ids: string[]; at: number } | null = null;

  record(read: BanksRead, at: number): void {
    for (const [id, bank] of read.banks) {
      const known = this.banks.get(id, at);
      if (known && known.at > at) continue;
      this.banks.set(id, { fingerprint: bank && fingerprint(bank), at }, at + CONTENT_CACHE.freshMs);
    }
    if (read.list && (!this.list || this.list.at <= at)) this.list = { ids: read.list, at };
  }

  /** The ETag of a remembered answer from banks read within freshMs; null when one is older. */
  etag(key: string, remembered: Remembered, now: number): string | null {
    const list = remembered.listed ? this.list : null;
    if (remembered.listed && (!list || list.at + CONTENT_CACHE.freshMs <= now)) return null;
    const ids = new Set([...remembered.bankIds, ...(list?.ids ?? [])]);
    const banks: [string, string | null][] = [];
    for (const id of ids) {
      const seen = this.banks.get(id, now);
      if (!seen) return null;
      banks.push([id, seen.fingerprint]);
    }
    return etagOf(key, banks, list?.ids ?? null);
  }
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('base64url');

const fingerprint = (bank: object): string => sha256(JSON.stringify(bank));

function etagOf(key: string, banks: [string, string | null][], list: string[] | null): string {
  const sorted = banks.slice().sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `W/"${sha256(JSON.stringify([key, sorted, list])).slice(0, 27)}"`;
}

/** If-None-Match holds the ETag (weak comparison, RFC 9110 §13.1.2), or is `*`. */
export function matchesIfNoneMatch(header: string, etag: string): boolean {
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}

export function contentCache(): ApolloServerPlugin<GraphQLContext> {
  const recent = new RecentBanks();
  const remembered = new LruCache<string, Remembered>(CONTENT_CACHE.entries);
  return {
    async requestDidStart() {
      let policy: Policy = { cacheable: false };
      let notModified: string | null = null;
      return {
        async didResolveOperation(requestContext) {
          policy = policyOf(requestContext);
        },
        async responseForOperation({ request }) {
          const ifNoneMatch = request.http?.headers.get('if-none-match');
          if (!policy.cacheable || !ifNoneMatch) return null;
          const now = Date.now();
          const answer = remembered.get(policy.key, now);
          const etag = answer && recent.etag(policy.key, answer, now);
          if (!etag || !matchesIfNoneMatch(ifNoneMatch, etag)) return null;
          notModified = etag;
          return { http: { status: 304, headers: new HeaderMap() }, body: { kind: 'single', singleResult: {} } };
        },
        async willSendResponse({ request, response, contextValue }) {
          const read = contextValue.use.content.banksRead();
          recent.record(read, contextValue.startedAt);
          const headers = response.http.headers;
          if (notModified) return setCacheable(headers, notModified);
          // Only a whole answer built from bank items has a validator (an id that names nothing
          // is answered null without a read: nothing to derive an ETag from).
          const whole =
            (response.http.status ?? 200) === 200 &&
            response.body.kind === 'single' &&
            !response.body.singleResult.errors &&
            (read.banks.size > 0 || read.list !== null);
          if (!policy.cacheable || !whole) {
            if (!headers.has('cache-control')) headers.set('cache-control', 'no-store');
            return;
          }
          remembered.set(
            policy.key,
            { bankIds: [...read.banks.keys()], listed: read.list !== null },
            Date.now() + CONTENT_CACHE.rememberMs,
          );
          const banks = [...read.banks].map(([id, bank]): [string, string | null] => [id, bank && fingerprint(bank)]);
          const etag = etagOf(policy.key, banks, read.list);
          setCacheable(headers, etag);
          const ifNoneMatch = request.http?.headers.get('if-none-match');
          if (ifNoneMatch && matchesIfNoneMatch(ifNoneMatch, etag)) response.http.status = 304;
        },
      };
    },
  };
}

function setCacheable(headers: HeaderMap, etag: string): void {
  headers.set('etag', etag);
  headers.set('cache-control', CONTENT_CACHE_CONTROL);
  headers.set('vary', CONTENT_VARY);
}

/**
 * Cacheable: a GET of a query whose root fields are all content, randomQuestions only with a
 * seed and without excludeSeen, and no user-dependent field for a user of a publishable key.
 * The key names what the answer depends on: tenant, key kind, document, operation, variables and
 * the media type answered.
 */
function policyOf({
  request,
  operation,
  document,
  schema,
  contextValue,
  queryHash,
}: GraphQLRequestContext<GraphQLContext>): Policy {
  if (request.http?.method !== 'GET' || operation?.operation !== 'query' || !document) return { cacheable: false };
  const variables = request.variables ?? {};
  const roots = operation.selectionSet.selections;
  if (!roots.every((s): s is FieldNode => s.kind === Kind.FIELD && CONTENT_FIELDS.has(s.name.value)))
    return { cacheable: false };
  if (!roots.some((field) => field.name.value !== '__typename')) return { cacheable: false };
  for (const field of roots) {
    if (field.name.value !== 'randomQuestions') continue;
    const input = randomInput(schema, field, variables);
    if (!input?.seed || input.excludeSeen) return { cacheable: false };
  }
  const { caller } = contextValue;
  if (caller.kind !== 'secret' && caller.userId && selectsAny(schema, document, USER_DEPENDENT_FIELDS))
    return { cacheable: false };
  const mediaType = preferredMediaType(request.http.headers.get('accept'));
  const key = sha256(
    JSON.stringify([caller.tenantId, caller.kind, queryHash, operation.name?.value ?? null, variables, mediaType]),
  );
  return { cacheable: true, key };
}

/** randomQuestions' input as sent; null when it does not fit (execution then answers BAD_USER_INPUT). */
function randomInput(
  schema: GraphQLSchema,
  field: FieldNode,
  variables: Record<string, unknown>,
): { seed?: unknown; excludeSeen?: unknown } | null {
  try {
    const { input } = getArgumentValues(schema.getQueryType()!.getFields().randomQuestions, field, variables);
    return typeof input === 'object' && input !== null ? input : null;
  } catch {
    return null;
  }
}

function selectsAny(schema: GraphQLSchema, document: DocumentNode, coordinates: ReadonlySet<string>): boolean {
  const typeInfo = new TypeInfo(schema);
  let found = false;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field() {
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        if (parent && field && coordinates.has(`${parent.name}.${field.name}`)) found = true;
      },
    }),
  );
  return found;
}
