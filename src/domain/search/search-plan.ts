/**
 * The search index's part of an import plan: built for the catalog version a plan publishes
 * unless the bank item already names that index, and the other index versions cleaned up once
 * a new one is published. `planSearchIndex` indexes a stored bank without changing anything else.
 */
import { Catalog, serializeCatalog } from '../catalog';
import type { ExistingBank, ImportPlan, SearchPlan, StoredContent } from '../import-plan';
import { buildSearchIndex, searchVersionOf, type Searchable } from './search-index';

/** The index for the catalog version: built from its active questions, in catalog order, unless stored already. */
export function searchPlan(existing: ExistingBank, catalogVersion: string, active: readonly Searchable[]): SearchPlan {
  const version = searchVersionOf(catalogVersion);
  const indexed = existing.bank?.searchVersion === version;
  return {
    version,
    serialized: indexed ? null : buildSearchIndex(active),
    previousParts: indexed ? (existing.bank?.searchParts ?? 0) : 0,
  };
}

/** When a new index is published, every other stored index version goes with the clean-up. */
export function searchCleanup(existing: ExistingBank, search: SearchPlan, rest: StoredContent): StoredContent {
  if (search.serialized === null) return rest;
  const old = (existing.stored.searchVersions ?? []).filter((v) => v !== search.version);
  return old.length > 0 ? { ...rest, searchVersions: old } : rest;
}

/**
 * Indexes a stored bank for search without changing anything else (`content:migrate-revisions`
 * and `npm start` run it for banks imported before search); null when it is indexed already.
 */
export function planSearchIndex(existing: ExistingBank): ImportPlan | null {
  if (!existing.bank || !existing.catalog) return null;
  const { catalogParts, ...bank } = existing.bank;
  const catalog = new Catalog(bank.id, bank.catalogVersion, existing.catalog);
  const byId = new Map(existing.questions.map((record) => [record.localId, record]));
  const active = catalog.questions.map((entry) => {
    const record = byId.get(entry.localId);
    if (!record) throw new Error(`bank ${bank.id}: the catalog names question ${entry.localId}, which has no revision`);
    return record;
  });
  const search = searchPlan(existing, bank.catalogVersion, active);
  if (search.serialized === null) return null;
  return {
    bank: { ...bank, searchVersion: search.version },
    bankChanged: true,
    catalog: {
      data: existing.catalog,
      serialized: serializeCatalog(existing.catalog),
      version: bank.catalogVersion,
      changed: false,
      previousVersion: bank.catalogVersion,
      previousParts: catalogParts,
    },
    writes: [],
    retirements: [],
    cleanup: searchCleanup(existing, search, { revisions: [], catalogVersions: [] }),
    summary: { added: 0, updated: 0, unchanged: active.length, retired: 0 },
    search,
  };
}
