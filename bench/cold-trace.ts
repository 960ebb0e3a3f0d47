/**
 * The DynamoDB work of a cold start, as recorded by bench/cold-proxy.ts from one unmeasured run
 * of the real bundle: which calls it made in each phase, how many sequential round trips they
 * took, and the plan by which the SDK-only floor (bench/floor/sdk-only.ts) replays the same work.
 * Pure functions: tests/unit/bench-cold-trace.test.ts checks them on synthetic traces.
 */

/**
 * init: sent before the handler was called (module load, app construction); request: while the
 * first request was served; after: once it had been answered (background work; never replayed).
 */
export type Phase = 'init' | 'request' | 'after';

/** One DynamoDB call as the recording proxy saw it on the wire. */
export interface TracedCall {
  /** The X-Amz-Target header, e.g. DynamoDB_20120810.BatchGetItem. */
  target: string;
  /** The JSON request body: the low-level command input (AttributeValue maps). */
  body: unknown;
  /** When the proxy received the request and when it finished the response (ms, any origin). */
  startMs: number;
  endMs: number;
  phase: Phase;
}

/** Operations the floor replays: reads, harmless to send again. */
export const READ_OPERATIONS = [
  'GetItem',
  'BatchGetItem',
  'Query',
  'TransactGetItems',
  'Scan',
  'DescribeTable',
] as const;
export type ReadOperation = (typeof READ_OPERATIONS)[number];

/** Writes are never replayed (the cold request, randomQuestions, should make none). */
const WRITE_OPERATIONS = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'TransactWriteItems']);

export interface ReplayCall {
  operation: ReadOperation;
  input: unknown;
}

/**
 * What the floor does, written to a file it reads at load: init rounds are started at module
 * load, request rounds in order on the request; the calls of one round in parallel.
 */
export interface ReplayPlan {
  init: ReplayCall[][];
  request: ReplayCall[][];
}

/** The operation of an X-Amz-Target header (DynamoDB_20120810.Query → Query). */
export function operationOf(target: string): string {
  const dot = target.lastIndexOf('.');
  if (dot < 0 || dot === target.length - 1) throw new Error(`not a DynamoDB X-Amz-Target: "${target}"`);
  return target.slice(dot + 1);
}

/**
 * The sequential round each call belongs to: 1 + the highest round among the calls that had
 * ended when it started (0 of none). Calls overlapping in time share a round; a call started
 * only after another ended (as one that waits for its answer must) comes in a later round.
 */
export function assignRounds(calls: readonly { startMs: number; endMs: number }[]): number[] {
  const order = calls.map((_, i) => i).sort((a, b) => calls[a].startMs - calls[b].startMs);
  const rounds = new Array<number>(calls.length).fill(0);
  for (const i of order) {
    let before = 0;
    for (const j of order) {
      if (j !== i && rounds[j] > 0 && calls[j].endMs <= calls[i].startMs) before = Math.max(before, rounds[j]);
    }
    rounds[i] = before + 1;
  }
  return rounds;
}

/** Sequential round trips of a set of calls: the highest round (0 for no calls). */
export function countRounds(calls: readonly { startMs: number; endMs: number }[]): number {
  return Math.max(0, ...assignRounds(calls));
}

export interface PhaseSummary {
  calls: number;
  rounds: number;
  /** Calls by operation, e.g. { BatchGetItem: 1, GetItem: 2 }. */
  byOperation: Record<string, number>;
}

export interface TraceSummary {
  init: PhaseSummary;
  request: PhaseSummary;
  after: PhaseSummary;
  /** Writes the floor leaves out of its replay, as phase:operation. */
  skipped: string[];
}

function summarize(calls: readonly TracedCall[]): PhaseSummary {
  const byOperation: Record<string, number> = {};
  for (const call of calls) byOperation[operationOf(call.target)] = (byOperation[operationOf(call.target)] ?? 0) + 1;
  return { calls: calls.length, rounds: countRounds(calls), byOperation };
}

const inPhase = (calls: readonly TracedCall[], phase: Phase): TracedCall[] => calls.filter((c) => c.phase === phase);

export function summarizeTrace(calls: readonly TracedCall[]): TraceSummary {
  return {
    init: summarize(inPhase(calls, 'init')),
    request: summarize(inPhase(calls, 'request')),
    after: summarize(inPhase(calls, 'after')),
    skipped: calls
      .filter((c) => c.phase !== 'after' && WRITE_OPERATIONS.has(operationOf(c.target)))
      .map((c) => `${c.phase}:${operationOf(c.target)}`),
  };
}

function isRead(operation: string): operation is ReadOperation {
  return (READ_OPERATIONS as readonly string[]).includes(operation);
}

function phaseRounds(calls: readonly TracedCall[]): ReplayCall[][] {
  const rounds = assignRounds(calls);
  const plan: ReplayCall[][] = Array.from({ length: Math.max(0, ...rounds) }, () => []);
  calls.forEach((call, i) => {
    const operation = operationOf(call.target);
    if (WRITE_OPERATIONS.has(operation)) return;
    if (!isRead(operation)) throw new Error(`the floor cannot replay DynamoDB ${operation}`);
    plan[rounds[i] - 1].push({ operation, input: call.body });
  });
  // A round that held only writes is left out with them.
  return plan.filter((round) => round.length > 0);
}

/** The floor's plan: the reads of the init and request phases, by round, in time order. */
export function buildReplayPlan(calls: readonly TracedCall[]): ReplayPlan {
  const byStart = [...calls].sort((a, b) => a.startMs - b.startMs);
  return { init: phaseRounds(inPhase(byStart, 'init')), request: phaseRounds(inPhase(byStart, 'request')) };
}

/** A plan's operations by phase and round (each round sorted): what "the same work" compares. */
export function planShape(plan: ReplayPlan): { init: string[][]; request: string[][] } {
  const shape = (rounds: ReplayCall[][]): string[][] => rounds.map((round) => round.map((c) => c.operation).sort());
  return { init: shape(plan.init), request: shape(plan.request) };
}

/** Whether two traces hold the same reads in the same phases and rounds (inputs aside). */
export function sameWork(a: readonly TracedCall[], b: readonly TracedCall[]): boolean {
  return JSON.stringify(planShape(buildReplayPlan(a))) === JSON.stringify(planShape(buildReplayPlan(b)));
}
