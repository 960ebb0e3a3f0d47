import { importBankFiles } from '../../src/usecases/import-banks';
import { SHIPPED_BANK } from '../support/banks';
import { newDynamo, useTable } from '../support/dynamo';
import { givenApi, graphqlEvent } from '../support/graphql';

/** Production behaviour without the need for a key (keyless calls need STAGE=local). */
const PRODUCTION = { STAGE: 'local', NODE_ENV: 'production' };
/**
 * Production error formatting, asked without a key. No environment gives that any more (keyless
 * access needs STAGE=local and NODE_ENV not production), so these tests set it on the config.
 */
const KEYLESS = { allowAnonymous: true };

describe('errors', () => {
  const dynamo = useTable();

  beforeAll(async () => {
    await importBankFiles(dynamo(), [SHIPPED_BANK]);
  });

  it('reports a syntax error as GRAPHQL_PARSE_FAILED: 200 as application/json, 400 as application/graphql-response+json', async () => {
    const api = givenApi(dynamo());
    const response = await api.query('{ banks { id }');
    expect([response.status, response.errors!.map((e) => e.extensions?.code)]).toEqual([200, ['GRAPHQL_PARSE_FAILED']]);
    const modern = await api.send(
      graphqlEvent({ query: '{ banks { id }' }, { headers: { accept: 'application/graphql-response+json' } }),
    );
    expect([modern.status, modern.errors!.map((e) => e.extensions?.code)]).toEqual([400, ['GRAPHQL_PARSE_FAILED']]);
  });

  it('reports an unknown field as GRAPHQL_VALIDATION_FAILED, without suggestions of the schema in production', async () => {
    const dev = await givenApi(dynamo()).query('{ banks { titel } }');
    expect([dev.status, dev.errors!.map((e) => e.extensions?.code)]).toEqual([200, ['GRAPHQL_VALIDATION_FAILED']]);
    expect(dev.errors![0].message).toBe('Cannot query field "titel" on type "Bank". Did you mean "title" or "level"?');
    const prod = await givenApi(dynamo(), { env: PRODUCTION, config: KEYLESS }).query('{ banks { titel } }');
    expect(prod.errors!.map((e) => [e.extensions?.code, e.message])).toEqual([
      ['GRAPHQL_VALIDATION_FAILED', 'Cannot query field "titel" on type "Bank".'],
    ]);
  });

  it('masks unexpected failures: INTERNAL_SERVER_ERROR, a request id, no stack and no internals', async () => {
    const lines: string[] = [];
    const broken = givenApi(newDynamo('table-that-does-not-exist'), {
      env: PRODUCTION,
      config: KEYLESS,
      log: (line) => lines.push(line),
    });

    const response = await broken.query('{ banks { id } }');
    expect(response.status).toBe(200);
    expect(response.errors).toEqual([
      {
        message: 'Internal server error',
        path: ['banks'],
        locations: [{ line: 1, column: 3 }],
        extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: expect.any(String) },
      },
    ]);
    expect(response.raw).not.toMatch(/table-that-does-not-exist|stack|ResourceNotFound|at .*\.js/);
    expect(response.headers['x-request-id']).toBe(response.errors![0].extensions!.requestId);
    // logged once, with the same request id and the real cause
    const errors = lines.map((line) => JSON.parse(line)).filter((line) => line.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      level: 'error',
      message: 'unexpected error',
      requestId: response.errors![0].extensions!.requestId,
      path: 'banks',
    });
  });

  it('masks a failure while checking the key the same way: 500, request id, logged once', async () => {
    const lines: string[] = [];
    const broken = givenApi(newDynamo('table-that-does-not-exist'), {
      env: { STAGE: 'prod' },
      log: (line) => lines.push(line),
    });
    const response = await broken.send(
      graphqlEvent(
        { query: '{ banks { id } }' },
        { headers: { 'x-api-key': `qb_sk_${'a'.repeat(16)}_${'b'.repeat(43)}` } },
      ),
    );
    expect(response.status).toBe(500);
    expect(response.errors).toEqual([
      {
        message: 'Internal server error',
        extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: expect.any(String) },
      },
    ]);
    expect(response.raw).not.toMatch(/table-that-does-not-exist|ResourceNotFound/);
    expect(lines.map((line) => JSON.parse(line)).filter((l) => l.level === 'error')).toEqual([
      expect.objectContaining({
        message: 'unexpected error',
        phase: 'context',
        requestId: response.errors![0].extensions!.requestId,
      }),
    ]);
  });

  it('never returns a stack trace, even outside production', async () => {
    const response = await givenApi(dynamo()).query('{ questions(first: 1000) { totalCount } }');
    expect(response.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT' });
  });

  it('refuses a GET without a preflight header (CSRF prevention)', async () => {
    const api = givenApi(dynamo());
    const event = graphqlEvent(null, { method: 'GET', headers: { 'content-type': 'text/plain' } });
    event.rawQueryString = 'query=%7Bbanks%7Bid%7D%7D';
    event.queryStringParameters = { query: '{banks{id}}' };
    const response = await api.send(event);
    expect(response.status).toBe(400);
    expect(response.raw).toContain('This operation has been blocked as a potential Cross-Site Request Forgery');
    expect(api.lastCalls()).toEqual({});
  });

  it('refuses batched requests', async () => {
    const api = givenApi(dynamo());
    const response = await api.send(graphqlEvent([{ query: '{ banks { id } }' }, { query: '{ banks { id } }' }]));
    expect(response.status).toBe(400);
    expect(api.lastCalls()).toEqual({});
  });

  it('turns off introspection in production', async () => {
    const response = await givenApi(dynamo(), { env: PRODUCTION, config: KEYLESS }).query(
      '{ __schema { types { name } } }',
    );
    expect(response.errors!.map((e) => e.extensions?.code)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });
});
