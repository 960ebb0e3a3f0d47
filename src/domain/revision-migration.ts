/**
 * The one-off migration of a bank stored before question revisions existed: one item per
 * question (`Q#<localId>`, retirement flagged on the item) and a catalog without revisions or
 * retired questions. It becomes what an import writes today — an immutable revision per question,
 * named by a new catalog that also names the retired ones — with the same texts, order, numbers,
 * lines and retirements, so the next import of the same file writes nothing. Pure: the store
 * (src/store/migrations) reads the legacy bank and applies the plan.
 */
import { catalogVersion, serializeCatalog, type CatalogData, type CatalogFacets } from './catalog';
import type { BankRecord, QuestionRecord } from './content';
import { bankContentHash, NOTHING_STORED, revisionOf, type ImportPlan } from './import-plan';

/** A bank as stored before revisions: its catalog has no revisions and no retired list. */
export interface LegacyBank {
  bank: BankRecord;
  /** The stored catalog: question tuples of five elements, no `retired`. */
  catalog: CatalogData;
  /** Every question item, retired ones flagged on the item. */
  questions: QuestionRecord[];
}

/** Whether a stored catalog predates revisions. */
export const isLegacyCatalog = (data: CatalogData): boolean => data.retired === undefined;

export function planRevisionMigration(legacy: LegacyBank, now: string): ImportPlan {
  const writes = legacy.questions.map((record): QuestionRecord => ({
    ...record,
    revision: revisionOf(record.contentHash, now),
  }));
  const revisionOfId = new Map(writes.map((record) => [record.localId, record.revision]));
  const missing = legacy.catalog.questions.find(([localId]) => !revisionOfId.has(localId));
  if (missing) throw new Error(`bank ${legacy.bank.id}: the catalog names question ${missing[0]}, which has no item`);
  const active = new Set(legacy.catalog.questions.map(([localId]) => localId));
  const retired = writes
    .filter((record) => record.retired && !active.has(record.localId))
    .sort((a, b) => (a.localId < b.localId ? -1 : a.localId > b.localId ? 1 : 0))
    .map((q): NonNullable<CatalogData['retired']>[number] => [
      q.localId,
      q.revision,
      q.lastPosition,
      q.lastNumber,
      q.lastLine,
      q.retiredAt ?? now,
    ]);
  const data: CatalogData = {
    sections: legacy.catalog.sections,
    questions: legacy.catalog.questions.map(([localId, section, number, line, tags]) => [
      localId,
      section,
      number,
      line,
      tags,
      revisionOfId.get(localId)!,
    ]),
    retired,
    facets: legacy.catalog.questions.map(([localId]) => {
      const record = writes.find((w) => w.localId === localId)!;
      return [record.difficulty, record.kind, record.topic];
    }),
  };
  const serialized = serializeCatalog(data);
  const version = catalogVersion(serialized);
  const { catalogParts: previousParts, ...bank } = legacy.bank;
  return {
    bank: { ...bank, catalogVersion: version, contentHash: bankContentHash(bank, version), updatedAt: now },
    bankChanged: true,
    catalog: { data, serialized, version, changed: true, previousVersion: legacy.bank.catalogVersion, previousParts },
    writes: writes.filter((record) => active.has(record.localId) || record.retired),
    retirements: [],
    // The legacy question items are deleted by the migration itself (their keys have no revision).
    cleanup: { ...NOTHING_STORED, catalogVersions: [legacy.bank.catalogVersion] },
    summary: { added: 0, updated: 0, unchanged: legacy.catalog.questions.length, retired: 0 },
  };
}

/**
 * A bank with revisions whose catalog predates facets (each question's difficulty, kind and
 * topic, see CatalogData.facets): the same catalog with the facets read from the revisions it
 * names. Texts, order and retirements stay; only a new catalog version is published (and the old
 * one deleted), so the next import of the same file writes nothing.
 */
export function planFacetsUpgrade(bank: BankRecord, catalog: CatalogData, revisions: QuestionRecord[]): ImportPlan {
  const byRevision = new Map(revisions.map((record) => [`${record.localId}#${record.revision}`, record]));
  const facets = catalog.questions.map(([localId, , , , , revision]): CatalogFacets => {
    const record = byRevision.get(`${localId}#${revision}`);
    if (!record)
      throw new Error(`bank ${bank.id}: the catalog names revision ${revision} of ${localId}, which is missing`);
    return [record.difficulty, record.kind, record.topic];
  });
  const data: CatalogData = {
    sections: catalog.sections,
    questions: catalog.questions,
    retired: catalog.retired,
    facets,
  };
  const serialized = serializeCatalog(data);
  const version = catalogVersion(serialized);
  const { catalogParts: previousParts, ...rest } = bank;
  return {
    bank: { ...rest, catalogVersion: version, contentHash: bankContentHash(rest, version) },
    bankChanged: true,
    catalog: { data, serialized, version, changed: true, previousVersion: bank.catalogVersion, previousParts },
    writes: [],
    retirements: [],
    cleanup: { ...NOTHING_STORED, catalogVersions: [bank.catalogVersion] },
    summary: { added: 0, updated: 0, unchanged: catalog.questions.length, retired: 0 },
  };
}
