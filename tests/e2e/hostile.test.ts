/**
 * Hostile requests against a production-stage API: each must get its exact error code, an HTTP
 * status below 500, and write nothing (no write command reaches DynamoDB).
 */
import { importBankFiles } from '../../src/usecases/import-banks';
import { SHIPPED_BANK } from '../support/banks';
import { useTable, WRITE_COMMANDS } from '../support/dynamo';
import { craftToken, givenTenant, nowSeconds, unsignedToken, type TenantFixture } from '../support/access';
import { givenApi, graphqlEvent, type TestApi } from '../support/graphql';

interface Hostile {
  name: string;
  status: number;
  code: string;
  /** Builds the event; `t` holds the tenants' keys and tokens. */
  request: (t: Fixtures) => Promise<Parameters<TestApi['send']>[0]> | Parameters<TestApi['send']>[0];
}

interface Fixtures {
  acme: TenantFixture;
  globex: TenantFixture;
  token: string;
  questionId: string;
}

const nest = (depth: number): string => {
  // bank(1) sections(2) questions(3) edges(4) node(5) section(6) questions(7) edges(8) node(9) …
  const levels = [
    'bank(id: "ml-junior")',
    'sections',
    'questions',
    'edges',
    'node',
    'section',
    'questions',
    'edges',
    'node',
    'section',
    'questions',
    'edges',
    'node',
    'section',
  ];
  return `{ ${levels.slice(0, depth - 1).join(' { ')} { __typename }${' }'.repeat(depth - 2)} }`;
};

const post = (query: string, headers: Record<string, string>, variables?: Record<string, unknown>) =>
  graphqlEvent({ query, variables }, { headers });
const withKey = (t: Fixtures, extra: Record<string, string> = {}) => ({ 'x-api-key': t.acme.secret, ...extra });
const RANDOM = 'query R($input: RandomQuestionsInput!) { randomQuestions(input: $input) { seed } }';
const random = (t: Fixtures, input: Record<string, unknown>) =>
  post(RANDOM, withKey(t), { input: { bankId: 'ml-junior', ...input } });
/** A GET as a browser would send it: no content type unless given. */
function getRequest(t: Fixtures, query: string, headers: Record<string, string>) {
  const event = graphqlEvent(null, { method: 'GET', headers: withKey(t, headers) });
  if (!headers['content-type']) delete event.headers['content-type'];
  return { ...event, rawQueryString: `query=${encodeURIComponent(query)}`, queryStringParameters: { query } };
}
const RECORD = 'mutation A($input: RecordAttemptInput!) { recordAttempt(input: $input) { duplicate } }';
const attemptInput = (t: Fixtures, extra: Record<string, unknown> = {}) => ({
  questionId: t.questionId,
  outcome: 'CORRECT',
  clientAttemptId: 'hostile-1',
  ...extra,
});
const attempt = (t: Fixtures, extra: Record<string, unknown>) =>
  post(RECORD, withKey(t, { 'x-user-id': 'mallory' }), { input: attemptInput(t, extra) });
const claims = (t: Fixtures, extra: Record<string, unknown> = {}) => ({
  sub: 'mallory',
  aud: t.acme.id,
  exp: nowSeconds() + 600,
  ...extra,
});
const asUser = (t: Fixtures, token: string) =>
  post('{ me { id } }', { 'x-api-key': t.acme.publishable, authorization: `Bearer ${token}` });

const HOSTILE: Hostile[] = [
  // GraphQL shape
  { name: 'depth 12', status: 200, code: 'GRAPHQL_VALIDATION_FAILED', request: (t) => post(nest(12), withKey(t)) },
  { name: 'depth 11', status: 200, code: 'GRAPHQL_VALIDATION_FAILED', request: (t) => post(nest(11), withKey(t)) },
  {
    name: 'an alias bomb (100 aliases)',
    status: 200,
    code: 'GRAPHQL_VALIDATION_FAILED',
    request: (t) => post(`{ ${Array.from({ length: 100 }, (_, i) => `a${i}: banks { id }`).join(' ')} }`, withKey(t)),
  },
  {
    name: 'a fragment bomb (nested spreads)',
    status: 200,
    code: 'GRAPHQL_VALIDATION_FAILED',
    request: (t) =>
      post(
        `{ ...F0 } ${Array.from({ length: 12 }, (_, i) => `fragment F${i} on Query { a${i}: banks { id } ${i < 11 ? `...F${i + 1} ...F${i + 1}` : ''} }`).join(' ')}`,
        withKey(t),
      ),
  },
  {
    name: 'cyclic fragments',
    status: 200,
    code: 'GRAPHQL_VALIDATION_FAILED',
    request: (t) => post('{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }', withKey(t)),
  },
  {
    name: 'a directive flood',
    status: 200,
    code: 'GRAPHQL_VALIDATION_FAILED',
    request: (t) =>
      post(
        `{ ${Array.from({ length: 12 }, (_, i) => `d${i}: banks @include(if: true) { id }`).join(' ')} }`,
        withKey(t),
      ),
  },
  {
    name: 'a token flood (3,000 tokens)',
    status: 200,
    code: 'GRAPHQL_PARSE_FAILED',
    request: (t) => post(`{ banks { ${'id '.repeat(3000)}} }`, withKey(t)),
  },
  {
    name: 'a costly query (wide selections of connections)',
    status: 200,
    code: 'GRAPHQL_VALIDATION_FAILED',
    request: (t) =>
      post(
        `{ ${Array.from({ length: 14 }, (_, i) => `q${i}: questions(first: 100) { edges { node { id text answer tags section { title bank { title sections { title } } } } } }`).join(' ')} }`,
        withKey(t),
      ),
  },
  {
    name: 'a syntax error',
    status: 200,
    code: 'GRAPHQL_PARSE_FAILED',
    request: (t) => post('{ banks { id ', withKey(t)),
  },
  {
    name: 'introspection in production',
    status: 200,
    code: 'GRAPHQL_VALIDATION_FAILED',
    request: (t) => post('{ __schema { types { name } } }', withKey(t)),
  },
  {
    name: 'field-suggestion probing',
    status: 200,
    code: 'GRAPHQL_VALIDATION_FAILED',
    request: (t) => post('{ bankz { id } }', withKey(t)),
  },
  {
    name: 'a mutation without its arguments',
    status: 200,
    code: 'GRAPHQL_VALIDATION_FAILED',
    request: (t) => post('mutation { recordAttempt { duplicate } }', withKey(t)),
  },
  {
    name: 'a subscription (there are none)',
    status: 200,
    code: 'GRAPHQL_VALIDATION_FAILED',
    request: (t) => post('subscription { banks { id } }', withKey(t)),
  },
  // HTTP shape
  {
    name: 'a 100 KB string in variables',
    status: 413,
    code: 'BAD_REQUEST',
    request: (t) => random(t, { seed: 'x'.repeat(100_000) }),
  },
  {
    name: 'a 70 KB query',
    status: 413,
    code: 'BAD_REQUEST',
    request: (t) => post(`{ banks { id } } # ${'x'.repeat(70_000)}`, withKey(t)),
  },
  {
    name: 'invalid JSON',
    status: 400,
    code: 'BAD_REQUEST',
    request: (t) => graphqlEvent(null, { headers: withKey(t), rawBody: '{"query": "{ banks { id } }"' }),
  },
  {
    name: 'an empty body',
    status: 400,
    code: 'BAD_REQUEST',
    request: (t) => graphqlEvent(null, { headers: withKey(t), rawBody: '' }),
  },
  {
    name: 'a query that is not a string',
    status: 400,
    code: 'BAD_REQUEST',
    request: (t) => graphqlEvent({ query: 42 }, { headers: withKey(t) }),
  },
  {
    name: 'variables that are not an object',
    status: 400,
    code: 'BAD_REQUEST',
    request: (t) => graphqlEvent({ query: RANDOM, variables: [1, 2] }, { headers: withKey(t) }),
  },
  {
    name: 'a batched array',
    status: 400,
    code: 'BAD_REQUEST',
    request: (t) =>
      graphqlEvent([{ query: '{ banks { id } }' }, { query: '{ banks { id } }' }], { headers: withKey(t) }),
  },
  {
    name: 'a text/plain POST (CSRF-style simple request)',
    status: 400,
    code: 'BAD_REQUEST',
    request: (t) =>
      graphqlEvent({ query: '{ banks { id } }' }, { headers: withKey(t, { 'content-type': 'text/plain' }) }),
  },
  {
    name: 'a form POST (CSRF-style simple request)',
    status: 400,
    code: 'BAD_REQUEST',
    request: (t) =>
      graphqlEvent(null, {
        headers: withKey(t, { 'content-type': 'application/x-www-form-urlencoded' }),
        rawBody: 'query=%7Bbanks%7Bid%7D%7D',
      }),
  },
  {
    name: 'a GET without a preflight header (CSRF)',
    status: 400,
    code: 'BAD_REQUEST',
    request: (t) => getRequest(t, '{banks{id}}', {}),
  },
  {
    name: 'a GET with a simple content type (CSRF)',
    status: 400,
    code: 'BAD_REQUEST',
    request: (t) => getRequest(t, '{banks{id}}', { 'content-type': 'text/plain' }),
  },
  {
    name: 'a GET carrying a mutation',
    status: 405,
    code: 'BAD_REQUEST',
    request: (t) =>
      getRequest(t, 'mutation { startQuiz(input: { bankId: "ml-junior" }) { id } }', {
        'apollo-require-preflight': 'true',
        'x-user-id': 'u',
      }),
  },
  // Values
  {
    name: 'null bytes in an id',
    status: 200,
    code: 'BAD_USER_INPUT',
    request: (t) => random(t, { bankId: 'ml-junior\u0000' }),
  },
  {
    name: 'a lone UTF-16 surrogate in an id',
    status: 200,
    code: 'BAD_USER_INPUT',
    request: (t) =>
      graphqlEvent(null, {
        headers: withKey(t),
        rawBody: `{"query":${JSON.stringify(RANDOM)},"variables":{"input":{"bankId":"\\ud800"}}}`,
      }),
  },
  {
    name: 'an oversized id list (501 exclusions)',
    status: 200,
    code: 'BAD_USER_INPUT',
    request: (t) => random(t, { excludeQuestionIds: Array.from({ length: 501 }, (_, i) => `ml-junior/${i}`) }),
  },
  {
    name: 'an oversized section list (101 ids)',
    status: 200,
    code: 'BAD_USER_INPUT',
    request: (t) => random(t, { sectionIds: Array.from({ length: 101 }, (_, i) => `ml-junior/s${i}`) }),
  },
  { name: 'a negative count', status: 200, code: 'BAD_USER_INPUT', request: (t) => random(t, { count: -5 }) },
  {
    name: 'a count beyond 32 bits',
    status: 200,
    code: 'BAD_USER_INPUT',
    request: (t) => random(t, { count: 2 ** 40 }),
  },
  {
    name: 'a negative page size',
    status: 200,
    code: 'BAD_USER_INPUT',
    request: (t) => post('{ questions(first: -1) { totalCount } }', withKey(t)),
  },
  {
    name: 'a forged cursor',
    status: 200,
    code: 'BAD_USER_INPUT',
    request: (t) =>
      post(
        `{ questions(after: "${Buffer.from('qc1:{"q":{"$gt":""}}').toString('base64url')}") { totalCount } }`,
        withKey(t),
      ),
  },
  { name: 'a wrong variable type', status: 200, code: 'BAD_USER_INPUT', request: (t) => random(t, { count: 'ten' }) },
  // Attempts: refused before anything is written
  {
    name: 'an attempt with a score above 1',
    status: 200,
    code: 'BAD_USER_INPUT',
    request: (t) => attempt(t, { score: 1.5 }),
  },
  {
    name: 'an attempt with a negative time',
    status: 200,
    code: 'BAD_USER_INPUT',
    request: (t) => attempt(t, { timeSpentMs: -1 }),
  },
  {
    name: 'an attempt with an hour and a millisecond',
    status: 200,
    code: 'BAD_USER_INPUT',
    request: (t) => attempt(t, { timeSpentMs: 3_600_001 }),
  },
  {
    name: 'an attempt with a 10,001-character answer',
    status: 200,
    code: 'BAD_USER_INPUT',
    request: (t) => attempt(t, { answer: 'x'.repeat(10_001) }),
  },
  {
    name: 'an attempt on an unknown question',
    status: 200,
    code: 'BAD_USER_INPUT',
    request: (t) => attempt(t, { questionId: 'ml-junior/nope' }),
  },
  {
    name: 'an attempt with an invalid clientAttemptId',
    status: 200,
    code: 'BAD_USER_INPUT',
    request: (t) => attempt(t, { clientAttemptId: 'spaces are not allowed' }),
  },
  {
    name: 'an attempt in an unknown quiz',
    status: 200,
    code: 'BAD_USER_INPUT',
    request: (t) => attempt(t, { quizId: '00000000-0000-4000-8000-000000000000' }),
  },
  { name: 'an unknown outcome', status: 200, code: 'BAD_USER_INPUT', request: (t) => attempt(t, { outcome: 'MAYBE' }) },
  {
    name: 'an attempt without a user',
    status: 200,
    code: 'UNAUTHENTICATED',
    request: (t) => post(RECORD, withKey(t), { input: attemptInput(t) }),
  },
  // Keys
  { name: 'no API key', status: 401, code: 'UNAUTHENTICATED', request: () => post('{ banks { id } }', {}) },
  {
    name: 'a malformed API key',
    status: 401,
    code: 'UNAUTHENTICATED',
    request: () => post('{ banks { id } }', { 'x-api-key': 'qb_sk_123' }),
  },
  {
    name: 'a 10 KB API key',
    status: 401,
    code: 'UNAUTHENTICATED',
    request: () => post('{ banks { id } }', { 'x-api-key': 'k'.repeat(10_000) }),
  },
  {
    name: 'an unknown API key',
    status: 401,
    code: 'UNAUTHENTICATED',
    request: () => post('{ banks { id } }', { 'x-api-key': `qb_sk_${'z'.repeat(16)}_${'Q'.repeat(43)}` }),
  },
  {
    name: 'a key with a forged secret part',
    status: 401,
    code: 'UNAUTHENTICATED',
    request: (t) => post('{ banks { id } }', { 'x-api-key': `${t.acme.secret.slice(0, 23)}${'Q'.repeat(43)}` }),
  },
  {
    name: 'a key with the other kind’s prefix',
    status: 401,
    code: 'UNAUTHENTICATED',
    request: (t) => post('{ banks { id } }', { 'x-api-key': t.acme.secret.replace('qb_sk_', 'qb_pk_') }),
  },
  {
    name: 'a revoked key',
    status: 401,
    code: 'UNAUTHENTICATED',
    request: (t) => post('{ banks { id } }', { 'x-api-key': t.acme.revoked }),
  },
  {
    name: 'a publishable key from a disallowed origin',
    status: 403,
    code: 'FORBIDDEN',
    request: (t) => post('{ banks { id } }', { 'x-api-key': t.acme.publishable, origin: 'https://evil.example' }),
  },
  {
    name: 'x-user-id with a publishable key',
    status: 403,
    code: 'FORBIDDEN',
    request: (t) => post('{ me { id } }', { 'x-api-key': t.acme.publishable, 'x-user-id': 'victim' }),
  },
  {
    name: 'an invalid x-user-id',
    status: 401,
    code: 'UNAUTHENTICATED',
    request: (t) => post('{ me { id } }', withKey(t, { 'x-user-id': 'bad user\u0000' })),
  },
  // User tokens
  {
    name: 'a token signed with the wrong secret',
    status: 401,
    code: 'UNAUTHENTICATED',
    request: async (t) => asUser(t, await craftToken(t.globex.secretForTokens, claims(t))),
  },
  {
    name: 'an expired token',
    status: 401,
    code: 'UNAUTHENTICATED',
    request: async (t) => asUser(t, await craftToken(t.acme.secretForTokens, claims(t, { exp: nowSeconds() - 3600 }))),
  },
  {
    name: 'a token for another tenant (wrong audience)',
    status: 401,
    code: 'UNAUTHENTICATED',
    request: async (t) => asUser(t, await t.globex.token('alice')),
  },
  {
    name: 'an alg:none token',
    status: 401,
    code: 'UNAUTHENTICATED',
    request: (t) => asUser(t, unsignedToken(claims(t))),
  },
  {
    name: 'an HS512 token with the right secret',
    status: 401,
    code: 'UNAUTHENTICATED',
    request: async (t) => asUser(t, await craftToken(t.acme.secretForTokens, claims(t), 'HS512')),
  },
  {
    name: 'a token without sub',
    status: 401,
    code: 'UNAUTHENTICATED',
    request: async (t) => asUser(t, await craftToken(t.acme.secretForTokens, claims(t, { sub: undefined }))),
  },
  {
    name: 'a token without exp',
    status: 401,
    code: 'UNAUTHENTICATED',
    request: async (t) => asUser(t, await craftToken(t.acme.secretForTokens, claims(t, { exp: undefined }))),
  },
  { name: 'a garbage bearer token', status: 401, code: 'UNAUTHENTICATED', request: (t) => asUser(t, 'not.a.token') },
  {
    name: 'a 5,000-character bearer token',
    status: 401,
    code: 'UNAUTHENTICATED',
    request: (t) => asUser(t, 'a'.repeat(5000)),
  },
  {
    name: 'a user-scoped query without a user',
    status: 200,
    code: 'UNAUTHENTICATED',
    request: (t) => post('{ me { id } }', withKey(t)),
  },
];

describe('hostile requests (STAGE=prod)', () => {
  const dynamo = useTable();
  let api: TestApi;
  let fixtures: Fixtures;

  beforeAll(async () => {
    await importBankFiles(dynamo(), [SHIPPED_BANK]);
    const acme = await givenTenant(dynamo(), 'acme', ['https://quiz.acme.test']);
    const globex = await givenTenant(dynamo(), 'globex');
    api = givenApi(dynamo(), { env: { STAGE: 'prod' } });
    const page = await api.send(
      graphqlEvent(
        { query: '{ questions(first: 1) { edges { node { id } } } }' },
        { headers: { 'x-api-key': acme.secret } },
      ),
    );
    fixtures = { acme, globex, token: await acme.token('alice'), questionId: page.data!.questions.edges[0].node.id };
  });

  it('has at least 40 cases', () => {
    expect(HOSTILE.length).toBeGreaterThanOrEqual(40);
  });

  it.each(HOSTILE.map((c) => [c.name, c] as const))('refuses %s', async (_name, hostile) => {
    const response = await api.send(await hostile.request(fixtures));
    if (process.env.DEBUG_HOSTILE) console.log(hostile.name, response.status, response.raw.slice(0, 300));
    // one code, however many errors a request earns (a fragment bomb breaks several limits at once)
    expect([response.status, [...new Set((response.errors ?? []).map((e) => e.extensions?.code))]]).toEqual([
      hostile.status,
      [hostile.code],
    ]);
    expect(response.raw).not.toMatch(/stacktrace|\bat [\w.]+ \(|node_modules/);
    const writes = Object.entries(api.lastCalls()).filter(([command]) => WRITE_COMMANDS.includes(command));
    expect(writes).toEqual([]);
  });
});
