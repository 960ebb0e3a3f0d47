/**
 * What the server answered in a phase of `npm run load`: a tally per operation, kept as
 * autocannon hands over each response, and the phase's summary built from it and autocannon's
 * own result.
 */
import type autocannon from 'autocannon';
import type { OperationName } from './load-settings';
import { percentile } from './stats';

interface OperationTally {
  responses: number;
  non2xx: number;
  graphqlErrors: number;
  latencies: number[];
}

export interface PhaseResult {
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
export class Tally {
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
    let parsed: { data?: Record<string, unknown> | null; errors?: unknown[] };
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
    if (op === 'recordAttempt' && (parsed.data!.recordAttempt as { duplicate: boolean }).duplicate === false)
      this.recordedAttempts += 1;
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

export function summarise(result: autocannon.Result, tally: Tally): PhaseResult {
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
