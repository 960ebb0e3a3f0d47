/**
 * Per-topic mastery, for "which topics am I weakest in". A raw average ranks one lucky answer
 * (1 of 1) above a long good record (45 of 50); instead each topic's mean score gets a uniform
 * Beta(1, 1) prior, so little evidence pulls the estimate towards 1/2.
 */

/** Counts over a topic's attempts; `scoreSum` adds up the attempts' scores (each 0..1). */
export interface Tally {
  attempts: number;
  scoreSum: number;
  correct: number;
}

/** Variance of the uniform prior Beta(1, 1). */
const PRIOR_VARIANCE = 1 / 12;

const round4 = (x: number): number => Math.round(x * 10_000) / 10_000;

/**
 * Beta posterior parameters. The score sum is clamped into [0, attempts] so a counter that
 * drifted (a retried increment, a float sum) cannot give an invalid Beta.
 */
function posterior(t: Tally): { a: number; b: number } {
  const successes = Math.min(Math.max(t.scoreSum, 0), t.attempts);
  return { a: successes + 1, b: t.attempts - successes + 1 };
}

/** Posterior mean score: (scoreSum + 1) / (attempts + 2); 1/2 for a topic never attempted. */
export function mastery(t: Tally): number {
  const { a, b } = posterior(t);
  return a / (a + b);
}

/**
 * How settled the mastery estimate is, 0..1 to 4 decimals: 1 − (posterior sd / prior sd).
 * 0 with no attempts; it grows like 1 − O(1/√attempts), so it nears 1 only with many attempts.
 */
export function confidence(t: Tally): number {
  const { a, b } = posterior(t);
  const n = a + b;
  const variance = (a * b) / (n * n * (n + 1));
  return round4(1 - Math.sqrt(variance / PRIOR_VARIANCE));
}

/** Share of attempts graded CORRECT; 0 when there are none. */
export function correctRate(t: Tally): number {
  return t.attempts > 0 ? t.correct / t.attempts : 0;
}

/**
 * The `limit` weakest attempted topics: lowest mastery first; on a tie the topic with more
 * attempts comes first (more evidence it is weak), then input order (the sort is stable).
 */
export function rankWeakest<T extends { tally: Tally }>(topics: readonly T[], limit: number): T[] {
  return topics
    .filter((topic) => topic.tally.attempts > 0)
    .map((topic) => ({ topic, mastery: mastery(topic.tally) }))
    .sort((x, y) => x.mastery - y.mastery || y.topic.tally.attempts - x.topic.tally.attempts)
    .slice(0, Math.max(0, limit))
    .map(({ topic }) => topic);
}
