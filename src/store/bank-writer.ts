/**
 * Persists import plans. Order matters: question items first, then the new catalog parts, then
 * the bank item that points readers at them (a conditional write, so two concurrent imports of
 * one bank cannot both win), then retirements and the old catalog's clean-up. Until the bank
 * item flips, readers keep serving the previous catalog in full.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { queryAll } from './query';
import type { BankRecord } from '../domain/content';
import type { ExistingBank, ImportPlan } from '../domain/import-plan';
import { batchWrite, type WriteRequest } from './batch';
import { decodeCatalog, encodeCatalog } from './catalog-store';
import type { Dynamo } from './client';
import {
  bankFromItem,
  bankKey,
  bankPartition,
  bankToItem,
  catalogPartToItem,
  catalogPrefix,
  isBankItem,
  isQuestionItem,
  questionFromItem,
  questionToItem,
} from './keys';

export class ConcurrentImportError extends Error {}

/** Everything stored for a bank: one paginated Query over its partition (import-time only). */
export async function readExistingBank(dynamo: Dynamo, bankId: string): Promise<ExistingBank> {
  const items = await queryAll(dynamo, { KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': bankPartition(bankId) } });

  const bankItem = items.find(isBankItem);
  const bank = bankItem ? bankFromItem(bankItem) : null;
  const parts = bank
    ? items.filter((item) => item.SK.startsWith(catalogPrefix(bank.catalogVersion))).map((item) => item.body as Uint8Array)
    : [];
  return {
    bank,
    questions: items.filter(isQuestionItem).map(questionFromItem),
    catalog: bank && parts.length === bank.catalogParts ? decodeCatalog(parts) : null,
  };
}

export async function bankExists(dynamo: Dynamo, bankId: string): Promise<boolean> {
  const { Item } = await dynamo.doc.send(new GetCommand({ TableName: dynamo.tableName, Key: bankKey(bankId), ProjectionExpression: 'PK' }));
  return Item !== undefined;
}

export interface ApplyOptions {
  onProgress?: (done: number, total: number) => void;
}

/** Writes the plan; returns the number of items written or deleted (0 for an unchanged bank). */
export async function applyImportPlan(dynamo: Dynamo, plan: ImportPlan, options: ApplyOptions = {}): Promise<number> {
  const parts = plan.catalog.changed ? encodeCatalog(plan.catalog.serialized) : [];
  const oldParts = plan.catalog.changed && plan.catalog.previousVersion ? await listCatalogParts(dynamo, plan.bank.id, plan.catalog.previousVersion) : [];
  const total = plan.writes.length + parts.length + (plan.bankChanged ? 1 : 0) + plan.retirements.length + oldParts.length;
  let done = 0;
  const progress = (n: number): void => options.onProgress?.((done += n), total);
  const write = (requests: WriteRequest[]): Promise<void> => batchWrite(dynamo, requests, { onProgress: progress });

  await write(plan.writes.map((record) => ({ PutRequest: { Item: questionToItem(record) } })));
  await write(parts.map((body, i) => ({ PutRequest: { Item: catalogPartToItem(plan.bank.id, plan.catalog.version, i, body) } })));
  if (plan.bankChanged) {
    const catalogParts = plan.catalog.changed ? parts.length : plan.catalog.previousParts;
    await publishBank(dynamo, { ...plan.bank, catalogParts }, plan.catalog.previousVersion);
    progress(1);
  }
  await write(plan.retirements.map((record) => ({ PutRequest: { Item: questionToItem(record) } })));
  await write(oldParts.map((SK) => ({ DeleteRequest: { Key: { PK: bankPartition(plan.bank.id), SK } } })));
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
          : { ConditionExpression: 'catalogVersion = :expected', ExpressionAttributeValues: { ':expected': expectedVersion } }),
      }),
    );
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) {
      throw new ConcurrentImportError(`bank "${bank.id}" was changed by another import while this one ran; run the import again`);
    }
    throw error;
  }
}

async function listCatalogParts(dynamo: Dynamo, bankId: string, version: string): Promise<string[]> {
  const items = await queryAll(dynamo, {
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
    ExpressionAttributeValues: { ':pk': bankPartition(bankId), ':prefix': catalogPrefix(version) },
    ProjectionExpression: 'SK',
  });
  return items.map((item) => item.SK);
}
