/** Item mappers for the learning records; their keys are built in keys.ts. */
import type { AttemptRecord, ProfileRecord, QuestionStateRecord, QuizRecord } from '../domain/attempts';
import { EMPTY_PROFILE } from '../domain/attempts';
import { parseGlobalId } from '../domain/ids';
import type { Item } from './batch';
import { attemptIndexes, attemptKey, attemptSortKey, dueIndexPartition, profileKey, quizKey, stateKey } from './keys';

export function attemptToItem(t: string, u: string, attempt: AttemptRecord): Item {
  const sort = attemptSortKey(attempt.createdAt, attempt.id);
  const byQuestion = attemptIndexes.question(t, u, attempt.questionId);
  const byBank = attemptIndexes.bank(t, u, attempt.bankId);
  const bySection = attemptIndexes.section(t, u, `${attempt.bankId}/${attempt.sectionSlug}`);
  return {
    ...attemptKey(t, u, attempt.createdAt, attempt.id),
    GSI1PK: byQuestion.pk,
    GSI1SK: sort,
    GSI2PK: byBank.pk,
    GSI2SK: sort,
    GSI3PK: bySection.pk,
    GSI3SK: sort,
    type: 'Attempt',
    ...attempt,
  };
}

export function attemptFromItem(item: Item): AttemptRecord {
  return {
    id: item.id as string,
    questionId: item.questionId as string,
    bankId: item.bankId as string,
    sectionSlug: item.sectionSlug as string,
    outcome: item.outcome as AttemptRecord['outcome'],
    score: item.score as number,
    timeSpentMs: (item.timeSpentMs as number | null | undefined) ?? null,
    answer: (item.answer as string | null | undefined) ?? null,
    quizId: (item.quizId as string | null | undefined) ?? null,
    clientAttemptId: item.clientAttemptId as string,
    createdAt: item.createdAt as string,
  };
}

export function stateToItem(t: string, u: string, state: QuestionStateRecord): Item {
  const localId = parseGlobalId(state.questionId)!.localId;
  return {
    ...stateKey(t, u, state.bankId, localId),
    GSI1PK: dueIndexPartition(t, u, state.bankId),
    GSI1SK: `${state.memory.due}#${localId}`,
    type: 'QuestionState',
    ...state,
  };
}

export function stateFromItem(item: Item): QuestionStateRecord {
  return {
    questionId: item.questionId as string,
    bankId: item.bankId as string,
    sectionSlug: item.sectionSlug as string,
    memory: item.memory as QuestionStateRecord['memory'],
    attempts: item.attempts as number,
    correct: item.correct as number,
    scoreSum: item.scoreSum as number,
    lastOutcome: item.lastOutcome as QuestionStateRecord['lastOutcome'],
    lastAttemptAt: item.lastAttemptAt as string,
  };
}

export function profileToItem(t: string, u: string, profile: ProfileRecord): Item {
  return { ...profileKey(t, u), type: 'Profile', ...profile };
}

export function profileFromItem(item: Item | null): ProfileRecord {
  if (!item) return EMPTY_PROFILE;
  return {
    attemptCount: item.attemptCount as number,
    correctCount: item.correctCount as number,
    scoreSum: item.scoreSum as number,
    lastAttemptAt: (item.lastAttemptAt as string | null) ?? null,
    lastDay: (item.lastDay as string | null) ?? null,
    streak: item.streak as number,
    version: item.version as number,
  };
}

export function quizToItem(t: string, u: string, quiz: QuizRecord): Item {
  return { ...quizKey(t, u, quiz.id), type: 'Quiz', ...quiz };
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
