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
 * BENCH_CALLS (default 1000) and BENCH_COLD_RUNS (default 31) change the sample sizes. The cold
 * start is measured beside the SDK-only floor doing the same DynamoDB work (bench/floor/sdk-only.ts,
 * replaying what a traced run of the real bundle sent) and a bare node, interleaved.
 * BENCH_COLD_FLOOR=1 also measures the Apollo-only reference bundle (bench/floor/apollo-only.ts).
 * BENCH_SCALE=0 skips part 2 and keeps the scale keys of the file from an earlier run; the
 * SCALE_* variables of bench/scale.ts size part 2.
 */
import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../src/app';
import { readConfig } from '../src/config';
import { createLambdaHandler } from '../src/lambda';
import { createLogger } from '../src/logger';
import { buildBundle, readServerlessSettings, type BuiltBundle } from './bundle';
import { traceCalls } from './cold-proxy';
import { measureColdStarts, type Subject } from './cold-start';
import { buildReplayPlan, sameWork, summarizeTrace } from './cold-trace';
import { graphqlEvent } from './events';
import { BANK_ID, lambdaEnv, REGION, startFixture, TABLE_NAME, type Fixture } from './fixture';
import { measureOperation, type LatencyResult, type Operation } from './latency';
import { coldRatios, printReport, saveResults, TARGETS, type BundleCold, type ColdResults } from './report';
import { benchScale, optionsFromEnv } from './scale';

const CALLS = Math.max(500, Number(process.env.BENCH_CALLS ?? 1000));
const COLD_RUNS = Math.max(10, Number(process.env.BENCH_COLD_RUNS ?? 31));
const COLD_FLOOR = process.env.BENCH_COLD_FLOOR === '1';
const SCALE = process.env.BENCH_SCALE !== '0';
const WARMUP = 100;

const SDK_FLOOR_ENTRY = 'bench/floor/sdk-only.ts';
/** Reference bundle for BENCH_COLD_FLOOR: what Apollo with the schema costs on its own. */
const APOLLO_FLOOR = { name: 'Apollo only', entry: 'bench/floor/apollo-only.ts', query: '{ __typename }' };

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

async function measureCold(fixture: Fixture, outDir: string): Promise<{ cold: ColdResults; bundle: BuiltBundle }> {
  const settings = readServerlessSettings();
  const bundle = await buildBundle(settings, outDir);
  const floorBundle = await buildBundle({ ...settings, fn: { ...settings.fn, entry: SDK_FLOOR_ENTRY } }, outDir);
  const env = lambdaEnv(settings.fn.environment, fixture.local.endpoint);
  const headers = { 'x-api-key': fixture.apiKey };
  const event = graphqlEvent(operations(fixture)[0].query, 'cold', headers);
  const real: Subject = {
    name: "the Lambda's (src/handler.ts)",
    bundle: { file: bundle.file, exportName: settings.fn.exportName, event },
    env,
  };

  // The real bundle's DynamoDB work, recorded once; the floor replays it from a file.
  process.stdout.write('cold: tracing the DynamoDB calls of one cold start of the real bundle…\n');
  const { calls: realCalls } = await traceCalls(real, fixture.local.endpoint);
  const planFile = path.join(outDir, 'cold-plan.json');
  writeFileSync(planFile, JSON.stringify(buildReplayPlan(realCalls)));
  const floor: Subject = {
    name: 'SDK-only floor, same DynamoDB work',
    bundle: { file: floorBundle.file, exportName: settings.fn.exportName, event },
    env: { ...env, QBANK_FLOOR_PLAN: planFile },
  };
  const { calls: floorCalls } = await traceCalls(floor, fixture.local.endpoint);

  const apolloBundle = COLD_FLOOR
    ? await buildBundle({ ...settings, fn: { ...settings.fn, entry: APOLLO_FLOOR.entry } }, outDir)
    : undefined;
  const apollo: Subject | undefined = apolloBundle && {
    name: APOLLO_FLOOR.name,
    bundle: {
      file: apolloBundle.file,
      exportName: settings.fn.exportName,
      event: graphqlEvent(APOLLO_FLOOR.query, 'cold', headers),
    },
    env,
  };
  const node: Subject = { name: 'node -e 0', env };
  const subjects = [real, floor, node, ...(apollo ? [apollo] : [])];
  process.stdout.write(
    `cold: ${subjects.map((s) => s.name).join(', ')}: ${COLD_RUNS} runs each, interleaved (${bundle.bytes} / ${floorBundle.bytes} bytes)…\n`,
  );
  const [realResult, floorResult, nodeResult, apolloResult] = await measureColdStarts(subjects, COLD_RUNS);
  const withBytes = (result: typeof realResult, bytes: number): BundleCold => ({
    ...result,
    bytes,
    breakdown: result.breakdown!,
  });
  const cold: ColdResults = {
    runs: COLD_RUNS,
    real: withBytes(realResult, bundle.bytes),
    floor: withBytes(floorResult, floorBundle.bytes),
    node: nodeResult,
    ...(apolloResult && apolloBundle ? { apollo: withBytes(apolloResult, apolloBundle.bytes) } : {}),
    trace: {
      real: summarizeTrace(realCalls),
      floor: summarizeTrace(floorCalls),
      floorMatches: sameWork(realCalls, floorCalls),
    },
  };
  return { cold, bundle };
}

/** The latency part of bench/results.json. */
function latencyResults(
  warm: Record<string, LatencyResult>,
  cold: ColdResults,
  bundle: BuiltBundle,
): Record<string, unknown> {
  const ratios = coldRatios(cold);
  return {
    operations: Object.fromEntries(
      Object.entries(warm).map(([name, r]) => [
        name,
        { p50Ms: r.p50Ms, p99Ms: r.p99Ms, rawP50Ms: r.rawP50Ms, ratio: r.ratio, dynamoCalls: r.dynamoCalls },
      ]),
    ),
    coldStart: {
      floorRatio: ratios.floorRatio,
      floorRatioTarget: TARGETS.coldStartFloorRatio,
      runs: cold.runs,
      p50Ms: cold.real.p50Ms,
      floorP50Ms: cold.floor.p50Ms,
      nodeP50Ms: cold.node.p50Ms,
      ratio: ratios.nodeRatio,
      floorNodeRatio: ratios.floorNodeRatio,
      bytes: cold.real.bytes,
      floorBytes: cold.floor.bytes,
      breakdown: { real: cold.real.breakdown, floor: cold.floor.breakdown },
      dynamo: cold.trace,
    },
    bundle: { bytes: bundle.bytes, gzipBytes: bundle.gzipBytes, chunks: bundle.chunks },
    coldStartFloor: cold.apollo
      ? {
          [cold.apollo.name]: {
            bytes: cold.apollo.bytes,
            p50Ms: cold.apollo.p50Ms,
            ratio: cold.apollo.p50Ms / cold.node.p50Ms,
            breakdown: cold.apollo.breakdown,
          },
        }
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
    const { cold, bundle } = await measureCold(fixture, outDir);
    printReport(warm, cold, bundle);
    // A full run starts the file afresh, so it never mixes in the scale figures of an earlier run.
    const file = saveResults('latency', latencyResults(warm, cold, bundle), { fresh: SCALE });
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
