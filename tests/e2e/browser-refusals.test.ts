/**
 * Refusals a browser app can read (issue 12 #1): every answer to a request with an Origin —
 * 400, 401, 403, 413 and 429 included — carries `access-control-allow-origin`, `vary: origin`
 * and `access-control-expose-headers`, unless the request presented a secret key; keyed answers
 * carry the RateLimit-Policy/RateLimit headers; every refusal leaves one access-log line with its
 * status and code, and never a key or token.
 */
import { generateApiKey } from '../../src/domain/access';
import { EXPOSED_HEADERS, MAX_BODY_BYTES } from '../../src/lambda';
import { craftToken, givenTenant, nowSeconds, type TenantFixture } from '../support/access';
import { useTable, writeCalls } from '../support/dynamo';
import { errorCodes, givenApi, graphqlEvent, type GraphQLResponse, type TestApi } from '../support/graphql';

const APP = 'https://quiz.example';
const BANKS = '{ banks { id } }';

const browser = (headers: Record<string, string>, body: unknown = { query: BANKS }, method = 'POST') =>
  graphqlEvent(body, { headers: { origin: APP, ...headers }, method });

/** What a browser's JavaScript gets to see of an answer. */
const seen = (response: GraphQLResponse) => ({
  status: response.status,
  allowOrigin: response.headers['access-control-allow-origin'],
  expose: response.headers['access-control-expose-headers'],
  vary: response.headers.vary,
  codes: errorCodes(response),
});

const readable = (status: number, code: string) => ({
  status,
  allowOrigin: APP,
  expose: 'x-request-id, retry-after, ratelimit-policy, ratelimit, etag',
  vary: 'origin',
  codes: [code],
});

describe('refusals a browser can read (STAGE=prod)', () => {
  const dynamo = useTable();
  let acme: TenantFixture;
  let tight: TenantFixture;
  let api: TestApi;
  let lines: string[];

  beforeAll(async () => {
    acme = await givenTenant(dynamo(), 'acme', [APP]);
    tight = await givenTenant(dynamo(), 'tight', [APP], { rps: 2, burst: 3 });
  });
  beforeEach(() => {
    lines = [];
    api = givenApi(dynamo(), { env: { STAGE: 'prod' }, log: (line) => lines.push(line) });
  });

  const logLines = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  const refusalLines = () =>
    logLines()
      .filter((entry) => entry.message === 'request refused')
      .map(({ status, code, keyId }) => ({ status, code, keyId }));

  it('exposes the headers a frontend needs', () => {
    expect(EXPOSED_HEADERS.split(', ')).toEqual([
      'x-request-id',
      'retry-after',
      'ratelimit-policy',
      'ratelimit',
      'etag',
    ]);
  });

  it('401 for an expired user token', async () => {
    const token = await craftToken(acme.secretForTokens, { sub: 'ada', aud: 'acme', exp: nowSeconds() - 120 });
    const response = await api.send(browser({ 'x-api-key': acme.publishable, authorization: `Bearer ${token}` }));
    expect(seen(response)).toEqual(readable(401, 'UNAUTHENTICATED'));
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(refusalLines()).toEqual([{ status: 401, code: 'UNAUTHENTICATED', keyId: acme.publishable.split('_')[2] }]);
    expect(lines.join('\n')).not.toContain(token);
    expect(lines.join('\n')).not.toContain(acme.publishable.slice(-43));
  });

  it('401 for an unknown key, and for no key at all', async () => {
    const unknown = generateApiKey('publishable');
    expect(seen(await api.send(browser({ 'x-api-key': unknown.key })))).toEqual(readable(401, 'UNAUTHENTICATED'));
    expect(seen(await api.send(browser({})))).toEqual(readable(401, 'UNAUTHENTICATED'));
    expect(refusalLines()).toEqual([
      { status: 401, code: 'UNAUTHENTICATED', keyId: unknown.keyId },
      { status: 401, code: 'UNAUTHENTICATED', keyId: null },
    ]);
  });

  it('403 for an origin the tenant does not allow: readable by that origin, which learns only that', async () => {
    const response = await api.send(browser({ 'x-api-key': acme.publishable, origin: 'http://127.0.0.1:5173' }));
    expect(seen(response)).toEqual({ ...readable(403, 'FORBIDDEN'), allowOrigin: 'http://127.0.0.1:5173' });
    expect(response.errors![0].message).toBe('origin http://127.0.0.1:5173 is not allowed for this key');
    expect(refusalLines()).toEqual([{ status: 403, code: 'FORBIDDEN', keyId: acme.publishable.split('_')[2] }]);
  });

  it('429 with Retry-After and RateLimit headers, all readable', async () => {
    // A fresh window, so the three units of the burst are all there.
    await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 20));
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await api.send(browser({ 'x-api-key': tight.publishable })));
    expect(answers.map((a) => [a.status, a.headers.ratelimit, a.headers['ratelimit-policy']])).toEqual([
      [200, '"default";r=2;t=1', '"default";q=3;w=1'],
      [200, '"default";r=1;t=1', '"default";q=3;w=1'],
      [200, '"default";r=0;t=1', '"default";q=3;w=1'],
      [429, '"default";r=0;t=1', '"default";q=3;w=1'],
    ]);
    const limited = answers[3];
    expect(seen(limited)).toEqual(readable(429, 'RATE_LIMITED'));
    expect(limited.headers['retry-after']).toBe('1');
    expect(limited.errors![0].extensions!.retryAfterMs).toEqual(expect.any(Number));
    expect(refusalLines()).toEqual([{ status: 429, code: 'RATE_LIMITED', keyId: tight.publishable.split('_')[2] }]);
  });

  it('400 for a GET without a CSRF-preventing header, and for a body that is not JSON', async () => {
    const get = graphqlEvent(undefined, { method: 'GET', headers: { origin: APP, 'x-api-key': acme.publishable } });
    delete get.headers['content-type'];
    get.rawQueryString = `query=${encodeURIComponent(BANKS)}`;
    get.queryStringParameters = { query: BANKS };
    const csrf = await api.send(get);
    expect(seen(csrf)).toEqual(readable(400, 'BAD_REQUEST'));
    expect(csrf.errors![0].message).toMatch(/apollo-require-preflight/);

    const garbled = await api.send(
      graphqlEvent(undefined, { headers: { origin: APP, 'x-api-key': acme.publishable }, rawBody: '{"query": ' }),
    );
    expect(seen(garbled)).toEqual(readable(400, 'BAD_REQUEST'));
    expect(refusalLines()).toEqual([
      { status: 400, code: 'BAD_REQUEST', keyId: acme.publishable.split('_')[2] },
      { status: 400, code: 'BAD_REQUEST', keyId: acme.publishable.split('_')[2] },
    ]);
    expect(writeCalls(api.app.dynamo)).toBe(0);
  });

  it('413 for a body over 64 KB', async () => {
    const big = browser({ 'x-api-key': acme.publishable }, undefined);
    big.body = JSON.stringify({ query: BANKS, variables: { pad: 'x'.repeat(MAX_BODY_BYTES) } });
    expect(seen(await api.send(big))).toEqual(readable(413, 'BAD_REQUEST'));
    expect(refusalLines()).toEqual([{ status: 413, code: 'BAD_REQUEST', keyId: acme.publishable.split('_')[2] }]);
  });

  it('a refusal once the operation is known (its cost over the limit) is readable and logged with its code', async () => {
    const costly = `{ ${Array.from({ length: 12 }, (_, i) => `q${i}: questions(first: 100) { edges { node { id } } }`).join(' ')} }`;
    const response = await api.send(browser({ 'x-api-key': acme.publishable }, { query: costly }));
    expect(seen(response)).toEqual({ ...readable(200, 'GRAPHQL_VALIDATION_FAILED') });
    const [line] = logLines();
    expect([line.message, line.status, line.code, line.errors]).toEqual([
      'request',
      200,
      'GRAPHQL_VALIDATION_FAILED',
      1,
    ]);
  });

  it('answers to a publishable key carry CORS and RateLimit headers; answers to a secret key carry no CORS header, refusals included', async () => {
    const ok = await api.send(browser({ 'x-api-key': acme.publishable }));
    expect(seen(ok)).toEqual({ ...readable(200, 'x'), codes: [] });
    expect(ok.headers['ratelimit-policy']).toBe('"default";q=100000;w=1');
    expect(ok.headers.ratelimit).toMatch(/^"default";r=99999;t=1$/);

    const secretOk = await api.send(browser({ 'x-api-key': acme.secret }));
    const secretRefused = await api.send(browser({ 'x-api-key': acme.secret, 'x-user-id': 'not valid' }));
    for (const [response, status] of [
      [secretOk, 200],
      [secretRefused, 401],
    ] as const) {
      expect(response.status).toBe(status);
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
      expect(response.headers['access-control-expose-headers']).toBeUndefined();
      expect(response.headers.vary).toBe('origin');
    }
    expect(secretOk.headers.ratelimit).toBe('"default";r=99999;t=1');
  });

  it('a server-side call without Origin gets no CORS header', async () => {
    const response = await api.send(graphqlEvent({ query: BANKS }, { headers: { 'x-api-key': acme.publishable } }));
    expect([response.status, response.headers['access-control-allow-origin'], response.headers.vary]).toEqual([
      200,
      undefined,
      'origin',
    ]);
  });
});
