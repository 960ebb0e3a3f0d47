/**
 * What a learner says about their own answer. The outcome is self-graded: the learner compares
 * their answer with the reference answer and picks one of these four.
 */
import type { Rating } from 'ts-fsrs';
import { loadFsrs } from './fsrs';

export type Outcome = 'CORRECT' | 'PARTIAL' | 'INCORRECT' | 'SKIPPED';

export const OUTCOMES: readonly Outcome[] = ['CORRECT', 'PARTIAL', 'INCORRECT', 'SKIPPED'];

export const isOutcome = (value: string): value is Outcome => (OUTCOMES as readonly string[]).includes(value);

/** The score an attempt counts for in statistics when the client does not send its own, 0..1. */
export function defaultScore(outcome: Outcome): number {
  switch (outcome) {
    case 'CORRECT':
      return 1;
    case 'PARTIAL':
      return 0.5;
    case 'INCORRECT':
    case 'SKIPPED':
      return 0;
  }
}

/**
 * The FSRS rating an outcome reviews the question with. This mapping is documented to users, so
 * changing it changes every learner's schedule:
 *
 * - CORRECT   → Good:  recalled the answer; the interval grows normally.
 * - PARTIAL   → Hard:  recalled it with gaps; the question still counts as remembered (no lapse)
 *                      but comes back sooner than after a correct answer.
 * - INCORRECT → Again: not recalled; in review this is a lapse and the question is relearned.
 * - SKIPPED   → Again: a learner who skips has not recalled the answer, which for memory is
 *                      the same as getting it wrong.
 *
 * Easy is never used: a self-graded "correct" cannot tell effortless recall from effortful, and
 * Easy would stretch intervals on a guess.
 */
export function fsrsRating(outcome: Outcome): Rating.Again | Rating.Hard | Rating.Good {
  const { Rating } = loadFsrs();
  switch (outcome) {
    case 'CORRECT':
      return Rating.Good;
    case 'PARTIAL':
      return Rating.Hard;
    case 'INCORRECT':
    case 'SKIPPED':
      return Rating.Again;
  }
}
