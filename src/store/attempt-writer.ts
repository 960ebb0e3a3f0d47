/**
 * Writes one attempt as a single TransactWriteItems: the attempt, its idempotency record, the
 * user's state for the question, the profile, the user's section and day markers, the quiz
 * answer, and the tenant-wide counters. The profile's version guards all of the user's records
 * (every attempt of a user rewrites it), so two concurrent attempts of one user cannot both
 * commit from the same reading: the loser is told to read again and retry.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { UserRef } from '../domain/attempts';
import type { AttemptPlan, CurrentRecords } from '../domain/attempt-plan';
import { bucketOf } from '../domain/learning/time-histogram';
import { parseGlobalId } from '../domain/ids';
import type { Dynamo } from './client';
import { activityKey, attemptSortKey, COUNTER_SHARDS, idempotencyKey, questionCounterKey, quizKey, sectionCounterKey, userBankDayKey, userSectionKey } from './keys';
import { attemptToItem, profileToItem, stateToItem } from './learning-items';
import { createHash } from 'node:crypto';

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

/** The transaction's items in the order writeAttempt builds them, to name the reasons of a conflict. */
const ITEMS = ['idempotency', 'attempt', 'state', 'profile', 'user section', 'user bank day', 'question counter', 'section counter', 'activity', 'quiz'];

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** A user's contributions always land in the same shard, so unique-user counts add up across shards. */
export const shardOf = (userId: string): number => createHash('sha256').update(userId).digest().readUInt32LE(0) % COUNTER_SHARDS;

/**
 * Every record the attempt rewrites is conditioned on what was read, not just the profile: the
 * items of one BatchGetItem are each current but not a snapshot, so a read can mix records from
 * before and after another attempt of the same user. Any such mismatch cancels the transaction.
 */
export async function writeAttempt(dynamo: Dynamo, user: UserRef, plan: AttemptPlan, fingerprint: string, read: CurrentRecords): Promise<void> {
  const previousVersion = read.profile.version;
  const table = dynamo.tableName;
  const { tenantId: t, userId: u } = user;
  const { attempt } = plan;
  const localId = parseGlobalId(attempt.questionId)!.localId;
  const shard = shardOf(u);
  const items: TransactItem[] = [
    {
      Put: {
        TableName: table,
        Item: { ...idempotencyKey(t, u, attempt.clientAttemptId), type: 'Idempotency', attemptSortKey: attemptSortKey(attempt.createdAt, attempt.id), fingerprint },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
    { Put: { TableName: table, Item: attemptToItem(t, u, attempt), ConditionExpression: 'attribute_not_exists(PK)' } },
    {
      Put: {
        TableName: table,
        Item: stateToItem(t, u, plan.state),
        ...(read.state
          ? { ConditionExpression: 'attempts = :previous', ExpressionAttributeValues: { ':previous': read.state.attempts } }
          : { ConditionExpression: 'attribute_not_exists(PK)' }),
      },
    },
    {
      Put: {
        TableName: table,
        Item: profileToItem(t, u, plan.profile),
        ...(previousVersion === 0
          ? { ConditionExpression: 'attribute_not_exists(PK)' }
          : { ConditionExpression: 'version = :previous', ExpressionAttributeValues: { ':previous': previousVersion } }),
      },
    },
    {
      Update: {
        TableName: table,
        Key: userSectionKey(t, u, attempt.bankId, attempt.sectionSlug),
        UpdateExpression: 'ADD attempts :one',
        ConditionExpression: read.seenSection ? 'attribute_exists(PK)' : 'attribute_not_exists(PK)',
        ExpressionAttributeValues: { ':one': 1 },
      },
    },
    {
      Update: {
        TableName: table,
        Key: userBankDayKey(t, u, attempt.bankId),
        UpdateExpression: 'SET lastDay = :day',
        ...(read.lastDayInBank
          ? { ConditionExpression: 'lastDay = :previous', ExpressionAttributeValues: { ':day': plan.day, ':previous': read.lastDayInBank } }
          : { ConditionExpression: 'attribute_not_exists(PK)', ExpressionAttributeValues: { ':day': plan.day } }),
      },
    },
    questionCounterUpdate(table, t, shard, localId, plan),
    {
      Update: {
        TableName: table,
        Key: sectionCounterKey(t, attempt.bankId, shard, attempt.sectionSlug),
        UpdateExpression: 'ADD attempts :one, correct :correct, scoreSum :score, uniqueUsers :new',
        ExpressionAttributeValues: { ':one': 1, ':correct': attempt.outcome === 'CORRECT' ? 1 : 0, ':score': attempt.score, ':new': plan.firstInSection ? 1 : 0 },
      },
    },
    {
      Update: {
        TableName: table,
        Key: activityKey(t, attempt.bankId, shard, plan.day),
        UpdateExpression: 'ADD attempts :one, activeUsers :new',
        ExpressionAttributeValues: { ':one': 1, ':new': plan.firstTodayInBank ? 1 : 0 },
      },
    },
  ];
  if (plan.quizScore !== null && attempt.quizId) {
    items.push({
      Update: {
        TableName: table,
        Key: quizKey(t, u, attempt.quizId),
        UpdateExpression: 'SET answered.#question = :score',
        ConditionExpression: 'attribute_not_exists(answered.#question)',
        ExpressionAttributeNames: { '#question': attempt.questionId },
        ExpressionAttributeValues: { ':score': plan.quizScore },
      },
    });
  }
  await send(dynamo, items);
}

function questionCounterUpdate(table: string, t: string, shard: number, localId: string, plan: AttemptPlan): TransactItem {
  const { attempt } = plan;
  const adds = ['attempts :one', '#outcome :one', 'scoreSum :score', 'uniqueUsers :new'];
  const names: Record<string, string> = { '#outcome': attempt.outcome.toLowerCase() };
  const values: Record<string, unknown> = { ':one': 1, ':score': attempt.score, ':new': plan.firstForQuestion ? 1 : 0 };
  if (attempt.timeSpentMs !== null) {
    // Histogram buckets are top-level attributes: ADD cannot create entries inside a map.
    adds.push('#bucket :one', 'timed :one');
    names['#bucket'] = bucketOf(attempt.timeSpentMs);
  }
  return {
    Update: {
      TableName: table,
      Key: questionCounterKey(t, attempt.bankId, shard, localId),
      UpdateExpression: `ADD ${adds.join(', ')}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}

async function send(dynamo: Dynamo, items: TransactItem[]): Promise<void> {
  try {
    await dynamo.doc.send(new TransactWriteCommand({ TransactItems: items }));
  } catch (error) {
    if (!(error instanceof TransactionCanceledException)) throw error;
    const reasons = error.CancellationReasons ?? [];
    if (reasons[0]?.Code === 'ConditionalCheckFailed') throw new DuplicateAttempt();
    if (reasons.some((reason) => reason.Code === 'ConditionalCheckFailed' || reason.Code === 'TransactionConflict')) {
      const failed = reasons.flatMap((reason, i) => (reason.Code && reason.Code !== 'None' ? [`${ITEMS[i]} ${reason.Code}`] : []));
      throw new AttemptConflict(failed.join(', '));
    }
    throw new Error(`attempt transaction cancelled: ${reasons.map((reason) => reason.Code ?? 'None').join(', ')}`);
  }
}
