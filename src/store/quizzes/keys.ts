/**
 * Quizzes: in the user's partition (src/store/learner/keys.ts), one item each.
 *
 *   quiz  PK T#<t>#U#<u>  SK QUIZ#<quizId>   expiresAt: epoch seconds (the table's TTL attribute)
 *
 * DynamoDB's TTL deletes an expired quiz within days, not at once: readers treat it as gone from
 * `expiresAt` on (isQuizExpired). Quizzes stored before quizzes expired have no `expiresAt`: they
 * expire QUIZ_LIFETIME_DAYS after creation all the same, but only a write that sets it lets TTL
 * delete them.
 */
import { quizExpiry, type QuizRecord, type UserRef } from '../../domain/attempts';
import type { Item, Key } from '../batch';
import { userPartition } from '../learner/keys';

export const quizKey = (user: UserRef, quizId: string): Key => ({ PK: userPartition(user), SK: `QUIZ#${quizId}` });

export function quizToItem(user: UserRef, quiz: QuizRecord): Item {
  return { ...quizKey(user, quiz.id), type: 'Quiz', ...quiz, expiresAt: Math.floor(Date.parse(quiz.expiresAt) / 1000) };
}

export function quizFromItem(item: Item): QuizRecord {
  return {
    id: item.id as string,
    bankId: item.bankId as string,
    questionIds: item.questionIds as string[],
    strategy: item.strategy as string,
    seed: item.seed as string,
    createdAt: item.createdAt as string,
    expiresAt:
      typeof item.expiresAt === 'number'
        ? new Date(item.expiresAt * 1000).toISOString()
        : quizExpiry(item.createdAt as string),
    exhausted: item.exhausted === true,
    answered: (item.answered as Record<string, number>) ?? {},
  };
}
