/**
 * Spaced-repetition memory of one question for one learner, scheduled with FSRS (ts-fsrs).
 *
 * The state is plain JSON because it is stored in DynamoDB; ts-fsrs's `Card` (Dates, numeric
 * enums) never leaves this module. The scheduler runs with the library's default weights and
 * learning steps and with fuzz off: the same attempts at the same times always give the same
 * schedule, so a learner's history can be replayed and the tests can pin the numbers.
 */
import type { Card, FSRS, State } from 'ts-fsrs';
import { loadFsrs } from './fsrs';
import { type Outcome, fsrsRating } from './outcomes';

export type MemoryPhase = 'NEW' | 'LEARNING' | 'REVIEW' | 'RELEARNING';

export interface MemoryState {
  /** Days until recall probability falls to 90%. */
  stability: number;
  /** 1 (easy) .. 10 (hard). */
  difficulty: number;
  /** ISO timestamp of the next review. */
  due: string;
  /** ISO timestamp of the last review; null for a question never answered. */
  lastReview: string | null;
  reps: number;
  /** Times the question was forgotten after it had been learned (Again while in REVIEW). */
  lapses: number;
  phase: MemoryPhase;
  scheduledDays: number;
  /** Index of the current short-term (re)learning step. */
  learningSteps: number;
  elapsedDays: number;
}

/** A question forgotten this often is a leech: more reviews are unlikely to help on their own. */
export const LEECH_LAPSES = 8;

export const isLeech = (state: MemoryState): boolean => state.lapses >= LEECH_LAPSES;

/**
 * ts-fsrs's parts, built on first use (fsrs.ts): a cold start whose first request schedules
 * nothing neither loads nor runs it.
 */
interface Built {
  scheduler: FSRS;
  phaseOfState: Record<State, MemoryPhase>;
  stateOfPhase: Record<MemoryPhase, State>;
  curve: { decay: number; factor: number };
}

let built: Built | undefined;

function fsrsParts(): Built {
  if (built) return built;
  const { computeDecayFactor, fsrs, generatorParameters, State } = loadFsrs();
  const parameters = generatorParameters({ enable_fuzz: false });
  built = {
    scheduler: fsrs(parameters),
    phaseOfState: {
      [State.New]: 'NEW',
      [State.Learning]: 'LEARNING',
      [State.Review]: 'REVIEW',
      [State.Relearning]: 'RELEARNING',
    },
    stateOfPhase: { NEW: State.New, LEARNING: State.Learning, REVIEW: State.Review, RELEARNING: State.Relearning },
    curve: computeDecayFactor(parameters.w),
  };
  return built;
}

const scheduler = (): FSRS => fsrsParts().scheduler;

/** Exported for tests; callers outside this module work with MemoryState only. */
export function toCard(state: MemoryState): Card {
  return {
    due: new Date(state.due),
    stability: state.stability,
    difficulty: state.difficulty,
    elapsed_days: state.elapsedDays,
    scheduled_days: state.scheduledDays,
    learning_steps: state.learningSteps,
    reps: state.reps,
    lapses: state.lapses,
    state: fsrsParts().stateOfPhase[state.phase],
    ...(state.lastReview === null ? {} : { last_review: new Date(state.lastReview) }),
  };
}

/** Exported for tests; callers outside this module work with MemoryState only. */
export function fromCard(card: Card): MemoryState {
  return {
    stability: card.stability,
    difficulty: card.difficulty,
    due: card.due.toISOString(),
    lastReview: card.last_review ? card.last_review.toISOString() : null,
    reps: card.reps,
    lapses: card.lapses,
    phase: fsrsParts().phaseOfState[card.state],
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    elapsedDays: card.elapsed_days,
  };
}

/**
 * The memory after answering with `outcome` at `at`; `previous` is null for a question never
 * seen. An answer stamped before the last review (a late retry, clocks of two devices) is
 * reviewed as if at the last review: ts-fsrs rejects negative elapsed time, and one slow clock
 * must not make an attempt unrecordable.
 */
export function reviewMemory(previous: MemoryState | null, outcome: Outcome, at: Date): MemoryState {
  const card = previous === null ? loadFsrs().createEmptyCard(at) : toCard(previous);
  const reviewedAt = card.last_review && card.last_review > at ? card.last_review : at;
  return fromCard(scheduler().next(card, reviewedAt, fsrsRating(outcome)).card);
}

/**
 * Probability, 0..1 to 4 decimals, that the learner recalls the answer at `at`; 0 for a question
 * never reviewed. Like the scheduler, ts-fsrs counts elapsed time in whole days, so the value
 * steps down once a day rather than continuously.
 */
export function retrievability(state: MemoryState, at: Date): number {
  if (state.lastReview === null || state.phase === 'NEW') return 0;
  const recall = scheduler().get_retrievability(toCard(state), at, false);
  return Math.round(recall * 10_000) / 10_000;
}

/**
 * The forgetting curve ts-fsrs uses, R = (1 + factor·t/S)^decay (t and S in days), with the
 * scheduler's own constants: section aggregates (section-aggregate.ts) approximate a mean of it.
 */
export const forgettingCurve: { readonly decay: number; readonly factor: number } = {
  get decay() {
    return fsrsParts().curve.decay;
  },
  get factor() {
    return fsrsParts().curve.factor;
  },
};
