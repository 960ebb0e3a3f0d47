/**
 * The recording proxy, the child's phase markers and the SDK-only floor together, on the wire:
 * the floor bundle replays a plan through the proxy, and the trace it leaves is that plan again.
 * Counts only, no timings (the proxy holds each answer, so rounds do not depend on speed).
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildBundle, readServerlessSettings } from '../../bench/bundle';
import { startRecordingProxy, traceCalls } from '../../bench/cold-proxy';
import { buildReplayPlan, summarizeTrace, type ReplayPlan } from '../../bench/cold-trace';
import { createDynamo } from '../../src/store/client';
import { endpoint, useTable } from '../support/dynamo';

const dynamo = useTable();
let outDir: string;

beforeAll(() => {
  outDir = mkdtempSync(path.join(os.tmpdir(), 'qbank-bench-test-'));
});
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/** Rounds with their calls in a fixed order: calls of one round may reach the proxy in any order. */
const normalized = (plan: ReplayPlan): ReplayPlan => ({
  init: plan.init.map((round) => [...round].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))),
  request: plan.request.map((round) => [...round].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))),
});

it('traces the floor replaying a plan: init calls before the handler, request calls after, by round', async () => {
  const { tableName } = dynamo();
  await dynamo().doc.send(new PutCommand({ TableName: tableName, Item: { PK: 'BANK#a', SK: 'BANK', title: 'A' } }));
  const key = { PK: { S: 'BANK#a' }, SK: { S: 'BANK' } };
  const plan: ReplayPlan = {
    init: [
      [
        { operation: 'DescribeTable', input: { TableName: tableName } },
        { operation: 'GetItem', input: { TableName: tableName, Key: key } },
      ],
      [{ operation: 'GetItem', input: { TableName: tableName, Key: key, ConsistentRead: true } }],
    ],
    request: [
      [{ operation: 'GetItem', input: { TableName: tableName, Key: key } }],
      [
        { operation: 'BatchGetItem', input: { RequestItems: { [tableName]: { Keys: [key] } } } },
        {
          operation: 'Query',
          input: {
            TableName: tableName,
            KeyConditionExpression: 'PK = :pk',
            ExpressionAttributeValues: { ':pk': { S: 'BANK#a' } },
          },
        },
      ],
    ],
  };
  const planFile = path.join(outDir, 'plan.json');
  writeFileSync(planFile, JSON.stringify(plan));

  const settings = readServerlessSettings();
  const floor = await buildBundle({ ...settings, fn: { ...settings.fn, entry: 'bench/floor/sdk-only.ts' } }, outDir);
  const { calls, report } = await traceCalls(
    {
      name: 'floor',
      bundle: { file: floor.file, exportName: settings.fn.exportName, event: {} },
      env: {
        PATH: process.env.PATH,
        ...settings.fn.environment,
        STAGE: 'bench',
        TABLE_NAME: tableName,
        AWS_REGION: 'local',
        AWS_ACCESS_KEY_ID: 'bench',
        AWS_SECRET_ACCESS_KEY: 'bench',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        QBANK_FLOOR_PLAN: planFile,
      },
    },
    endpoint(),
  );

  expect(report?.ok).toBe(true);
  expect(report?.constructMs).not.toBeNull();
  expect(summarizeTrace(calls)).toEqual({
    init: { calls: 3, rounds: 2, byOperation: { DescribeTable: 1, GetItem: 2 } },
    request: { calls: 3, rounds: 2, byOperation: { GetItem: 1, BatchGetItem: 1, Query: 1 } },
    after: { calls: 0, rounds: 0, byOperation: {} },
    skipped: [],
  });
  expect(normalized(buildReplayPlan(calls))).toEqual(normalized(plan));
}, 60_000);

it('begins the request phase only once the reads started before the marker are done, in any number of rounds', async () => {
  const { tableName } = dynamo();
  const proxy = await startRecordingProxy(endpoint(), { delayMs: 40, quietMs: 30 });
  const client = createDynamo({ tableName, region: 'local', endpoint: proxy.endpoint });
  const get = () => client.doc.send(new GetCommand({ TableName: tableName, Key: { PK: 'BANK#a', SK: 'BANK' } }));
  try {
    // Two init rounds, the second sent only after the first's answer (at least 40 ms each).
    const init = get().then(get);
    // The marker, sent while the first is in flight, as the child's does after its wait.
    await new Promise((resolve) => setTimeout(resolve, 10));
    const marked = fetch(`${proxy.phaseUrl}request`).then((res) => res.status);
    await expect(marked).resolves.toBe(204);
    await init;
    await get();
    await fetch(`${proxy.phaseUrl}done`);
    await get();
    expect(proxy.calls.map((c) => [c.target, c.phase])).toEqual([
      ['DynamoDB_20120810.GetItem', 'init'],
      ['DynamoDB_20120810.GetItem', 'init'],
      ['DynamoDB_20120810.GetItem', 'request'],
      ['DynamoDB_20120810.GetItem', 'after'],
    ]);
    expect(summarizeTrace(proxy.calls)).toEqual({
      init: { calls: 2, rounds: 2, byOperation: { GetItem: 2 } },
      request: { calls: 1, rounds: 1, byOperation: { GetItem: 1 } },
      after: { calls: 1, rounds: 1, byOperation: { GetItem: 1 } },
      skipped: [],
    });
  } finally {
    client.doc.destroy();
    await proxy.close();
  }
});
