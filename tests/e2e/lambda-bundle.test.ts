/**
 * The bundle that ships, run as Lambda runs it: esbuild-plugins.js leaves modules out (stubs that
 * throw) and src/auth/jose.ts loads jose only on a token's first use, so only the built bundle can
 * show that nothing left out is reached. Each case is a fresh `node` with the bundle's handler
 * answering one request (bench/cold-child.cjs), against this suite's table.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
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

  function subject(query: string, variables: Record<string, unknown>, headers: Record<string, string>): Subject {
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
      },
    };
  }

  it('is ASCII only, so Node reads it as a one-byte string', () => {
    // esbuild escapes strings, but not the characters of a regex literal (src/domain/search/text.ts).
    const text = readFileSync(bundle.file, 'utf8');
    expect([...new Set(text.match(/[\u0080-\uffff]/g) ?? [])]).toEqual([]);
  });

  it('answers a key-only request (no token: jose never loaded)', async () => {
    const query = 'query Q($bank: ID!) { randomQuestions(input: { bankId: $bank, count: 3 }) { questions { id } } }';
    const { report } = await runOnce(subject(query, { bank: 'ml-junior' }, { 'x-api-key': tenant.publishable }));
    expect(report?.ok).toBe(true);
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
    const attempts = await api.send(
      graphqlEvent({ query: '{ attempts(first: 5) { edges { node { question { id } outcome } } } }' }, learner),
    );
    expect(attempts.data).toEqual({
      attempts: { edges: [{ node: { question: { id: questionId }, outcome: 'CORRECT' } }] },
    });
  }, 30_000);
});
