/**
 * The minimal SDK work of one recorded attempt, without the app: one strongly consistent
 * BatchGetItem of every record the attempt touches (the bank item, the idempotency record, the
 * question state, the profile, the section and day markers), then one TransactWriteItems of the
 * same records conditioned on what was read, plus the three tenant-wide counters — the same
 * items, conditions and expressions src/store/attempt-writer.ts sends, minus the FSRS and
 * GraphQL work. Used as the raw reference by bench/scale.ts and bench/load.ts.
 */
import { BatchGetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { EMPTY_PROFILE, type AttemptRecord, type QuestionStateRecord } from '../src/domain/attempts';
import { parseGlobalId } from '../src/domain/ids';
import { reviewMemory } from '../src/domain/learning/memory';
import { bucketOf } from '../src/domain/learning/time-histogram';
import { shardOf } from '../src/store/attempt-writer';
import type { Item } from '../src/store/batch';
import type { Dynamo } from '../src/store/client';
import { activityKey, attemptSortKey, bankKey, idempotencyKey, profileKey, questionCounterKey, sectionCounterKey, stateKey, userBankDayKey, userSectionKey } from '../src/store/keys';
import { attemptToItem, profileFromItem, profileToItem, stateFromItem, stateToItem } from '../src/store/learning-items';

/** What each item of the attempt transaction is, by position (for CancellationReasons). */
export const ATTEMPT_TRANSACTION_ITEMS = ['idempotency', 'attempt', 'state', 'profile', 'section marker', 'day marker', 'question counter', 'section counter', 'activity counter'] as const;

export interface RawAttempt {
  tenantId: string;
  userId: string;
  bankId: string;
  question: { id: string; sectionSlug: string };
}

/** A fixed memory for first attempts: the raw path does no FSRS work, it only writes a state of the same shape. */
const FIRST_MEMORY = reviewMemory(null, 'CORRECT', new Date(0));

export async function rawAttempt(raw: Dynamo, { tenantId: t, userId: u, bankId, question }: RawAttempt): Promise<void> {
  const { localId } = parseGlobalId(question.id)!;
  const clientAttemptId = `raw-${randomUUID()}`;
  const keys = [bankKey(bankId), idempotencyKey(t, u, clientAttemptId), stateKey(t, u, bankId, localId), profileKey(t, u), userSectionKey(t, u, bankId, question.sectionSlug), userBankDayKey(t, u, bankId)];
  const got = await raw.doc.send(new BatchGetCommand({ RequestItems: { [raw.tableName]: { Keys: keys, ConsistentRead: true } } }));
  const found = new Map(((got.Responses?.[raw.tableName] ?? []) as Item[]).map((item) => [`${item.PK}|${item.SK}`, item]));
  const [, , stateItem, profileItem, sectionItem, dayItem] = keys.map((key) => found.get(`${key.PK}|${key.SK}`) ?? null);
  const createdAt = new Date().toISOString();
  const day = createdAt.slice(0, 10);
  const before: QuestionStateRecord | null = stateItem ? stateFromItem(stateItem) : null;
  const profile = profileItem ? profileFromItem(profileItem) : EMPTY_PROFILE;
  const state: QuestionStateRecord = {
    questionId: question.id,
    bankId,
    sectionSlug: question.sectionSlug,
    memory: before?.memory ?? FIRST_MEMORY,
    attempts: (before?.attempts ?? 0) + 1,
    correct: (before?.correct ?? 0) + 1,
    scoreSum: (before?.scoreSum ?? 0) + 1,
    lastOutcome: 'CORRECT',
    lastAttemptAt: createdAt,
  };
  const attempt: AttemptRecord = { questionId: question.id, outcome: 'CORRECT', score: 1, timeSpentMs: 30_000, answer: null, quizId: null, clientAttemptId, id: randomUUID(), bankId, sectionSlug: question.sectionSlug, createdAt };
  const shard = shardOf(u);
  const table = raw.tableName;
  await raw.doc.send(
    new TransactWriteCommand({
      TransactItems: [
        { Put: { TableName: table, Item: { ...keys[1], type: 'Idempotency', attemptSortKey: attemptSortKey(createdAt, attempt.id), fingerprint: clientAttemptId }, ConditionExpression: 'attribute_not_exists(PK)' } },
        { Put: { TableName: table, Item: attemptToItem(t, u, attempt), ConditionExpression: 'attribute_not_exists(PK)' } },
        {
          Put: {
            TableName: table,
            Item: stateToItem(t, u, state),
            ...(before ? { ConditionExpression: 'attempts = :previous', ExpressionAttributeValues: { ':previous': before.attempts } } : { ConditionExpression: 'attribute_not_exists(PK)' }),
          },
        },
        {
          Put: {
            TableName: table,
            Item: profileToItem(t, u, { ...profile, attemptCount: profile.attemptCount + 1, lastAttemptAt: createdAt, lastDay: day, version: profile.version + 1 }),
            ...(profile.version === 0 ? { ConditionExpression: 'attribute_not_exists(PK)' } : { ConditionExpression: 'version = :previous', ExpressionAttributeValues: { ':previous': profile.version } }),
          },
        },
        {
          Update: {
            TableName: table,
            Key: keys[4],
            UpdateExpression: 'ADD attempts :one',
            ConditionExpression: sectionItem ? 'attribute_exists(PK)' : 'attribute_not_exists(PK)',
            ExpressionAttributeValues: { ':one': 1 },
          },
        },
        {
          Update: {
            TableName: table,
            Key: keys[5],
            UpdateExpression: 'SET lastDay = :day',
            ...(dayItem
              ? { ConditionExpression: 'lastDay = :previous', ExpressionAttributeValues: { ':day': day, ':previous': dayItem.lastDay } }
              : { ConditionExpression: 'attribute_not_exists(PK)', ExpressionAttributeValues: { ':day': day } }),
          },
        },
        {
          Update: {
            TableName: table,
            Key: questionCounterKey(t, bankId, shard, localId),
            UpdateExpression: 'ADD attempts :one, #outcome :one, scoreSum :score, uniqueUsers :new, #bucket :one, timed :one',
            ExpressionAttributeNames: { '#outcome': 'correct', '#bucket': bucketOf(30_000) },
            ExpressionAttributeValues: { ':one': 1, ':score': 1, ':new': before ? 0 : 1 },
          },
        },
        {
          Update: {
            TableName: table,
            Key: sectionCounterKey(t, bankId, shard, question.sectionSlug),
            UpdateExpression: 'ADD attempts :one, correct :correct, scoreSum :score, uniqueUsers :new',
            ExpressionAttributeValues: { ':one': 1, ':correct': 1, ':score': 1, ':new': sectionItem ? 0 : 1 },
          },
        },
        {
          Update: {
            TableName: table,
            Key: activityKey(t, bankId, shard, day),
            UpdateExpression: 'ADD attempts :one, activeUsers :new',
            ExpressionAttributeValues: { ':one': 1, ':new': dayItem?.lastDay === day ? 0 : 1 },
          },
        },
      ],
    }),
  );
}
