/**
 * The one-off migration of a bank stored before question revisions existed: one item per
 * question (`Q#<localId>`, retirement flagged on the item) and a catalog without revisions or
 * retired questions. It becomes what an import writes today — an immutable revision per question,
 * named by a new catalog that also names the retired ones — with the same texts, order, numbers,
 * lines and retirements, so the next import of the same file writes nothing. Pure: the store
 * (src/store/migrations) reads the legacy bank and applies the plan.
 */
import { catalogVersion, serializeCatalog, type CatalogData } from './catalog';
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
