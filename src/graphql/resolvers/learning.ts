/** A learner's attempts, quizzes, weak topics and due questions. All need a user. */
import type { MutationResolvers, QueryResolvers } from '../generated/types';
import { requireUser } from './user';

export const learningMutations: MutationResolvers = {
  recordAttempt: (_parent, { input }, context) => context.use.recordAttempt(requireUser(context), input),
  startQuiz: (_parent, { input }, context) => context.use.quizzes.start(requireUser(context), input),
};

export const learningQueries: Pick<QueryResolvers, 'quiz' | 'attempts' | 'weakTopics' | 'dueQuestions'> = {
  quiz: (_parent, { id }, context) => context.use.quizzes.get(requireUser(context), id),
  attempts: (_parent, { first, after, filter }, context) =>
    context.use.learner.attempts(requireUser(context), first, after, filter),
  weakTopics: (_parent, { bankId, limit }, context) =>
    context.use.learner.weakTopics(requireUser(context), bankId, limit),
  dueQuestions: (_parent, { bankId, sectionIds, limit }, context) =>
    context.use.learner.dueQuestions(requireUser(context), bankId, sectionIds, limit),
};
