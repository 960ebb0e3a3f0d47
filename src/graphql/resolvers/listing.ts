/** Queries over many questions: the paginated listing and random sets. */
import { randomBytes } from 'node:crypto';
import { checkPageSize } from '../../domain/pagination';
import { selectPool } from '../../domain/question-pool';
import { pickRandomSet } from '../../domain/random-set';
import { catalogsInScope, connection, questionModels } from '../content-access';
import type { QueryResolvers } from '../generated/types';

export const listingQueries: Pick<QueryResolvers, 'questions' | 'randomQuestions'> = {
  questions: async (_parent, { filter, first, after }, { content }) => {
    const size = checkPageSize(first);
    const catalogs = await catalogsInScope(content, filter ?? {});
    const pool = selectPool(catalogs, filter ?? {});
    return connection(content, catalogs, pool, size, after);
  },

  randomQuestions: async (_parent, { input }, { content }) => {
    const strategy = input.strategy ?? 'UNIFORM';
    const seed = input.seed ?? randomBytes(9).toString('base64url');
    const catalogs = await catalogsInScope(content, input);
    const pool = selectPool(catalogs, input);
    const { picks, poolSize } = pickRandomSet(pool, {
      count: input.count ?? 10,
      seed,
      strategy,
      excludeQuestionIds: input.excludeQuestionIds ?? [],
    });
    return { questions: await questionModels(content, catalogs, picks), poolSize, seed, strategy };
  },
};
