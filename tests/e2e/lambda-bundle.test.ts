/**
 * The bundle that ships, run as Lambda runs it: esbuild-plugins.js leaves modules out (stubs that
 * throw) and puts jose, ts-fsrs and the stemmers in lazy chunks of their own, loaded on first use,
 * so only the built bundle can show that nothing left out is reached and each chunk loads when,
 * and only when, a request needs it. Each case is a fresh `node` with the bundle's handler
 * answering one request (bench/cold-child.cjs), against this suite's table.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildBundle, readServerlessSettings, type BuiltBundle } from '../../bench/bundle';
import { runOnce, type Subject } from '../../bench/cold-start';
import { requestEvent } from '../../bench/events';
import { importBankFiles } from '../../src/usecases/import-banks';
import { givenTenant, type TenantFixture } from '../support/access';
import { SHIPPED_BANK } from '../support/banks';
import { endpoint, useTable } from '../support/dynamo';
import { givenApi, graphqlEvent } from '../support/graphql';

const settings = readServerlessSettings();

describe('the Lambda bundle', () => {
  const dynamo = useTable();
  const outDir = mkdtempSync(path.join(tmpdir(), 'qbank-bundle-'));
  let bundle: BuiltBundle;
  let tenant: TenantFixture;

  beforeAll(async () => {
    bundle = await buildBundle(settings, outDir);
    await importBankFiles(dynamo(), [SHIPPED_BANK]);
    tenant = await givenTenant(dynamo(), 'bundle');
  }, 60_000);
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  function subject(
    query: string,
    variables: Record<string, unknown>,
    headers: Record<string, string>,
    env: Record<string, string> = {},
  ): Subject {
    return {
      name: 'bundle',
      bundle: {
        file: bundle.file,
        exportName: settings.fn.exportName,
        event: requestEvent(JSON.stringify({ query, variables }), 'bundle', headers),
      },
      env: {
        PATH: process.env.PATH,
        ...settings.fn.environment,
        STAGE: 'test',
        TABLE_NAME: dynamo().tableName,
        DYNAMODB_ENDPOINT: endpoint(),
        AWS_REGION: 'us-east-1',
        AWS_ACCESS_KEY_ID: 'test',
        AWS_SECRET_ACCESS_KEY: 'test',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        ...env,
      },
    };
  }

  it('is ASCII only, so Node reads it as a one-byte string', () => {
    // esbuild escapes strings, but not the characters of a regex literal (src/domain/search/text.ts).
    const text = readFileSync(bundle.file, 'utf8');
    expect([...new Set(text.match(/[\u0080-\uffff]/g) ?? [])]).toEqual([]);
  });

  it('carries its lazy chunks beside handler.js and none of their libraries in it', () => {
    const dir = path.dirname(bundle.file);
    expect(readdirSync(path.join(dir, 'chunks')).sort()).toEqual([
      'fsrs.js',
      'fsrs.js.map',
      'jose.js',
      'jose.js.map',
      'schema.js',
      'schema.js.map',
      'stemmers.js',
      'stemmers.js.map',
    ]);
    const text = readFileSync(bundle.file, 'utf8');
    expect(text.match(/require\("\.\/chunks\/[a-z]+\.js"\)/g)?.sort()).toEqual([
      'require("./chunks/fsrs.js")',
      'require("./chunks/jose.js")',
      'require("./chunks/schema.js")',
      'require("./chunks/stemmers.js")',
    ]);
    // each library's own marks: jose's error codes, one of ts-fsrs's messages, the Snowball Russian stemmer's
    expect(text).not.toContain('ERR_JWT_EXPIRED');
    expect(text).not.toContain('Cannot rollback a manual rating');
    expect(text).not.toContain('\\u0432\\u0448\\u0438\\u0441\\u044C');
  });

  it('leaves out what Apollo and graphql-armor bring but never run here', () => {
    const text = readFileSync(bundle.file, 'utf8');
    // lru-cache (src/graphql/apollo-cache.ts stands in), negotiator's language parser (only its
    // media types are used), armor's cost and token protections (src/graphql/server.ts shapeLimits)
    // and whatwg-mimetype's serialiser (src/graphql/mime-type.ts gives Apollo the essence)
    for (const mark of [
      'maxEntrySize',
      'accept-language',
      'Query Cost limit',
      'Token limit of',
      'Invalid MIME type parameter name',
    ])
      expect(text).not.toContain(mark);
    // what stays: the depth limit
    expect(text).toContain('Query depth limit of');
  });

  it('answers a key-only request without loading a chunk (no token, no scheduling, no search)', async () => {
    const query = 'query Q($bank: ID!) { randomQuestions(input: { bankId: $bank, count: 3 }) { questions { id } } }';
    const { report } = await runOnce(subject(query, { bank: 'ml-junior' }, { 'x-api-key': tenant.publishable }));
    expect(report?.ok).toBe(true);
    expect(report?.chunks).toEqual([]);
  }, 30_000);

  it("reads Content-Type and Accept as Apollo's own packages would (CSRF, media type)", async () => {
    const query = '{ banks { id } }';
    const headers = { 'x-api-key': tenant.publishable };
    // a request a browser sends without a preflight: refused (runOnce throws with the answer)
    await expect(
      runOnce(subject(query, {}, { ...headers, 'content-type': 'Text/Plain; charset=UTF-8' })),
    ).rejects.toThrow(/"statusCode":400.*Cross-Site Request Forgery/);

    const typed = await runOnce(
      subject(
        query,
        {},
        {
          ...headers,
          'content-type': 'application/json; charset=utf-8',
          accept: 'application/json;q=0.5, application/graphql-response+json',
        },
      ),
    );
    expect(typed.report?.ok).toBe(true);
  }, 30_000);

  it('answers introspection with the descriptions, from the schema chunk, only when it is on', async () => {
    const query = '{ __type(name: "Bank") { description } }';
    const headers = { 'x-api-key': tenant.publishable };
    const on = await runOnce(subject(query, {}, headers, { INTROSPECTION: 'true' }));
    expect(on.report?.ok).toBe(true);
    expect(on.report?.chunks).toEqual(['schema']);
    await expect(runOnce(subject(query, {}, headers))).rejects.toThrow(/GraphQL introspection is not allowed/);
  }, 30_000);

  it('searches with the stemmers chunk only', async () => {
    const query =
      'query S($q: String!) { searchQuestions(bankId: "ml-junior", query: $q, first: 3) { edges { node { id } } } }';
    const { report } = await runOnce(subject(query, { q: 'градиентный спуск' }, { 'x-api-key': tenant.publishable }));
    expect(report?.ok).toBe(true);
    expect(report?.chunks).toEqual(['stemmers']);
  }, 30_000);

  it('verifies a user token and schedules an attempt (jose and FSRS loaded on first use)', async () => {
    const api = givenApi(dynamo());
    const learner = { headers: { 'x-api-key': tenant.secret, 'x-user-id': 'bundle-learner' } };
    const page = await api.send(
      graphqlEvent(
        { query: '{ questions(filter: { bankId: "ml-junior", kinds: [OPEN] }, first: 1) { edges { node { id } } } }' },
        learner,
      ),
    );
    const questionId: string = page.data!.questions.edges[0].node.id;
    const mutation = 'mutation R($input: RecordAttemptInput!) { recordAttempt(input: $input) { duplicate } }';
    const input = { questionId, outcome: 'CORRECT', timeSpentMs: 1000, clientAttemptId: 'bundle-1' };
    const token = await tenant.token('bundle-learner');

    const { report } = await runOnce(
      subject(mutation, { input }, { 'x-api-key': tenant.publishable, authorization: `Bearer ${token}` }),
    );

    expect(report?.ok).toBe(true);
    expect(report?.chunks).toEqual(['fsrs', 'jose']);
    const attempts = await api.send(
      graphqlEvent({ query: '{ attempts(first: 5) { edges { node { question { id } outcome } } } }' }, learner),
    );
    expect(attempts.data).toEqual({
      attempts: { edges: [{ node: { question: { id: questionId }, outcome: 'CORRECT' } }] },
    });
  }, 30_000);
});
