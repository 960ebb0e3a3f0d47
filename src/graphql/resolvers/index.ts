import type { Resolvers } from '../generated/types';
import { Attempt, Quiz, QuizItem, QuestionState } from './attempts';
import { learningMutations, learningQueries } from './learning';
import { listingQueries } from './listing';
import { lookupQueries } from './lookup';
import { QuestionStats, statsQueries } from './stats';
import { Bank, Option, Question, Section } from './types';
import { User, userQueries } from './user';

export const resolvers: Resolvers = {
  Query: { ...lookupQueries, ...listingQueries, ...userQueries, ...learningQueries, ...statsQueries },
  Mutation: learningMutations,
  Bank,
  Section,
  Question,
  Option,
  User,
  Attempt,
  QuestionState,
  Quiz,
  QuizItem,
  QuestionStats,
};
