/**
 * Warm, in-process latency of the Lambda handler next to the raw DynamoDB calls the same
 * operation needs at minimum. Calls alternate (handler, raw, raw, handler…) so that machine
 * noise lands on both series alike.
 */
import { performance } from 'node:perf_hooks';
import type { App } from '../src/app';
import type { LambdaHandler } from '../src/lambda';
import { expectData, graphqlEvent, lambdaContext } from './events';
import { percentile } from './stats';

export interface Operation {
  name: string;
  query: string;
  /** The minimal SDK work for the same result (one BatchGetItem, one Query…). */
  raw: () => Promise<void>;
}

export interface LatencyResult {
  p50Ms: number;
  p99Ms: number;
  rawP50Ms: number;
  rawP99Ms: number;
  ratio: number;
  dynamoCalls: number;
  calls: number;
}

export interface LatencyOptions {
  calls: number;
  warmup: number;
  /** Sent with every request (x-api-key). */
  headers: Record<string, string>;
}

let invocation = 0;

async function invoke(
  handler: LambdaHandler,
  query: string,
  headers: Record<string, string>,
): Promise<Record<string, unknown>> {
  const id = `bench-${++invocation}`;
  const result = await handler(graphqlEvent(query, id, headers), lambdaContext(id), () => undefined);
  return expectData(result || undefined);
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/** DynamoDB commands one warm call of the operation sends. */
async function callsPerOperation(
  app: App,
  handler: LambdaHandler,
  query: string,
  headers: Record<string, string>,
): Promise<number> {
  app.dynamo.calls.reset();
  await invoke(handler, query, headers);
  return app.dynamo.calls.total();
}

export async function measureOperation(
  app: App,
  handler: LambdaHandler,
  op: Operation,
  options: LatencyOptions,
): Promise<LatencyResult> {
  const handlerMs: number[] = [];
  const rawMs: number[] = [];
  for (let i = 0; i < options.warmup + options.calls; i++) {
    const keep = i >= options.warmup;
    // Alternate who goes first, so neither always runs right after the other's GC or I/O.
    const pair = i % 2 === 0 ? ['handler', 'raw'] : ['raw', 'handler'];
    for (const which of pair) {
      const ms =
        which === 'handler' ? await timed(() => invoke(handler, op.query, options.headers)) : await timed(op.raw);
      if (keep) (which === 'handler' ? handlerMs : rawMs).push(ms);
    }
  }
  const p50Ms = percentile(handlerMs, 50);
  const rawP50Ms = percentile(rawMs, 50);
  return {
    p50Ms,
    p99Ms: percentile(handlerMs, 99),
    rawP50Ms,
    rawP99Ms: percentile(rawMs, 99),
    ratio: p50Ms / rawP50Ms,
    dynamoCalls: await callsPerOperation(app, handler, op.query, options.headers),
    calls: options.calls,
  };
}
