/**
 * The minimal SDK work of one recorded attempt, without the app: one strongly consistent
 * BatchGetItem of every record the attempt touches (the bank item and the learner's records the
 * attempt path reads), then one TransactWriteItems of the items the attempt path writes. Both are
 * built by the app's own description of an attempt (src/domain/attempt-effects.ts planned on the
 * records read, src/store/learner/attempt-transaction.ts for the items), so this baseline writes
 * exactly what recordAttempt writes, minus the GraphQL, catalog and retry work around it. Used as
 * the raw reference by bench/scale.ts and bench/load.ts.
 */
import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { planAttempt } from '../src/domain/attempt-effects';
import { parseGlobalId } from '../src/domain/ids';
import type { Item } from '../src/store/batch';
import type { Dynamo } from '../src/store/client';
import type { AttemptInput } from '../src/domain/attempts';
import { gradeChoice } from '../src/domain/grading';
import { bankKey, questionFromItem, questionKey } from '../src/store/content/keys';
import { attemptTransaction } from '../src/store/learner/attempt-transaction';
import { LearnerStore } from '../src/store/learner/learner-store';
import { RequestReads } from '../src/store/request-reads';
import { transactWrite } from '../src/store/transaction';

export interface RawAttempt {
  tenantId: string;
  userId: string;
  bankId: string;
  question: { id: string; sectionSlug: string; revision?: string };
  /** For a choice question: the options picked (the question's content is read and graded, as recordAttempt does). */
  selectedOptionIds?: string[];
}

const keyOf = (item: { PK: unknown; SK: unknown }): string => `${item.PK}|${item.SK}`;

/** Throws TransactionCancelled (with the cancelled items named) when it loses a race. */
export async function rawAttempt(
  raw: Dynamo,
  { tenantId, userId, bankId, question, selectedOptionIds }: RawAttempt,
): Promise<void> {
  const user = { tenantId, userId };
  const { localId } = parseGlobalId(question.id)!;
  const input = {
    questionId: question.id,
    outcome: 'CORRECT' as const,
    score: 1,
    timeSpentMs: 30_000,
    answer: null,
    quizId: null,
    clientAttemptId: `raw-${randomUUID()}`,
    selectedOptionIds: selectedOptionIds ?? null,
    grading: null,
  };
  const target = {
    bankId,
    localId,
    sectionSlug: question.sectionSlug,
    questionId: question.id,
    clientAttemptId: input.clientAttemptId,
    quizId: null,
  };
  const context = new LearnerStore(raw, new RequestReads(raw)).attemptContext(user, target);
  const content = selectedOptionIds ? [questionKey(bankId, localId, question.revision!)] : [];
  const keys = [bankKey(bankId), ...context.keys, ...content];
  const got = await raw.doc.send(
    new BatchGetCommand({ RequestItems: { [raw.tableName]: { Keys: keys, ConsistentRead: true } } }),
  );
  const found = new Map(((got.Responses?.[raw.tableName] ?? []) as Item[]).map((item) => [keyOf(item), item]));
  const read = context.decode(context.keys.map((key) => found.get(keyOf(key)) ?? null));
  if (read.kind !== 'new') throw new Error('a raw attempt id was used twice');
  let graded: AttemptInput = input;
  if (selectedOptionIds) {
    const record = questionFromItem(found.get(keyOf(content[0]))!);
    const grading = gradeChoice({ id: question.id, kind: record.kind, options: record.options }, selectedOptionIds);
    graded = {
      ...input,
      outcome: grading.outcome,
      score: grading.score,
      grading: {
        correct: grading.correct,
        score: grading.score,
        correctOptionIds: grading.correctOptionIds,
        explanation: record.explanation,
      },
    };
  }
  const effects = planAttempt(userId, graded, target, read.current, new Date());
  await transactWrite(raw, attemptTransaction(raw.tableName, user, effects));
}
