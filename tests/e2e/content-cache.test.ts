/**
 * Cacheable content (issue 12 #7): content queries over GET answer with an ETag derived from the
 * bank items they were built from and `Cache-Control: private, max-age, stale-while-revalidate`;
 * If-None-Match answers 304 without a DynamoDB call on a warm container; a re-import changes the
 * ETag; user-scoped answers, answers that depend on the user, POSTs and mutations stay no-store;
 * automatic persisted queries work over GET.
 */
import { createHash } from 'node:crypto';
import { CONTENT_CACHE_CONTROL } from '../../src/graphql/http-cache';
import { importBankFiles } from '../../src/usecases/import-banks';
import { givenTenant, type TenantFixture } from '../support/access';
import { bankFile } from '../support/banks';
import { useTable } from '../support/dynamo';
import { errorCodes, givenApi, graphqlEvent, type GraphQLResponse, type TestApi } from '../support/graphql';

const bank = (title: string) => `---
id: tiny
title: ${title}
---
## Alpha

1. What is a gradient? <!-- id: gradient -->
2. What is a loss? <!-- id: loss -->

## Beta

1. Which of these is a loss? <!-- id: which -->
   - [x] Cross-entropy
   - [ ] ReLU

   Explanation: ReLU is an activation.
`;

const APP = 'https://quiz.example';
const BANKS = '{ banks { id title questionCount sections { id title } } }';

/** The id the importer gives the choice question of section Beta. */
const CHOICE = 'tiny/which';

const total = (calls: Record<string, number>) => Object.values(calls).reduce((a, b) => a + b, 0);

describe('cacheable content over GET', () => {
  const dynamo = useTable();
  let api: TestApi;
  let acme: TenantFixture;

  beforeAll(async () => {
    await importBankFiles(dynamo(), [bankFile('tiny.md', bank('Tiny'))]);
    acme = await givenTenant(dynamo(), 'acme', [APP]);
    api = givenApi(dynamo(), { env: { STAGE: 'prod' } });
  });

  /** A browser-shaped GET: the key, the CSRF header Apollo needs, and the query in the URL. */
  const get = (
    params: { query?: string; variables?: unknown; extensions?: unknown },
    headers: Record<string, string> = {},
    on: TestApi = api,
  ): Promise<GraphQLResponse> => {
    const event = graphqlEvent(undefined, {
      method: 'GET',
      headers: { origin: APP, 'x-api-key': acme.publishable, 'apollo-require-preflight': 'true', ...headers },
    });
    delete event.headers['content-type'];
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(params))
      if (value !== undefined) search.set(name, typeof value === 'string' ? value : JSON.stringify(value));
    event.rawQueryString = search.toString();
    event.queryStringParameters = Object.fromEntries(search);
    return on.send(event);
  };

  const cacheHeaders = (response: GraphQLResponse) => ({
    status: response.status,
    etag: response.headers.etag,
    cacheControl: response.headers['cache-control'],
    vary: response.headers.vary,
  });

  it('answers a content GET with an ETag and a short private max-age, and If-None-Match with a 304 and no DynamoDB call', async () => {
    const first = await get({ query: BANKS });
    expect(first.errors).toBeUndefined();
    expect(cacheHeaders(first)).toEqual({
      status: 200,
      etag: expect.stringMatching(/^W\/"[A-Za-z0-9_-]{27}"$/),
      cacheControl: 'private, max-age=30, stale-while-revalidate=300',
      vary: 'accept, x-api-key, authorization, origin',
    });
    expect(CONTENT_CACHE_CONTROL).toBe('private, max-age=30, stale-while-revalidate=300');
    const etag = first.headers.etag as string;

    const again = await get({ query: BANKS }, { 'if-none-match': etag });
    expect(cacheHeaders(again)).toEqual({ ...cacheHeaders(first), status: 304 });
    expect(again.raw).toBe('');
    expect(api.lastCalls()).toEqual({});
    // still a browser answer: readable, with the request id and the rate-limit headers
    expect(again.headers['access-control-allow-origin']).toBe(APP);
    expect(again.headers['x-request-id']).toEqual(expect.any(String));
    expect(again.headers.ratelimit).toEqual(expect.stringMatching(/^"default";r=\d+;t=1$/));

    // another ETag (or none) runs the query and answers in full
    const other = await get({ query: BANKS }, { 'if-none-match': 'W/"something-else"' });
    expect([other.status, other.headers.etag, other.data?.banks[0].id]).toEqual([200, etag, 'tiny']);
  });

  it('logs a revalidated GET with status 304', async () => {
    const lines: string[] = [];
    const logged = givenApi(dynamo(), { env: { STAGE: 'prod' }, log: (line) => lines.push(line) });
    const etag = (await get({ query: BANKS }, {}, logged)).headers.etag as string;
    await get({ query: BANKS }, { 'if-none-match': etag }, logged);
    expect(lines.map((line) => JSON.parse(line)).map(({ message, status, code }) => [message, status, code])).toEqual([
      ['request', 200, null],
      ['request', 304, null],
    ]);
  });

  it('answers 20 repeated content GETs with 20 304s and no DynamoDB call', async () => {
    const query =
      '{ bank(id: "tiny") { title sections { title questions(first: 5) { edges { node { id text } } } } } }';
    const etag = (await get({ query })).headers.etag as string;
    const statuses = [];
    let calls = 0;
    for (let i = 0; i < 20; i++) {
      statuses.push((await get({ query }, { 'if-none-match': etag })).status);
      calls += total(api.lastCalls());
    }
    expect(statuses).toEqual(Array(20).fill(304));
    expect(calls).toBe(0);
  });

  it.each([
    ['bank', '{ bank(id: "tiny") { title questionCount } }', undefined],
    ['section', '{ section(id: "tiny/alpha") { title questionCount } }', undefined],
    ['question', 'query Q($id: ID!) { question(id: $id) { text } }', { id: 'tiny/gradient' }],
    [
      'questions',
      '{ questions(filter: { bankId: "tiny" }, first: 2) { totalCount edges { node { id } } } }',
      undefined,
    ],
    ['a missing bank', '{ bank(id: "nope") { title } }', undefined],
    [
      'randomQuestions with a seed',
      'query R($in: RandomQuestionsInput!) { randomQuestions(input: $in) { seed questions { id } } }',
      { in: { bankId: 'tiny', count: 2, seed: 'fixed' } },
    ],
  ])('makes %s cacheable, with a 304 for its ETag', async (_name, query, variables) => {
    const first = await get({ query, variables });
    expect(first.errors).toBeUndefined();
    expect(first.headers['cache-control']).toBe(CONTENT_CACHE_CONTROL);
    const again = await get({ query, variables }, { 'if-none-match': first.headers.etag as string });
    expect([again.status, total(api.lastCalls())]).toEqual([304, 0]);
  });

  it.each([
    ['a POST', () => api.send(graphqlEvent({ query: BANKS }, { headers: { 'x-api-key': acme.publishable } }))],
    [
      'randomQuestions without a seed',
      () => get({ query: '{ randomQuestions(input: { bankId: "tiny", count: 1 }) { questions { id } } }' }),
    ],
    [
      'a user-scoped query',
      async () => get({ query: '{ me { id } }' }, { authorization: `Bearer ${await acme.token('ada')}` }),
    ],
    [
      'excludeSeen for a user',
      async () =>
        get(
          {
            query: '{ randomQuestions(input: { bankId: "tiny", seed: "s", excludeSeen: true }) { questions { id } } }',
          },
          { authorization: `Bearer ${await acme.token('ada')}` },
        ),
    ],
    [
      'options.correct for a user of a publishable key',
      async () =>
        get(
          { query: '{ questions(filter: { bankId: "tiny" }) { edges { node { options { correct } } } } }' },
          { authorization: `Bearer ${await acme.token('ada')}` },
        ),
    ],
    [
      'explanation for a user of a publishable key, in a fragment',
      async () =>
        get(
          {
            query: `{ question(id: "${CHOICE}") { ...Q } } fragment Q on Question { explanation }`,
          },
          { authorization: `Bearer ${await acme.token('ada')}` },
        ),
    ],
    [
      'randomQuestions whose input does not fit (refused as usual)',
      () =>
        get({
          query: 'query R($in: RandomQuestionsInput!) { randomQuestions(input: $in) { seed } }',
          variables: { in: { count: 'x', seed: 's' } },
        }),
    ],
    [
      'an answer with an error',
      () => get({ query: '{ questions(filter: { bankId: "tiny", tags: ["nope"] }) { totalCount } }' }),
    ],
    [
      'a content field beside a user-scoped one',
      async () => get({ query: '{ banks { id } me { id } }' }, { authorization: `Bearer ${await acme.token('ada')}` }),
    ],
  ])('keeps %s no-store, without an ETag', async (_name, send) => {
    const response = await send();
    expect(response.status).toBeLessThan(500);
    expect(errorCodes(response)).not.toContain('INTERNAL_SERVER_ERROR');
    expect([response.headers['cache-control'], response.headers.etag]).toEqual(['no-store', undefined]);
  });

  it('caches withheld answers per key kind: a publishable key without a user and a secret key get different ETags', async () => {
    const query = `{ question(id: "${CHOICE}") { explanation options(shuffleOptions: false) { correct } } }`;
    const publishable = await get({ query });
    const secret = await get({ query }, { 'x-api-key': acme.secret });
    expect(publishable.data).toEqual({
      question: { explanation: null, options: [{ correct: null }, { correct: null }] },
    });
    expect(secret.data).toEqual({
      question: { explanation: 'ReLU is an activation.', options: [{ correct: true }, { correct: false }] },
    });
    expect(publishable.headers['cache-control']).toBe(CONTENT_CACHE_CONTROL);
    expect(secret.headers['cache-control']).toBe(CONTENT_CACHE_CONTROL);
    expect(publishable.headers.etag).not.toBe(secret.headers.etag);
    const crossed = await get(
      { query },
      { 'x-api-key': acme.secret, 'if-none-match': publishable.headers.etag as string },
    );
    expect(crossed.status).toBe(200);
  });

  it('changes the ETag when a re-import publishes a new catalog, on a warm and on a cold container', async () => {
    const query = '{ bank(id: "tiny") { title } }';
    const before = await get({ query });
    const oldEtag = before.headers.etag as string;
    expect(before.data).toEqual({ bank: { title: 'Tiny' } });

    await importBankFiles(dynamo(), [bankFile('tiny.md', bank('Tiny, revised'))]);
    const cold = givenApi(dynamo(), { env: { STAGE: 'prod' } });
    const coldAnswer = await get({ query }, { 'if-none-match': oldEtag }, cold);
    expect([coldAnswer.status, coldAnswer.data]).toEqual([200, { bank: { title: 'Tiny, revised' } }]);
    const newEtag = coldAnswer.headers.etag as string;
    expect(newEtag).not.toBe(oldEtag);

    // The warm container learns of the import from any read of the bank (here: a listing).
    expect((await get({ query: BANKS })).status).toBe(200);
    const warm = await get({ query }, { 'if-none-match': oldEtag });
    expect([warm.status, warm.headers.etag, warm.data]).toEqual([200, newEtag, { bank: { title: 'Tiny, revised' } }]);
    const unchanged = await get({ query }, { 'if-none-match': newEtag });
    expect([unchanged.status, total(api.lastCalls())]).toEqual([304, 0]);
  });

  it('caches searchQuestions like other content: an ETag, a 304 with no call, a new ETag after a re-import', async () => {
    const query =
      '{ searchQuestions(bankId: "tiny", query: "loss", first: 5) { totalCount edges { node { id text } } } }';
    const first = await get({ query });
    expect([first.status, first.headers['cache-control']]).toEqual([200, CONTENT_CACHE_CONTROL]);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/"/);
    const again = await get({ query }, { 'if-none-match': etag });
    expect([again.status, total(api.lastCalls())]).toEqual([304, 0]);

    const edited = bank('Tiny').replace('2. What is a loss?', '2. What is a loss function?');
    await importBankFiles(dynamo(), [bankFile('tiny.md', edited)]);
    const cold = givenApi(dynamo(), { env: { STAGE: 'prod' } });
    const after = await get({ query }, { 'if-none-match': etag }, cold);
    expect(after.status).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
    expect(JSON.stringify(after.data)).toContain('What is a loss function?');
  });

  it('answers a cold container’s If-None-Match with a 304 after reading, when the content is unchanged', async () => {
    const query = '{ section(id: "tiny/beta") { title } }';
    const etag = (await get({ query })).headers.etag as string;
    const cold = givenApi(dynamo(), { env: { STAGE: 'prod' } });
    const response = await get({ query }, { 'if-none-match': etag }, cold);
    expect([response.status, response.raw]).toEqual([304, '']);
    expect(total(cold.lastCalls())).toBeGreaterThan(0);
  });

  it('keeps GET URLs short with automatic persisted queries: a hash-only GET after a registering one', async () => {
    const query = '{ bank(id: "tiny") { id sections { id } } }';
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const extensions = { persistedQuery: { version: 1, sha256Hash } };

    const unknown = await get({ extensions });
    expect([unknown.status, errorCodes(unknown)]).toEqual([200, ['PERSISTED_QUERY_NOT_FOUND']]);
    expect(unknown.headers['cache-control']).toBe('private, no-cache, must-revalidate');

    const registered = await get({ query, extensions });
    expect(registered.errors).toBeUndefined();
    const byHash = await get({ extensions });
    expect([byHash.status, byHash.data]).toEqual([200, registered.data]);
    expect(byHash.headers['cache-control']).toBe(CONTENT_CACHE_CONTROL);
    expect(byHash.headers.etag).toBe(registered.headers.etag);
    const again = await get({ extensions }, { 'if-none-match': byHash.headers.etag as string });
    expect([again.status, total(api.lastCalls())]).toEqual([304, 0]);
  });

  it('keeps mutations off GET (405) and no-store over POST', async () => {
    const mutation = 'mutation { startQuiz(input: { bankId: "tiny", count: 1 }) { id } }';
    const viaGet = await get({ query: mutation }, { 'x-api-key': acme.secret, 'x-user-id': 'ada' });
    expect([viaGet.status, viaGet.headers['cache-control']]).toEqual([405, 'no-store']);
    const viaPost = await api.send(
      graphqlEvent({ query: mutation }, { headers: { 'x-api-key': acme.secret, 'x-user-id': 'ada' } }),
    );
    expect([viaPost.status, viaPost.headers['cache-control'], viaPost.headers.etag]).toEqual([
      200,
      'no-store',
      undefined,
    ]);
  });
});
