/**
 * Reads content for one GraphQL request. Every GetItem of the request goes through one
 * DataLoader, so a bank, a question and the questions of several sections asked for in the same
 * tick cost a single BatchGetItem; results are memoised for the request only.
 */
import DataLoader from 'dataloader';
import type { Catalog } from '../domain/catalog';
import type { BankRecord, QuestionRecord } from '../domain/content';
import { batchGet, keyString, type Item, type Key } from './batch';
import { StaleCatalogError, type CatalogCache } from './catalog-store';
import type { Dynamo } from './client';
import { BANKS_INDEX, bankFromItem, bankKey, questionFromItem, questionKey } from './keys';
import { queryAll } from './query';

export class ContentReader {
  private readonly items: DataLoader<Key, Item | null, string>;
  private bankList: Promise<BankRecord[]> | undefined;

  constructor(
    private readonly dynamo: Dynamo,
    private readonly catalogs: CatalogCache,
  ) {
    this.items = new DataLoader((keys) => batchGet(dynamo, keys), { cacheKeyFn: keyString, maxBatchSize: 100 });
  }

  /**
   * Any items, through the request's one batching loader: reads asked for in the same tick
   * (content and a user's records alike) share a BatchGetItem.
   */
  async loadItems(keys: readonly Key[]): Promise<(Item | null)[]> {
    const items = await this.items.loadMany(keys);
    return items.map((item) => {
      if (item instanceof Error) throw item;
      return item;
    });
  }

  /**
   * Strongly consistent reads, in one BatchGetItem, outside the request's cache: for the
   * records a write is about to be decided on.
   */
  async readConsistent(keys: readonly Key[]): Promise<(Item | null)[]> {
    const items = await batchGet(this.dynamo, keys, true);
    items.forEach((item, i) => this.items.clear(keys[i]).prime(keys[i], item));
    return items;
  }

  /** Forgets what this request read for the keys (after a write that changed them). */
  forget(keys: readonly Key[]): void {
    for (const key of keys) this.items.clear(key);
  }

  async bank(bankId: string): Promise<BankRecord | null> {
    const item = await this.items.load(bankKey(bankId));
    return item ? bankFromItem(item) : null;
  }

  /** A bank that other data refers to; its absence is a broken invariant, not a user error. */
  async existingBank(bankId: string): Promise<BankRecord> {
    const bank = await this.bank(bankId);
    if (!bank) throw new Error(`bank ${bankId} is referred to but missing`);
    return bank;
  }

  /** All banks, ordered by id: one Query on the banks index (the list is small and bounded). */
  banks(): Promise<BankRecord[]> {
    this.bankList ??= this.queryBanks();
    return this.bankList;
  }

  /** The catalog this container last read for the bank; it may have been replaced since. */
  cachedCatalog(bankId: string): Catalog | undefined {
    return this.catalogs.latest(bankId);
  }

  /** The bank's catalog, or null when there is no such bank. */
  async catalog(bankId: string): Promise<Catalog | null> {
    const bank = await this.bank(bankId);
    if (!bank) return null;
    try {
      return await this.catalogs.load(bank);
    } catch (error) {
      if (!(error instanceof StaleCatalogError)) throw error;
      // An import replaced the catalog between our two reads: read the bank item once more.
      this.items.clear(bankKey(bankId));
      const fresh = await this.bank(bankId);
      return fresh ? this.catalogs.load(fresh) : null;
    }
  }

  async question(bankId: string, localId: string): Promise<QuestionRecord | null> {
    const item = await this.items.load(questionKey(bankId, localId));
    return item ? questionFromItem(item) : null;
  }

  async questions(refs: readonly { bankId: string; localId: string }[]): Promise<(QuestionRecord | null)[]> {
    const items = await this.items.loadMany(refs.map((ref) => questionKey(ref.bankId, ref.localId)));
    return items.map((item) => {
      if (item instanceof Error) throw item;
      return item ? questionFromItem(item) : null;
    });
  }

  private async queryBanks(): Promise<BankRecord[]> {
    const items = await queryAll(this.dynamo, { IndexName: BANKS_INDEX.name, KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': BANKS_INDEX.partition } });
    for (const item of items) this.items.prime(bankKey(item.id as string), item);
    return items.map(bankFromItem);
  }
}
