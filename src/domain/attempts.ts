/**
 * Recorded attempts and the per-user records they update, as plain data. The shapes of what
 * the learning domain (src/domain/learning) computes are stored inside these records.
 */
import type { MemoryState } from './learning/memory';
import type { Outcome } from './learning/outcomes';
import { badInput } from './errors';
import { isQuizId } from './ids';

export interface UserRef {
  tenantId: string;
  userId: string;
}

export interface AttemptInput {
  questionId: string;
  outcome: Outcome;
  score: number;
  timeSpentMs: number | null;
  answer: string | null;
  quizId: string | null;
  clientAttemptId: string;
  /** The options picked on a choice question, as sent; null for an open question. */
  selectedOptionIds?: string[] | null;
  /** The server's grading of a choice question (outcome and score come from it); null for an open one. */
  grading?: AttemptGrading | null;
}

/** Kept on the attempt so a retry is answered with the grading it first got, whatever was imported since. */
export interface AttemptGrading {
  correct: boolean;
  score: number;
  correctOptionIds: string[];
  explanation: string | null;
}

export interface AttemptRecord extends AttemptInput {
  /**
   * The user was a strong learner (isStrongLearner) when the attempt was recorded: its picks count
   * in the strong-learner pick counters too. Kept on the attempt so a recount replays it.
   */
  byStrongLearner?: boolean;
  id: string;
  bankId: string;
  sectionSlug: string;
  createdAt: string;
}

/** Per (user, question): the FSRS memory and the tallies behind mastery and "weakest first". */
export interface QuestionStateRecord {
  questionId: string;
  bankId: string;
  sectionSlug: string;
  memory: MemoryState;
  attempts: number;
  correct: number;
  scoreSum: number;
  lastOutcome: Outcome;
  lastAttemptAt: string;
}

/** Per user: the counters behind `me`, and a version that serialises a user's attempts. */
export interface ProfileRecord {
  attemptCount: number;
  correctCount: number;
  scoreSum: number;
  lastAttemptAt: string | null;
  lastDay: string | null;
  streak: number;
  version: number;
}

export interface QuizRecord {
  id: string;
  bankId: string;
  questionIds: string[];
  strategy: string;
  seed: string;
  createdAt: string;
  /** createdAt + QUIZ_LIFETIME_DAYS: from then on the quiz is gone (DynamoDB's TTL deletes it later). */
  expiresAt: string;
  exhausted: boolean;
  /** Question id → score of its first attempt within the quiz. */
  answered: Record<string, number>;
  /** Question id → `<createdAt>#<attemptId>` of that first attempt (absent for quizzes answered before it was kept). */
  answerAttempts: Record<string, string>;
  /** IN_PROGRESS until finishQuiz or abandonQuiz closes it (src/domain/quiz-lifecycle.ts). */
  status: QuizStatus;
  /** When finishQuiz closed it (ISO 8601). */
  finishedAt: string | null;
  /** When abandonQuiz closed it (ISO 8601). */
  abandonedAt: string | null;
}

export type QuizStatus = 'IN_PROGRESS' | 'FINISHED' | 'ABANDONED';

/** How long a quiz lives: answers can be added to it, and it can be read, for this many days. */
export const QUIZ_LIFETIME_DAYS = 30;

export const quizExpiry = (createdAt: string): string =>
  new Date(Date.parse(createdAt) + QUIZ_LIFETIME_DAYS * 86_400_000).toISOString();

/** A quiz past its expiry is gone, even while DynamoDB's TTL (which deletes lazily) still keeps the item. */
export const isQuizExpired = (quiz: QuizRecord, now: Date): boolean => Date.parse(quiz.expiresAt) <= now.getTime();

export const EMPTY_PROFILE: ProfileRecord = {
  attemptCount: 0,
  correctCount: 0,
  scoreSum: 0,
  lastAttemptAt: null,
  lastDay: null,
  streak: 0,
  version: 0,
};

/** A strong learner has at least this many earlier attempts… */
export const STRONG_LEARNER_MIN_ATTEMPTS = 5;
/** …and got at least this share of them CORRECT. */
export const STRONG_LEARNER_MIN_RATE = 0.7;

/** Whether a learner's picks count as a strong learner's: their record over earlier attempts (all banks). */
export const isStrongLearner = (profile: ProfileRecord): boolean =>
  profile.attemptCount >= STRONG_LEARNER_MIN_ATTEMPTS &&
  profile.correctCount >= STRONG_LEARNER_MIN_RATE * profile.attemptCount;

export const MAX_ANSWER_CHARS = 10_000;
export const MAX_TIME_SPENT_MS = 3_600_000;
/** Printable ASCII without whitespace (0x21–0x7E), so `<quiz id>:<question id>` (with its `/`) is a valid id. */
const CLIENT_ID = /^[\x21-\x7E]{1,128}$/;

/**
 * Scores are kept to 6 decimals: DynamoDB numbers hold 38 significant digits, and a score like
 * 1e-40 would make every later sum on the same counters unwritable.
 */
export const roundScore = (score: number): number => Math.round(score * 1e6) / 1e6;

/** Checks the bounds of an attempt's fields; the question itself is checked against the catalog. */
export function checkAttemptInput(input: AttemptInput): void {
  if (!CLIENT_ID.test(input.clientAttemptId))
    throw badInput('"clientAttemptId" must be 1 to 128 printable ASCII characters without spaces (0x21–0x7E)');
  if (input.quizId !== null && !isQuizId(input.quizId))
    throw badInput('"quizId" must be the id startQuiz returned (a lower-case UUID), or absent for no quiz');
  if (!Number.isFinite(input.score) || input.score < 0 || input.score > 1)
    throw badInput(`"score" must be from 0 to 1, got ${input.score}`);
  if (
    input.timeSpentMs !== null &&
    (!Number.isInteger(input.timeSpentMs) || input.timeSpentMs < 0 || input.timeSpentMs > MAX_TIME_SPENT_MS)
  ) {
    throw badInput(`"timeSpentMs" must be a whole number from 0 to ${MAX_TIME_SPENT_MS}, got ${input.timeSpentMs}`);
  }
  if (input.answer !== null && input.answer.length > MAX_ANSWER_CHARS)
    throw badInput(`"answer" takes at most ${MAX_ANSWER_CHARS} characters, got ${input.answer.length}`);
}

/** What a retry must repeat exactly to count as the same attempt. */
export function attemptFingerprint(input: FingerprintFields): string {
  // A choice attempt is the picks as sent, not the outcome graded from them (the key may change).
  if (input.selectedOptionIds)
    return JSON.stringify([
      input.questionId,
      { picks: input.selectedOptionIds },
      input.timeSpentMs,
      input.answer,
      input.quizId,
    ]);
  return JSON.stringify([input.questionId, input.outcome, input.score, input.timeSpentMs, input.answer, input.quizId]);
}

export type FingerprintFields = Pick<
  AttemptInput,
  'questionId' | 'outcome' | 'score' | 'timeSpentMs' | 'answer' | 'quizId' | 'selectedOptionIds'
>;
