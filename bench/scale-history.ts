/**
 * Learners' histories for the scale bench, written straight into the table (BatchWriteItem)
 * instead of through the API: 2,000 attempts take a second this way. Each history is replayed
 * through the app's own planAttempt (FSRS memory, tallies, streak, "first for the question /
 * section / day" flags), and every record the attempt transaction would have written is derived
 * from those plans with the store's item mappers: attempts, idempotency records, question states,
 * the profile, section and day markers, and the tenant-wide sharded counters (summed over all
 * users before writing, as the transactions' ADDs would). So the table holds what the same
 * attempts recorded one by one would have left, and `stats:verify` agrees with it.
 */
import {
  attemptFingerprint,
  EMPTY_PROFILE,
  type AttemptInput,
  type ProfileRecord,
  type QuestionStateRecord,
} from '../src/domain/attempts';
import { planAttempt, type AttemptPlan } from '../src/domain/attempt-plan';
import { parseGlobalId } from '../src/domain/ids';
import { defaultScore, type Outcome } from '../src/domain/learning/outcomes';
import { bucketOf } from '../src/domain/learning/time-histogram';
import { seededRandom } from '../src/domain/sampling';
import { shardOf } from '../src/store/attempt-writer';
import { batchWrite, keyString, type Item, type Key } from '../src/store/batch';
import type { Dynamo } from '../src/store/client';
import {
  activityKey,
  idempotencyKey,
  attemptSortKey,
  questionCounterKey,
  sectionCounterKey,
  userBankDayKey,
  userSectionKey,
} from '../src/store/keys';
import { attemptToItem, profileToItem, stateToItem } from '../src/store/learning-items';

export interface BankQuestion {
  /** Global id, `<bank>/<localId>`. */
  id: string;
  sectionSlug: string;
  /** The published revision of its content (from the catalog). */
  revision: string | null;
}

export interface HistorySpec {
  tenantId: string;
  userId: string;
  bankId: string;
  /** The bank's active questions, in catalog order. */
  questions: readonly BankQuestion[];
  attempts: number;
  /** The last attempt is an hour before this; the first `days` days before it. */
  now: Date;
  days?: number;
}

export interface History {
  /** The distinct questions attempted, in the order first attempted. */
  attempted: BankQuestion[];
  /** Items of the user's own partition (attempts, idempotency, states, profile, markers). */
  userItems: Item[];
  plans: AttemptPlan[];
}

const OUTCOME_WEIGHTS: [Outcome, number][] = [
  ['CORRECT', 0.55],
  ['PARTIAL', 0.2],
  ['INCORRECT', 0.2],
  ['SKIPPED', 0.05],
];

function outcomeFor(x: number): Outcome {
  let acc = 0;
  for (const [outcome, weight] of OUTCOME_WEIGHTS) if (x < (acc += weight)) return outcome;
  return 'CORRECT';
}

/**
 * A learner working through the bank: the attempts go round-robin over min(attempts, bank size)
 * questions spread evenly over the bank (so over all its sections), oldest first. Every attempt
 * on a new question adds a state, so the user's states number min(attempts, bank size): the most
 * a history of that length can make the states Query read.
 */
export function planHistory(spec: HistorySpec): History {
  const random = seededRandom(`${spec.tenantId}/${spec.userId}/${spec.bankId}`);
  const distinct = Math.min(spec.attempts, spec.questions.length);
  const attempted = Array.from(
    { length: distinct },
    (_, k) => spec.questions[Math.floor((k * spec.questions.length) / distinct)],
  );
  const end = spec.now.getTime() - 3_600_000;
  const span = (spec.days ?? 60) * 86_400_000;
  const states = new Map<string, QuestionStateRecord>();
  const sections = new Set<string>();
  let profile: ProfileRecord = EMPTY_PROFILE;
  let lastDayInBank: string | null = null;
  const plans: AttemptPlan[] = [];
  const userItems: Item[] = [];
  for (let i = 0; i < spec.attempts; i++) {
    const question = attempted[i % distinct];
    const outcome = outcomeFor(random());
    const input: AttemptInput = {
      questionId: question.id,
      outcome,
      score: defaultScore(outcome),
      timeSpentMs: 5_000 + Math.floor(random() * 115_000),
      answer: null,
      quizId: null,
      clientAttemptId: `hist-${spec.userId}-${i}`,
    };
    const at = new Date(end - span + Math.floor((i * span) / spec.attempts));
    const { localId } = parseGlobalId(question.id)!;
    const plan = planAttempt(
      input,
      { bankId: spec.bankId, localId, sectionSlug: question.sectionSlug },
      {
        state: states.get(question.id) ?? null,
        profile,
        seenSection: sections.has(question.sectionSlug),
        lastDayInBank,
        quiz: null,
      },
      at,
    );
    plans.push(plan);
    states.set(question.id, plan.state);
    sections.add(question.sectionSlug);
    profile = plan.profile;
    lastDayInBank = plan.day;
    const { tenantId: t, userId: u } = spec;
    userItems.push(attemptToItem(t, u, plan.attempt), {
      ...idempotencyKey(t, u, input.clientAttemptId),
      type: 'Idempotency',
      attemptSortKey: attemptSortKey(plan.attempt.createdAt, plan.attempt.id),
      fingerprint: attemptFingerprint(input),
    });
  }
  const { tenantId: t, userId: u } = spec;
  for (const state of states.values()) userItems.push(stateToItem(t, u, state));
  if (plans.length > 0) {
    userItems.push(profileToItem(t, u, profile));
    const perSection = new Map<string, number>();
    for (const plan of plans)
      perSection.set(plan.attempt.sectionSlug, (perSection.get(plan.attempt.sectionSlug) ?? 0) + 1);
    for (const [slug, attempts] of perSection) userItems.push({ ...userSectionKey(t, u, spec.bankId, slug), attempts });
    userItems.push({ ...userBankDayKey(t, u, spec.bankId), lastDay: lastDayInBank });
  }
  return { attempted, userItems, plans };
}

/** Tenant-wide counters, summed over every user's plans as the attempt transactions' ADDs would. */
export class CounterSums {
  private readonly items = new Map<string, Item>();

  add(tenantId: string, userId: string, plans: readonly AttemptPlan[]): void {
    const shard = shardOf(userId);
    for (const plan of plans) {
      const { attempt } = plan;
      const { localId } = parseGlobalId(attempt.questionId)!;
      const question: Record<string, number> = {
        attempts: 1,
        [attempt.outcome.toLowerCase()]: 1,
        scoreSum: attempt.score,
        uniqueUsers: plan.firstForQuestion ? 1 : 0,
      };
      if (attempt.timeSpentMs !== null) {
        question[bucketOf(attempt.timeSpentMs)] = 1;
        question.timed = 1;
      }
      this.addTo(questionCounterKey(tenantId, attempt.bankId, shard, localId), question);
      this.addTo(sectionCounterKey(tenantId, attempt.bankId, shard, attempt.sectionSlug), {
        attempts: 1,
        correct: attempt.outcome === 'CORRECT' ? 1 : 0,
        scoreSum: attempt.score,
        uniqueUsers: plan.firstInSection ? 1 : 0,
      });
      this.addTo(activityKey(tenantId, attempt.bankId, shard, plan.day), {
        attempts: 1,
        activeUsers: plan.firstTodayInBank ? 1 : 0,
      });
    }
  }

  all(): Item[] {
    return [...this.items.values()];
  }

  private addTo(key: Key, values: Record<string, number>): void {
    const id = keyString(key);
    const item = this.items.get(id) ?? { PK: key.PK, SK: key.SK };
    for (const [name, value] of Object.entries(values)) item[name] = ((item[name] as number | undefined) ?? 0) + value;
    this.items.set(id, item);
  }
}

export async function putItems(dynamo: Dynamo, items: readonly Item[]): Promise<void> {
  await batchWrite(
    dynamo,
    items.map((Item) => ({ PutRequest: { Item } })),
    { concurrency: 8 },
  );
}
