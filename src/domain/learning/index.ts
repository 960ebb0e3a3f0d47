/** Learning statistics and spaced repetition: pure domain logic, no I/O. */
export { type Outcome, OUTCOMES, isOutcome, defaultScore, fsrsRating } from './outcomes';
export {
  type MemoryPhase,
  type MemoryState,
  LEECH_LAPSES,
  isLeech,
  reviewMemory,
  retrievability,
} from './memory';
export { type Tally, mastery, confidence, correctRate, rankWeakest } from './mastery';
export {
  type TimeHistogram,
  MAX_TIME_MS,
  bucketOf,
  bucketLowerMs,
  bucketUpperMs,
  bucketMidMs,
  histogramOf,
  mergeHistograms,
  quantile,
} from './time-histogram';
export { type StreakState, utcDay, daysBetween, extendStreak, currentStreak } from './streak';
