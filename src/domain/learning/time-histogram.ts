/**
 * Answer times as a histogram over log-scale buckets. Counts per bucket add up, so tenant-wide
 * counters can live in several shards (DynamoDB ADD on map entries) and be merged on read; exact
 * quantiles would need every sample.
 *
 * Scheme: bucket k holds times t (ms) with
 *
 *   100 · (1.1^k − 1)  ≤  t  <  100 · (1.1^(k+1) − 1),   i.e.  k = ⌊ln(t/100 + 1) / ln 1.1⌋
 *
 * and is stored under the key `b<k>`. Each bucket is 10% wider than the one before; shifting by
 * 100 ms keeps the first ones from being absurdly narrow (b0 is 0–10 ms, b1 10–21 ms, b2 21–33.1
 * ms), and from a second or so on a bucket spans about 10% of the times in it. Times are clamped
 * to 0..1 hour, so keys run b0..b110 and a counter map never has more than 111 entries.
 *
 * Error bound: bucket k is 10 · 1.1^k ms wide, which is at most 10% of (t + 100 ms) for any t in
 * it. `quantile` answers inside the bucket that holds the true (nearest-rank) quantile, so its
 * error is at most 10% of the true value plus 10 ms.
 */

export type TimeHistogram = Record<string, number>;

export const MAX_TIME_MS = 3_600_000;

const GROWTH = 1.1;
const OFFSET_MS = 100;
const KEY = /^b(\d+)$/;

/** Lower edge of bucket k, rounded to a microsecond so the edges are exact decimals (10, 21, 33.1). */
function lowerMs(k: number): number {
  return Math.round(OFFSET_MS * (GROWTH ** k - 1) * 1e6) / 1e6;
}

function indexOf(key: string): number {
  const match = KEY.exec(key);
  if (!match) throw new RangeError(`not a time bucket: ${key}`);
  return Number(match[1]);
}

/** The bucket key for an answer time; times outside 0..1 hour count as 0 or 1 hour. */
export function bucketOf(ms: number): string {
  if (Number.isNaN(ms)) throw new RangeError('time is NaN');
  const t = Math.min(Math.max(ms, 0), MAX_TIME_MS);
  let k = Math.floor(Math.log(t / OFFSET_MS + 1) / Math.log(GROWTH));
  // The logarithm can land one bucket off right at an edge; the edges themselves decide.
  if (t < lowerMs(k)) k -= 1;
  else if (t >= lowerMs(k + 1)) k += 1;
  return `b${k}`;
}

/** Exclusive upper edge of a bucket, in ms. */
export function bucketUpperMs(key: string): number {
  return lowerMs(indexOf(key) + 1);
}

/** Inclusive lower edge of a bucket, in ms. */
export function bucketLowerMs(key: string): number {
  return lowerMs(indexOf(key));
}

/** Middle of a bucket, in ms: the best single guess for a time known only by its bucket. */
export function bucketMidMs(key: string): number {
  return (bucketLowerMs(key) + bucketUpperMs(key)) / 2;
}

/** A histogram of the given times (for tests, fixtures and backfills). */
export function histogramOf(timesMs: readonly number[]): TimeHistogram {
  const histogram: TimeHistogram = {};
  for (const ms of timesMs) {
    const key = bucketOf(ms);
    histogram[key] = (histogram[key] ?? 0) + 1;
  }
  return histogram;
}

/** Sums the counts per bucket; the inputs are left alone. */
export function mergeHistograms(...histograms: readonly TimeHistogram[]): TimeHistogram {
  const merged: TimeHistogram = {};
  for (const histogram of histograms) {
    for (const [key, count] of Object.entries(histogram)) merged[key] = (merged[key] ?? 0) + count;
  }
  return merged;
}

/**
 * The q-quantile (0.5 median, 0.9 p90) in whole ms, or null when the histogram is empty. It finds
 * the bucket where the running count reaches q · total and interpolates linearly inside it, as if
 * that bucket's times were spread evenly. Entries that are not bucket keys or have no positive
 * count are ignored, so a stray counter cannot break a statistics read.
 */
export function quantile(histogram: TimeHistogram, q: number): number | null {
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile must be in [0, 1], got ${q}`);
  const buckets = Object.entries(histogram)
    .filter(([key, count]) => KEY.test(key) && count > 0)
    .map(([key, count]) => ({ k: indexOf(key), count }))
    .sort((x, y) => x.k - y.k);
  const total = buckets.reduce((sum, bucket) => sum + bucket.count, 0);
  if (total === 0) return null;
  // Rounded so a q computed by arithmetic (0.1 × 3 = 0.30000000000000004) times 10 is exactly
  // rank 3 and does not spill into the next bucket.
  const rank = Math.round(q * total * 1e9) / 1e9;
  let before = 0;
  for (const { k, count } of buckets) {
    if (before + count >= rank) {
      const lower = lowerMs(k);
      return Math.round(lower + ((rank - before) / count) * (lowerMs(k + 1) - lower));
    }
    before += count;
  }
  // Unreachable: the last bucket's running count is the total, and rank ≤ total.
  return Math.round(lowerMs(buckets[buckets.length - 1].k + 1));
}
