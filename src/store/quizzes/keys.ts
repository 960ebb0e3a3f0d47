/**
 * Quizzes: in the user's partition (src/store/learner/keys.ts), one item each, and one copy of
 * each attempt recorded in a quiz.
 *
 *   quiz          PK T#<t>#U#<u>  SK QUIZ#<quizId>   expiresAt: epoch seconds (the table's TTL attribute)
 *                 GSI2 T#<t>#U#<u>#QUIZ           / <createdAt>#<quizId>   (the user's quizzes)
 *                 GSI3 T#<t>#U#<u>#QUIZ#<status>  / <createdAt>#<quizId>   (the user's quizzes by status)
 *   quiz attempt  PK T#<t>#U#<u>  SK QATT#<quizId>#<createdAt>#<attemptId> (a copy of the attempt)
 *
 * DynamoDB's TTL deletes an expired quiz within days, not at once: readers treat it as gone from
 * `expiresAt` on (isQuizExpired). Quizzes stored before quizzes expired have no `expiresAt`: they
 * expire QUIZ_LIFETIME_DAYS after creation all the same, but only a write that sets it lets TTL
 * delete them. Quizzes stored before the index attributes existed are not listed by myQuizzes.
 */
import { quizExpiry, type AttemptRecord, type QuizRecord, type QuizStatus, type UserRef } from '../../domain/attempts';
import type { Item, Key } from '../batch';
import { userPartition } from '../learner/keys';

export const quizKey = (user: UserRef, quizId: string): Key => ({ PK: userPartition(user), SK: `QUIZ#${quizId}` });

export const quizSortKey = (createdAt: string, quizId: string): string => `${createdAt}#${quizId}`;

/** The user's quizzes, newest first by `<createdAt>#<quizId>`: all of them, or those of one status. */
export const quizIndexes = {
  all: (user: UserRef) => ({ index: 'GSI2', pk: `${userPartition(user)}#QUIZ` }),
  status: (user: UserRef, status: QuizStatus) => ({ index: 'GSI3', pk: `${userPartition(user)}#QUIZ#${status}` }),
};

/** The copies of a quiz's attempts sort by `<createdAt>#<attemptId>` after this prefix. */
export const quizAttemptPrefix = (quizId: string): string => `QATT#${quizId}#`;

/**
 * A question's entry in the quiz's `answered` map: `{ score, attempt }` (the attempt's
 * `<createdAt>#<attemptId>`); quizzes answered before the attempt was kept hold the score alone.
 * One map, so an answer is one nested SET that works on items of either age.
 */
type StoredAnswer = number | { score: number; attempt: string };

export const quizAnswerValue = (score: number, attemptSortKey: string): StoredAnswer => ({
  score,
  attempt: attemptSortKey,
});

function answersFrom(stored: Record<string, StoredAnswer>): Pick<QuizRecord, 'answered' | 'answerAttempts'> {
  const answered: Record<string, number> = {};
  const answerAttempts: Record<string, string> = {};
  for (const [questionId, answer] of Object.entries(stored)) {
    answered[questionId] = typeof answer === 'number' ? answer : answer.score;
    if (typeof answer !== 'number') answerAttempts[questionId] = answer.attempt;
  }
  return { answered, answerAttempts };
}

export function quizToItem(user: UserRef, quiz: QuizRecord): Item {
  const { answerAttempts, ...stored } = quiz;
  const sort = quizSortKey(quiz.createdAt, quiz.id);
  const answered = Object.entries(quiz.answered).map(([questionId, score]) => {
    const attempt = answerAttempts[questionId];
    return [questionId, attempt ? quizAnswerValue(score, attempt) : score];
  });
  return {
    ...quizKey(user, quiz.id),
    GSI2PK: quizIndexes.all(user).pk,
    GSI2SK: sort,
    GSI3PK: quizIndexes.status(user, quiz.status).pk,
    GSI3SK: sort,
    type: 'Quiz',
    ...stored,
    answered: Object.fromEntries(answered),
    expiresAt: Math.floor(Date.parse(quiz.expiresAt) / 1000),
  };
}

/** The attempt's copy under its quiz: the attempt's own attributes, no index keys. */
export function quizAttemptToItem(user: UserRef, attempt: AttemptRecord & { quizId: string }): Item {
  return {
    PK: userPartition(user),
    SK: `${quizAttemptPrefix(attempt.quizId)}${attempt.createdAt}#${attempt.id}`,
    type: 'QuizAttempt',
    ...attempt,
  };
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
    ...answersFrom((item.answered as Record<string, StoredAnswer> | undefined) ?? {}),
    status: (item.status as QuizStatus | undefined) ?? 'IN_PROGRESS',
    finishedAt: (item.finishedAt as string | null | undefined) ?? null,
    abandonedAt: (item.abandonedAt as string | null | undefined) ?? null,
  };
}
