/**
 * Learners' histories for the scale bench, written straight into the table (BatchWriteItem)
 * instead of through the API: 2,000 attempts take a second this way. Each history is replayed
 * through the app's own planAttempt (FSRS memory, tallies, streak, "first for the question /
 * section / day" flags), and what each attempt writes comes from the attempt transaction's own
 * description (attemptWrites): whole items put (the last put of a key wins, as in the table),
 * numbers added (summed over all attempts and users, as the transactions' ADDs would), attributes
 * set or removed. So the table holds what the same attempts recorded one by one would have left,
 * and `stats:verify` agrees with it.
 */
import { planAttempt, type AttemptEffects, type SectionRead } from '../src/domain/attempt-effects';
import { EMPTY_PROFILE, type AttemptInput, type ProfileRecord, type QuestionStateRecord } from '../src/domain/attempts';
import { parseGlobalId } from '../src/domain/ids';
import { defaultScore, type Outcome } from '../src/domain/learning/outcomes';
import { seededRandom } from '../src/domain/sampling';
import { batchWrite, keyString, type Item, type Key } from '../src/store/batch';
import type { Dynamo } from '../src/store/client';
import { attemptWrites } from '../src/store/learner/attempt-transaction';
import { exactSum } from '../src/store/learner/exact-decimal';
import type { NumberValue } from '@aws-sdk/lib-dynamodb';

export interface BankQuestion {
  /** Global id, `<bank>/<localId>`. */
  id: string;
  sectionSlug: string;
  /** The published revision of its content (from the catalog). */
  revision: string;
  /** Set for a choice question: its option ids, in source order (the bench's generated banks mark every tenth). */
  optionIds?: string[];
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
  /** What every attempt of the history changes, in order. */
  effects: AttemptEffects[];
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
  const sections = new Map<string, SectionRead>();
  let profile: ProfileRecord = EMPTY_PROFILE;
  let lastDayInBank: string | null = null;
  const effects: AttemptEffects[] = [];
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
    const current = {
      state: states.get(question.id) ?? null,
      profile,
      seenSection: sections.has(question.sectionSlug),
      // what the attempt's read would see of the section item: its packed copy is then current
      sectionRead: sections.get(question.sectionSlug) ?? null,
      lastDayInBank,
      quiz: null,
    };
    const planned = planAttempt(
      spec.userId,
      input,
      { bankId: spec.bankId, localId, sectionSlug: question.sectionSlug },
      current,
      at,
    );
    effects.push(planned);
    states.set(question.id, planned.state.next);
    const { packed } = planned.userSection;
    if (packed) sections.set(question.sectionSlug, { attempts: packed.attempts, rev: packed.rev, sums: packed.sums });
    profile = planned.profile.next;
    lastDayInBank = planned.userBankDay.day;
  }
  return { attempted, effects };
}

/**
 * The items attempts leave in the table: puts replace, adds sum, sets merge, removes delete — as
 * the transactions would.
 */
export class TableImage {
  private readonly items = new Map<string, Item>();

  add(tenantId: string, userId: string, effects: readonly AttemptEffects[]): void {
    for (const planned of effects) {
      for (const write of attemptWrites({ tenantId, userId }, planned)) {
        if (write.kind === 'put') this.items.set(keyString(write.item), write.item);
        else if (write.kind === 'add') {
          // summed exactly in decimal, as DynamoDB's ADD does
          this.merge(write.key, write.add, (old, value) => exactSum(old as number | NumberValue | undefined, value));
          if (write.set) this.merge(write.key, write.set, (_old, value) => value);
          if (write.addToSet)
            this.merge(write.key, write.addToSet, (old, value) => new Set([...((old as Set<string>) ?? []), value]));
          if (write.removeFromSet)
            this.merge(write.key, write.removeFromSet, (old, value) => {
              const left = new Set((old as Set<string>) ?? []);
              left.delete(value);
              return left.size > 0 ? left : undefined;
            });
          if (write.remove)
            this.merge(write.key, Object.fromEntries(write.remove.map((name) => [name, undefined])), () => undefined);
        } else if (write.kind === 'set') this.merge(write.key, write.set, (_old, value) => value);
        else throw new Error('the bench histories have no quizzes');
      }
    }
  }

  all(): Item[] {
    return [...this.items.values()];
  }

  private merge<V>(key: Key, values: Record<string, V>, combine: (old: unknown, value: V) => unknown): void {
    const id = keyString(key);
    const item = this.items.get(id) ?? { PK: key.PK, SK: key.SK };
    for (const [name, value] of Object.entries(values)) {
      const combined = combine(item[name], value);
      if (combined === undefined) delete item[name];
      else item[name] = combined;
    }
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
