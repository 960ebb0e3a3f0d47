/** Queries over many questions: the paginated listing and random sets. */
import { randomBytes } from 'node:crypto';
import type { QuestionStateRecord } from '../../domain/attempts';
import type { Catalog } from '../../domain/catalog';
import { checkPageSize } from '../../domain/pagination';
import { selectPool } from '../../domain/question-pool';
import { weakestFirst } from '../../domain/quiz-picking';
import { pickRandomSet } from '../../domain/random-set';
import { connection, questionModels, withCatalogs } from '../content-access';
import type { GraphQLContext } from '../context';
import type { QueryResolvers } from '../generated/types';
import { requireUser } from './user';

export const listingQueries: Pick<QueryResolvers, 'questions' | 'randomQuestions'> = {
  questions: async (_parent, { filter, first, after }, { content }) => {
    const size = checkPageSize(first);
    return withCatalogs(content, filter ?? {}, async (catalogs) => connection(content, catalogs, selectPool(catalogs, filter ?? {}), size, after));
  },

  randomQuestions: async (_parent, { input }, context) => {
    const strategy = input.strategy ?? 'UNIFORM';
    const seed = input.seed ?? randomBytes(9).toString('base64url');
    const request = { count: input.count ?? 10, seed, strategy, excludeQuestionIds: input.excludeQuestionIds ?? [] };
    if (input.excludeSeen) requireUser(context);
    return withCatalogs(context.content, input, async (catalogs) => {
      const pool = selectPool(catalogs, input);
      if (!input.excludeSeen) {
        const { picks, poolSize } = pickRandomSet(pool, request);
        return { questions: await questionModels(context.content, catalogs, picks), poolSize, seed, strategy, exhausted: false };
      }
      // Seen questions leave the pool; when it runs out, the weakest seen ones come back first.
      const seen = await seenStates(context, catalogs);
      const { picks, poolSize } = pickRandomSet(pool.filter((entry) => !seen.has(entry.question.id)), request);
      const exhausted = picks.length < request.count;
      const excluded = new Set(request.excludeQuestionIds);
      const refill = exhausted ? weakestFirst(pool.filter((e) => seen.has(e.question.id) && !excluded.has(e.question.id)), seen).slice(0, request.count - picks.length) : [];
      return { questions: await questionModels(context.content, catalogs, [...picks, ...refill]), poolSize, seed, strategy, exhausted };
    });
  },
};

/** The user's states in the banks of the pool, by question id: one Query per bank. */
async function seenStates(context: GraphQLContext, catalogs: readonly Catalog[]): Promise<Map<string, QuestionStateRecord>> {
  const user = requireUser(context);
  const perBank = await Promise.all(catalogs.map((catalog) => context.learning.states(user, catalog.bankId)));
  return new Map(perBank.flat().map((state) => [state.questionId, state]));
}
