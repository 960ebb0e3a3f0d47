/**
 * One operation of the scale bench: the warm Lambda handler, in process, timed in rotation with
 * the raw SDK calls the same answer needs at minimum and with the framework's floor (the same
 * handler answering `{ __typename }` with the same headers: the Lambda adapter, Apollo, the API
 * key check; no DynamoDB call), so machine noise lands on all three alike. While the handler
 * runs, a middleware on the app's DynamoDB client times every SDK call, so each handler call is
 * split into time with a DynamoDB call in flight and the rest (GraphQL, resolvers, CPU). Then one
 * more call with the SDK call counter reset reads how many DynamoDB calls (by command) one warm
 * call costs (right after a `{ __typename }`, so never one that refreshes the API key cache).
 */
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { performance } from 'node:perf_hooks';
import type { App } from '../src/app';
import type { LambdaHandler } from '../src/lambda';
import { lambdaContext, requestEvent } from './events';
import { percentile } from './stats';

export interface ScaleOperation {
  operation: string;
  query: string;
  /** Fresh variables for every call (recordAttempt needs a new clientAttemptId each time). */
  variables?: () => Record<string, unknown>;
  headers: Record<string, string>;
  /** The minimal SDK work for the same answer. */
  raw: () => Promise<void>;
  /**
   * For an operation whose catalog check cannot share a batch with its reads (weakTopics): the
   * raw calls with the bank item read beside them, the least a reader that shows an import on
   * the very next request sends. Measured in the same rotation, reported beside the ratio.
   */
  rawChecked?: () => Promise<void>;
}

export interface Measured {
  p50Ms: number;
  p99Ms: number;
  rawP50Ms: number;
  rawP99Ms: number;
  ratio: number;
  /** p50 of `{ __typename }` through the same handler and headers. */
  floorP50Ms: number;
  /** p50 of the time, inside a handler call, with at least one DynamoDB call in flight. */
  dynamoP50Ms: number;
  /** p50 of the rest of each handler call (handler time − DynamoDB time). */
  otherP50Ms: number;
  dynamoCalls: number;
  byCommand: Record<string, number>;
  calls: number;
  /** With `rawChecked`: its p50, and handler p50 / that. */
  checked?: { rawP50Ms: number; ratio: number };
}

let invocation = 0;

/** Runs the operation once; throws unless the answer is a 200 with data and no errors. */
export async function invoke(handler: LambdaHandler, op: ScaleOperation): Promise<Record<string, unknown>> {
  const id = `scale-${++invocation}`;
  const body = JSON.stringify({ query: op.query, variables: op.variables?.() ?? {} });
  const result: APIGatewayProxyStructuredResultV2 | void = await handler(
    requestEvent(body, id, op.headers),
    lambdaContext(id),
    () => undefined,
  );
  if (!result) throw new Error(`${op.operation}: empty handler result`);
  const parsed = JSON.parse(result.body ?? '{}') as { data?: Record<string, unknown>; errors?: unknown[] };
  if (result.statusCode !== 200 || parsed.errors || !parsed.data)
    throw new Error(`${op.operation}: handler answered ${result.statusCode}: ${result.body}`);
  return parsed.data;
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/** Start and end of every SDK call sent through a client (its whole middleware stack: serialise, sign, HTTP, parse, retries). */
class SdkTimer {
  intervals: [number, number][] = [];

  constructor(app: App) {
    app.dynamo.doc.middlewareStack.add(
      (next) => async (args) => {
        const start = performance.now();
        try {
          return await next(args);
        } finally {
          this.intervals.push([start, performance.now()]);
        }
      },
      { step: 'initialize', name: 'scaleBenchTimer', priority: 'high' },
    );
  }

  /** Time covered by at least one call since the last reset (overlapping calls count once). */
  covered(): number {
    const sorted = [...this.intervals].sort((a, b) => a[0] - b[0]);
    let total = 0;
    let end = -Infinity;
    for (const [s, e] of sorted) {
      if (e <= end) continue;
      total += e - Math.max(s, end);
      end = e;
    }
    return total;
  }
}

const timers = new WeakMap<App, SdkTimer>();
const timerOf = (app: App): SdkTimer => {
  let timer = timers.get(app);
  if (!timer) timers.set(app, (timer = new SdkTimer(app)));
  return timer;
};

const ORDERS = [
  ['handler', 'raw', 'floor'],
  ['raw', 'floor', 'handler'],
  ['floor', 'handler', 'raw'],
] as const;

export async function measure(
  app: App,
  handler: LambdaHandler,
  op: ScaleOperation,
  options: { calls: number; warmup: number },
): Promise<Measured> {
  const timer = timerOf(app);
  const floor: ScaleOperation = {
    operation: `${op.operation} floor`,
    query: '{ __typename }',
    headers: op.headers,
    raw: async () => undefined,
  };
  const handlerMs: number[] = [];
  const rawMs: number[] = [];
  const checkedMs: number[] = [];
  const floorMs: number[] = [];
  const dynamoMs: number[] = [];
  const otherMs: number[] = [];
  for (let i = 0; i < options.warmup + options.calls; i++) {
    const keep = i >= options.warmup;
    // Rotate who goes first, so none always runs right after another's GC or I/O.
    for (const which of ORDERS[i % ORDERS.length]) {
      if (which === 'handler') {
        timer.intervals = [];
        const ms = await timed(() => invoke(handler, op));
        const inDynamo = timer.covered();
        if (keep) {
          handlerMs.push(ms);
          dynamoMs.push(inDynamo);
          otherMs.push(ms - inDynamo);
        }
      } else if (which === 'raw') {
        const ms = await timed(op.raw);
        if (keep) rawMs.push(ms);
        const checked = op.rawChecked && (await timed(op.rawChecked));
        if (keep && checked !== undefined) checkedMs.push(checked);
      } else {
        const ms = await timed(() => invoke(handler, floor));
        if (keep) floorMs.push(ms);
      }
    }
  }
  // The API key and its tenant are cached for 30 s per container: a call that happens to refresh
  // them costs two more BatchGetItem calls that are not the operation's. So each counted call
  // follows a `{ __typename }` (which refreshes the cache if due), and the least of three counts.
  let counted: Map<string, number> | undefined;
  for (let i = 0; i < 3; i++) {
    await invoke(handler, floor);
    app.dynamo.calls.reset();
    await invoke(handler, op);
    if (!counted || app.dynamo.calls.total() < [...counted.values()].reduce((a, b) => a + b, 0))
      counted = new Map(app.dynamo.calls.byCommand);
  }
  const byCommand = Object.fromEntries([...counted!].map(([name, n]) => [name.replace(/Command$/, ''), n]));
  const p50Ms = percentile(handlerMs, 50);
  const rawP50Ms = percentile(rawMs, 50);
  return {
    p50Ms,
    p99Ms: percentile(handlerMs, 99),
    rawP50Ms,
    rawP99Ms: percentile(rawMs, 99),
    ratio: p50Ms / rawP50Ms,
    floorP50Ms: percentile(floorMs, 50),
    dynamoP50Ms: percentile(dynamoMs, 50),
    otherP50Ms: percentile(otherMs, 50),
    dynamoCalls: Object.values(byCommand).reduce((a, b) => a + b, 0),
    byCommand,
    calls: options.calls,
    ...(checkedMs.length > 0
      ? { checked: { rawP50Ms: percentile(checkedMs, 50), ratio: p50Ms / percentile(checkedMs, 50) } }
      : {}),
  };
}

/**
 * The handler's p50 for each of `ops`, measured side by side: every round calls each op once, the
 * order rotated by one each round. Cells of the grid are measured one after another, minutes
 * apart, so a ratio of two cells' p50s also measures how the machine drifted between them (the
 * same code measured 1.24 and 0.55 in two runs); calls interleaved share the drift.
 */
export async function measureSideBySide(
  handler: LambdaHandler,
  ops: readonly ScaleOperation[],
  options: { calls: number; warmup: number },
): Promise<number[]> {
  const times = ops.map((): number[] => []);
  for (let i = 0; i < options.warmup + options.calls; i++) {
    for (let k = 0; k < ops.length; k++) {
      const at = (i + k) % ops.length;
      const ms = await timed(() => invoke(handler, ops[at]));
      if (i >= options.warmup) times[at].push(ms);
    }
  }
  return times.map((list) => percentile(list, 50));
}
