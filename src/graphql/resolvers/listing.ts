/** Queries over many questions: the paginated listing and random sets. */
import type { QueryResolvers } from '../generated/types';
import { requireUser } from './user';

export const listingQueries: Pick<QueryResolvers, 'questions' | 'randomQuestions' | 'searchQuestions'> = {
  questions: (_parent, { filter, first, after }, { use }) => use.content.questions(filter ?? {}, first, after),
  randomQuestions: (_parent, { input }, context) =>
    context.use.content.randomQuestions(input, input.excludeSeen ? requireUser(context) : null),
  searchQuestions: (_parent, args, { use }) => use.search.questions(args),
};
