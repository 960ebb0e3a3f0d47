/**
 * npm run bench: the figures of docs/performance.md but load, in two parts run one after the
 * other, each with its own DynamoDB Local (in memory, on a free port), stopped before the next
 * starts and whatever happens:
 *
 *   1. warm latency of the Lambda handler against the raw DynamoDB calls it needs, DynamoDB calls
 *      per operation, and cold start and size of the bundle serverless.yml ships (the shipped
 *      ml-junior bank);
 *   2. the scale curves and import throughput of bench/scale.ts (what `npm run bench:scale` runs
 *      alone), and their chart, docs/performance-scale.svg.
 *
 * Prints each part's tables when it ends and writes bench/results.json (git-ignored): part 1
 * starts the file afresh, part 2 adds "scale", "import" and "scaleSettings" to it.
 *
 * BENCH_CALLS (default 1000) and BENCH_COLD_RUNS (default 15) change the sample sizes.
 * BENCH_COLD_FLOOR=1 also measures the cold start of two reference bundles built the same way:
 * only the AWS SDK doing one BatchGetItem, and only the Apollo server (bench/floor/).
 * BENCH_SCALE=0 skips part 2 and keeps the scale keys of the file from an earlier run; the
 * SCALE_* variables of bench/scale.ts size part 2.
 */
import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../src/app';
import { readConfig } from '../src/config';
import { createLambdaHandler } from '../src/lambda';
import { createLogger } from '../src/logger';
import { buildBundle, readServerlessSettings, type BuiltBundle } from './bundle';
import { measureColdStart, type ColdStartResult } from './cold-start';
import { graphqlEvent } from './events';
import { BANK_ID, REGION, startFixture, TABLE_NAME, type Fixture } from './fixture';
import { measureOperation, type LatencyResult, type Operation } from './latency';
import { printReport, saveResults, type FloorResult } from './report';
import { benchScale, optionsFromEnv } from './scale';

const CALLS = Math.max(500, Number(process.env.BENCH_CALLS ?? 1000));
const COLD_RUNS = Math.max(10, Number(process.env.BENCH_COLD_RUNS ?? 15));
const COLD_FLOOR = process.env.BENCH_COLD_FLOOR === '1';
const SCALE = process.env.BENCH_SCALE !== '0';
const WARMUP = 100;

/** Reference bundles for BENCH_COLD_FLOOR: what each half of the stack costs on its own. */
const FLOOR_BUNDLES = [
  { name: 'AWS SDK only', entry: 'bench/floor/sdk-only.ts', query: '{ __typename }' },
  { name: 'Apollo only', entry: 'bench/floor/apollo-only.ts', query: '{ __typename }' },
];

/** n distinct items picked at random (a partial Fisher–Yates shuffle). */
function sample<T>(items: readonly T[], n: number): T[] {
  const pool = [...items];
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(Math.random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, n);
}

function operations(fixture: Fixture): Operation[] {
  const { raw, questionKeys } = fixture;
  const batchGetKeys = (Keys: readonly { PK: string; SK: string }[]) =>
    raw.doc.send(new BatchGetCommand({ RequestItems: { [raw.tableName]: { Keys: [...Keys] } } }));
  return [
    {
      name: 'randomQuestions',
      query: `{ randomQuestions(input: { bankId: "${BANK_ID}", count: 10 }) { questions { id text } } }`,
      // Like the handler's random set: ten different questions each call, not one cached batch.
      raw: async () => {
        await batchGetKeys(sample(questionKeys, 10));
      },
    },
    {
      name: 'questions',
      query: `{ questions(filter: { bankId: "${BANK_ID}" }, first: 20) { edges { node { id text } } } }`,
      // The page: its 20 questions, in one BatchGetItem (see docs/performance.md, "Warm latency").
      raw: async () => {
        await batchGetKeys(questionKeys.slice(0, 20));
      },
    },
  ];
}

async function measureWarm(fixture: Fixture): Promise<Record<string, LatencyResult>> {
  const env = {
    STAGE: 'bench',
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    TABLE_NAME,
    DYNAMODB_ENDPOINT: fixture.local.endpoint,
    AWS_REGION: REGION,
  };
  const config = readConfig(env);
  const app = createApp(config, createLogger(config.logLevel));
  const handler = createLambdaHandler(app);
  const results: Record<string, LatencyResult> = {};
  try {
    for (const op of operations(fixture)) {
      process.stdout.write(`warm: ${op.name} × ${CALLS}…\n`);
      results[op.name] = await measureOperation(app, handler, op, {
        calls: CALLS,
        warmup: WARMUP,
        headers: { 'x-api-key': fixture.apiKey },
      });
    }
  } finally {
    await app.server.stop();
    app.dynamo.doc.destroy();
  }
  return results;
}

async function measureCold(
  fixture: Fixture,
  outDir: string,
): Promise<{ cold: ColdStartResult; bundle: BuiltBundle; floor: FloorResult[] }> {
  const settings = readServerlessSettings();
  const bundle = await buildBundle(settings, outDir);
  process.stdout.write(`cold: ${path.relative(outDir, bundle.file)} (${bundle.bytes} bytes) × ${COLD_RUNS}…\n`);
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    // What Lambda would set, with the literal values of serverless.yml (NODE_OPTIONS included).
    ...settings.fn.environment,
    STAGE: 'bench',
    TABLE_NAME,
    DYNAMODB_ENDPOINT: fixture.local.endpoint,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'bench',
    AWS_SECRET_ACCESS_KEY: 'bench',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
  const query = operations(fixture)[0].query;
  const headers = { 'x-api-key': fixture.apiKey };
  const cold = await measureColdStart({
    bundle: bundle.file,
    exportName: settings.fn.exportName,
    event: graphqlEvent(query, 'cold', headers),
    env,
    runs: COLD_RUNS,
  });
  const floor: FloorResult[] = [];
  for (const reference of COLD_FLOOR ? FLOOR_BUNDLES : []) {
    const built = await buildBundle({ ...settings, fn: { ...settings.fn, entry: reference.entry } }, outDir);
    process.stdout.write(
      `cold: ${reference.name}, ${path.relative(outDir, built.file)} (${built.bytes} bytes) × ${COLD_RUNS}…\n`,
    );
    const event = graphqlEvent(reference.query, 'cold', headers);
    floor.push({
      name: reference.name,
      bytes: built.bytes,
      ...(await measureColdStart({
        bundle: built.file,
        exportName: settings.fn.exportName,
        event,
        env,
        runs: COLD_RUNS,
      })),
    });
  }
  return { cold, bundle, floor };
}

/** The latency part of bench/results.json. */
function latencyResults(
  warm: Record<string, LatencyResult>,
  cold: ColdStartResult,
  bundle: BuiltBundle,
  floor: FloorResult[],
): Record<string, unknown> {
  return {
    operations: Object.fromEntries(
      Object.entries(warm).map(([name, r]) => [
        name,
        { p50Ms: r.p50Ms, p99Ms: r.p99Ms, rawP50Ms: r.rawP50Ms, ratio: r.ratio, dynamoCalls: r.dynamoCalls },
      ]),
    ),
    coldStart: {
      p50Ms: cold.p50Ms,
      nodeP50Ms: cold.nodeP50Ms,
      ratio: cold.ratio,
      initMs: cold.initMs,
      firstRequestMs: cold.firstRequestMs,
    },
    bundle: { bytes: bundle.bytes, gzipBytes: bundle.gzipBytes },
    coldStartFloor:
      floor.length > 0
        ? Object.fromEntries(
            floor.map((f) => [
              f.name,
              {
                bytes: f.bytes,
                p50Ms: f.p50Ms,
                nodeP50Ms: f.nodeP50Ms,
                ratio: f.ratio,
                initMs: f.initMs,
                firstRequestMs: f.firstRequestMs,
              },
            ]),
          )
        : undefined,
  };
}

/** Part 1: warm latency, cold start and bundle, against the shipped bank. */
async function benchLatency(): Promise<void> {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'qbank-bench-'));
  process.stdout.write('starting DynamoDB Local and importing seed/banks/ml-junior.ru.md…\n');
  const fixture = await startFixture();
  // Ctrl-C would otherwise end the process without stopping java.
  const interrupt = (): void => void fixture.local.stop().finally(() => process.exit(130));
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  try {
    const warm = await measureWarm(fixture);
    const { cold, bundle, floor } = await measureCold(fixture, outDir);
    printReport(warm, cold, bundle, floor);
    // A full run starts the file afresh, so it never mixes in the scale figures of an earlier run.
    const file = saveResults('latency', latencyResults(warm, cold, bundle, floor), { fresh: SCALE });
    process.stdout.write(`\nwrote ${path.relative(process.cwd(), file)}\n`);
  } finally {
    process.removeListener('SIGINT', interrupt);
    process.removeListener('SIGTERM', interrupt);
    fixture.raw.doc.destroy();
    await fixture.local.stop();
    rmSync(outDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  await benchLatency();
  if (!SCALE) return;
  process.stdout.write('\nscale curves and import (BENCH_SCALE=0 skips them)…\n');
  await benchScale(optionsFromEnv());
}

main().catch((error: Error) => {
  process.stderr.write(`bench: ${error.stack ?? error.message}\n`);
  process.exitCode = 1;
});
