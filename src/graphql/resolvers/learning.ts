/** A learner's attempts, quizzes, weak topics and due questions. All need a user. */
import type { MutationResolvers, QueryResolvers } from '../generated/types';
import { requireUser } from './user';

export const learningMutations: MutationResolvers = {
  recordAttempt: (_parent, { input }, context) => context.use.recordAttempt(requireUser(context), input),
  startQuiz: (_parent, { input }, context) => context.use.quizzes.start(requireUser(context), input),
  finishQuiz: (_parent, { id }, context) => context.use.quizzes.finish(requireUser(context), id),
  abandonQuiz: (_parent, { id }, context) => context.use.quizzes.abandon(requireUser(context), id),
};

export const learningQueries: Pick<QueryResolvers, 'quiz' | 'myQuizzes' | 'attempts' | 'weakTopics' | 'dueQuestions'> =
  {
    quiz: (_parent, { id }, context) => context.use.quizzes.get(requireUser(context), id),
    myQuizzes: (_parent, { first, after, status }, context) =>
      context.use.quizzes.list(requireUser(context), first, after, status),
    attempts: (_parent, { first, after, filter }, context) =>
      context.use.learner.attempts(requireUser(context), first, after, filter),
    weakTopics: (_parent, { bankId, limit }, context) =>
      context.use.learner.weakTopics(requireUser(context), bankId, limit),
    dueQuestions: (_parent, { bankId, sectionIds, limit }, context) =>
      context.use.learner.dueQuestions(requireUser(context), bankId, sectionIds, limit),
  };
