/**
 * Scale curves: does an operation's cost stay flat as the bank and the learner's history grow?
 *
 * Banks of 100, 1,000 and 10,000 questions are generated as Markdown (bench/generate-bank.ts)
 * and imported; in each bank three learners get histories of 10, 200 and 2,000 attempts
 * (bench/scale-history.ts). Then, on a warm in-process Lambda handler:
 *
 *   - content operations (randomQuestions, a questions page) for each bank size;
 *   - learning operations (weakTopics, dueQuestions, questionStats, recordAttempt) for each
 *     (bank size × history size) cell of the grid;
 *
 * each timed alternately with the minimal raw SDK calls for the same answer (ratio = handler p50
 * / raw p50) and with its DynamoDB calls counted. Import throughput is the 10,000-question bank
 * imported into a fresh table, then re-imported unchanged (which must write nothing).
 *
 *   npm run bench           runs this after the warm latency and cold start (BENCH_SCALE=0 skips it)
 *   npm run bench:scale     this part alone
 *
 * Either prints the table, replaces "scale", "import" and "scaleSettings" in bench/results.json
 * (keeping the other keys) and redraws docs/performance-scale.svg.
 *
 * SCALE_CALLS (default 300) and SCALE_WARMUP (default 30) set the samples per operation and
 * size; SCALE_BANKS (default 100,1000,10000) and SCALE_USERS (default 10,200,2000) the grid;
 * SCALE_IMPORT_RUNS (default 3) the fresh-table imports of the largest bank; SCALE_VERIFY=0
 * skips the stats:verify check of the generated histories.
 */
import { BatchGetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { importBankFiles } from '../src/usecases/import-banks';
import { createKey, createTenant } from '../src/admin/commands';
import { verifyStats } from '../src/admin/stats';
import { createApp, type App } from '../src/app';
import { readConfig } from '../src/config';
import { parseGlobalId } from '../src/domain/ids';
import { createLambdaHandler, type LambdaHandler } from '../src/lambda';
import { startDynamoDbLocal, type LocalDynamoDb } from '../src/dev/dynamodb-local';
import { AccessStore } from '../src/store/access-store';
import { batchGet, type Item, type Key } from '../src/store/batch';
import { CatalogCache } from '../src/store/catalog-store';
import { createDynamo, type Dynamo } from '../src/store/client';
import {
  bankFromItem,
  bankKey,
  COUNTER_SHARDS,
  dueIndexPartition,
  questionCounterKey,
  questionKey,
  statePrefix,
  userPartition,
} from '../src/store/keys';
import { queryAll } from '../src/store/query';
import { ensureTable } from '../src/store/table';
import { writeScaleChart } from './chart';
import { sectionCountFor, writeGeneratedBank } from '../tests/harness/generate-bank';
import { formatScale, saveResults, scaleTargetsMissed } from './report';
import { CounterSums, planHistory, putItems, type BankQuestion } from './scale-history';
import { measure, type Measured, type ScaleOperation } from './scale-measure';
import { rawAttempt } from './scale-raw';
import { round2 } from './stats';

const REGION = 'local';
const TENANT = 'scale';
/** The raw twins of the learners (same histories) live in a tenant of their own: the raw writes never touch what the handler reads. */
const RAW_TENANT = 'scale-raw';
const RATE_LIMIT = { rps: 1_000_000_000, burst: 1_000_000_000 };
const WRITE_COMMANDS = [
  'PutItemCommand',
  'BatchWriteItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'TransactWriteItemsCommand',
];

export type Axis = 'bankQuestions' | 'userAttempts';

/** One row of `"scale"` in bench/results.json: the six fields first, then the breakdown. */
export interface ScaleRow {
  operation: string;
  /** Bank questions for content operations, the learner's attempts for learning operations. */
  size: number;
  p50Ms: number;
  p99Ms: number;
  dynamoCalls: number;
  /** Handler p50 / raw p50. */
  ratio: number;
  /** Which of the two the size is. */
  axis: Axis;
  bankQuestions: number;
  userAttempts: number | null;
  rawP50Ms: number;
  rawP99Ms: number;
  /** `{ __typename }` through the same handler and headers: the framework's floor. */
  floorP50Ms: number;
  /** Inside the handler: time with a DynamoDB call in flight, and the rest (p50 of each). */
  dynamoP50Ms: number;
  otherP50Ms: number;
  byCommand: Record<string, number>;
  /** weakTopics: the raw calls with the bank item read beside them (see ScaleOperation.rawChecked). */
  checked?: { rawP50Ms: number; ratio: number };
}

export interface ImportRun {
  importMs: number;
  questionsPerSecond: number;
  /** Write calls (BatchWriteItem and the rest) of the first import. */
  writeCalls: number;
  reimportMs: number;
  /** DynamoDB calls of the unchanged re-import (reads), and its writes: must be 0. */
  reimportCalls: number;
  reimportWriteCalls: number;
}

/** The bank imported, the medians over the runs, and each run. */
export interface ImportResult extends ImportRun {
  questions: number;
  sections: number;
  fileBytes: number;
  runs: ImportRun[];
}

export interface ScaleResults {
  scale: ScaleRow[];
  import: ImportResult;
  settings: { calls: number; warmup: number; banks: number[]; users: number[]; cpus: number; node: string };
}

export interface ScaleOptions {
  calls?: number;
  warmup?: number;
  banks?: number[];
  users?: number[];
  importRuns?: number;
  verify?: boolean;
  log?: (line: string) => void;
}

const numbers = (text: string | undefined, fallback: number[]): number[] =>
  text ? text.split(',').map((n) => Number(n.trim())) : fallback;

export function optionsFromEnv(env: NodeJS.ProcessEnv = process.env): ScaleOptions {
  return {
    calls: Math.max(20, Number(env.SCALE_CALLS ?? 300)),
    warmup: Math.max(5, Number(env.SCALE_WARMUP ?? 30)),
    banks: numbers(env.SCALE_BANKS, [100, 1000, 10000]),
    users: numbers(env.SCALE_USERS, [10, 200, 2000]),
    importRuns: Math.max(1, Number(env.SCALE_IMPORT_RUNS ?? 3)),
    verify: env.SCALE_VERIFY !== '0',
  };
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const countWrites = (dynamo: Dynamo): number =>
  WRITE_COMMANDS.reduce((sum, name) => sum + (dynamo.calls.byCommand.get(name) ?? 0), 0);
const bankIdOf = (questions: number): string => `scale-${questions}`;

export interface BankFixture {
  bankId: string;
  size: number;
  questions: BankQuestion[];
  users: UserFixture[];
}

export interface UserFixture {
  attempts: number;
  userId: string;
  /** Questions of the history, in the order first attempted (the raw twin has the same). */
  attempted: BankQuestion[];
}

/** Imports the largest bank into fresh tables, timed, then re-imports it unchanged, counting writes. */
async function measureImport(
  local: LocalDynamoDb,
  file: string,
  questions: number,
  runs: number,
  log: (line: string) => void,
): Promise<{ result: ImportResult; table: Dynamo }> {
  const results: ImportRun[] = [];
  let table: Dynamo | undefined;
  for (let run = 1; run <= runs; run++) {
    table?.doc.destroy();
    table = createDynamo({ tableName: `qbank-scale-${run}`, region: REGION, endpoint: local.endpoint });
    await ensureTable(table);
    table.calls.reset();
    let start = performance.now();
    const [first] = await importBankFiles(table, [file]);
    const importMs = performance.now() - start;
    if (first.added !== questions) throw new Error(`import added ${first.added} questions, expected ${questions}`);
    const writeCalls = countWrites(table);
    table.calls.reset();
    start = performance.now();
    const [again] = await importBankFiles(table, [file]);
    const reimportMs = performance.now() - start;
    if (again.unchanged !== questions || again.added + again.updated + again.retired !== 0)
      throw new Error(`re-import changed the bank: ${JSON.stringify(again)}`);
    const result: ImportRun = {
      importMs,
      questionsPerSecond: questions / (importMs / 1000),
      writeCalls,
      reimportMs,
      reimportCalls: table.calls.total(),
      reimportWriteCalls: countWrites(table),
    };
    log(
      `import ${run}/${runs}: ${questions} questions in ${round2(importMs)} ms (${Math.round(result.questionsPerSecond)}/s, ${writeCalls} write calls); unchanged re-import ${round2(reimportMs)} ms, ${result.reimportCalls} calls, ${result.reimportWriteCalls} writes`,
    );
    results.push(result);
  }
  const sections = sectionCountFor(questions);
  const fileBytes = statSync(file).size;
  return {
    table: table!,
    result: {
      questions,
      sections,
      fileBytes,
      importMs: median(results.map((r) => r.importMs)),
      questionsPerSecond: median(results.map((r) => r.questionsPerSecond)),
      writeCalls: results[0].writeCalls,
      reimportMs: median(results.map((r) => r.reimportMs)),
      reimportCalls: Math.max(...results.map((r) => r.reimportCalls)),
      reimportWriteCalls: Math.max(...results.map((r) => r.reimportWriteCalls)),
      runs: results,
    },
  };
}

async function bankQuestions(dynamo: Dynamo, bankId: string): Promise<BankQuestion[]> {
  const [item] = await batchGet(dynamo, [bankKey(bankId)]);
  if (!item) throw new Error(`bank ${bankId} is missing`);
  const catalog = await new CatalogCache(dynamo).load(bankFromItem(item));
  return catalog.questions.map((q) => ({ id: q.id, sectionSlug: q.sectionSlug, revision: q.revision }));
}

/** The item holding a question's published content. */
function contentKey(question: BankQuestion): Key {
  const ref = parseGlobalId(question.id)!;
  return questionKey(ref.bankId, ref.localId, question.revision);
}

/** The learners of a bank and their raw twins, with the tenant-wide counters their histories add up to. */
async function writeHistories(
  dynamo: Dynamo,
  bank: { bankId: string; questions: BankQuestion[] },
  sizes: number[],
  now: Date,
): Promise<UserFixture[]> {
  const users: UserFixture[] = [];
  const items: Item[] = [];
  for (const tenantId of [TENANT, RAW_TENANT]) {
    const counters = new CounterSums();
    for (const attempts of sizes) {
      const userId = `${bank.bankId}-a${attempts}`;
      const history = planHistory({ tenantId, userId, bankId: bank.bankId, questions: bank.questions, attempts, now });
      items.push(...history.userItems);
      counters.add(tenantId, userId, history.plans);
      if (tenantId === TENANT) users.push({ attempts, userId, attempted: history.attempted });
    }
    items.push(...counters.all());
  }
  await putItems(dynamo, items);
  return users;
}

function sampleKeys(questions: readonly BankQuestion[], n: number): Key[] {
  const picked = new Set<number>();
  while (picked.size < Math.min(n, questions.length)) picked.add(Math.floor(Math.random() * questions.length));
  return [...picked].map((i) => contentKey(questions[i]));
}

function contentOperations(raw: Dynamo, bank: BankFixture, headers: Record<string, string>): ScaleOperation[] {
  const variables = () => ({ b: bank.bankId });
  return [
    {
      operation: 'randomQuestions',
      query: 'query($b: ID!) { randomQuestions(input: { bankId: $b, count: 10 }) { seed questions { id text } } }',
      variables,
      headers,
      // Ten different questions each call, as the handler's random sets are.
      raw: async () => {
        await raw.doc.send(
          new BatchGetCommand({ RequestItems: { [raw.tableName]: { Keys: sampleKeys(bank.questions, 10) } } }),
        );
      },
    },
    {
      operation: 'questions',
      query:
        'query($b: ID!) { questions(filter: { bankId: $b }, first: 20) { edges { node { id text } } pageInfo { hasNextPage endCursor } } }',
      variables,
      headers,
      // The page: the bank's first 20 questions, in one BatchGetItem. (A Query returns items in
      // key order, which is not the bank's order, so it cannot serve a page; see performance.md.)
      raw: async () => {
        await raw.doc.send(
          new BatchGetCommand({
            RequestItems: { [raw.tableName]: { Keys: bank.questions.slice(0, 20).map(contentKey) } },
          }),
        );
      },
    },
  ];
}

async function rawStates(raw: Dynamo, userId: string, bankId: string): Promise<void> {
  await queryAll(raw, {
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
    ExpressionAttributeValues: { ':pk': userPartition(TENANT, userId), ':prefix': statePrefix(bankId) },
  });
}

/** The raw twin's attempts: round-robin over the questions of its history (the states exist, as for the handler's learner). */
function rawRecordAttempt(
  raw: Dynamo,
  bankId: string,
  userId: string,
  attempted: readonly BankQuestion[],
): () => Promise<void> {
  let next = 0;
  return () =>
    rawAttempt(raw, { tenantId: RAW_TENANT, userId, bankId, question: attempted[next++ % attempted.length] });
}

function learningOperations(
  raw: Dynamo,
  bank: BankFixture,
  user: UserFixture,
  secretKey: string,
  run: string,
): ScaleOperation[] {
  const headers = { 'x-api-key': secretKey, 'x-user-id': user.userId };
  const { bankId } = bank;
  const u = user.userId;
  const asked = user.attempted[0];
  const askedRef = parseGlobalId(asked.id)!;
  const byId = new Map(bank.questions.map((q) => [q.id, q]));
  let attemptNo = 0;
  return [
    {
      operation: 'weakTopics',
      query:
        'query($b: ID!) { weakTopics(bankId: $b, limit: 5) { section { id title } attempts correctRate mastery confidence meanRetrievability leeches } }',
      variables: () => ({ b: bankId }),
      headers,
      // Every state of the user in the bank (every page): what the ranking needs.
      raw: () => rawStates(raw, u, bankId),
      rawChecked: async () => {
        await Promise.all([rawStates(raw, u, bankId), batchGet(raw, [bankKey(bankId)])]);
      },
    },
    {
      operation: 'dueQuestions',
      query:
        'query($b: ID!) { dueQuestions(bankId: $b, limit: 20) { due retrievability lapses question { id text } } }',
      variables: () => ({ b: bankId }),
      headers,
      // The 20 most overdue states (one Query on GSI1 with Limit), then their questions' text (one BatchGetItem).
      raw: async () => {
        const page = await raw.doc.send(
          new QueryCommand({
            TableName: raw.tableName,
            IndexName: 'GSI1',
            KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK <= :now',
            ExpressionAttributeValues: {
              ':pk': dueIndexPartition(TENANT, u, bankId),
              ':now': `${new Date().toISOString()}#~`,
            },
            Limit: 20,
          }),
        );
        const keys = ((page.Items ?? []) as Item[]).map((item) => contentKey(byId.get(item.questionId as string)!));
        if (keys.length > 0)
          await raw.doc.send(new BatchGetCommand({ RequestItems: { [raw.tableName]: { Keys: keys } } }));
      },
    },
    {
      operation: 'questionStats',
      query:
        'query($q: ID!) { questionStats(questionId: $q) { attempts successRate meanScore medianTimeMs p90TimeMs uniqueUsers } }',
      variables: () => ({ q: asked.id }),
      headers: { 'x-api-key': secretKey },
      // The question (does it exist?) and its 4 counter shards: one BatchGetItem of 5 keys.
      raw: async () => {
        const keys = [
          contentKey(asked),
          ...Array.from({ length: COUNTER_SHARDS }, (_, shard) =>
            questionCounterKey(TENANT, bankId, shard, askedRef.localId),
          ),
        ];
        await raw.doc.send(new BatchGetCommand({ RequestItems: { [raw.tableName]: { Keys: keys } } }));
      },
    },
    {
      // Last: it adds to the history (N becomes N + the calls measured).
      operation: 'recordAttempt',
      query:
        'mutation($in: RecordAttemptInput!) { recordAttempt(input: $in) { duplicate attempt { id createdAt } state { due retrievability lapses attempts } } }',
      variables: () => {
        const question = user.attempted[attemptNo % user.attempted.length];
        return {
          in: {
            questionId: question.id,
            outcome: 'CORRECT',
            timeSpentMs: 30_000,
            clientAttemptId: `bench-${run}-${u}-${attemptNo++}`,
          },
        };
      },
      headers,
      raw: rawRecordAttempt(raw, bankId, u, user.attempted),
    },
  ];
}

function row(operation: string, bank: BankFixture, user: UserFixture | null, m: Measured): ScaleRow {
  return {
    operation,
    size: user ? user.attempts : bank.size,
    p50Ms: m.p50Ms,
    p99Ms: m.p99Ms,
    dynamoCalls: m.dynamoCalls,
    ratio: m.ratio,
    axis: user ? 'userAttempts' : 'bankQuestions',
    bankQuestions: bank.size,
    userAttempts: user ? user.attempts : null,
    rawP50Ms: m.rawP50Ms,
    rawP99Ms: m.rawP99Ms,
    floorP50Ms: m.floorP50Ms,
    dynamoP50Ms: m.dynamoP50Ms,
    otherP50Ms: m.otherP50Ms,
    byCommand: m.byCommand,
    ...(m.checked ? { checked: m.checked } : {}),
  };
}

/** Everything the measurements run against: DynamoDB Local, the banks, the learners, a warm app. */
export interface ScaleFixture {
  local: LocalDynamoDb;
  /** A client of its own for setup and the raw SDK calls, configured as the app's. */
  raw: Dynamo;
  app: App;
  handler: LambdaHandler;
  secretKey: string;
  banks: BankFixture[];
  import: ImportResult;
  /** Stops the app, DynamoDB Local and removes the generated files. */
  close(): Promise<void>;
}

export async function prepareScale(options: ScaleOptions = {}): Promise<ScaleFixture> {
  const banks = options.banks ?? [100, 1000, 10000];
  const users = options.users ?? [10, 200, 2000];
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'qbank-scale-'));
  const local = await startDynamoDbLocal();
  let raw: Dynamo | undefined;
  let app: App | undefined;
  const close = async (): Promise<void> => {
    if (app) {
      await app.server.stop();
      app.dynamo.doc.destroy();
    }
    raw?.doc.destroy();
    await local.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const largest = Math.max(...banks);
    log(`generating banks of ${banks.join(', ')} questions in ${dir}`);
    const files = new Map(banks.map((size) => [size, writeGeneratedBank(dir, bankIdOf(size), size)]));
    const imported = await measureImport(local, files.get(largest)!, largest, options.importRuns ?? 3, log);
    raw = imported.table;
    const others = banks.filter((size) => size !== largest).map((size) => files.get(size)!);
    if (others.length > 0) await importBankFiles(raw, others);

    const access = new AccessStore(raw);
    await createTenant(access, { id: TENANT, name: 'qbank scale bench' });
    const { key: secretKey } = await createKey(access, { tenantId: TENANT, kind: 'secret', rateLimit: RATE_LIMIT });

    const now = new Date();
    const fixtures: BankFixture[] = [];
    for (const size of banks) {
      const bankId = bankIdOf(size);
      const questions = await bankQuestions(raw, bankId);
      const start = performance.now();
      const learners = await writeHistories(raw, { bankId, questions }, users, now);
      log(
        `bank ${bankId}: ${questions.length} questions; histories of ${users.join(', ')} attempts (and raw twins) written in ${Math.round(performance.now() - start)} ms`,
      );
      fixtures.push({ bankId, size, questions, users: learners });
    }
    if (options.verify ?? true) {
      const report = await verifyStats(raw, { tenantId: TENANT });
      if (report.differences.length > 0)
        throw new Error(
          `stats:verify disagrees with the generated histories: ${JSON.stringify(report.differences.slice(0, 5))}`,
        );
      log(`stats:verify: ${report.attempts} generated attempts, every aggregate consistent`);
    }

    const config = readConfig({
      STAGE: 'bench',
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      TABLE_NAME: raw.tableName,
      DYNAMODB_ENDPOINT: local.endpoint,
      AWS_REGION: REGION,
    });
    app = createApp(config);
    return {
      local,
      raw,
      app,
      handler: createLambdaHandler(app),
      secretKey,
      banks: fixtures,
      import: imported.result,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The operations measured for a bank: content ones (user null) and, per learner, learning ones. */
export function scaleOperations(
  fixture: ScaleFixture,
  bank: BankFixture,
  user: UserFixture | null,
  run: string,
): ScaleOperation[] {
  return user
    ? learningOperations(fixture.raw, bank, user, fixture.secretKey, run)
    : contentOperations(fixture.raw, bank, { 'x-api-key': fixture.secretKey });
}

export async function runScale(options: ScaleOptions = optionsFromEnv()): Promise<ScaleResults> {
  const calls = options.calls ?? 300;
  const warmup = options.warmup ?? 30;
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const fixture = await prepareScale(options);
  const interrupt = (): void => void fixture.close().finally(() => process.exit(130));
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  try {
    const { app, handler } = fixture;
    const run = randomUUID().slice(0, 8);
    const rows: ScaleRow[] = [];
    const report = (r: ScaleRow): void => {
      rows.push(r);
      const where =
        r.userAttempts === null
          ? `${r.bankQuestions} questions`
          : `${r.bankQuestions} questions, ${r.userAttempts} attempts`;
      const f = (v: number): string => round2(v).toFixed(2).padStart(6);
      log(
        `  ${r.operation.padEnd(15)} ${where.padEnd(28)} p50 ${f(r.p50Ms)}  raw ${f(r.rawP50Ms)}  ratio ${round2(r.ratio).toFixed(2)}  calls ${r.dynamoCalls}  (floor ${f(r.floorP50Ms)}, in DynamoDB ${f(r.dynamoP50Ms)}, rest ${f(r.otherP50Ms)})`,
      );
    };
    for (const bank of fixture.banks) {
      log(`measuring bank ${bank.bankId} (${calls} calls each, ${warmup} warm-up)`);
      for (const user of [null, ...bank.users]) {
        for (const op of scaleOperations(fixture, bank, user, run))
          report(row(op.operation, bank, user, await measure(app, handler, op, { calls, warmup })));
      }
    }
    return {
      scale: rows,
      import: fixture.import,
      settings: {
        calls,
        warmup,
        banks: fixture.banks.map((b) => b.size),
        users: fixture.banks[0]?.users.map((u) => u.attempts) ?? [],
        cpus: os.cpus().length,
        node: process.version,
      },
    };
  } finally {
    process.removeListener('SIGINT', interrupt);
    process.removeListener('SIGTERM', interrupt);
    await fixture.close();
  }
}

/** The scale part of bench/results.json: the issue's `"scale"` and `"import"`, and the run's settings. */
export function resultsJson(results: ScaleResults): {
  scale: ScaleRow[];
  import: ImportResult;
  scaleSettings: ScaleResults['settings'];
} {
  return { scale: results.scale, import: results.import, scaleSettings: results.settings };
}

/**
 * The scale part of `npm run bench`, and all of `npm run bench:scale`: measures, prints the
 * tables, writes its keys of bench/results.json (the others kept) and redraws the chart.
 */
export async function benchScale(options: ScaleOptions = optionsFromEnv()): Promise<ScaleResults> {
  const results = await runScale(options);
  process.stdout.write(formatScale(results));
  const file = saveResults('scale', resultsJson(results));
  process.stdout.write(`\nwrote "scale", "import" and "scaleSettings" of ${path.relative(process.cwd(), file)}\n`);
  const svg = await writeScaleChart(results.scale);
  process.stdout.write(`wrote ${path.relative(process.cwd(), svg)}\n`);
  const missed = scaleTargetsMissed(results);
  if (missed.length > 0) process.stdout.write(`\ntargets missed: ${missed.join('; ')}\n`);
  return results;
}

if (require.main === module) {
  benchScale().catch((error: Error) => {
    process.stderr.write(`bench:scale: ${error.stack ?? error.message}\n`);
    process.exitCode = 1;
  });
}
