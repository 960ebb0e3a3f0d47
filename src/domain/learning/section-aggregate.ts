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
  const total = sums.reviewed ?? 0;
  if (total <= 0) return 0;
  const { decay, factor } = forgettingCurve;
  const curvature = 0.5 * decay * (decay - 1) * factor * factor;
  const t = (now.getTime() - AGGREGATE_EPOCH_MS) / DAY_MS;
  let weighted = 0;
  // plain loads of the bins' precomputed field names: weakTopics asks this of every topic it returns
  for (const fields of BIN_FIELDS) {
    const n = sums[fields.n] ?? 0;
    if (n <= 0.5) continue;
    const mean = Math.max(0, (t * (sums[fields.i] ?? 0) - (sums[fields.t] ?? 0)) / n);
    const square = (t * t * (sums[fields.ii] ?? 0) - 2 * t * (sums[fields.ti] ?? 0) + (sums[fields.tti] ?? 0)) / n;
    const variance = Math.max(0, square - mean * mean);
    const base = 1 + factor * mean;
    const value = base ** decay + curvature * base ** (decay - 2) * variance;
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
 * A packed copy read back, with the revision it is as of: inside the string in format 2; null for
 * a copy in the first format (`{"a":…,"s":{…}}`), whose revision is its item's `pr` attribute.
 */
export type UnpackedSums = PackedSums & { rev: number | null };

/** The tag that opens a format-2 copy. */
const PACK_FORMAT = 2;
/** [2, rev, attempts, the five totals]: the bins come after, each its index and its six sums. */
const PACK_HEAD = 3 + TOTAL_FIELDS.length;
const PACK_BIN = 1 + BIN_SUMS.length;
/** Each bin's field names in BIN_SUMS order, by bin index − FIRST_BIN. */
const BIN_FIELD_LISTS = BIN_FIELDS.map((fields) => BIN_SUMS.map((sum) => fields[sum]));

/**
 * Format 2, a JSON array of numbers: `[2, rev, attempts, stAttempts, stCorrect, stScore, leeches,
 * reviewed, k, n, i, t, ii, ti, tti, k, …]` — the tag, the revision the sums are as of, the
 * attempt count, the totals (TOTAL_FIELDS order, 0 included), then each bin that holds states by
 * its index k (FIRST_BIN..LAST_BIN, ascending) and its sums (BIN_SUMS order). An empty bin
 * (|n| < 0.5: its other sums are 0 too, though in floating point a state added and taken out
 * leaves ~1e-16 behind) is left out. Numbers are JSON's, full doubles; a NaN or infinite sum
 * would be written as null, which no reader takes for a copy.
 */
export function packSums({ rev, attempts, sums }: PackedSums & { rev: number }): string {
  const packed: number[] = [PACK_FORMAT, rev, attempts];
  for (const field of TOTAL_FIELDS) packed.push(sumOf(sums, field));
  BIN_FIELD_LISTS.forEach((fields, b) => {
    if (Math.abs(sumOf(sums, fields[0])) >= 0.5)
      packed.push(FIRST_BIN + b, ...fields.map((field) => sumOf(sums, field)));
  });
  return JSON.stringify(packed);
}

/**
 * The packed sums of a copy in either format; null for anything else (the reader then uses the
 * section item). A format-2 copy gives every total (0 included) and the six sums of each bin it
 * holds.
 */
export function unpackSums(text: unknown): UnpackedSums | null {
  if (typeof text !== 'string') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  return Array.isArray(parsed) ? unpackArray(parsed) : unpackObject(parsed);
}

function unpackArray(packed: unknown[]): UnpackedSums | null {
  const { length } = packed;
  if (packed[0] !== PACK_FORMAT || length < PACK_HEAD || (length - PACK_HEAD) % PACK_BIN !== 0) return null;
  for (let i = 1; i < length; i++) if (typeof packed[i] !== 'number') return null;
  const numbers = packed as number[];
  let bins = 0;
  for (let i = PACK_HEAD, previous = FIRST_BIN - 1; i < length; previous = numbers[i], i += PACK_BIN) {
    const k = numbers[i];
    if (!Number.isInteger(k) || k <= previous || k > LAST_BIN) return null;
    bins |= 1 << (k - FIRST_BIN);
  }
  // assigned, never added: the record keeps its shape's fast properties
  const sums: SectionSums = { ...sumsShape(bins) };
  for (let j = 0; j < TOTAL_FIELDS.length; j++) sums[TOTAL_FIELDS[j]] = numbers[3 + j];
  for (let i = PACK_HEAD; i < length; i += PACK_BIN) {
    const fields = BIN_FIELD_LISTS[numbers[i] - FIRST_BIN];
    for (let j = 0; j < fields.length; j++) sums[fields[j]] = numbers[i + 1 + j];
  }
  return { rev: numbers[1], attempts: numbers[2], sums };
}

/** One record per set of bins met, up to SHAPES_KEPT of the 2^16 possible (then built each time). */
const shapes = new Map<number, SectionSums>();
const SHAPES_KEPT = 4096;

/**
 * A record of the totals' and these bins' fields (bit k − FIRST_BIN of `bins` for bin k), all 0,
 * to copy and fill. Why: V8 may turn an object that gets many properties added by computed keys
 * into a hash table (whether it does depends on the objects the process built before), and records
 * built that way made unpacking 50 sections slower than the first format's JSON.parse of whole
 * objects (~165 against ~120 µs); a copy of a record that already has the properties keeps fast
 * ones (~100 µs). Measured in docs/data-model.md, "Packed section sums".
 */
function sumsShape(bins: number): SectionSums {
  const kept = shapes.get(bins);
  if (kept) return kept;
  const fields = [...TOTAL_FIELDS, ...BIN_FIELD_LISTS.filter((_, b) => bins & (1 << b)).flat()];
  // JSON.parse builds it with fast properties
  const shape = JSON.parse(`{${fields.map((field) => `"${field}":0`).join(',')}}`) as SectionSums;
  if (shapes.size < SHAPES_KEPT) shapes.set(bins, shape);
  return shape;
}

/** The first format, `{"a": attempts, "s": {field: sum}}` (copies written before 2026-12-04's format 2). */
function unpackObject(parsed: unknown): UnpackedSums | null {
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { a, s } = parsed as { a?: unknown; s?: unknown };
  if (typeof a !== 'number' || typeof s !== 'object' || s === null || Array.isArray(s)) return null;
  const sums = s as Record<string, unknown>;
  for (const field in sums) if (typeof sums[field] !== 'number') return null;
  return { rev: null, attempts: a, sums: sums as SectionSums };
}
