/**
 * Hostile callers at the edge (issue 11): unknown keys from one address, tokens whose claims have
 * the wrong type, keyless calls on a stage that did not say STAGE=local, schema hints in variable
 * errors, and the previous user-token secret after --revoke-previous. Each gets its exact code, a
 * status below 500 and no write; each refusal leaves one log line without a secret.
 */
import { rotateUserTokenSecret } from '../../src/usecases/tenants';
import { generateApiKey } from '../../src/domain/access';
import { AccessStore } from '../../src/store';
import { craftToken, givenTenant, nowSeconds, type TenantFixture } from '../support/access';
import { useTable, writeCalls } from '../support/dynamo';
import { errorCodes, givenApi, graphqlEvent, type GraphQLResponse, type TestApi } from '../support/graphql';

const BANKS = '{ banks { id } }';
const request = (headers: Record<string, string>, sourceIp = '198.51.100.10', body: unknown = { query: BANKS }) => {
  const event = graphqlEvent(body, { headers });
  event.requestContext.http.sourceIp = sourceIp;
  return event;
};

describe('hostile callers at the edge (STAGE=prod)', () => {
  const dynamo = useTable();
  let acme: TenantFixture;
  let api: TestApi;
  let lines: string[];

  beforeAll(async () => {
    acme = await givenTenant(dynamo(), 'acme');
  });
  beforeEach(() => {
    lines = [];
    api = givenApi(dynamo(), { env: { STAGE: 'prod' }, log: (line) => lines.push(line) });
  });

  /** The response, checked for a status below 500 and no write. */
  const refused = async (event: Parameters<TestApi['send']>[0], a: TestApi = api): Promise<GraphQLResponse> => {
    const response = await a.send(event);
    expect(response.status).toBeLessThan(500);
    expect(writeCalls(a.app.dynamo)).toBe(0);
    return response;
  };
  const asUser = async (claims: Record<string, unknown>) =>
    request({
      'x-api-key': acme.publishable,
      authorization: `Bearer ${await craftToken(acme.secretForTokens, { aud: 'acme', exp: nowSeconds() + 600, ...claims })}`,
    });

  it('refuses a token whose sub is a number (it used to crash recordAttempt with a TypeError)', async () => {
    const response = await refused(await asUser({ sub: 42 }));
    expect([response.status, errorCodes(response), response.errors![0].message]).toEqual([
      401,
      ['UNAUTHENTICATED'],
      'the user token is not valid: "sub" must be a non-empty string',
    ]);
  });

  it('refuses a token whose sub is ["zed"] (it used to act as user zed)', async () => {
    const response = await refused(await asUser({ sub: ['zed'] }));
    expect([response.status, errorCodes(response)]).toEqual([401, ['UNAUTHENTICATED']]);
  });

  it('answers a repeated unknown key without a read, and stops an address after 20 failures without one', async () => {
    const unknown = generateApiKey('secret').key;
    const first = await refused(request({ 'x-api-key': unknown }));
    expect([first.status, errorCodes(first), api.lastCalls().BatchGetItemCommand]).toEqual([
      401,
      ['UNAUTHENTICATED'],
      1,
    ]);
    const again = await refused(request({ 'x-api-key': unknown }));
    expect([again.status, errorCodes(again), api.lastCalls()]).toEqual([401, ['UNAUTHENTICATED'], {}]);
    for (let i = 2; i < 20; i++) await refused(request({ 'x-api-key': generateApiKey('secret').key }));
    const blocked = await refused(request({ 'x-api-key': generateApiKey('secret').key }));
    expect([blocked.status, errorCodes(blocked), api.lastCalls()]).toEqual([429, ['RATE_LIMITED'], {}]);
    // The window opened with the first failure, a second or two ago on a busy machine.
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThanOrEqual(55);
    expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(60);
    // A valid key from the same address is not looked up either; from another address it works.
    const sameAddress = await refused(request({ 'x-api-key': acme.secret }));
    expect([sameAddress.status, errorCodes(sameAddress), api.lastCalls()]).toEqual([429, ['RATE_LIMITED'], {}]);
    const elsewhere = await api.send(request({ 'x-api-key': acme.secret }, '198.51.100.11'));
    expect([elsewhere.status, elsewhere.errors]).toEqual([200, undefined]);
  });

  it('refuses keyless calls when NODE_ENV=production and STAGE is not set (it used to allow them)', async () => {
    const keyless = givenApi(dynamo(), { env: { STAGE: '', NODE_ENV: 'production' } });
    const response = await refused(request({}), keyless);
    expect([response.status, errorCodes(response), response.errors![0].message]).toEqual([
      401,
      ['UNAUTHENTICATED'],
      'an API key is required (header x-api-key)',
    ]);
  });

  it('gives no schema hints in variable errors', async () => {
    const query = 'query R($input: RandomQuestionsInput!) { randomQuestions(input: $input) { seed } }';
    const typo = await refused(
      request({ 'x-api-key': acme.secret }, undefined, {
        query,
        variables: { input: { bankId: 'ml-junior', strategy: 'UNIFROM', cuont: 3 } },
      }),
    );
    expect([typo.status, errorCodes(typo)]).toEqual([200, ['BAD_USER_INPUT', 'BAD_USER_INPUT']]);
    expect(typo.errors!.map((e) => e.message)).toEqual([
      'Variable "$input" got invalid value "UNIFROM" at "input.strategy"; Value "UNIFROM" does not exist in "SamplingStrategy" enum.',
      'Variable "$input" got invalid value { bankId: "ml-junior", strategy: "UNIFROM", cuont: 3 }; Field "cuont" is not defined by type "RandomQuestionsInput".',
    ]);
    expect(typo.raw).not.toMatch(/Did you mean|UNIFORM|BALANCED/);
  });

  it('logs every refusal once with status, code, key id and source address, never the key or token', async () => {
    const token = await craftToken(acme.secretForTokens, { sub: 42, aud: 'acme', exp: nowSeconds() + 600 });
    await refused(request({ 'x-api-key': acme.publishable, authorization: `Bearer ${token}` }, '2001:db8::7'));
    const unknown = generateApiKey('publishable');
    await refused(request({ 'x-api-key': unknown.key }, '198.51.100.12'));
    await refused(request({}, '198.51.100.13'));
    const refusals = lines.map((line) => JSON.parse(line)).filter((entry) => entry.message === 'request refused');
    expect(
      refusals.map(({ time: _t, requestId, durationMs, ...rest }) => ({
        ...rest,
        requestId: typeof requestId,
        durationMs: typeof durationMs,
      })),
    ).toEqual([
      {
        level: 'info',
        message: 'request refused',
        status: 401,
        code: 'UNAUTHENTICATED',
        keyId: acme.publishable.split('_')[2],
        sourceIp: '2001:db8::7',
        requestId: 'string',
        durationMs: 'number',
      },
      {
        level: 'info',
        message: 'request refused',
        status: 401,
        code: 'UNAUTHENTICATED',
        keyId: unknown.keyId,
        sourceIp: '198.51.100.12',
        requestId: 'string',
        durationMs: 'number',
      },
      {
        level: 'info',
        message: 'request refused',
        status: 401,
        code: 'UNAUTHENTICATED',
        keyId: null,
        sourceIp: '198.51.100.13',
        requestId: 'string',
        durationMs: 'number',
      },
    ]);
    const all = lines.join('\n');
    for (const secret of [acme.publishable, acme.publishable.slice(-43), unknown.key.slice(-43), token])
      expect(all).not.toContain(secret);
  });

  it('refuses tokens of the previous secret at once after tenant:rotate-secret --revoke-previous', async () => {
    const tenant = await givenTenant(dynamo(), 'rotating');
    const before = await tenant.token('learner-1');
    await rotateUserTokenSecret(new AccessStore(dynamo()), 'rotating', { revokePrevious: false });
    const kept = await api.send(
      request({ 'x-api-key': tenant.publishable, authorization: `Bearer ${before}` }, undefined, {
        query: '{ me { id } }',
      }),
    );
    expect(kept.data).toEqual({ me: { id: 'learner-1' } });
    await rotateUserTokenSecret(new AccessStore(dynamo()), 'rotating', { revokePrevious: true });
    const fresh = givenApi(dynamo(), { env: { STAGE: 'prod' } }); // a container whose cache is not warm
    const response = await refused(
      request({ 'x-api-key': tenant.publishable, authorization: `Bearer ${before}` }, undefined, {
        query: '{ me { id } }',
      }),
      fresh,
    );
    expect([response.status, errorCodes(response)]).toEqual([401, ['UNAUTHENTICATED']]);
    const current = await fresh.send(
      request(
        { 'x-api-key': tenant.publishable, authorization: `Bearer ${await tenant.token('learner-1')}` },
        undefined,
        { query: '{ me { id } }' },
      ),
    );
    expect(current.data).toEqual({ me: { id: 'learner-1' } });
  });
});
