/** Field resolvers of the learning types. */
import type { QuizRecord } from '../../domain/attempts';
import { isLeech, retrievability } from '../../domain/learning/memory';
import type { AttemptResolvers, QuestionStateResolvers, QuizItemResolvers, QuizResolvers } from '../generated/types';
import { requireUser } from './user';

export const Attempt: AttemptResolvers = {
  question: (attempt, _args, { use }) => use.content.existingQuestion(attempt.questionId),
};

export const QuestionState: QuestionStateResolvers = {
  question: ({ record, question }, _args, { use }) => question ?? use.content.existingQuestion(record.questionId),
  stability: ({ record }) => record.memory.stability,
  memoryDifficulty: ({ record }) => record.memory.difficulty,
  difficulty: ({ record }) => record.memory.difficulty,
  retrievability: ({ record, now }) => retrievability(record.memory, now),
  due: ({ record }) => record.memory.due,
  lapses: ({ record }) => record.memory.lapses,
  leech: ({ record }) => isLeech(record.memory),
  attempts: ({ record }) => record.attempts,
  lastOutcome: ({ record }) => record.lastOutcome,
  lastAttemptAt: ({ record }) => record.lastAttemptAt,
};

export const Quiz: QuizResolvers = {
  questions: async (quiz: QuizRecord, _args, { use }) =>
    (await Promise.all(quiz.questionIds.map((id) => use.content.existingQuestion(id)))).map((question) => ({
      ...question,
      optionSeed: quiz.id,
    })),
  answered: (quiz) => Object.keys(quiz.answered).length,
  score: (quiz) => {
    const scores = Object.values(quiz.answered);
    return scores.length === 0
      ? null
      : Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10_000) / 10_000;
  },
  items: (quiz, _args, context) => context.use.quizzes.items(requireUser(context), quiz),
  strategy: (quiz) =>
    quiz.strategy as QuizRecord['strategy'] & ('UNIFORM' | 'BALANCED' | 'WEAK_TOPICS' | 'DUE' | 'NEW_FIRST'),
};

export const QuizItem: QuizItemResolvers = {
  position: ({ index }) => index + 1,
  question: async ({ quiz, questionId }, _args, { use }) => ({
    ...(await use.content.existingQuestion(questionId)),
    optionSeed: quiz.id,
  }),
  answered: ({ quiz, questionId }) => questionId in quiz.answered,
  score: ({ quiz, questionId }) => quiz.answered[questionId] ?? null,
  outcome: async (item, _args, { use }) => (await use.quizzes.itemAttempt(item))?.outcome ?? null,
  attempt: (item, _args, { use }) => use.quizzes.itemAttempt(item),
};
