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
});
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
}

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
