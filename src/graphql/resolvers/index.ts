import type { Resolvers } from '../generated/types';
import { listingQueries } from './listing';
import { lookupQueries } from './lookup';
import { Bank, Question, Section } from './types';

export const resolvers: Resolvers = {
  Query: { ...lookupQueries, ...listingQueries },
  Bank,
  Section,
  Question,
};
