/** The quiz lifecycle's decisions and the quiz item's answer map, old and new (no I/O). */
import type { QuizRecord } from '../../src/domain/attempts';
import { DomainError } from '../../src/domain/errors';
import { checkQuizOpen, closeDecision } from '../../src/domain/quiz-lifecycle';
import { quizFromItem, quizToItem } from '../../src/store/quizzes/keys';

const user = { tenantId: 'acme', userId: 'ann' };
const quiz = (over: Partial<QuizRecord> = {}): QuizRecord => ({
  id: '11111111-1111-4111-8111-111111111111',
  bankId: 'tiny',
  questionIds: ['tiny/a', 'tiny/b'],
  strategy: 'UNIFORM',
  seed: 's',
  createdAt: '2026-12-01T10:00:00.000Z',
  expiresAt: '2026-12-31T10:00:00.000Z',
  exhausted: false,
  answered: {},
  answerAttempts: {},
  status: 'IN_PROGRESS',
  finishedAt: null,
  abandonedAt: null,
  ...over,
});

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, message: error.message, ...error.details };
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('quiz lifecycle', () => {
  const finished = quiz({ status: 'FINISHED', finishedAt: '2026-12-02T09:00:00.000Z' });
  const abandoned = quiz({ status: 'ABANDONED', abandonedAt: '2026-12-02T08:00:00.000Z' });

  it('closes a quiz in progress and repeats the same close as a no-op', () => {
    expect(closeDecision(quiz(), 'FINISHED')).toBe('close');
    expect(closeDecision(quiz(), 'ABANDONED')).toBe('close');
    expect(closeDecision(finished, 'FINISHED')).toBe('unchanged');
    expect(closeDecision(abandoned, 'ABANDONED')).toBe('unchanged');
  });

  it('refuses the other close with QUIZ_CLOSED and the status', () => {
    expect(refusal(() => closeDecision(finished, 'ABANDONED'))).toEqual({
      code: 'BAD_USER_INPUT',
      message: `quiz "${finished.id}" was finished at 2026-12-02T09:00:00.000Z: it cannot be abandoned as well`,
      reason: 'QUIZ_CLOSED',
      status: 'FINISHED',
    });
    expect(refusal(() => closeDecision(abandoned, 'FINISHED'))).toMatchObject({
      reason: 'QUIZ_CLOSED',
      status: 'ABANDONED',
    });
  });

  it('lets attempts name only a quiz in progress', () => {
    expect(checkQuizOpen(quiz())).toBeUndefined();
    for (const closed of [finished, abandoned])
      expect(refusal(() => checkQuizOpen(closed))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'QUIZ_CLOSED' });
  });
});

describe('the quiz item', () => {
  it('keeps each first answer with its attempt, and reads answers stored before as bare scores', () => {
    const record = quiz({
      answered: { 'tiny/a': 0.5 },
      answerAttempts: { 'tiny/a': '2026-12-01T10:01:00.000Z#22222222-2222-4222-8222-222222222222' },
    });
    const item = quizToItem(user, record);
    expect(item).toMatchObject({
      PK: 'T#acme#U#ann',
      SK: `QUIZ#${record.id}`,
      GSI2PK: 'T#acme#U#ann#QUIZ',
      GSI2SK: `2026-12-01T10:00:00.000Z#${record.id}`,
      GSI3PK: 'T#acme#U#ann#QUIZ#IN_PROGRESS',
      answered: { 'tiny/a': { score: 0.5, attempt: record.answerAttempts['tiny/a'] } },
      expiresAt: Date.parse(record.expiresAt) / 1000,
    });
    expect(item).not.toHaveProperty('answerAttempts');
    expect(quizFromItem(item)).toEqual(record);

    const legacy = { ...item, answered: { 'tiny/a': 1 }, status: undefined, GSI2PK: undefined };
    expect(quizFromItem(legacy)).toEqual(quiz({ answered: { 'tiny/a': 1 } }));
  });
});
