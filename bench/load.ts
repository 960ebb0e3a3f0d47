/**
 * npm run load: autocannon against the API served over HTTP the way `npm start` serves it, with
 * a mixed learner workload beside the framework's floor (`{ __typename }`) on the same server in
 * the same run.
 *
 * Starts its own DynamoDB Local (in memory), creates the table, imports the shipped banks and
 * creates a tenant with a secret key whose rate limit is far above anything the run can send;
 * then runs bench/load-server.ts as a child process (STAGE=prod, 127.0.0.1, a free port) and
 * drives it from this process with autocannon:
 *
 *   1. warm-up: the mixed workload for LOAD_WARMUP_SECONDS (default 5), not reported;
 *   2. floor:   `{ __typename }` (authentication, Apollo, the Lambda adapter; no DynamoDB call);
 *   3. mixed:   ~70 % randomQuestions(count 10), ~20 % recordAttempt (a unique clientAttemptId
 *               each, over LOAD_USERS users named with x-user-id), ~10 % weakTopics;
 *
 *   4. raw SDK: the same mix as the minimal DynamoDB calls sent straight from this process by
 *               as many concurrent loops (no HTTP, no GraphQL): DynamoDB Local's own ceiling;
 *
 * each for LOAD_SECONDS (default 30) from LOAD_CONNECTIONS (default 50) connections. Every
 * response body is checked for GraphQL errors, and the server's DynamoDB calls are counted per
 * phase. Afterwards the users' profiles are read back: they must count every attempt answered
 * without error (plus at most the requests cut off when a phase ended). Writes bench/load.json;
 * stops the server and DynamoDB Local whatever happens. Loopback only. LOAD_MIX (default
 * 70,20,10) and LOAD_USERS (default 1000) change the workload; LOAD_LOG_LEVEL (default info) the
 * server's logging.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { importBankFiles } from '../src/usecases/import-banks';
import { createKey, createTenant } from '../src/admin/commands';
import { startDynamoDbLocal, stopChild, type LocalDynamoDb } from '../src/dev/dynamodb-local';
import { AccessStore } from '../src/store/access-store';
import { batchGet } from '../src/store/batch';
import { CatalogCache } from '../src/store/catalog-store';
import { createDynamo, type Dynamo } from '../src/store/client';
import { parseGlobalId } from '../src/domain/ids';
import { bankFromItem, bankKey, profileKey, questionKey, statePrefix, userPartition } from '../src/store/keys';
import { queryAll } from '../src/store/query';
import { ensureTable } from '../src/store/table';
import { ATTEMPT_TRANSACTION_ITEMS, rawAttempt } from './scale-raw';
import { percentile } from './stats';

const ROOT = path.resolve(__dirname, '..');
const RESULTS_FILE = path.join(__dirname, 'load.json');
const BANKS_DIR = path.join(ROOT, 'seed/banks');
const TABLE_NAME = 'qbank-load';
const TENANT = 'load';
/** The raw-SDK phase's users live in a tenant of their own, so the profile check counts the app's attempts only. */
const RAW_TENANT = 'load-raw';
const BANK_ID = 'ml-junior';
const HOST = '127.0.0.1';

const positive = (name: string, fallback: number): number => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`${name} must be a positive number, got "${process.env[name]}"`);
  return value;
};

const SETTINGS = {
  connections: Math.min(500, Math.round(positive('LOAD_CONNECTIONS', 50))),
  seconds: Math.min(600, positive('LOAD_SECONDS', 30)),
  warmupSeconds: Math.min(60, positive('LOAD_WARMUP_SECONDS', 5)),
  users: Math.round(positive('LOAD_USERS', 1000)),
  logLevel: process.env.LOAD_LOG_LEVEL ?? 'info',
};
/** LOAD_MIX="70,20,10" (randomQuestions, recordAttempt, weakTopics; normalised) changes the mix, e.g. to isolate one operation. */
const MIX = ((): { randomQuestions: number; recordAttempt: number; weakTopics: number } => {
  const parts = (process.env.LOAD_MIX ?? '70,20,10').split(',').map(Number);
  const total = parts.reduce((a, b) => a + b, 0);
  if (parts.length !== 3 || parts.some((n) => !Number.isFinite(n) || n < 0) || total <= 0)
    throw new Error(`LOAD_MIX must be three weights like 70,20,10, got "${process.env.LOAD_MIX}"`);
  return { randomQuestions: parts[0] / total, recordAttempt: parts[1] / total, weakTopics: parts[2] / total };
})();

type OperationName = keyof typeof MIX | 'floor';

const QUERIES: Record<OperationName, string> = {
  floor: '{ __typename }',
  randomQuestions: `query Random($b: ID!) { randomQuestions(input: { bankId: $b, count: 10 }) { seed questions { id text } } }`,
  recordAttempt:
    'mutation Record($in: RecordAttemptInput!) { recordAttempt(input: $in) { duplicate attempt { id createdAt } state { due retrievability lapses attempts } } }',
  weakTopics:
    'query Weak($b: ID!) { weakTopics(bankId: $b, limit: 5) { section { id title } attempts mastery confidence } }',
};
const OUTCOMES = ['CORRECT', 'CORRECT', 'PARTIAL', 'INCORRECT', 'SKIPPED'];

interface OperationTally {
  responses: number;
  non2xx: number;
  graphqlErrors: number;
  latencies: number[];
}

interface PhaseResult {
  requests: number;
  durationSeconds: number;
  reqPerSec: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  status2xx: number;
  non2xx: number;
  graphqlErrors: number;
  socketErrors: number;
  timeouts: number;
  byOperation: Record<
    string,
    { requests: number; share: number; p50Ms: number; p99Ms: number; non2xx: number; graphqlErrors: number }
  >;
  firstErrors: string[];
}

/** Counts what the server answered, per operation, and keeps the first few error bodies. */
class Tally {
  readonly ops = new Map<OperationName, OperationTally>();
  readonly firstErrors: string[] = [];
  recordedAttempts = 0;
  /** Requests built per operation (autocannon builds the next one as soon as a response arrives). */
  readonly sent = new Map<OperationName, number>();
  /** The operation whose response autocannon is handling now (its 'response' event follows onResponse synchronously). */
  private answering: OperationName | null = null;

  private of(op: OperationName): OperationTally {
    let tally = this.ops.get(op);
    if (!tally) this.ops.set(op, (tally = { responses: 0, non2xx: 0, graphqlErrors: 0, latencies: [] }));
    return tally;
  }

  response(op: OperationName, status: number, body: string): void {
    const tally = this.of(op);
    tally.responses += 1;
    this.answering = op;
    if (status < 200 || status > 299) {
      tally.non2xx += 1;
      this.keep(`${op}: HTTP ${status}: ${body.slice(0, 300)}`);
      return;
    }
    let parsed: { data?: Record<string, any> | null; errors?: unknown[] };
    try {
      parsed = JSON.parse(body);
    } catch {
      tally.graphqlErrors += 1;
      this.keep(`${op}: unreadable body: ${body.slice(0, 300)}`);
      return;
    }
    const ok =
      !parsed.errors &&
      parsed.data &&
      (op === 'floor' ? parsed.data.__typename === 'Query' : parsed.data[op] !== undefined && parsed.data[op] !== null);
    if (!ok) {
      tally.graphqlErrors += 1;
      this.keep(`${op}: ${body.slice(0, 300)}`);
      return;
    }
    if (op === 'recordAttempt' && parsed.data!.recordAttempt.duplicate === false) this.recordedAttempts += 1;
  }

  built(op: OperationName): void {
    this.sent.set(op, (this.sent.get(op) ?? 0) + 1);
  }

  /** Requests of the operation built but never answered: cut off when the phase ended. */
  unanswered(op: OperationName): number {
    return (this.sent.get(op) ?? 0) - (this.ops.get(op)?.responses ?? 0);
  }

  latency(ms: number): void {
    if (this.answering) this.of(this.answering).latencies.push(ms);
    this.answering = null;
  }

  private keep(text: string): void {
    if (this.firstErrors.length < 10) this.firstErrors.push(text);
  }
}

interface Fixture {
  local: LocalDynamoDb;
  dynamo: Dynamo;
  secretKey: string;
  questions: { id: string; sectionSlug: string; revision: string | null }[];
}

async function setUp(): Promise<Fixture> {
  const local = await startDynamoDbLocal();
  try {
    const dynamo = createDynamo({ tableName: TABLE_NAME, region: 'local', endpoint: local.endpoint });
    await ensureTable(dynamo);
    const files = readdirSync(BANKS_DIR)
      .filter((name) => name.endsWith('.md'))
      .map((name) => path.join(BANKS_DIR, name));
    await importBankFiles(dynamo, files);
    const access = new AccessStore(dynamo);
    await createTenant(access, { id: TENANT, name: 'qbank load test' });
    // Far above what 50 connections can send: the limiter admits without ever reporting usage.
    const { key: secretKey } = await createKey(access, {
      tenantId: TENANT,
      kind: 'secret',
      rateLimit: { rps: 1_000_000_000, burst: 1_000_000_000 },
    });
    const [bankItem] = await batchGet(dynamo, [bankKey(BANK_ID)]);
    if (!bankItem) throw new Error(`the shipped bank ${BANK_ID} was not imported`);
    const catalog = await new CatalogCache(dynamo).load(bankFromItem(bankItem));
    return {
      local,
      dynamo,
      secretKey,
      questions: catalog.questions.map((q) => ({ id: q.id, sectionSlug: q.sectionSlug, revision: q.revision })),
    };
  } catch (error) {
    await local.stop();
    throw error;
  }
}

function startServer(fixture: Fixture): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'load-server.ts')], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      STAGE: 'prod',
      TABLE_NAME,
      DYNAMODB_ENDPOINT: fixture.local.endpoint,
      AWS_REGION: 'local',
      PORT: '0',
      LOG_LEVEL: SETTINGS.logLevel,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  const stderr: string[] = [];
  child.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the server did not start within 60 s\n${stderr.join('')}`)),
      60_000,
    );
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code} before listening\n${stderr.join('')}`));
    });
    child.on('message', (message: { type?: string; port?: number }) => {
      if (message?.type !== 'listening') return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({ child, port: message.port! });
    });
  });
}

interface ServerStats {
  counts: { warn: number; error: number };
  firstProblems: string[];
  /** DynamoDB commands the server sent since the last reset, by command. */
  calls: Record<string, number>;
}

function ask<T>(child: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not answer "${type}"`)), 10_000);
    const listener = (message: { type?: string }): void => {
      if (message?.type !== type) return;
      clearTimeout(timer);
      child.removeListener('message', listener);
      resolve(message as T);
    };
    child.on('message', listener);
    child.send({ type });
  });
}

function chooseOperation(): keyof typeof MIX {
  const x = Math.random();
  if (x < MIX.randomQuestions) return 'randomQuestions';
  if (x < MIX.randomQuestions + MIX.recordAttempt) return 'recordAttempt';
  return 'weakTopics';
}

let attemptNo = 0;
/** Ctrl-C stops the phase running and skips the rest; the server and DynamoDB Local are still stopped. */
let interrupted = false;
let stopCurrent: (() => void) | null = null;
process.on('SIGINT', () => {
  interrupted = true;
  stopCurrent?.();
});

function run(
  url: string,
  phase: 'floor' | 'mixed',
  seconds: number,
  fixture: Fixture,
  tally: Tally,
  runId: string,
): Promise<autocannon.Result> {
  const baseHeaders = { 'content-type': 'application/json', 'x-api-key': fixture.secretKey };
  const request: autocannon.Request =
    phase === 'floor'
      ? {
          method: 'POST',
          path: '/graphql',
          headers: baseHeaders,
          body: JSON.stringify({ query: QUERIES.floor }),
          onResponse: (status: number, body: string) => tally.response('floor', status, body),
        }
      : {
          method: 'POST',
          path: '/graphql',
          setupRequest: (req: any, context: any) => {
            const op = chooseOperation();
            context.op = op;
            tally.built(op);
            const user = `learner-${Math.floor(Math.random() * SETTINGS.users)}`;
            const variables =
              op === 'recordAttempt'
                ? {
                    in: {
                      questionId: fixture.questions[Math.floor(Math.random() * fixture.questions.length)].id,
                      outcome: OUTCOMES[Math.floor(Math.random() * OUTCOMES.length)],
                      timeSpentMs: 2_000 + Math.floor(Math.random() * 120_000),
                      clientAttemptId: `load-${runId}-${++attemptNo}`,
                    },
                  }
                : { b: BANK_ID };
            return {
              ...req,
              headers: { ...baseHeaders, 'x-user-id': user },
              body: JSON.stringify({ query: QUERIES[op], variables }),
            };
          },
          onResponse: (status: number, body: string, context: any) =>
            tally.response(context.op as OperationName, status, body),
        };
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: SETTINGS.connections,
        pipelining: 1,
        duration: seconds,
        timeout: 10,
        requests: [request],
        setupClient: (client: any) =>
          client.on('response', (_status: number, _bytes: number, ms: number) => tally.latency(ms)),
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    stopCurrent = () => instance.stop();
  }).finally(() => {
    stopCurrent = null;
    if (interrupted) throw new Error('interrupted');
  }) as Promise<autocannon.Result>;
}

function summarise(result: autocannon.Result, tally: Tally): PhaseResult {
  const requests = [...tally.ops.values()].reduce((sum, t) => sum + t.responses, 0);
  const byOperation = Object.fromEntries(
    [...tally.ops].map(([op, t]) => [
      op,
      {
        requests: t.responses,
        share: Math.round((t.responses / requests) * 1000) / 1000,
        p50Ms: t.latencies.length ? percentile(t.latencies, 50) : 0,
        p99Ms: t.latencies.length ? percentile(t.latencies, 99) : 0,
        non2xx: t.non2xx,
        graphqlErrors: t.graphqlErrors,
      },
    ]),
  );
  return {
    requests,
    durationSeconds: result.duration,
    reqPerSec: requests / result.duration,
    p50Ms: result.latency.p50,
    p90Ms: result.latency.p90,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    status2xx: result['2xx'],
    non2xx: result.non2xx,
    graphqlErrors: [...tally.ops.values()].reduce((sum, t) => sum + t.graphqlErrors, 0),
    socketErrors: result.errors,
    timeouts: result.timeouts,
    byOperation,
    firstErrors: tally.firstErrors,
  };
}

/** The attempts the users' profiles count, read back in batches of 100 profiles. */
async function countedAttempts(dynamo: Dynamo): Promise<number> {
  const keys = Array.from({ length: SETTINGS.users }, (_, i) => profileKey(TENANT, `learner-${i}`));
  const profiles = await batchGet(dynamo, keys, true);
  return profiles.reduce((sum, item) => sum + Number(item?.attemptCount ?? 0), 0);
}

function table(rows: (string | number)[][]): string {
  const cells = rows.map((r) => r.map(String));
  const widths = cells[0].map((_, col) => Math.max(...cells.map((r) => r[col].length)));
  return cells
    .map((r) => r.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]) : cell.padStart(widths[col]))).join('  '))
    .join('\n');
}

const sumOf = (values: Iterable<number>): number => [...values].reduce((a, b) => a + b, 0);

/** CPU seconds a process has used (user + system), from /proc (Linux); null elsewhere. */
function cpuSeconds(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return null;
  }
}

/** Measures what share of one core each process used while `work` ran. */
async function withCpu<T>(
  pids: Record<string, number | undefined>,
  work: () => Promise<T>,
): Promise<{ value: T; cpuPercent: Record<string, number | null> }> {
  const before = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, cpuSeconds(pid)]));
  const start = performance.now();
  const value = await work();
  const seconds = (performance.now() - start) / 1000;
  const cpuPercent = Object.fromEntries(
    Object.entries(pids).map(([name, pid]) => {
      const after = cpuSeconds(pid);
      const was = before[name];
      return [name, after === null || was === null ? null : Math.round(((after - was) / seconds) * 100)];
    }),
  );
  return { value, cpuPercent };
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)];

/**
 * DynamoDB Local's own ceiling for the same mix: LOAD_CONNECTIONS concurrent loops in this
 * process sending each operation's minimal SDK calls straight to DynamoDB Local — no HTTP
 * server, no GraphQL — for the same time. randomQuestions: one BatchGetItem of 10 questions and
 * the bank item; weakTopics: the user's states Query beside a BatchGetItem of the bank item;
 * recordAttempt: bench/scale-raw.ts (one BatchGetItem, one TransactWriteItems), for users of a
 * tenant of its own, retried like the app does (up to 10 rounds) when the transaction is
 * cancelled, with the cancelled items counted by reason.
 */
async function rawPhase(fixture: Fixture, seconds: number) {
  const { dynamo } = fixture;
  const latencies: Record<keyof typeof MIX, number[]> = { randomQuestions: [], recordAttempt: [], weakTopics: [] };
  const cancelled = new Map<string, number>();
  let transactions = 0;
  let errors = 0;
  const firstErrors: string[] = [];
  const questionKeys = fixture.questions.map((q) => {
    const ref = parseGlobalId(q.id)!;
    return questionKey(ref.bankId, ref.localId, q.revision);
  });
  const ops: Record<keyof typeof MIX, (user: string) => Promise<unknown>> = {
    randomQuestions: () =>
      batchGet(dynamo, [bankKey(BANK_ID), ...Array.from({ length: 10 }, () => pick(questionKeys))]),
    weakTopics: (user) =>
      Promise.all([
        queryAll(dynamo, {
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
          ExpressionAttributeValues: { ':pk': userPartition(RAW_TENANT, user), ':prefix': statePrefix(BANK_ID) },
        }),
        batchGet(dynamo, [bankKey(BANK_ID)]),
      ]),
    recordAttempt: async (user) => {
      const question = pick(fixture.questions);
      for (let round = 1; ; round++) {
        transactions += 1;
        try {
          return await rawAttempt(dynamo, { tenantId: RAW_TENANT, userId: user, bankId: BANK_ID, question });
        } catch (error) {
          if (!(error instanceof TransactionCanceledException) || round >= 10) throw error;
          (error.CancellationReasons ?? []).forEach((reason, i) => {
            if (reason.Code && reason.Code !== 'None')
              cancelled.set(
                `${ATTEMPT_TRANSACTION_ITEMS[i]}: ${reason.Code}`,
                (cancelled.get(`${ATTEMPT_TRANSACTION_ITEMS[i]}: ${reason.Code}`) ?? 0) + 1,
              );
          });
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * round));
        }
      }
    },
  };
  const start = performance.now();
  const deadline = start + seconds * 1000;
  const worker = async (): Promise<void> => {
    while (performance.now() < deadline && !interrupted) {
      const op = chooseOperation();
      const t = performance.now();
      try {
        await ops[op](`learner-${Math.floor(Math.random() * SETTINGS.users)}`);
        latencies[op].push(performance.now() - t);
      } catch (error) {
        errors += 1;
        if (firstErrors.length < 5) firstErrors.push(`${op}: ${(error as Error).message}`);
      }
    }
  };
  await Promise.all(Array.from({ length: SETTINGS.connections }, worker));
  if (interrupted) throw new Error('interrupted');
  const elapsed = (performance.now() - start) / 1000;
  const all = Object.values(latencies).flat();
  const recorded = latencies.recordAttempt.length;
  return {
    requests: all.length,
    durationSeconds: elapsed,
    reqPerSec: all.length / elapsed,
    p50Ms: all.length ? percentile(all, 50) : 0,
    p99Ms: all.length ? percentile(all, 99) : 0,
    errors,
    firstErrors,
    byOperation: Object.fromEntries(
      Object.entries(latencies).map(([op, values]) => [
        op,
        {
          requests: values.length,
          p50Ms: values.length ? percentile(values, 50) : 0,
          p99Ms: values.length ? percentile(values, 99) : 0,
        },
      ]),
    ),
    transactWritesPerRecordedAttempt: recorded ? transactions / recorded : 0,
    cancelledItems: Object.fromEntries([...cancelled].sort((a, b) => b[1] - a[1])),
  };
}

/** Runs a phase with the server's DynamoDB call counter reset before it and read after it. */
/** The processes whose CPU each phase reports, as % of one core (the machine has os.cpus().length). */
const processes = (fixture: Fixture, child: ChildProcess | undefined) => ({
  server: child?.pid,
  dynamodbLocal: fixture.local.pid,
  loadGenerator: process.pid,
});

async function phase(
  child: ChildProcess,
  url: string,
  kind: 'floor' | 'mixed',
  seconds: number,
  fixture: Fixture,
  runId: string,
) {
  await ask(child, 'resetCalls');
  const tally = new Tally();
  const { value, cpuPercent } = await withCpu(processes(fixture, child), () =>
    run(url, kind, seconds, fixture, tally, runId),
  );
  const result = summarise(value, tally);
  const { calls } = await ask<ServerStats>(child, 'stats');
  return {
    tally,
    result: {
      ...result,
      dynamoCalls: calls,
      dynamoCallsPerRequest: result.requests ? sumOf(Object.values(calls)) / result.requests : 0,
      cpuPercent,
    },
  };
}

async function main(): Promise<void> {
  process.stdout.write(
    `load: ${SETTINGS.connections} connections, ${SETTINGS.seconds} s per phase after ${SETTINGS.warmupSeconds} s of warm-up; starting DynamoDB Local…\n`,
  );
  const fixture = await setUp();
  let child: ChildProcess | undefined;
  const killChild = (): void => void child?.kill('SIGKILL');
  process.once('exit', killChild);
  try {
    const server = await startServer(fixture);
    child = server.child;
    const url = `http://${HOST}:${server.port}/graphql`;
    const runId = randomUUID().slice(0, 8);
    process.stdout.write(`server (child ${child.pid}) at ${url}; warm-up…\n`);
    const warm = await phase(child, url, 'mixed', SETTINGS.warmupSeconds, fixture, runId);
    process.stdout.write(`floor: { __typename } for ${SETTINGS.seconds} s…\n`);
    const { result: floor } = await phase(child, url, 'floor', SETTINGS.seconds, fixture, runId);
    process.stdout.write(`mixed workload for ${SETTINGS.seconds} s…\n`);
    const mixedPhase = await phase(child, url, 'mixed', SETTINGS.seconds, fixture, runId);
    const mixed = mixedPhase.result;
    const log = await ask<ServerStats>(child, 'stats');
    process.stdout.write(`raw SDK calls of the same mix straight to DynamoDB Local for ${SETTINGS.seconds} s…\n`);
    const rawRun = await withCpu(processes(fixture, child), () => rawPhase(fixture, SETTINGS.seconds));
    const raw = { ...rawRun.value, cpuPercent: rawRun.cpuPercent };

    // Requests cut off when a phase ends may still be recorded by the server: the profiles must
    // count every attempt answered without error, and at most the cut-off ones on top.
    const recorded = warm.tally.recordedAttempts + mixedPhase.tally.recordedAttempts;
    const cutOff = warm.tally.unanswered('recordAttempt') + mixedPhase.tally.unanswered('recordAttempt');
    const counted = await countedAttempts(fixture.dynamo);
    const warmErrors = sumOf([...warm.tally.ops.values()].map((t) => t.non2xx + t.graphqlErrors));
    const transactions = mixed.dynamoCalls.TransactWriteItemsCommand ?? 0;
    const mixedAttempts = mixedPhase.tally.recordedAttempts;

    const results = {
      settings: {
        ...SETTINGS,
        mix: MIX,
        bank: BANK_ID,
        cpus: os.cpus().length,
        node: process.version,
        server: 'bench/load-server.ts: createHttpServer(createLambdaHandler(createApp(config))), STAGE=prod, 127.0.0.1',
      },
      floor,
      mixed,
      mixedVsFloor: {
        reqPerSec: mixed.reqPerSec / floor.reqPerSec,
        p50: mixed.p50Ms / floor.p50Ms,
        p99: mixed.p99Ms / floor.p99Ms,
      },
      rawSdk: raw,
      mixedVsRawSdk: { reqPerSec: mixed.reqPerSec / raw.reqPerSec, p50: mixed.p50Ms / raw.p50Ms },
      warmup: { requests: warm.result.requests, reqPerSec: warm.result.reqPerSec, errors: warmErrors },
      attempts: {
        recordedWithoutError: recorded,
        cutOffAtPhaseEnds: cutOff,
        countedInProfiles: counted,
        consistent: counted >= recorded && counted <= recorded + cutOff,
        transactWritesPerRecordedAttempt: mixedAttempts ? transactions / mixedAttempts : 0,
      },
      serverLog: { counts: log.counts, firstProblems: log.firstProblems },
    };
    writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);

    const f = (v: number): string => v.toFixed(2);
    process.stdout.write(
      `\n${table([
        [
          'phase',
          'requests',
          'req/s',
          'p50 ms',
          'p90 ms',
          'p99 ms',
          'max ms',
          'non-2xx',
          'GraphQL errors',
          'socket errors',
          'timeouts',
          'DynamoDB calls/request',
        ],
        ...(
          [
            ['floor { __typename }', floor],
            ['mixed', mixed],
          ] as const
        ).map(([name, p]) => [
          name,
          p.requests,
          Math.round(p.reqPerSec),
          f(p.p50Ms),
          f(p.p90Ms),
          f(p.p99Ms),
          f(p.maxMs),
          p.non2xx,
          p.graphqlErrors,
          p.socketErrors,
          p.timeouts,
          f(p.dynamoCallsPerRequest),
        ]),
        [
          'raw SDK, same mix',
          raw.requests,
          Math.round(raw.reqPerSec),
          f(raw.p50Ms),
          '–',
          f(raw.p99Ms),
          '–',
          '–',
          '–',
          raw.errors,
          '–',
          '–',
        ],
      ])}\n`,
    );
    process.stdout.write(
      `\nmixed by operation (latency from autocannon's per-request timer), beside the raw SDK calls of the same mix\n${table(
        [
          [
            'operation',
            'requests',
            'share',
            'p50 ms',
            'p99 ms',
            'non-2xx',
            'GraphQL errors',
            'raw requests',
            'raw p50 ms',
            'raw p99 ms',
          ],
          ...Object.entries(mixed.byOperation).map(([op, o]) => {
            const r = raw.byOperation[op] ?? { requests: 0, p50Ms: 0, p99Ms: 0 };
            return [
              op,
              o.requests,
              `${(o.share * 100).toFixed(1)} %`,
              f(o.p50Ms),
              f(o.p99Ms),
              o.non2xx,
              o.graphqlErrors,
              r.requests,
              f(r.p50Ms),
              f(r.p99Ms),
            ];
          }),
        ],
      )}\n`,
    );
    process.stdout.write(
      `\nCPU, % of one core (${os.cpus().length} cores): ${(
        [
          ['floor', floor.cpuPercent],
          ['mixed', mixed.cpuPercent],
          ['raw SDK', raw.cpuPercent],
        ] as const
      )
        .map(
          ([name, cpu]) =>
            `${name}: ${Object.entries(cpu)
              .map(([p, v]) => `${p} ${v ?? '?'}`)
              .join(', ')}`,
        )
        .join('; ')}\n` +
        `mixed / floor: ${f(results.mixedVsFloor.reqPerSec)}× the req/s, ${f(results.mixedVsFloor.p50)}× the p50; mixed / raw SDK: ${f(results.mixedVsRawSdk.reqPerSec)}× the req/s, ${f(results.mixedVsRawSdk.p50)}× the p50\n` +
        `raw SDK: ${f(raw.transactWritesPerRecordedAttempt)} TransactWriteItems per recorded attempt; cancelled items: ${
          Object.entries(raw.cancelledItems)
            .map(([k, n]) => `${k} ×${n}`)
            .join(', ') || 'none'
        }\n` +
        `server's DynamoDB calls in the mixed phase: ${Object.entries(mixed.dynamoCalls)
          .map(([c, n]) => `${c.replace(/Command$/, '')} ${n}`)
          .join(', ')}` +
        ` (${f(results.attempts.transactWritesPerRecordedAttempt)} TransactWriteItems per recorded attempt)\n` +
        `attempts: ${recorded} recorded without error (+${cutOff} cut off at phase ends), ${counted} counted by the users' profiles (${results.attempts.consistent ? 'consistent' : 'MISMATCH'})\n` +
        `server log: ${log.counts.warn} warn, ${log.counts.error} error lines\n`,
    );
    for (const line of [...floor.firstErrors, ...mixed.firstErrors, ...log.firstProblems, ...raw.firstErrors])
      process.stdout.write(`  ${line}\n`);
    const clean =
      floor.non2xx +
        floor.graphqlErrors +
        floor.socketErrors +
        mixed.non2xx +
        mixed.graphqlErrors +
        mixed.socketErrors +
        warmErrors ===
      0;
    process.stdout.write(
      `\ntarget (zero non-2xx, zero GraphQL errors): ${clean ? 'met' : 'MISSED'}\nwrote ${path.relative(process.cwd(), RESULTS_FILE)}\n`,
    );
    if (!clean || !results.attempts.consistent) process.exitCode = 1;
  } finally {
    if (child) await stopChild(child);
    process.removeListener('exit', killChild);
    fixture.dynamo.doc.destroy();
    await fixture.local.stop();
  }
}

main().catch((error: Error) => {
  process.stderr.write(
    interrupted
      ? 'load: interrupted; the server and DynamoDB Local are stopped\n'
      : `load: ${error.stack ?? error.message}\n`,
  );
  process.exitCode = interrupted ? 130 : 1;
});
