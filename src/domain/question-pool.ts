/**
 * Which questions a request is about: the filter (sections, tags) applied to the catalogs of the
 * banks in scope, in catalog order. Unknown sections and tags are the caller's mistake.
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

/** Bounds the work a filter can ask for, before anything is read. */
export function checkFilterSize(filter: PoolFilter): void {
  if ((filter.sectionIds?.length ?? 0) > MAX_FILTER_SECTIONS) throw badInput(`"sectionIds" takes at most ${MAX_FILTER_SECTIONS} ids, got ${filter.sectionIds!.length}`);
  if ((filter.tags?.length ?? 0) > MAX_FILTER_TAGS) throw badInput(`"tags" takes at most ${MAX_FILTER_TAGS} tags, got ${filter.tags!.length}`);
}

/** `catalogs` must already be ordered (bank id) and hold every bank named by the filter. */
export function selectPool(catalogs: readonly Catalog[], filter: PoolFilter): OrderedQuestion[] {
  const sections = sectionsByBank(catalogs, filter.sectionIds ?? []);
  const tags = normaliseTags(catalogs, filter.tags ?? []);
  return catalogs.flatMap((catalog) => {
    const wanted = sections.get(catalog.bankId);
    if (sections.size > 0 && !wanted) return [];
    return catalog.questions
      .filter((q) => (!wanted || wanted.has(q.sectionSlug)) && (tags.size === 0 || q.tags.some((tag) => tags.has(tag))))
      .map((q): OrderedQuestion => ({ question: q, order: [catalog.bankId, catalog.section(q.sectionSlug)?.position ?? 0, q.position] }));
  });
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
  if (unknown.length > 0) throw badInput(`unknown tag${unknown.length > 1 ? 's' : ''}: ${unknown.map((t) => `"${t}"`).join(', ')}`);
  return wanted;
}

/** The bank ids a filter names through its section ids (for loading their catalogs). */
export function banksOfSections(sectionIds: readonly string[]): string[] {
  return [...new Set(sectionIds.map((id) => parseGlobalId(id)?.bankId).filter((id): id is string => !!id))];
}
