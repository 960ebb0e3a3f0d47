/** Tenant-wide aggregates: any key of the tenant may read them (they hold no per-user data). */
import type { QueryResolvers, QuestionStatsResolvers } from '../generated/types';
import { pickRate, suspectedWrongKey } from '../../domain/counters';
import { requireTenant } from './user';

export const statsQueries: Pick<QueryResolvers, 'questionStats' | 'sectionStats' | 'hardestQuestions' | 'activity'> = {
  questionStats: (_parent, { questionId }, context) => context.use.stats.question(requireTenant(context), questionId),
  sectionStats: (_parent, { bankId }, context) => context.use.stats.sections(requireTenant(context), bankId),
  hardestQuestions: (_parent, { bankId, limit, minAttempts }, context) =>
    context.use.stats.hardestQuestions(requireTenant(context), bankId, limit, minAttempts),
  activity: (_parent, { bankId, days }, context) => context.use.stats.activity(requireTenant(context), bankId, days),
};

export const QuestionStats: QuestionStatsResolvers = {
  question: (stats, _args, { use }) => use.content.existingQuestion(stats.questionId),
  // The same question read as `question` (one batched, cached read per request).
  options: async ({ questionId, optionCounts }, _args, { use }) => {
    const question = await use.content.existingQuestion(questionId);
    return question.record.options.map((option) => ({
      option: { option, question },
      picks: optionCounts.picks[option.id] ?? 0,
      pickRate: pickRate(optionCounts.picks[option.id] ?? 0, optionCounts.graded),
    }));
  },
  suspectedWrongKey: async ({ questionId, optionCounts }, _args, { use }) =>
    suspectedWrongKey((await use.content.existingQuestion(questionId)).record.options, optionCounts),
};
