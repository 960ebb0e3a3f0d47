/** Queries that fetch one thing (or all banks) by id; an id that names nothing gives null. */
import type { QueryResolvers } from '../generated/types';

export const lookupQueries: Pick<QueryResolvers, 'banks' | 'bank' | 'section' | 'question'> = {
  banks: (_parent, { locale }, { use }) => use.content.banks(locale),
  bank: (_parent, { id }, { use }) => use.content.bank(id),
  section: (_parent, { id }, { use }) => use.content.section(id),
  question: (_parent, { id }, { use }) => use.content.question(id),
};
