/**
 * Per-learner, per-section aggregates of question states: what `weakTopics` needs from a section
 * without reading its states. Each state contributes additive terms; an attempt adds (the new
 * state's terms − the old state's terms), so the stored sums always equal the sums over the
 * section's current states (DynamoDB adds decimals exactly).
 *
 * Mean retrievability cannot be kept exactly: R = (1 + F·x)^D, with x = (now − lastReview)/S,
 * is a power curve of a quantity that moves with `now`. With t0 the last review in days since
 * EPOCH, x_i = now·(1/S_i) − t0_i/S_i, so the sums n, Σ1/S, Σt0/S, Σ1/S², Σt0/S², Σt0²/S² give
 * E[x] and E[x²] exactly for any `now`; the mean is then approximated to second order,
 *
 *   mean R ≈ g(E x) + ½·g''(E x)·Var x,   g(x) = (1 + F·x)^D   (ts-fsrs's own D and F),
 *
 * with elapsed time counted continuously (ts-fsrs counts whole days). Its measured error is in
 * tests/unit/section-aggregate.test.ts and docs/data-model.md.
 */
import type { MemoryState } from './memory';
import { forgettingCurve, isLeech } from './memory';

/** Fixed epoch of t0 (2025-01-01): keeps t0 and its squares small. */
export const AGGREGATE_EPOCH_MS = Date.UTC(2025, 0, 1);
const DAY_MS = 86_400_000;

/** The additive fields of a section aggregate, as stored on the user-section item. */
export const AGGREGATE_FIELDS = [
  /** Σ state.attempts, Σ state.correct, Σ state.scoreSum (the Tally of mastery.ts). */
  'stAttempts',
  'stCorrect',
  'stScore',
  /** States with lapses ≥ LEECH_LAPSES. */
  'leeches',
  /** States reviewed at least once (every stored state is). */
  'reviewed',
  /** Σ 1/S, Σ t0/S, Σ 1/S², Σ t0/S², Σ t0²/S² over reviewed states. */
  'sInv',
  'sT',
  'sInv2',
  'sT2',
  'sTT2',
] as const;

export type AggregateField = (typeof AGGREGATE_FIELDS)[number];
export type SectionSums = Record<AggregateField, number>;

/** A user's aggregate of one section: the sums, and the local ids of the questions whose state is there. */
export interface SectionAggregate {
  sums: SectionSums;
  /** Sorted. */
  seen: string[];
}

/** What a state contributes: its tallies and its memory. */
export interface StateLike {
  attempts: number;
  correct: number;
  scoreSum: number;
  memory: MemoryState;
}

export const emptySums = (): SectionSums =>
  Object.fromEntries(AGGREGATE_FIELDS.map((field) => [field, 0])) as SectionSums;

/** One state's terms. */
export function stateTerms(state: StateLike): SectionSums {
  const { memory } = state;
  const reviewed = memory.lastReview !== null && memory.phase !== 'NEW' && memory.stability > 0;
  const inv = reviewed ? 1 / memory.stability : 0;
  const t0 = reviewed ? (Date.parse(memory.lastReview!) - AGGREGATE_EPOCH_MS) / DAY_MS : 0;
  return {
    stAttempts: state.attempts,
    stCorrect: state.correct,
    stScore: state.scoreSum,
    leeches: isLeech(memory) ? 1 : 0,
    reviewed: reviewed ? 1 : 0,
    sInv: inv,
    sT: t0 * inv,
    sInv2: inv * inv,
    sT2: t0 * inv * inv,
    sTT2: t0 * t0 * inv * inv,
  };
}

/** a + sign·b, field by field. */
export function addSums(a: SectionSums, b: SectionSums, sign = 1): SectionSums {
  return Object.fromEntries(AGGREGATE_FIELDS.map((field) => [field, a[field] + sign * b[field]])) as SectionSums;
}

/** What moving a state from `previous` (null: none) to `next` adds to its section's sums. */
export function sumsDelta(previous: StateLike | null, next: StateLike): SectionSums {
  const after = stateTerms(next);
  return previous === null ? after : addSums(after, stateTerms(previous), -1);
}

/** The sums of a stored item (missing fields as 0). */
export function sumsOf(item: Record<string, unknown>): SectionSums {
  return Object.fromEntries(AGGREGATE_FIELDS.map((field) => [field, Number(item[field] ?? 0)])) as SectionSums;
}

/**
 * Approximate mean retrievability of the section's reviewed states at `now`, 0..1 (0 when none
 * is reviewed); see the module comment for the formula.
 */
export function approximateMeanRetrievability(sums: SectionSums, now: Date): number {
  const n = sums.reviewed;
  if (n <= 0) return 0;
  const { decay, factor } = forgettingCurve;
  const t = (now.getTime() - AGGREGATE_EPOCH_MS) / DAY_MS;
  const mean = Math.max(0, (t * sums.sInv - sums.sT) / n);
  const square = (t * t * sums.sInv2 - 2 * t * sums.sT2 + sums.sTT2) / n;
  const variance = Math.max(0, square - mean * mean);
  const base = 1 + factor * mean;
  const value = base ** decay + 0.5 * decay * (decay - 1) * factor * factor * base ** (decay - 2) * variance;
  return Math.min(1, Math.max(0, value));
}

/** The aggregate of a section's states (local id and state), as a recount computes it. */
export function aggregateOf(states: readonly { localId: string; state: StateLike }[]): SectionAggregate {
  let sums = emptySums();
  for (const { state } of states) sums = addSums(sums, stateTerms(state));
  return { sums, seen: states.map(({ localId }) => localId).sort() };
}

/** Float sums are compared relative to their size: the terms reach ~10^7 (t0²/S²). */
export const sameSum = (a: number, b: number): boolean =>
  Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
