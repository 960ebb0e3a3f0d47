/**
 * Everything one attempt changes, decided before anything is written: the attempt, the user's
 * new state for the question, the profile counters, and which tenant-wide counters it adds to
 * (a user counts once per question and section, and once per day per bank).
 */
import { randomUUID } from 'node:crypto';
import type { AttemptInput, AttemptRecord, ProfileRecord, QuestionStateRecord, QuizRecord } from './attempts';
import { reviewMemory } from './learning/memory';
import { extendStreak, utcDay } from './learning/streak';

export interface AttemptSubject {
  bankId: string;
  localId: string;
  sectionSlug: string;
}

export interface CurrentRecords {
  state: QuestionStateRecord | null;
  profile: ProfileRecord;
  /** Whether the user has attempted anything in the question's section before. */
  seenSection: boolean;
  /** The last UTC day the user attempted anything in the bank. */
  lastDayInBank: string | null;
  quiz: QuizRecord | null;
}

export interface AttemptPlan {
  attempt: AttemptRecord;
  state: QuestionStateRecord;
  profile: ProfileRecord;
  day: string;
  firstForQuestion: boolean;
  firstInSection: boolean;
  firstTodayInBank: boolean;
  /** Set when the attempt answers a question of its quiz for the first time. */
  quizScore: number | null;
}

export function planAttempt(input: AttemptInput, subject: AttemptSubject, current: CurrentRecords, at: Date): AttemptPlan {
  const createdAt = at.toISOString();
  const day = utcDay(at);
  const attempt: AttemptRecord = { ...input, id: randomUUID(), bankId: subject.bankId, sectionSlug: subject.sectionSlug, createdAt };
  const correct = input.outcome === 'CORRECT' ? 1 : 0;
  const previous = current.state;
  const state: QuestionStateRecord = {
    questionId: input.questionId,
    bankId: subject.bankId,
    sectionSlug: subject.sectionSlug,
    memory: reviewMemory(previous?.memory ?? null, input.outcome, at),
    attempts: (previous?.attempts ?? 0) + 1,
    correct: (previous?.correct ?? 0) + correct,
    scoreSum: (previous?.scoreSum ?? 0) + input.score,
    lastOutcome: input.outcome,
    lastAttemptAt: createdAt,
  };
  const streak = extendStreak({ lastDay: current.profile.lastDay, streak: current.profile.streak }, day);
  const profile: ProfileRecord = {
    attemptCount: current.profile.attemptCount + 1,
    correctCount: current.profile.correctCount + correct,
    scoreSum: current.profile.scoreSum + input.score,
    lastAttemptAt: createdAt,
    lastDay: streak.lastDay,
    streak: streak.streak,
    version: current.profile.version + 1,
  };
  const inQuiz = current.quiz && !(input.questionId in current.quiz.answered);
  return {
    attempt,
    state,
    profile,
    day,
    firstForQuestion: previous === null,
    firstInSection: !current.seenSection,
    firstTodayInBank: current.lastDayInBank !== day,
    quizScore: inQuiz ? input.score : null,
  };
}
