/**
 * Which questions a request is about: the filter (sections, tags, difficulty, kinds) applied to the catalogs of the
 * banks in scope, in catalog order. Unknown sections and tags are the caller's mistake.
 *
 * Catalogs are immutable and shared by every request of a container, so the pools built from
 * them are too: a catalog keeps the pools built from it (see Catalog.derived; a pool of several
 * banks is kept by the first), so a pool goes when its catalog does. A request then costs the
 * filter's checks and a lookup, not a pass over the bank (10,000 questions).
 */
import type { QuestionKind } from './bank/types';
import { badInput } from './errors';
import type { Catalog } from './catalog';
import { parseGlobalId } from './ids';
import { QuestionPool, type OrderedQuestion, type QuestionOrder } from './question-pool';

export interface PoolFilter {
  sectionIds?: readonly string[] | null;
  tags?: readonly string[] | null;
  /** 1–3; a question without a difficulty never matches. */
  difficulty?: readonly number[] | null;
  kinds?: readonly QuestionKind[] | null;
}

const DIFFICULTIES = [1, 2, 3];

export const MAX_FILTER_SECTIONS = 100;
export const MAX_FILTER_TAGS = 50;

/** Distinct filters kept per catalog; the least recently used one goes first. */
const MAX_POOLS_PER_CATALOG = 16;

/** Bounds the work a filter can ask for, before anything is read. */
export function checkFilterSize(filter: PoolFilter): void {
  if ((filter.sectionIds?.length ?? 0) > MAX_FILTER_SECTIONS)
    throw badInput(`"sectionIds" takes at most ${MAX_FILTER_SECTIONS} ids, got ${filter.sectionIds!.length}`);
  if ((filter.tags?.length ?? 0) > MAX_FILTER_TAGS)
    throw badInput(`"tags" takes at most ${MAX_FILTER_TAGS} tags, got ${filter.tags!.length}`);
  const wrong = (filter.difficulty ?? []).find((value) => !DIFFICULTIES.includes(value));
  if (wrong !== undefined) throw badInput(`"difficulty" takes 1, 2 or 3, got ${wrong}`);
}

/**
 * `catalogs` must already be ordered (bank id) and hold every bank named by the filter. The pool
 * is shared with other requests: copy its entries before changing them.
 */
export function selectPool(catalogs: readonly Catalog[], filter: PoolFilter): QuestionPool {
  const sections = sectionsByBank(catalogs, filter.sectionIds ?? []);
  const tags = normaliseTags(catalogs, filter.tags ?? []);
  const difficulties = new Set(filter.difficulty ?? []);
  const kinds = new Set(filter.kinds ?? []);
  if (catalogs.length === 0) return new QuestionPool([], true);
  const unfiltered = sections.size === 0 && tags.size === 0 && difficulties.size === 0 && kinds.size === 0;
  if (catalogs.length === 1 && unfiltered) return orderedQuestions(catalogs[0]);
  const key = `${catalogs.map((c) => c.bankId).join(',')}|${filterKey(sections, tags)}|${[...difficulties].sort()}|${[...kinds].sort()}`;
  return cachedPool(catalogs, key, () =>
    catalogs.flatMap((catalog) => {
      const wanted = sections.get(catalog.bankId);
      if (sections.size > 0 && !wanted) return [];
      const matches = ({ question: q }: OrderedQuestion) =>
        (!wanted || wanted.has(q.sectionSlug)) &&
        (tags.size === 0 || q.tags.some((tag) => tags.has(tag))) &&
        (difficulties.size === 0 || (q.difficulty !== null && difficulties.has(q.difficulty))) &&
        (kinds.size === 0 || kinds.has(q.kind));
      return orderedQuestions(catalog).entries.filter(matches);
    }),
  );
}

/** Every active question of the catalog with its sort key, built once per catalog. */
function orderedQuestions(catalog: Catalog): QuestionPool {
  return catalog.derived('pool-filter:ordered', () => {
    const entries = catalog.questions.map((q): OrderedQuestion => {
      const order: QuestionOrder = [catalog.bankId, catalog.section(q.sectionSlug)?.position ?? 0, q.position];
      return { question: q, order };
    });
    return new QuestionPool(entries, true);
  });
}

interface CachedPool {
  catalogs: readonly Catalog[];
  pool: QuestionPool;
}

/**
 * Filtered and multi-bank pools are kept by their first catalog (so they go when it does), by
 * key, and at most MAX_POOLS_PER_CATALOG of them: the least recently used one goes first, as a
 * filter can name any set of sections and tags.
 */
function cachedPool(catalogs: readonly Catalog[], key: string, build: () => OrderedQuestion[]): QuestionPool {
  const pools = catalogs[0].derived('pool-filter:filtered', () => new Map<string, CachedPool>());
  const hit = pools.get(key);
  pools.delete(key);
  // The key names banks, not versions: a pool is only reused for the very same catalogs.
  const reusable = hit && hit.catalogs.every((catalog, i) => catalog === catalogs[i]);
  const entry = reusable ? hit : { catalogs: catalogs.slice(), pool: new QuestionPool(build(), true) };
  pools.set(key, entry);
  if (pools.size > MAX_POOLS_PER_CATALOG) pools.delete(pools.keys().next().value!);
  return entry.pool;
}

/** The same key for the same filter, whatever the order or repetition of its ids and tags. */
function filterKey(sections: ReadonlyMap<string, ReadonlySet<string>>, tags: ReadonlySet<string>): string {
  const sectionIds = [...sections].flatMap(([bankId, slugs]) => [...slugs].map((slug) => `${bankId}/${slug}`)).sort();
  return JSON.stringify([sectionIds, [...tags].sort()]);
}

function sectionsByBank(catalogs: readonly Catalog[], sectionIds: readonly string[]): Map<string, Set<string>> {
  const byBank = new Map<string, Set<string>>();
  for (const sectionId of sectionIds) {
    const ref = parseGlobalId(sectionId);
    const catalog = ref && catalogs.find((c) => c.bankId === ref.bankId);
    if (!ref || !catalog || catalog.section(ref.localId)?.retired !== false) {
      throw badInput(`unknown section id "${sectionId}"`);
    }
    byBank.set(ref.bankId, (byBank.get(ref.bankId) ?? new Set()).add(ref.localId));
  }
  return byBank;
}

function normaliseTags(catalogs: readonly Catalog[], tags: readonly string[]): Set<string> {
  const wanted = new Set(tags.map((tag) => tag.trim().toLowerCase()));
  const unknown = [...wanted].filter((tag) => !catalogs.some((catalog) => catalog.tags.has(tag)));
  if (unknown.length > 0)
    throw badInput(`unknown tag${unknown.length > 1 ? 's' : ''}: ${unknown.map((t) => `"${t}"`).join(', ')}`);
  return wanted;
}

/** The bank ids a filter names through its section ids (for loading their catalogs). */
export function banksOfSections(sectionIds: readonly string[]): string[] {
  return [...new Set(sectionIds.map((id) => parseGlobalId(id)?.bankId).filter((id): id is string => !!id))];
}
