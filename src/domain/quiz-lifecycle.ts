/**
 * A quiz's lifecycle: IN_PROGRESS from startQuiz, then closed for good by finishQuiz (FINISHED)
 * or abandonQuiz (ABANDONED). A closed quiz takes no new attempts; repeating the close that
 * closed it changes nothing, the other close is refused. Expiry is apart: an expired quiz is
 * gone whatever its status (QUIZ_LIFETIME_DAYS).
 */
import type { QuizRecord, QuizStatus } from './attempts';
import { DomainError } from './errors';

export type ClosedStatus = Exclude<QuizStatus, 'IN_PROGRESS'>;

/** The reason every refusal for a closed quiz carries in `extensions.reason`. */
export const QUIZ_CLOSED = 'QUIZ_CLOSED';

const verb: Record<ClosedStatus, string> = { FINISHED: 'finished', ABANDONED: 'abandoned' };

/** BAD_USER_INPUT with `reason: QUIZ_CLOSED` and the quiz's `status`. */
export function quizClosed(quiz: QuizRecord, doing: string): DomainError {
  const status = quiz.status as ClosedStatus;
  const at = status === 'FINISHED' ? quiz.finishedAt : quiz.abandonedAt;
  return new DomainError('BAD_USER_INPUT', `quiz "${quiz.id}" was ${verb[status]} at ${at}: ${doing}`, {
    reason: QUIZ_CLOSED,
    status,
  });
}

/** An attempt naming the quiz: refused once the quiz is closed. */
export function checkQuizOpen(quiz: QuizRecord): void {
  if (quiz.status !== 'IN_PROGRESS')
    throw quizClosed(quiz, 'it takes no new attempts (record the attempt without quizId, or start a new quiz)');
}

/**
 * What closing `quiz` as `target` does: `close` (it is in progress), `unchanged` (it already has
 * that status: the close is repeated, nothing written), or a QUIZ_CLOSED refusal (the other close).
 */
export function closeDecision(quiz: QuizRecord, target: ClosedStatus): 'close' | 'unchanged' {
  if (quiz.status === 'IN_PROGRESS') return 'close';
  if (quiz.status === target) return 'unchanged';
  throw quizClosed(quiz, `it cannot be ${verb[target]} as well`);
}
