import type { AddressInfo } from 'node:net';
import type http from 'node:http';
import { createLandingPage } from '../../src/dev/graphiql';
import { createHttpServer } from '../../src/dev/http-server';
import { useTable } from '../support/dynamo';
import { givenApi, graphqlEvent } from '../support/graphql';

const HEADERS = { 'x-api-key': 'qb_pk_local-test-key', authorization: 'Bearer demo.token.value' };
const BROWSER = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

describe('the local landing page: GraphiQL served offline by the local server', () => {
  const dynamo = useTable();
  let server: http.Server;
  let origin: string;

  beforeAll(async () => {
    server = createHttpServer(givenApi(dynamo()).handler, { landingPage: createLandingPage(HEADERS) });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 120_000); // the first run bundles GraphiQL (a few seconds), later runs read the cache

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('answers a browser’s GET /graphql with the page, the local key and token pre-filled', async () => {
    const response = await fetch(`${origin}/graphql`, { headers: BROWSER });
    expect([response.status, response.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);
    const html = await response.text();
    const config = JSON.parse(
      /<script type="application\/json" id="qbank-graphiql-config">(.*?)<\/script>/.exec(html)![1],
    );
    expect(config).toEqual({
      endpoint: '/graphql',
      assets: '/graphql/assets',
      headers: HEADERS,
      query: expect.any(String),
    });
    expect(html).toContain('<script src="/graphql/assets/main.js"></script>');
    expect(html).toContain('<link rel="stylesheet" href="/graphql/assets/main.css">');
  }, 120_000);

  it('names no other host: no https:// or http:// URL in the page', async () => {
    const html = await (await fetch(`${origin}/graphql`, { headers: BROWSER })).text();
    expect(html.match(/https?:\/\//g)).toBeNull();
  });

  it('serves the page’s script, stylesheet, font and Monaco workers itself', async () => {
    const css = await fetch(`${origin}/graphql/assets/main.css`);
    const cssText = await css.text();
    const fonts = [...cssText.matchAll(/url\(["']?\.?\/?([^"')]+\.ttf)["']?\)/g)].map((m) => m[1]);
    expect([css.status, css.headers.get('content-type'), fonts.length > 0]).toEqual([
      200,
      'text/css; charset=utf-8',
      true,
    ]);
    // the stylesheet loads nothing from another host (no web fonts)
    expect(cssText).not.toMatch(/@import|url\(["']?https?:/);
    const names = ['main.js', 'editor.worker.js', 'json.worker.js', 'graphql.worker.js', ...new Set(fonts)];
    const statuses = await Promise.all(
      names.map(async (name) => {
        const asset = await fetch(`${origin}/graphql/assets/${name}`);
        return [name, asset.status, asset.headers.get('content-type'), (await asset.arrayBuffer()).byteLength > 0];
      }),
    );
    expect(statuses).toEqual(
      names.map((name) => [name, 200, name.endsWith('.ttf') ? 'font/ttf' : 'text/javascript; charset=utf-8', true]),
    );
  });

  it('refuses asset names outside the bundle', async () => {
    const results = await Promise.all(
      ['nothing.js', '..%2Fpackage.json', 'main.map'].map(
        async (name) => (await fetch(`${origin}/graphql/assets/${name}`)).status,
      ),
    );
    expect(results).toEqual([404, 404, 404]);
  });

  it('still answers GraphQL on GET /graphql with a query, and POSTs, from a browser too', async () => {
    const get = await fetch(`${origin}/graphql?query=${encodeURIComponent('{ banks { id } }')}`, {
      headers: { ...BROWSER, 'apollo-require-preflight': 'true' },
    });
    expect([get.status, await get.json()]).toEqual([200, { data: { banks: [] } }]);
    const post = await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: { ...BROWSER, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ banks { id } }' }),
    });
    expect([post.status, await post.json()]).toEqual([200, { data: { banks: [] } }]);
  });
});

describe('the Lambda handler serves no landing page', () => {
  const dynamo = useTable();

  it('answers a browser’s GET /graphql without a query with no HTML page', async () => {
    const api = givenApi(dynamo());
    const event = graphqlEvent(null, { method: 'GET', headers: BROWSER });
    delete event.headers['content-type'];
    const result = (await api.handler(event, {} as never, () => {})) as {
      statusCode: number;
      headers: Record<string, string>;
      body: string;
    };
    expect(result.statusCode).toBe(400);
    expect(result.headers['content-type']).not.toMatch(/text\/html/);
    expect(result.body).not.toMatch(/<html|apollo-server-landing-page|embeddable-sandbox/i);
  });
});
