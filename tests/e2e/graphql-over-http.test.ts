/**
 * The GraphQL-over-HTTP audit of `graphql-http` (the spec's reference implementation) against
 * the local HTTP server, so a regression in how the API speaks HTTP fails CI.
 */
import { auditServer, type AuditResult } from 'graphql-http';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpServer } from '../../src/dev/http-server';
import { useTable } from '../support/dynamo';
import { givenApi } from '../support/graphql';

const byStatus = (results: AuditResult[], status: AuditResult['status']): string[] =>
  results
    .filter((result) => result.status === status)
    .map((result) => `${result.id} ${result.name}${'reason' in result ? `: ${result.reason}` : ''}`);

describe('GraphQL over HTTP (graphql-http audit)', () => {
  const dynamo = useTable();
  let server: http.Server;
  let url: string;

  beforeAll(async () => {
    server = createHttpServer(givenApi(dynamo()).handler);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('passes every MUST and SHOULD audit; the only notices are GETs without the CSRF header', async () => {
    const results = await auditServer({ url });
    expect({ errors: byStatus(results, 'error'), warnings: byStatus(results, 'warn') }).toEqual({
      errors: [],
      warnings: [],
    });
    // csrfPrevention refuses a GET without a preflight header, by design (README, "GraphQL over HTTP").
    // csrfPrevention refuses a GET that carries no preflight header (README, "GraphQL over HTTP").
    expect(byStatus(results, 'notice').map((line) => line.split(' ')[0])).toEqual(['5A70', 'D6D5', '6A70']);
    expect([results.filter((result) => result.status === 'ok').length, results.length]).toEqual([58, 61]);
  });

  const post = async (body: unknown, accept?: string): Promise<[number, string | null, unknown]> => {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...(accept ? { accept } : {}) };
    const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
    return [
      response.status,
      response.headers.get('content-type'),
      ((await response.json()) as { errors: { extensions: unknown }[] }).errors[0]?.extensions,
    ];
  };

  it('answers a document that does not parse with 200 as application/json and 400 as application/graphql-response+json', async () => {
    const parseFailed = { code: 'GRAPHQL_PARSE_FAILED' };
    expect(await post({ query: '{' }, 'application/json')).toEqual([
      200,
      'application/json; charset=utf-8',
      parseFailed,
    ]);
    expect(await post({ query: '{' })).toEqual([200, 'application/json; charset=utf-8', parseFailed]);
    expect(await post({ query: '{' }, 'application/graphql-response+json')).toEqual([
      400,
      'application/graphql-response+json; charset=utf-8',
      parseFailed,
    ]);
    expect(await post({ query: '{' }, 'application/graphql-response+json, application/json;q=0.9')).toEqual([
      400,
      'application/graphql-response+json; charset=utf-8',
      parseFailed,
    ]);
  });

  it('answers validation and variable failures with 200 as application/json', async () => {
    expect(await post({ query: '{ nope }' }, 'application/json')).toEqual([
      200,
      'application/json; charset=utf-8',
      { code: 'GRAPHQL_VALIDATION_FAILED' },
    ]);
    const coercion = { query: 'query ($id: ID!) { bank(id: $id) { id } }', variables: { id: { not: 'an id' } } };
    expect(await post(coercion, 'application/json')).toEqual([
      200,
      'application/json; charset=utf-8',
      { code: 'BAD_USER_INPUT' },
    ]);
    expect(await post(coercion, 'application/graphql-response+json')).toEqual([
      400,
      'application/graphql-response+json; charset=utf-8',
      { code: 'BAD_USER_INPUT' },
    ]);
  });

  it('keeps 400 for a request that is not a GraphQL request at all, whatever the media type', async () => {
    expect(await post({ qeury: '{ __typename }' }, 'application/json')).toEqual([
      400,
      'application/json; charset=utf-8',
      { code: 'BAD_REQUEST' },
    ]);
  });
});
