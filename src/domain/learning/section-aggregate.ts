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

/**
 * Stability bins: S in [BIN_BASE^k, BIN_BASE^(k+1)) days goes to bin k, clamped to
 * [FIRST_BIN, LAST_BIN]. Within a bin the states' stabilities differ by at most BIN_BASE×, so
 * x spreads far less than across the section and the second-order expansion holds much better.
 */
const BIN_BASE = 2;
const FIRST_BIN = -4;
const LAST_BIN = 11;
const BINS = Array.from({ length: LAST_BIN - FIRST_BIN + 1 }, (_, i) => FIRST_BIN + i);
const binName = (k: number): string => (k < 0 ? `m${-k}` : `p${k}`);

/** Per bin: n, Σ1/S, Σt0/S, Σ1/S², Σt0/S², Σt0²/S². */
const BIN_SUMS = ['n', 'i', 't', 'ii', 'ti', 'tti'] as const;
type BinSum = (typeof BIN_SUMS)[number];
const binField = (k: number, sum: BinSum): string => `r${binName(k)}${sum}`;
/** Each bin's field names, built once (weakTopics reads up to 16 bins of every section). */
const BIN_FIELDS = BINS.map(
  (k) => Object.fromEntries(BIN_SUMS.map((sum) => [sum, binField(k, sum)])) as Record<BinSum, string>,
);

/** A section's totals over its states (the stability bins' sums come after them). */
const TOTAL_FIELDS = [
  // Σ state.attempts, Σ state.correct, Σ state.scoreSum (the Tally of mastery.ts)
  'stAttempts',
  'stCorrect',
  'stScore',
  // states with lapses ≥ LEECH_LAPSES
  'leeches',
  // states reviewed at least once (every stored state is)
  'reviewed',
];
/** The additive fields of a section aggregate, as stored on the user-section item. */
export const AGGREGATE_FIELDS: readonly string[] = [
  ...TOTAL_FIELDS,
  ...BIN_FIELDS.flatMap((fields) => BIN_SUMS.map((sum) => fields[sum])),
];

/** Sums by field; a missing field is 0 (a delta holds only the fields it changes). */
export type SectionSums = Record<string, number>;

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

export const emptySums = (): SectionSums => ({});

const binOf = (stability: number): number =>
  Math.min(LAST_BIN, Math.max(FIRST_BIN, Math.floor(Math.log(stability) / Math.log(BIN_BASE))));

/** One state's terms (only the fields it touches). */
export function stateTerms(state: StateLike): SectionSums {
  const { memory } = state;
  const terms: SectionSums = {
    stAttempts: state.attempts,
    stCorrect: state.correct,
    stScore: state.scoreSum,
    leeches: isLeech(memory) ? 1 : 0,
  };
  if (memory.lastReview === null || memory.phase === 'NEW' || !(memory.stability > 0)) return { ...terms, reviewed: 0 };
  const inv = 1 / memory.stability;
  const t0 = (Date.parse(memory.lastReview) - AGGREGATE_EPOCH_MS) / DAY_MS;
  const k = binOf(memory.stability);
  return {
    ...terms,
    reviewed: 1,
    [binField(k, 'n')]: 1,
    [binField(k, 'i')]: inv,
    [binField(k, 't')]: t0 * inv,
    [binField(k, 'ii')]: inv * inv,
    [binField(k, 'ti')]: t0 * inv * inv,
    [binField(k, 'tti')]: t0 * t0 * inv * inv,
  };
}

/** a + sign·b, field by field (fields of either). */
export function addSums(a: SectionSums, b: SectionSums, sign = 1): SectionSums {
  const out: SectionSums = { ...a };
  for (const [field, value] of Object.entries(b)) out[field] = (out[field] ?? 0) + sign * value;
  return out;
}

/** What moving a state from `previous` (null: none) to `next` adds to its section's sums. */
export function sumsDelta(previous: StateLike | null, next: StateLike): SectionSums {
  const after = stateTerms(next);
  return previous === null ? after : addSums(after, stateTerms(previous), -1);
}

/** The sums of a stored item (only the aggregate fields; missing ones read as 0). */
export function sumsOf(item: Record<string, unknown>): SectionSums {
  return Object.fromEntries(
    AGGREGATE_FIELDS.filter((field) => item[field] !== undefined).map((field) => [field, Number(item[field])]),
  );
}

export const sumOf = (sums: SectionSums, field: string): number => sums[field] ?? 0;

/**
 * Approximate mean retrievability of the section's reviewed states at `now`, 0..1 (0 when none
 * is reviewed): per stability bin, g(E x) + ½·g''(E x)·Var x, weighted by the bin's states.
 */
export function approximateMeanRetrievability(sums: SectionSums, now: Date): number {
  const total = sumOf(sums, 'reviewed');
  if (total <= 0) return 0;
  const { decay, factor } = forgettingCurve;
  const t = (now.getTime() - AGGREGATE_EPOCH_MS) / DAY_MS;
  let weighted = 0;
  for (const fields of BIN_FIELDS) {
    const n = sumOf(sums, fields.n);
    if (n <= 0.5) continue;
    const get = (sum: BinSum) => sumOf(sums, fields[sum]);
    const mean = Math.max(0, (t * get('i') - get('t')) / n);
    const square = (t * t * get('ii') - 2 * t * get('ti') + get('tti')) / n;
    const variance = Math.max(0, square - mean * mean);
    const base = 1 + factor * mean;
    const value = base ** decay + 0.5 * decay * (decay - 1) * factor * factor * base ** (decay - 2) * variance;
    weighted += n * Math.min(1, Math.max(0, value));
  }
  return Math.min(1, Math.max(0, weighted / total));
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

/**
 * A section's sums as of one revision of its item, in one string: what `weakTopics` reads instead
 * of the item's ~100 numeric attributes (docs/data-model.md, "Packed section sums"). `attempts` is
 * the section item's attempt count.
 */
export interface PackedSums {
  attempts: number;
  sums: SectionSums;
}

/**
 * Only what is there: an empty bin (n = 0; its other sums are 0 too, though in floating point a
 * state added and taken out leaves ~1e-16 behind) and zero counts are left out.
 */
export function packSums({ attempts, sums }: PackedSums): string {
  const kept: SectionSums = {};
  const keep = (field: string): void => {
    if (sumOf(sums, field) !== 0) kept[field] = sums[field];
  };
  TOTAL_FIELDS.forEach(keep);
  for (const fields of BIN_FIELDS)
    if (Math.abs(sumOf(sums, fields.n)) >= 0.5) BIN_SUMS.forEach((sum) => keep(fields[sum]));
  return JSON.stringify({ a: attempts, s: kept });
}

/** The packed sums; null for a string that is not one (the reader then uses the section item). */
export function unpackSums(text: unknown): PackedSums | null {
  if (typeof text !== 'string') return null;
  try {
    const parsed = JSON.parse(text) as { a?: unknown; s?: unknown };
    if (typeof parsed.a !== 'number' || typeof parsed.s !== 'object' || parsed.s === null) return null;
    const sums = parsed.s as Record<string, unknown>;
    for (const field in sums) if (typeof sums[field] !== 'number') return null;
    return { attempts: parsed.a, sums: sums as SectionSums };
  } catch {
    return null;
  }
}
