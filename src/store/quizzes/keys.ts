/**
 * Quizzes: in the user's partition (src/store/learner/keys.ts), one item each.
 *
 *   quiz  PK T#<t>#U#<u>  SK QUIZ#<quizId>
 */
import type { QuizRecord, UserRef } from '../../domain/attempts';
import type { Item, Key } from '../batch';
import { userPartition } from '../learner/keys';

export const quizKey = (user: UserRef, quizId: string): Key => ({ PK: userPartition(user), SK: `QUIZ#${quizId}` });

export function quizToItem(user: UserRef, quiz: QuizRecord): Item {
  return { ...quizKey(user, quiz.id), type: 'Quiz', ...quiz };
}

export function quizFromItem(item: Item): QuizRecord {
  return {
    id: item.id as string,
    bankId: item.bankId as string,
    questionIds: item.questionIds as string[],
    strategy: item.strategy as string,
    seed: item.seed as string,
    createdAt: item.createdAt as string,
    exhausted: item.exhausted === true,
    answered: (item.answered as Record<string, number>) ?? {},
  };
}
