/**
 * Chooses questions for a user from a pool, by strategy, using what the user's states say:
 * which questions were seen, how well, and which are due. Pure: the seed decides every draw.
 */
import type { QuestionStateRecord } from './attempts';
import { parseGlobalId } from './ids';
import { mastery, type Tally } from './learning/mastery';
import type { OrderedQuestion, QuestionPool } from './question-pool';
import { pickRandomSet, type Strategy } from './random-set';
import { sampleWithoutReplacement, seededRandom, type Random } from './sampling';

export type QuizStrategy = Strategy | 'WEAK_TOPICS' | 'DUE' | 'NEW_FIRST';

export interface Pick {
  picks: OrderedQuestion[];
  /** The strategy's preferred questions ran out and the weakest seen ones filled the set. */
  exhausted: boolean;
}

export interface PickRequest {
  count: number;
  seed: string;
  strategy: QuizStrategy;
  now: Date;
}

const tallyOf = (state: QuestionStateRecord) => ({
  attempts: state.attempts,
  scoreSum: state.scoreSum,
  correct: state.correct,
});

/** Seen questions, weakest first: lowest smoothed mastery, then the longest unseen. */
export function weakestFirst(
  seen: readonly OrderedQuestion[],
  states: ReadonlyMap<string, QuestionStateRecord>,
): OrderedQuestion[] {
  const key = (entry: OrderedQuestion) => states.get(entry.question.id)!;
  return seen
    .slice()
    .sort(
      (a, b) =>
        mastery(tallyOf(key(a))) - mastery(tallyOf(key(b))) || key(a).lastAttemptAt.localeCompare(key(b).lastAttemptAt),
    );
}

/** Unseen questions drawn at random, topped up with the weakest seen ones when they run out. */
export function unseenThenWeakest(
  pool: readonly OrderedQuestion[],
  states: ReadonlyMap<string, QuestionStateRecord>,
  count: number,
  random: Random,
): Pick {
  const unseen = pool.filter((entry) => !states.has(entry.question.id));
  const picks = sampleWithoutReplacement(unseen, count, random);
  if (picks.length >= count) return { picks, exhausted: false };
  const seen = pool.filter((entry) => states.has(entry.question.id));
  return { picks: [...picks, ...weakestFirst(seen, states).slice(0, count - picks.length)], exhausted: true };
}

/** Strategies that look at each question's state (the others need none, or only section tallies). */
export const needsStates = (strategy: QuizStrategy): boolean => strategy === 'NEW_FIRST' || strategy === 'DUE';

/**
 * `sectionTallies` (by section id, `<bank>/<slug>`), when given, weigh WEAK_TOPICS's sections
 * instead of the states of the pool's questions: the learner's aggregates of the whole section.
 */
export function pickForUser(
  pool: QuestionPool,
  states: ReadonlyMap<string, QuestionStateRecord>,
  request: PickRequest,
  sectionTallies?: ReadonlyMap<string, Tally>,
): Pick {
  const random = seededRandom(request.seed);
  switch (request.strategy) {
    case 'UNIFORM':
    case 'BALANCED':
      return {
        picks: pickRandomSet(pool, {
          count: request.count,
          seed: request.seed,
          strategy: request.strategy,
          excludeQuestionIds: [],
        }).picks,
        exhausted: false,
      };
    case 'NEW_FIRST':
      return unseenThenWeakest(pool.entries, states, request.count, random);
    case 'DUE':
      return dueFirst(pool.entries, states, request, random);
    case 'WEAK_TOPICS':
      return weakTopicsFirst(pool, states, request.count, random, sectionTallies);
  }
}

function dueFirst(
  pool: readonly OrderedQuestion[],
  states: ReadonlyMap<string, QuestionStateRecord>,
  request: PickRequest,
  random: Random,
): Pick {
  const now = request.now.toISOString();
  const due = pool
    .filter((entry) => (states.get(entry.question.id)?.memory.due ?? '~') <= now)
    .sort((a, b) => states.get(a.question.id)!.memory.due.localeCompare(states.get(b.question.id)!.memory.due));
  const picks = due.slice(0, request.count);
  if (picks.length >= request.count) return { picks, exhausted: false };
  const picked = new Set(picks);
  const rest = unseenThenWeakest(
    pool.filter((entry) => !picked.has(entry)),
    states,
    request.count - picks.length,
    random,
  );
  return { picks: [...picks, ...rest.picks], exhausted: rest.exhausted };
}

/**
 * Draws sections with probability proportional to 1 − mastery (an unseen section counts as
 * the prior, 0.5), then a random question of the drawn section: weak sections come up most,
 * strong ones still now and then.
 */
function weakTopicsFirst(
  pool: QuestionPool,
  states: ReadonlyMap<string, QuestionStateRecord>,
  count: number,
  random: Random,
  sectionTallies: ReadonlyMap<string, Tally> | undefined,
): Pick {
  const groups = pool.sections.map((entries) => {
    const tally = { attempts: 0, scoreSum: 0, correct: 0 };
    const first = entries[0]?.question;
    const own = first && sectionTallies?.get(`${parseGlobalId(first.id)!.bankId}/${first.sectionSlug}`);
    if (sectionTallies) Object.assign(tally, own ?? {});
    else
      for (const entry of entries) {
        const state = states.get(entry.question.id);
        if (state)
          Object.assign(tally, {
            attempts: tally.attempts + state.attempts,
            scoreSum: tally.scoreSum + state.scoreSum,
          });
      }
    return { left: sampleWithoutReplacement(entries, entries.length, random), weight: 1 - mastery(tally) };
  });
  const picks: OrderedQuestion[] = [];
  while (picks.length < count && groups.some((group) => group.left.length > 0)) {
    const open = groups.filter((group) => group.left.length > 0);
    let target = random() * open.reduce((sum, group) => sum + group.weight, 0);
    const chosen = open.find((group) => (target -= group.weight) < 0) ?? open[open.length - 1];
    picks.push(chosen.left.pop()!);
  }
  return { picks, exhausted: false };
}
