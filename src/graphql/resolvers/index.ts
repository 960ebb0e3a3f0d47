import type { Resolvers } from '../generated/types';
import { listingQueries } from './listing';
import { lookupQueries } from './lookup';
import { Bank, Question, Section } from './types';
import { userQueries } from './user';

export const resolvers: Resolvers = {
  Query: { ...lookupQueries, ...listingQueries, ...userQueries },
  Bank,
  Section,
  Question,
};
