/**
 * The tenant-wide counters every attempt adds to, and how their parts add up: the shards of one
 * counter when it is read, an attempt's increments when the attempts are recounted.
 */
import { mergeHistograms, quantile, type TimeHistogram } from './learning/time-histogram';

export interface QuestionCounts {
  attempts: number;
  correct: number;
  partial: number;
  incorrect: number;
  skipped: number;
  scoreSum: number;
  uniqueUsers: number;
  timed: number;
  histogram: TimeHistogram;
  /** Attempts graded from picked options (choice questions): the denominator of a pick rate. */
  graded: number;
  /** Of those, attempts by strong learners (isStrongLearner, when the attempt was recorded). */
  strongGraded: number;
  /** Option id → attempts that picked it. */
  picks: Record<string, number>;
  /** Option id → attempts by strong learners that picked it. */
  strongPicks: Record<string, number>;
}

export interface SectionCounts {
  attempts: number;
  correct: number;
  scoreSum: number;
  uniqueUsers: number;
}

export interface ActivityCounts {
  attempts: number;
  activeUsers: number;
}

export const QUESTION_COUNT_FIELDS = [
  'attempts',
  'correct',
  'partial',
  'incorrect',
  'skipped',
  'scoreSum',
  'uniqueUsers',
  'timed',
  'graded',
  'strongGraded',
] as const;
export const SECTION_COUNT_FIELDS = ['attempts', 'correct', 'scoreSum', 'uniqueUsers'] as const;
export const ACTIVITY_COUNT_FIELDS = ['attempts', 'activeUsers'] as const;

export const emptyQuestionCounts = (): QuestionCounts => ({
  attempts: 0,
  correct: 0,
  partial: 0,
  incorrect: 0,
  skipped: 0,
  scoreSum: 0,
  uniqueUsers: 0,
  timed: 0,
  histogram: {},
  graded: 0,
  strongGraded: 0,
  picks: {},
  strongPicks: {},
});

const addCounts = (into: Record<string, number>, add: Record<string, number>): Record<string, number> => {
  const sum = { ...into };
  for (const [key, value] of Object.entries(add)) sum[key] = (sum[key] ?? 0) + value;
  return sum;
};
export const emptySectionCounts = (): SectionCounts => ({ attempts: 0, correct: 0, scoreSum: 0, uniqueUsers: 0 });
export const emptyActivityCounts = (): ActivityCounts => ({ attempts: 0, activeUsers: 0 });

type Numbers<T> = { [K in keyof T]: T[K] extends number ? K : never }[keyof T];

function addFields<T>(into: T, add: T, fields: readonly Numbers<T>[]): T {
  for (const field of fields) (into[field] as number) += add[field] as number;
  return into;
}

/** Adds `add` into `into` (which it returns). */
export function addQuestionCounts(into: QuestionCounts, add: QuestionCounts): QuestionCounts {
  addFields(into, add, QUESTION_COUNT_FIELDS);
  into.histogram = mergeHistograms(into.histogram, add.histogram);
  into.picks = addCounts(into.picks, add.picks);
  into.strongPicks = addCounts(into.strongPicks, add.strongPicks);
  return into;
}

export const addSectionCounts = (into: SectionCounts, add: SectionCounts): SectionCounts =>
  addFields(into, add, SECTION_COUNT_FIELDS);
export const addActivityCounts = (into: ActivityCounts, add: ActivityCounts): ActivityCounts =>
  addFields(into, add, ACTIVITY_COUNT_FIELDS);

const rate = (value: number, attempts: number): number =>
  attempts === 0 ? 0 : Math.round((value / attempts) * 10_000) / 10_000;

export interface QuestionStatistics {
  questionId: string;
  attempts: number;
  correct: number;
  partial: number;
  incorrect: number;
  skipped: number;
  successRate: number;
  meanScore: number;
  medianTimeMs: number | null;
  p90TimeMs: number | null;
  uniqueUsers: number;
  /** The option counters, for QuestionStats.options and suspectedWrongKey. */
  optionCounts: OptionCounts;
}

export type OptionCounts = Pick<QuestionCounts, 'graded' | 'strongGraded' | 'picks' | 'strongPicks'>;

/** Below this many graded attempts by strong learners a question is never flagged. */
export const WRONG_KEY_MIN_STRONG_ATTEMPTS = 10;

/**
 * A sign of a wrong answer key: among at least WRONG_KEY_MIN_STRONG_ATTEMPTS graded attempts by
 * strong learners, some distractor was picked more often than every correct option.
 */
export function suspectedWrongKey(options: readonly { id: string; correct: boolean }[], counts: OptionCounts): boolean {
  if (counts.strongGraded < WRONG_KEY_MIN_STRONG_ATTEMPTS) return false;
  const picks = (id: string) => counts.strongPicks[id] ?? 0;
  const right = options.filter((option) => option.correct).map((option) => picks(option.id));
  if (right.length === 0) return false;
  const best = Math.max(...right);
  return options.some((option) => !option.correct && picks(option.id) > best);
}

/** picks / graded attempts, to 4 decimals (0 before any graded attempt). */
export const pickRate = (picks: number, graded: number): number => rate(picks, graded);

/** The public figures of one question's counters. */
export function questionStatistics(questionId: string, counts: QuestionCounts): QuestionStatistics {
  const { attempts, correct, partial, incorrect, skipped, uniqueUsers } = counts;
  return {
    questionId,
    attempts,
    correct,
    partial,
    incorrect,
    skipped,
    successRate: rate(correct, attempts),
    meanScore: rate(counts.scoreSum, attempts),
    medianTimeMs: quantile(counts.histogram, 0.5),
    p90TimeMs: quantile(counts.histogram, 0.9),
    uniqueUsers,
    optionCounts: {
      graded: counts.graded,
      strongGraded: counts.strongGraded,
      picks: counts.picks,
      strongPicks: counts.strongPicks,
    },
  };
}

/** Hardest first: lowest success rate, then lowest mean score, then most attempts, then id. */
export function hardestFirst(a: QuestionStatistics, b: QuestionStatistics): number {
  return (
    a.successRate - b.successRate ||
    a.meanScore - b.meanScore ||
    b.attempts - a.attempts ||
    a.questionId.localeCompare(b.questionId)
  );
}

export const successRate = (counts: SectionCounts): number => rate(counts.correct, counts.attempts);
