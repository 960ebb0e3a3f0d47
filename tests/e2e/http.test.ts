import type { AddressInfo } from 'node:net';
import type http from 'node:http';
import { importBankFiles } from '../../src/usecases/import-banks';
import { createHttpServer } from '../../src/dev/http-server';
import { SHIPPED_BANK } from '../support/banks';
import { useTable } from '../support/dynamo';
import { givenApi } from '../support/graphql';

describe('the API over HTTP (the local server wrapping the Lambda handler)', () => {
  const dynamo = useTable();
  let server: http.Server;
  let url: string;

  beforeAll(async () => {
    await importBankFiles(dynamo(), [SHIPPED_BANK]);
    // The API's own handler: a second one on the same app would start its Apollo server twice.
    server = createHttpServer(givenApi(dynamo()).handler);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('answers a POSTed query with JSON', async () => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ bank(id: "ml-junior") { questionCount sections { title } } }' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const body = (await response.json()) as { data: any };
    expect(body.data.bank.questionCount).toBe(58);
    expect(body.data.bank.sections).toHaveLength(8);
  });

  it('answers a GET query that carries a preflight header', async () => {
    const response = await fetch(`${url}?query=${encodeURIComponent('{ banks { id } }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { banks: [{ id: 'ml-junior' }] } });
  });

  it('answers a content GET with an ETag, and the same GET with If-None-Match with an empty 304', async () => {
    const get = `${url}?query=${encodeURIComponent('{ bank(id: "ml-junior") { title } }')}`;
    const headers = { 'apollo-require-preflight': 'true', origin: 'http://localhost:5173' };
    const first = await fetch(get, { headers });
    expect([first.status, first.headers.get('cache-control')]).toEqual([
      200,
      'private, max-age=30, stale-while-revalidate=300',
    ]);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/".+"$/);
    const again = await fetch(get, { headers: { ...headers, 'if-none-match': etag } });
    expect([again.status, again.headers.get('etag'), await again.text()]).toEqual([304, etag, '']);
    expect(again.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
  });

  it('says where the API is on other paths, readable from a browser', async () => {
    const response = await fetch(url.replace('/graphql', '/'), { headers: { origin: 'http://localhost:5173' } });
    expect([response.status, await response.text()]).toEqual([404, 'not found: use /graphql']);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
  });

  it('refuses bodies over 1 MB with 413, readable from a browser', async () => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost:5173' },
      body: 'x'.repeat(1024 * 1024 + 1),
    });
    expect([response.status, response.headers.get('access-control-allow-origin')]).toEqual([
      413,
      'http://localhost:5173',
    ]);
  });
});
