/**
 * Writes one attempt's effects (src/domain/attempt-effects.ts) as a single TransactWriteItems:
 * the attempt, its idempotency record, the user's state for the question, the profile, the
 * user's section, seen and day markers, the quiz answer, and the tenant-wide counters.
 *
 * Every decision the attempt took from what it read is conditioned on that read: the state (its
 * attempt count), the section and day markers (which make unique-user counts exact), the quiz
 * answer, the profile's last day (the streak). The profile's counters and version only add, so
 * attempts of one user on different questions commit side by side instead of queueing behind one
 * profile version (30 at once used to lose rounds until 8 s ran out). The items of one
 * BatchGetItem are each current but not a snapshot; any mismatch cancels the transaction.
 */
import type { NumberValue } from '@aws-sdk/lib-dynamodb';
import type { AttemptEffects } from '../../domain/attempt-effects';
import type { UserRef } from '../../domain/attempts';
import { parseGlobalId } from '../../domain/ids';
import { activityKey, pickAttributes, questionCounterKey, sectionCounterKey } from '../counters/keys';
import { quizAnswerValue, quizAttemptToItem, quizKey } from '../quizzes/keys';
import type { Item, Key } from '../batch';
import type { Dynamo } from '../client';
import { TransactionCancelled, transactWrite, type NamedItem } from '../transaction';
import { attemptSortKey, attemptToItem, idempotencyToItem, profileKey, stateToItem, userBankDayKey } from './keys';
import { userSectionWrites } from './section-writes';
import { addUpdate, setUpdate } from './update-expressions';

/** The idempotency record exists: this client attempt id was recorded before. */
export class DuplicateAttempt extends Error {
  constructor() {
    super('this clientAttemptId was recorded before');
    this.name = 'DuplicateAttempt';
  }
}

/** Another attempt of the same user committed since we read: read again and retry. */
export class AttemptConflict extends Error {
  constructor(
    /** The records whose condition failed, e.g. `profile ConditionalCheckFailed`. */
    readonly reasons: string,
    rounds = 1,
  ) {
    super(
      rounds === 1
        ? `attempt conflict: another attempt of the same user committed since this one read its records (${reasons})`
        : `attempt conflict: lost ${rounds} rounds in a row to other attempts of the same user (last: ${reasons})`,
    );
    this.name = 'AttemptConflict';
  }
}

export type Condition = { ConditionExpression: string; ExpressionAttributeValues?: Record<string, unknown> };
const isNew: Condition = { ConditionExpression: 'attribute_not_exists(PK)' };
/** The quiz is there (TTL may have deleted it since it was read) and neither finished nor abandoned. */
const QUIZ_OPEN = 'attribute_exists(PK) AND (attribute_not_exists(#status) OR #status = :open)';
const quizOpen = {
  ConditionExpression: QUIZ_OPEN,
  ExpressionAttributeNames: { '#status': 'status' },
  ExpressionAttributeValues: { ':open': 'IN_PROGRESS' },
};
const equals = (attribute: string, previous: unknown): Condition => ({
  ConditionExpression: `${attribute} = :previous`,
  ExpressionAttributeValues: { ':previous': previous },
});

/**
 * One item an attempt writes, as data: a whole item put, numbers added (with attributes set or
 * removed beside them), attributes set, or a quiz's answer entry. The transaction (below) and the
 * benchmark's history writer both build from these, so they cannot differ in what an attempt
 * leaves in the table.
 */
export type AttemptWrite =
  | { name: string; kind: 'put'; item: Item; condition: Condition }
  | {
      name: string;
      kind: 'add';
      key: Key;
      add: Record<string, number | NumberValue>;
      /** Attributes set beside the additions. */
      set?: Record<string, unknown>;
      /** A string added to (ADD) or removed from (DELETE) a String Set attribute. */
      addToSet?: Record<string, string>;
      removeFromSet?: Record<string, string>;
      /** Attributes removed (REMOVE; one that is not there is no error). */
      remove?: string[];
      condition?: Condition;
    }
  | { name: string; kind: 'set'; key: Key; set: Record<string, unknown>; condition: Condition }
  | { name: string; kind: 'answer'; key: Key; questionId: string; score: number; attemptSortKey: string }
  | {
      name: string;
      kind: 'check';
      key: Key;
      condition: Required<Condition> & { ExpressionAttributeNames: Record<string, string> };
    };

/** Everything one attempt writes, named, in the order the transaction sends it. */
export function attemptWrites(user: UserRef, effects: AttemptEffects): AttemptWrite[] {
  const { attempt, state, userBankDay } = effects;
  const sortKey = attemptSortKey(attempt.createdAt, attempt.id);
  const writes: AttemptWrite[] = [
    {
      name: 'idempotency',
      kind: 'put',
      item: idempotencyToItem(user, attempt.clientAttemptId, sortKey, effects.fingerprint),
      condition: isNew,
    },
    { name: 'attempt', kind: 'put', item: attemptToItem(user, attempt), condition: isNew },
    {
      name: 'state',
      kind: 'put',
      item: stateToItem(user, state.next),
      condition: state.previousAttempts === null ? isNew : equals('attempts', state.previousAttempts),
    },
    profileWrite(user, effects),
    ...userSectionWrites(user, effects),
    {
      name: 'user bank day',
      kind: 'set',
      key: userBankDayKey(user, userBankDay.bankId),
      set: { lastDay: userBankDay.day },
      condition: userBankDay.previousDay === null ? isNew : equals('lastDay', userBankDay.previousDay),
    },
    ...counterWrites(user.tenantId, effects),
  ];
  if (attempt.quizId) writes.push(...quizWrites(user, effects, attempt.quizId));
  return writes;
}

/**
 * An attempt in a quiz: the quiz's first answer to the question (or, for a later one, a check)
 * — either way conditioned on the quiz being there and still in progress, so a finishQuiz or
 * abandonQuiz that commits after the attempt's read cancels the attempt — and the attempt's copy
 * under the quiz (attempts of one quiz, in one Query).
 */
function quizWrites(user: UserRef, effects: AttemptEffects, quizId: string): AttemptWrite[] {
  const { attempt, quizAnswer } = effects;
  const key = quizKey(user, quizId);
  const copy: AttemptWrite = {
    name: 'quiz attempt',
    kind: 'put',
    item: quizAttemptToItem(user, { ...attempt, quizId }),
    condition: isNew,
  };
  if (!quizAnswer) return [{ name: 'quiz', kind: 'check', key, condition: quizOpen }, copy];
  const answer: AttemptWrite = {
    name: 'quiz',
    kind: 'answer',
    key,
    questionId: quizAnswer.questionId,
    score: quizAnswer.score,
    attemptSortKey: attemptSortKey(attempt.createdAt, attempt.id),
  };
  return [answer, copy];
}

/**
 * The profile: counters and version added (the version still moves on with every attempt, so
 * stats:rebuild's guard sees any attempt), the streak set — conditioned on the last day read —
 * only by the first attempt of a new day.
 */
function profileWrite(user: UserRef, { attempt, profile }: AttemptEffects): AttemptWrite {
  const { next, previousLastDay } = profile;
  const newDay = next.lastDay !== previousLastDay;
  return {
    name: 'profile',
    kind: 'add',
    key: profileKey(user),
    add: { attemptCount: 1, correctCount: attempt.outcome === 'CORRECT' ? 1 : 0, scoreSum: attempt.score, version: 1 },
    set: {
      type: 'Profile',
      lastAttemptAt: next.lastAttemptAt,
      ...(newDay ? { lastDay: next.lastDay, streak: next.streak } : {}),
    },
    condition: !newDay
      ? undefined
      : previousLastDay === null
        ? { ConditionExpression: 'attribute_not_exists(lastDay)' }
        : equals('lastDay', previousLastDay),
  };
}

/** Counter increments: zero outcome and timing fields are left out, the rest added (0 included). */
function counterWrites(tenantId: string, { attempt, counters }: AttemptEffects): AttemptWrite[] {
  const { shard } = counters;
  const localId = parseGlobalId(attempt.questionId)!.localId;
  const { histogram, picks, strongPicks, ...question } = counters.question;
  const always = new Set(['attempts', 'scoreSum', 'uniqueUsers']);
  const questionAdds = Object.fromEntries(
    Object.entries(question).filter(([field, value]) => value !== 0 || always.has(field)),
  );
  return [
    {
      name: 'question counter',
      kind: 'add',
      key: questionCounterKey(tenantId, attempt.bankId, shard, localId),
      // Histogram buckets are top-level attributes: ADD cannot create entries inside a map.
      add: { ...questionAdds, ...histogram, ...pickAttributes({ picks, strongPicks }) },
    },
    {
      name: 'section counter',
      kind: 'add',
      key: sectionCounterKey(tenantId, attempt.bankId, shard, attempt.sectionSlug),
      add: { ...counters.section },
    },
    {
      name: 'activity',
      kind: 'add',
      key: activityKey(tenantId, attempt.bankId, shard, counters.day),
      add: { ...counters.activity },
    },
  ];
}

/** An attempt's writes as the items of one TransactWriteItems. */
export function attemptTransaction(table: string, user: UserRef, effects: AttemptEffects): NamedItem[] {
  return attemptWrites(user, effects).map((write) => ({ name: write.name, item: transactItem(table, write) }));
}

function transactItem(table: string, write: AttemptWrite): NamedItem['item'] {
  switch (write.kind) {
    case 'put':
      return { Put: { TableName: table, Item: write.item, ...write.condition } };
    case 'add':
      return { Update: addUpdate(table, write) };
    case 'set':
      return { Update: setUpdate(table, write) };
    case 'answer':
      // Only the first answer to a question of the quiz counts for the quiz's score, and the quiz
      // must still be open (the next read refuses a quiz deleted or closed since this one).
      return {
        Update: {
          TableName: table,
          Key: write.key,
          UpdateExpression: 'SET answered.#question = :answer',
          ConditionExpression: `${QUIZ_OPEN} AND attribute_not_exists(answered.#question)`,
          ExpressionAttributeNames: { '#question': write.questionId, ...quizOpen.ExpressionAttributeNames },
          ExpressionAttributeValues: {
            ':answer': quizAnswerValue(write.score, write.attemptSortKey),
            ...quizOpen.ExpressionAttributeValues,
          },
        },
      };
    case 'check':
      return { ConditionCheck: { TableName: table, Key: write.key, ...write.condition } };
  }
}

/**
 * Sends the attempt's transaction. A failed idempotency condition means a retry of the same
 * attempt got in first (DuplicateAttempt); any other lost condition or conflict, that another
 * attempt of the user did (AttemptConflict).
 */
export async function writeAttempt(dynamo: Dynamo, user: UserRef, effects: AttemptEffects): Promise<void> {
  try {
    await transactWrite(dynamo, attemptTransaction(dynamo.tableName, user, effects));
  } catch (error) {
    if (!(error instanceof TransactionCancelled)) throw error;
    if (error.failed('idempotency')) throw new DuplicateAttempt();
    if (error.contended) throw new AttemptConflict(error.items.map(({ name, code }) => `${name} ${code}`).join(', '));
    throw new Error(
      `attempt transaction cancelled: ${error.items.map(({ name, code }) => `${name} ${code}`).join(', ')}`,
    );
  }
}
