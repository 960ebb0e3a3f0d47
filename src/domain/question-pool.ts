/**
 * Which questions a request is about: the filter (sections, tags) applied to the catalogs of the
 * banks in scope, in catalog order. Unknown sections and tags are the caller's mistake.
 *
 * Catalogs are immutable and shared by every request of a container, so the pools built from
 * them are too: each is built once and kept while its first catalog lives. A request then costs
 * the filter's checks and a lookup, not a pass over the bank (10,000 questions). Shared pools are
 * typed read-only and not frozen: V8 copies and reads frozen arrays several times more slowly.
 */
import { badInput } from './errors';
import type { Catalog } from './catalog';
import { parseGlobalId } from './ids';
import type { OrderedQuestion } from './pagination';

export interface PoolFilter {
  sectionIds?: readonly string[] | null;
  tags?: readonly string[] | null;
}

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
}

/**
 * `catalogs` must already be ordered (bank id) and hold every bank named by the filter. The pool
 * is shared with other requests: copy it before changing it.
 */
export function selectPool(catalogs: readonly Catalog[], filter: PoolFilter): readonly OrderedQuestion[] {
  const sections = sectionsByBank(catalogs, filter.sectionIds ?? []);
  const tags = normaliseTags(catalogs, filter.tags ?? []);
  if (catalogs.length === 0) return NO_QUESTIONS;
  if (catalogs.length === 1 && sections.size === 0 && tags.size === 0) return orderedQuestions(catalogs[0]);
  const key = `${catalogs.map((c) => c.bankId).join(',')}|${filterKey(sections, tags)}`;
  return cachedPool(catalogs, key, () =>
    catalogs.flatMap((catalog) => {
      const wanted = sections.get(catalog.bankId);
      if (sections.size > 0 && !wanted) return [];
      return orderedQuestions(catalog).filter(
        ({ question: q }) =>
          (!wanted || wanted.has(q.sectionSlug)) && (tags.size === 0 || q.tags.some((tag) => tags.has(tag))),
      );
    }),
  );
}

const sharedPools = new WeakSet<readonly OrderedQuestion[]>();

/** A pool from selectPool: it never changes, so facts derived from it may be kept by the pool. */
export const isSharedPool = (pool: readonly OrderedQuestion[]): boolean => sharedPools.has(pool);

function share(pool: readonly OrderedQuestion[]): readonly OrderedQuestion[] {
  sharedPools.add(pool);
  return pool;
}

const NO_QUESTIONS = share([]);

const orderedByCatalog = new WeakMap<Catalog, readonly OrderedQuestion[]>();

/** Every active question of the catalog with its sort key, built once per catalog. */
function orderedQuestions(catalog: Catalog): readonly OrderedQuestion[] {
  let ordered = orderedByCatalog.get(catalog);
  if (!ordered) {
    ordered = share(
      catalog.questions.map((q): OrderedQuestion => ({
        question: q,
        order: [catalog.bankId, catalog.section(q.sectionSlug)?.position ?? 0, q.position],
      })),
    );
    orderedByCatalog.set(catalog, ordered);
  }
  return ordered;
}

interface CachedPool {
  catalogs: readonly Catalog[];
  pool: readonly OrderedQuestion[];
}

/** Filtered and multi-bank pools, by their first catalog (so they go when it does), then by key. */
const poolsByCatalog = new WeakMap<Catalog, Map<string, CachedPool>>();

function cachedPool(
  catalogs: readonly Catalog[],
  key: string,
  build: () => OrderedQuestion[],
): readonly OrderedQuestion[] {
  let pools = poolsByCatalog.get(catalogs[0]);
  if (!pools) poolsByCatalog.set(catalogs[0], (pools = new Map()));
  const hit = pools.get(key);
  pools.delete(key);
  // The key names banks, not versions: a pool is only reused for the very same catalogs.
  const entry =
    hit && hit.catalogs.every((catalog, i) => catalog === catalogs[i])
      ? hit
      : { catalogs: catalogs.slice(), pool: share(build()) };
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
