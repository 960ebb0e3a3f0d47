/** Queries that fetch one thing (or all banks) by id; an id that names nothing gives null. */
import { isBankId, parseGlobalId } from '../../domain/ids';
import type { QueryResolvers } from '../generated/types';

export const lookupQueries: Pick<QueryResolvers, 'banks' | 'bank' | 'section' | 'question'> = {
  banks: (_parent, _args, { content }) => content.banks(),

  bank: (_parent, { id }, { content }) => (isBankId(id) ? content.bank(id) : null),

  section: async (_parent, { id }, { content }) => {
    const ref = parseGlobalId(id);
    const catalog = ref && (await content.catalog(ref.bankId));
    const section = catalog?.section(ref!.localId);
    return catalog && section ? { catalog, section } : null;
  },

  question: async (_parent, { id }, { content }) => {
    const ref = parseGlobalId(id);
    if (!ref) return null;
    // On a warm container the question and its bank cost one BatchGetItem.
    const stored = await content.question(ref.bankId, ref.localId);
    return stored && { ...stored, entry: stored.catalog.question(ref.localId) };
  },
};
