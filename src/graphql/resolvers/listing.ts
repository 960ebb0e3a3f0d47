/** Queries over many questions: the paginated listing and random sets. */
import { randomBytes } from 'node:crypto';
import { checkPageSize } from '../../domain/pagination';
import { selectPool } from '../../domain/question-pool';
import { pickRandomSet } from '../../domain/random-set';
import { connection, questionModels, withCatalogs } from '../content-access';
import type { QueryResolvers } from '../generated/types';

export const listingQueries: Pick<QueryResolvers, 'questions' | 'randomQuestions'> = {
  questions: async (_parent, { filter, first, after }, { content }) => {
    const size = checkPageSize(first);
    return withCatalogs(content, filter ?? {}, async (catalogs) => connection(content, catalogs, selectPool(catalogs, filter ?? {}), size, after));
  },

  randomQuestions: async (_parent, { input }, { content }) => {
    const strategy = input.strategy ?? 'UNIFORM';
    const seed = input.seed ?? randomBytes(9).toString('base64url');
    const request = { count: input.count ?? 10, seed, strategy, excludeQuestionIds: input.excludeQuestionIds ?? [] };
    return withCatalogs(content, input, async (catalogs) => {
      const { picks, poolSize } = pickRandomSet(selectPool(catalogs, input), request);
      return { questions: await questionModels(content, catalogs, picks), poolSize, seed, strategy };
    });
  },
};
