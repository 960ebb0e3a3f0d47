/**
 * Persists import plans. Order matters: the new question revisions first, then the new catalog
 * parts that name them, then the bank item that points readers at that catalog (a conditional
 * write, so two concurrent imports of one bank cannot both win), then the clean-up of what no
 * catalog still names. Until the bank item flips, readers keep serving the previous version in
 * full, texts included: nothing they read is ever overwritten.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { queryAll } from '../query';
import { Catalog, asPublished } from '../../domain/catalog';
import type { BankRecord, QuestionRecord } from '../../domain/content';
import type { ExistingBank, ImportPlan } from '../../domain/import-plan';
import { batchWrite, type Key, type WriteRequest } from '../batch';
import { decodeCatalog, encodeCatalog } from './catalog-cache';
import type { Dynamo } from '../client';
import {
  bankFromItem,
  bankKey,
  bankPartition,
  bankToItem,
  catalogPartToItem,
  catalogPrefix,
  catalogVersionOf,
  isBankItem,
  isCatalogItem,
  isQuestionItem,
  isSearchItem,
  questionKey,
  questionFromItem,
  questionToItem,
  searchPartToItem,
  searchPrefix,
  searchVersionOfKey,
} from './keys';
import { encodeSearchIndex } from './search-index-cache';

export class ConcurrentImportError extends Error {}

/** Everything stored for a bank: one paginated Query over its partition (import-time only). */
export async function readExistingBank(dynamo: Dynamo, bankId: string): Promise<ExistingBank> {
  const items = await queryAll(dynamo, {
    KeyConditionExpression: 'PK = :pk',
    ExpressionAttributeValues: { ':pk': bankPartition(bankId) },
  });

  const bankItem = items.find(isBankItem);
  const bank = bankItem ? bankFromItem(bankItem) : null;
  const parts = bank
    ? items
        .filter((item) => item.SK.startsWith(catalogPrefix(bank.catalogVersion)))
        .map((item) => item.body as Uint8Array)
    : [];
  const data = bank && parts.length === bank.catalogParts ? decodeCatalog(parts) : null;
  const revisions = items.filter(isQuestionItem).map(questionFromItem);
  return {
    bank,
    questions: data ? publishedQuestions(new Catalog(bankId, bank!.catalogVersion, data), revisions) : revisions,
    catalog: data,
    stored: {
      revisions: revisions.map(({ localId, revision }) => ({ localId, revision })),
      catalogVersions: [...new Set(items.filter(isCatalogItem).map((item) => catalogVersionOf(item.SK)))],
      searchVersions: [...new Set(items.filter(isSearchItem).map((item) => searchVersionOfKey(item.SK)))],
    },
  };
}

/** The revision the catalog names for each question it names. */
function publishedQuestions(catalog: Catalog, revisions: readonly QuestionRecord[]): QuestionRecord[] {
  const found: QuestionRecord[] = [];
  for (const record of revisions) {
    const ref = catalog.contentRef(record.localId);
    if (ref && ref.revision === record.revision) found.push(asPublished(record, ref));
  }
  return found;
}

export async function bankExists(dynamo: Dynamo, bankId: string): Promise<boolean> {
  const { Item } = await dynamo.doc.send(
    new GetCommand({ TableName: dynamo.tableName, Key: bankKey(bankId), ProjectionExpression: 'PK' }),
  );
  return Item !== undefined;
}

export interface ApplyOptions {
  onProgress?: (done: number, total: number) => void;
}

/** Writes the plan; returns the number of items written or deleted (0 for an unchanged bank). */
export async function applyImportPlan(dynamo: Dynamo, plan: ImportPlan, options: ApplyOptions = {}): Promise<number> {
  const bankId = plan.bank.id;
  const parts = plan.catalog.changed ? encodeCatalog(plan.catalog.serialized) : [];
  const searchParts = plan.search?.serialized ? encodeSearchIndex(plan.search.serialized) : [];
  const oldParts = [
    ...(plan.cleanup.catalogVersions.length > 0
      ? await listParts(dynamo, bankId, plan.cleanup.catalogVersions.map(catalogPrefix))
      : []),
    ...(plan.cleanup.searchVersions?.length
      ? await listParts(dynamo, bankId, plan.cleanup.searchVersions.map(searchPrefix))
      : []),
  ];
  const total =
    plan.writes.length +
    parts.length +
    searchParts.length +
    (plan.bankChanged ? 1 : 0) +
    plan.cleanup.revisions.length +
    oldParts.length;
  let done = 0;
  const progress = (n: number): void => options.onProgress?.((done += n), total);
  const write = (requests: WriteRequest[]): Promise<void> => batchWrite(dynamo, requests, { onProgress: progress });

  await write(plan.writes.map((record) => ({ PutRequest: { Item: questionToItem(record) } })));
  // The catalog and the search index the new bank item names, written before it (one batch).
  const search = plan.search;
  await write([
    ...parts.map((body, i) => ({ PutRequest: { Item: catalogPartToItem(bankId, plan.catalog.version, i, body) } })),
    ...searchParts.map((body, i) => ({ PutRequest: { Item: searchPartToItem(bankId, search!.version, i, body) } })),
  ]);
  if (plan.bankChanged) {
    const catalogParts = plan.catalog.changed ? parts.length : plan.catalog.previousParts;
    const indexParts = search ? { searchParts: search.serialized ? searchParts.length : search.previousParts } : {};
    await publishBank(dynamo, { ...plan.bank, catalogParts, ...indexParts }, plan.catalog.previousVersion);
    progress(1);
  }
  const cleanup = [
    ...plan.cleanup.revisions.map(({ localId, revision }) => questionKey(bankId, localId, revision)),
    ...oldParts,
  ];
  await write(cleanup.map((Key) => ({ DeleteRequest: { Key } })));
  return total;
}

async function publishBank(dynamo: Dynamo, bank: BankRecord, expectedVersion: string | null): Promise<void> {
  try {
    await dynamo.doc.send(
      new PutCommand({
        TableName: dynamo.tableName,
        Item: bankToItem(bank),
        ...(expectedVersion === null
          ? { ConditionExpression: 'attribute_not_exists(PK)' }
          : {
              ConditionExpression: 'catalogVersion = :expected',
              ExpressionAttributeValues: { ':expected': expectedVersion },
            }),
      }),
    );
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) {
      throw new ConcurrentImportError(
        `bank "${bank.id}" was changed by another import while this one ran; run the import again`,
      );
    }
    throw error;
  }
}

/** The keys of catalog or index parts under the given sort-key prefixes (one version each). */
async function listParts(dynamo: Dynamo, bankId: string, prefixes: readonly string[]): Promise<Key[]> {
  const lists = await Promise.all(
    prefixes.map((prefix) =>
      queryAll(dynamo, {
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': bankPartition(bankId), ':prefix': prefix },
        ProjectionExpression: 'PK, SK',
      }),
    ),
  );
  return lists.flat().map(({ PK, SK }) => ({ PK, SK }));
}
