/**
 * Writes one attempt's effects (src/domain/attempt-effects.ts) as a single TransactWriteItems:
 * the attempt, its idempotency record, the user's state for the question, the profile, the
 * user's section and day markers, the quiz answer, and the tenant-wide counters. The profile's
 * version guards all of the user's records (every attempt of a user rewrites it), so two
 * concurrent attempts of one user cannot both commit from the same reading.
 *
 * Every record the attempt rewrites is conditioned on what was read, not just the profile: the
 * items of one BatchGetItem are each current but not a snapshot, so a read can mix records from
 * before and after another attempt of the same user. Any such mismatch cancels the transaction.
 */
import type { AttemptEffects } from '../../domain/attempt-effects';
import type { UserRef } from '../../domain/attempts';
import { parseGlobalId } from '../../domain/ids';
import { activityKey, questionCounterKey, sectionCounterKey } from '../counters/keys';
import { quizKey } from '../quizzes/keys';
import type { Dynamo } from '../client';
import { TransactionCancelled, transactWrite, type NamedItem } from '../transaction';
import { attemptSortKey, attemptToItem, idempotencyToItem, profileToItem, stateToItem, userBankDayKey, userSectionKey } from './keys';

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

/** The transaction items of an attempt, named, in the order they are sent. */
export function attemptTransaction(table: string, user: UserRef, effects: AttemptEffects): NamedItem[] {
  const { attempt, state, profile } = effects;
  const put = (name: string, Item: Record<string, unknown>, condition: Condition): NamedItem => ({ name, item: { Put: { TableName: table, Item, ...condition } } });
  const items: NamedItem[] = [
    put('idempotency', idempotencyToItem(user, attempt.clientAttemptId, attemptSortKey(attempt.createdAt, attempt.id), effects.fingerprint), isNew),
    put('attempt', attemptToItem(user, attempt), isNew),
    put('state', stateToItem(user, state.next), state.previousAttempts === null ? isNew : equals('attempts', state.previousAttempts)),
    put('profile', profileToItem(user, profile.next), profile.previousVersion === 0 ? isNew : equals('version', profile.previousVersion)),
    ...markerUpdates(table, user, effects),
    ...counterUpdates(table, user.tenantId, effects),
  ];
  if (effects.quizAnswer) {
    const { quizId, questionId, score } = effects.quizAnswer;
    items.push({
      name: 'quiz',
      item: {
        Update: {
          TableName: table,
          Key: quizKey(user, quizId),
          UpdateExpression: 'SET answered.#question = :score',
          ConditionExpression: 'attribute_not_exists(answered.#question)',
          ExpressionAttributeNames: { '#question': questionId },
          ExpressionAttributeValues: { ':score': score },
        },
      },
    });
  }
  return items;
}

type Condition = { ConditionExpression: string; ExpressionAttributeValues?: Record<string, unknown> };
const isNew: Condition = { ConditionExpression: 'attribute_not_exists(PK)' };
const equals = (attribute: string, previous: unknown): Condition => ({ ConditionExpression: `${attribute} = :previous`, ExpressionAttributeValues: { ':previous': previous } });

function markerUpdates(table: string, user: UserRef, { userSection, userBankDay }: AttemptEffects): NamedItem[] {
  const dayCondition = userBankDay.previousDay === null ? isNew : equals('lastDay', userBankDay.previousDay);
  return [
    {
      name: 'user section',
      item: {
        Update: {
          TableName: table,
          Key: userSectionKey(user, userSection.bankId, userSection.sectionSlug),
          UpdateExpression: 'ADD attempts :one',
          ConditionExpression: userSection.seenBefore ? 'attribute_exists(PK)' : 'attribute_not_exists(PK)',
          ExpressionAttributeValues: { ':one': 1 },
        },
      },
    },
    {
      name: 'user bank day',
      item: {
        Update: {
          TableName: table,
          Key: userBankDayKey(user, userBankDay.bankId),
          UpdateExpression: 'SET lastDay = :day',
          ConditionExpression: dayCondition.ConditionExpression,
          ExpressionAttributeValues: { ':day': userBankDay.day, ...dayCondition.ExpressionAttributeValues },
        },
      },
    },
  ];
}

/** ADD of every non-zero increment (a histogram bucket is a top-level attribute: ADD cannot create map entries). */
function addAll(table: string, name: string, Key: Record<string, unknown>, increments: Record<string, number>): NamedItem {
  const fields = Object.entries(increments);
  return {
    name,
    item: {
      Update: {
        TableName: table,
        Key,
        UpdateExpression: `ADD ${fields.map((_, i) => `#f${i} :v${i}`).join(', ')}`,
        ExpressionAttributeNames: Object.fromEntries(fields.map(([field], i) => [`#f${i}`, field])),
        ExpressionAttributeValues: Object.fromEntries(fields.map(([, value], i) => [`:v${i}`, value])),
      },
    },
  };
}

function counterUpdates(table: string, tenantId: string, { attempt, counters }: AttemptEffects): NamedItem[] {
  const { shard } = counters;
  const localId = parseGlobalId(attempt.questionId)!.localId;
  const { histogram, ...question } = counters.question;
  // Zero outcome fields are left out; attempts, scoreSum and uniqueUsers are always added (0 included), as before.
  const questionFields = Object.fromEntries(Object.entries(question).filter(([field, value]) => value !== 0 || ['attempts', 'scoreSum', 'uniqueUsers'].includes(field)));
  return [
    addAll(table, 'question counter', questionCounterKey(tenantId, attempt.bankId, shard, localId), { ...questionFields, ...histogram }),
    addAll(table, 'section counter', sectionCounterKey(tenantId, attempt.bankId, shard, attempt.sectionSlug), { ...counters.section }),
    addAll(table, 'activity', activityKey(tenantId, attempt.bankId, shard, counters.day), { ...counters.activity }),
  ];
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
    throw new Error(`attempt transaction cancelled: ${error.items.map(({ name, code }) => `${name} ${code}`).join(', ')}`);
  }
}
