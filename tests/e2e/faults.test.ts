/**
 * recordAttempt under injected DynamoDB faults (tests/harness/fault-proxy.ts: 10 % throttling, 5 %
 * 500s, 2 % connection resets, 5 % latency spikes, half of the 500s and resets after DynamoDB
 * applied the request). Clients retry every failed request with the same clientAttemptId until
 * it is stored. Afterwards exactly one attempt per clientAttemptId is stored, each the one the
 * API answered with, every aggregate equals its recount (stats:verify), no answer carried a
 * stack trace or internals, and no server died on its own. 200 attempts from 10 clients through
 * the Lambda handler in this process; 100 from 10 clients against a server process
 * (src/dev/start.ts) that is SIGKILLed half-way and restarted on the same table.
 *
 * The reduced, deterministic variant of `npm run chaos` (fixed seeds, fewer attempts): what a
 * run injects varies with request timing, the invariants checked do not.
 */
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importBankFiles } from '../../src/usecases/import-banks';
import { RECORD_ATTEMPT, runAttemptLoad, type Reply } from '../harness/attempt-load';
import { verifyRun } from '../harness/chaos-checks';
import { startFaultProxy, type FaultProxy } from '../harness/fault-proxy';
import { runWithServerKill } from '../harness/server-kill-run';
import { readExistingBank } from '../../src/store';
import { givenTenant, type TenantFixture } from '../support/access';
import { SHIPPED_BANK } from '../support/banks';
import { endpoint, useTable } from '../support/dynamo';
import { givenApi, graphqlEvent } from '../support/graphql';

const RATES = { throttle: 0.1, serverError: 0.05, reset: 0.02, latency: 0.05 };
const LATENCY_MS = { min: 20, max: 120 };
/** Generous: a run takes 10–15 s, but DynamoDB Local on a busy machine can be much slower. */
const LOAD_TIMEOUT_MS = 120_000;

describe('recording attempts through DynamoDB faults', () => {
  const dynamo = useTable();
  const proxies: FaultProxy[] = [];
  let questionIds: string[];

  beforeAll(async () => {
    await importBankFiles(dynamo(), [SHIPPED_BANK]);
    questionIds = (await readExistingBank(dynamo(), 'ml-junior')).questions.map((q) => q.id);
  });

  afterAll(() => Promise.all(proxies.map((proxy) => proxy.stop())));

  /** A proxy per test, so each test's sequence of decisions starts from its own seed. */
  async function givenFaults(seed: string): Promise<FaultProxy> {
    const proxy = await startFaultProxy({ upstream: endpoint(), seed, rates: RATES, latencyMs: LATENCY_MS });
    proxies.push(proxy);
    return proxy;
  }

  it('injects faults the SDK classifies as DynamoDB would cause them: throttling, 500 and reset are retried', async () => {
    const proxy = await givenFaults('faults-protocol');
    const get = async (
      rates: Partial<typeof RATES>,
    ): Promise<{ name: string; message?: string; attempts?: number }> => {
      proxy.setRates({ throttle: 0, serverError: 0, reset: 0, latency: 0, ...rates });
      const client = new DynamoDBClient({
        region: 'local',
        endpoint: proxy.endpoint,
        maxAttempts: 2,
        credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
      });
      try {
        await client.send(
          new GetItemCommand({ TableName: dynamo().tableName, Key: { PK: { S: 'nothing' }, SK: { S: 'here' } } }),
        );
        return { name: 'ok' };
      } catch (error) {
        const { name, message, $metadata } = error as Error & { $metadata?: { attempts?: number } };
        return { name, message, attempts: $metadata?.attempts };
      } finally {
        client.destroy();
      }
    };
    expect(await get({ throttle: 1 })).toEqual({
      name: 'ThrottlingException',
      message: 'Rate of requests exceeds the allowed throughput.',
      attempts: 2,
    });
    expect(await get({ serverError: 1 })).toEqual({
      name: 'InternalServerError',
      message: 'Internal server error',
      attempts: 2,
    });
    // Under jest the SDK wraps the network error (another realm's Error); it is still retried.
    expect(await get({ reset: 1 })).toEqual({
      name: expect.any(String),
      message: expect.stringContaining('socket hang up'),
      attempts: 2,
    });
    expect(await get({})).toEqual({ name: 'ok' });
    expect(proxy.stats().injected).toMatchObject({ throttle: 2, serverError: 2, reset: 2 });
    await expect(startFaultProxy({ upstream: 'http://10.0.0.1:8000', seed: 'x' })).rejects.toThrow('loopback');
  });

  it(
    'stores 200 attempts from 10 clients exactly once through the Lambda handler, aggregates clean, nothing leaked',
    async () => {
      const tenant = await givenTenant(dynamo(), 'faults-in-process');
      const proxy = await givenFaults('faults-ci');
      const api = givenApi(dynamo(), { env: { STAGE: 'prod', DYNAMODB_ENDPOINT: proxy.endpoint } });
      const transport = async (userId: string, input: Record<string, unknown>): Promise<Reply> => {
        const headers = { 'x-api-key': tenant.secret, 'x-user-id': userId };
        const response = await api.send(graphqlEvent({ query: RECORD_ATTEMPT, variables: { input } }, { headers }));
        return { status: response.status, body: response.raw };
      };

      const report = await runAttemptLoad({ clients: 10, attempts: 200, seed: 'faults-ci', questionIds, transport });
      const verdict = await verifyRun(dynamo(), tenant.id, report);

      expect(verdict.problems).toEqual([]);
      expect([verdict.storedAttempts, verdict.distinctClientAttemptIds, verdict.statsDifferences]).toEqual([
        200, 200, 0,
      ]);
      expectEveryFaultInjected(proxy);
      api.app.dynamo.doc.destroy();
    },
    LOAD_TIMEOUT_MS,
  );

  it(
    'stores 100 attempts from 10 clients exactly once when the server process is SIGKILLed half-way and restarted',
    async () => {
      const tenant: TenantFixture = await givenTenant(dynamo(), 'faults-killed');
      const proxy = await givenFaults('faults-ci-kill');
      // start.ts keeps the local tenant's keys in its data directory: a fresh one, removed after.
      const dataDir = mkdtempSync(path.join(os.tmpdir(), 'qbank-faults-'));
      const env = {
        ...process.env,
        DYNAMODB_ENDPOINT: proxy.endpoint,
        TABLE_NAME: dynamo().tableName,
        STAGE: 'prod',
        LOG_LEVEL: 'silent',
        QBANK_DATA_DIR: dataDir,
      };

      const run = await runWithServerKill({
        clients: 10,
        attempts: 100,
        seed: 'faults-ci-kill',
        questionIds,
        env,
        apiKey: tenant.secret,
      }).finally(() => rmSync(dataDir, { recursive: true, force: true }));
      const verdict = await verifyRun(dynamo(), tenant.id, run.load);

      expect(verdict.problems).toEqual([]);
      expect([verdict.storedAttempts, verdict.distinctClientAttemptIds, verdict.statsDifferences]).toEqual([
        100, 100, 0,
      ]);
      expect({ kills: run.kills, unexpectedExits: run.unexpectedExits }).toEqual({ kills: 1, unexpectedExits: [] });
      // Clients saw the server go away: their requests failed without an answer, and were retried.
      expect(run.load.failures.network).toBeGreaterThan(0);
      expectEveryFaultInjected(proxy);
    },
    LOAD_TIMEOUT_MS,
  );
});

function expectEveryFaultInjected(proxy: FaultProxy): void {
  const { injected, afterForward } = proxy.stats();
  expect(injected).toEqual({
    throttle: expect.any(Number),
    serverError: expect.any(Number),
    reset: expect.any(Number),
    latency: expect.any(Number),
  });
  for (const count of [...Object.values(injected), afterForward]) expect(count).toBeGreaterThan(0);
}
