/**
 * `npm run admin -- content:migrate-revisions`, and `npm start` on a data folder from before
 * revisions: finds the banks still stored the old way (one `Q#<localId>` item per question,
 * retirement flagged on the item, a catalog without revisions) and rewrites each as an import
 * would today (src/domain/revision-migration.ts). The new revisions and catalog are written
 * first and published by the same conditional flip of the bank item as an import, so readers
 * see the old bank or the migrated one, whole; only then are the old items deleted. Knowledge of
 * the old layout lives here and nowhere else.
 *
 * The same pass indexes for full-text search every bank imported before search (or indexed in
 * an older format): the index is written and published with a conditional flip of the bank item,
 * like an import's, and nothing else changes.
 */
import type { BankRecord } from '../../domain/content';
import { hasFacets, type CatalogData } from '../../domain/catalog';
import {
  isLegacyCatalog,
  planFacetsUpgrade,
  planRevisionMigration,
  type LegacyBank,
} from '../../domain/revision-migration';
import { planSearchIndex } from '../../domain/search/search-plan';
import { searchVersionOf } from '../../domain/search/search-index';
import { batchWrite, type Item } from '../batch';
import type { Dynamo } from '../client';
import { decodeCatalog } from '../content/catalog-cache';
import { applyImportPlan, readExistingBank } from '../content/bank-writer';
import {
  BANKS_INDEX,
  bankFromItem,
  bankPartition,
  catalogPrefix,
  isBankItem,
  QUESTION_PREFIX,
  questionFromItem,
} from '../content/keys';
import { queryAll } from '../query';

export interface MigrationReport {
  /** Banks rewritten with revisions. */
  migrated: string[];
  /** Banks whose catalog was republished with each question's difficulty, kind and topic. */
  facetsAdded: string[];
  /** Banks that already had revisions. */
  current: number;
  /** Banks indexed for full-text search (imported before search existed, or just migrated). */
  indexed: string[];
}

/** A question item from before revisions: `Q#<localId>`, no revision in its sort key. */
const isLegacyQuestionItem = (item: Item): boolean =>
  item.SK.startsWith(QUESTION_PREFIX) && item.SK.split('#').length === 2;

function legacyQuestion(item: Item) {
  return {
    ...questionFromItem(item),
    retired: item.retired === true,
    retiredAt: (item.retiredAt as string | undefined) ?? null,
    lastPosition: (item.lastPosition as number | undefined) ?? null,
    lastNumber: (item.lastNumber as string | undefined) ?? null,
    lastLine: (item.lastLine as number | undefined) ?? null,
  };
}

interface StoredBank {
  /** Set when the bank is stored the old way (no revisions). */
  legacy: { legacy: LegacyBank; items: Item[] } | null;
  /** Set when it has revisions but its catalog predates facets. */
  facetsUpgrade: { bank: BankRecord; catalog: CatalogData; revisions: ReturnType<typeof questionFromItem>[] } | null;
}

/** The bank as stored, with what it needs upgrading (nothing: both null). */
async function readStoredBank(dynamo: Dynamo, bank: BankRecord): Promise<StoredBank> {
  const items = await queryAll(dynamo, {
    KeyConditionExpression: 'PK = :pk',
    ExpressionAttributeValues: { ':pk': bankPartition(bank.id) },
  });
  const bankItem = items.find(isBankItem);
  if (!bankItem) return { legacy: null, facetsUpgrade: null };
  const current = bankFromItem(bankItem);
  const parts = items
    .filter((item) => item.SK.startsWith(catalogPrefix(current.catalogVersion)))
    .map((item) => item.body as Uint8Array);
  if (parts.length !== current.catalogParts)
    throw new Error(
      `bank ${bank.id}: catalog ${current.catalogVersion} has ${parts.length} of ${current.catalogParts} parts`,
    );
  const catalog = decodeCatalog(parts);
  if (!isLegacyCatalog(catalog)) {
    if (hasFacets(catalog)) return { legacy: null, facetsUpgrade: null };
    const revisions = items.filter((item) => item.SK.startsWith(QUESTION_PREFIX) && !isLegacyQuestionItem(item));
    return { legacy: null, facetsUpgrade: { bank: current, catalog, revisions: revisions.map(questionFromItem) } };
  }
  const legacyItems = items.filter(isLegacyQuestionItem);
  return {
    legacy: { legacy: { bank: current, catalog, questions: legacyItems.map(legacyQuestion) }, items: legacyItems },
    facetsUpgrade: null,
  };
}

/** Migrates every bank stored before revisions; banks already migrated cost one Query each and are left alone. */
export async function migrateRevisions(
  dynamo: Dynamo,
  now: () => string = () => new Date().toISOString(),
): Promise<MigrationReport> {
  const banks = await queryAll(dynamo, {
    IndexName: BANKS_INDEX.name,
    KeyConditionExpression: 'GSI1PK = :pk',
    ExpressionAttributeValues: { ':pk': BANKS_INDEX.partition },
  });
  const report: MigrationReport = { migrated: [], facetsAdded: [], current: 0, indexed: [] };
  for (const bank of banks.map(bankFromItem)) {
    const { legacy: found, facetsUpgrade } = await readStoredBank(dynamo, bank);
    if (facetsUpgrade) {
      await applyImportPlan(
        dynamo,
        planFacetsUpgrade(facetsUpgrade.bank, facetsUpgrade.catalog, facetsUpgrade.revisions),
      );
      report.facetsAdded.push(bank.id);
    } else if (!found) {
      report.current += 1;
    } else {
      await applyImportPlan(dynamo, planRevisionMigration(found.legacy, now()));
      await batchWrite(
        dynamo,
        found.items.map(({ PK, SK }) => ({ DeleteRequest: { Key: { PK, SK } } })),
      );
      report.migrated.push(bank.id);
    }
    if (
      (found || facetsUpgrade || bank.searchVersion !== searchVersionOf(bank.catalogVersion)) &&
      (await indexForSearch(dynamo, bank.id))
    )
      report.indexed.push(bank.id);
  }
  return report;
}

/** Writes and publishes the bank's search index when it has none for its catalog; whether it did. */
async function indexForSearch(dynamo: Dynamo, bankId: string): Promise<boolean> {
  const plan = planSearchIndex(await readExistingBank(dynamo, bankId));
  if (!plan) return false;
  await applyImportPlan(dynamo, plan);
  return true;
}
