/**
 * Reads content for one GraphQL request. Every GetItem of the request goes through one
 * DataLoader, so a bank, a question and the questions of several sections asked for in the same
 * tick cost a single BatchGetItem; results are memoised for the request only.
 *
 * Question texts are read at the revision the catalog names, so a reader sees one published
 * version whole: texts an import has written but not yet published are never read.
 */
import DataLoader from 'dataloader';
import { asPublished, type Catalog } from '../domain/catalog';
import type { BankRecord, QuestionRecord } from '../domain/content';
import { batchGet, keyString, type Item, type Key } from './batch';
import { StaleCatalogError, type CatalogCache } from './catalog-store';
import type { Dynamo } from './client';
import { BANKS_INDEX, bankFromItem, bankKey, questionFromItem, questionKey } from './keys';
import { queryAll } from './query';

export interface QuestionRef {
  bankId: string;
  localId: string;
}

/** A question as published by `catalog` (the catalog it was read under). */
export interface StoredQuestion {
  record: QuestionRecord;
  catalog: Catalog;
}

const STALE = Symbol('stale');

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
      // An import replaced the catalog between our two reads.
      return this.freshCatalog(bankId);
    }
  }

  /**
   * Runs `read` with the catalogs this container holds for the banks, and checks their versions
   * against the bank items in the same round trip (`read` must start its loads before its first
   * await). Undefined when a catalog is not held or an import has replaced it meanwhile.
   */
  async withCachedCatalogs<T>(bankIds: readonly string[], read: (catalogs: Catalog[]) => Promise<T>): Promise<{ value: T } | undefined> {
    const cached = bankIds.map((id) => this.catalogs.latest(id));
    if (!cached.every((catalog): catalog is Catalog => catalog !== undefined)) return undefined;
    const checks = bankIds.map((id) => this.bank(id));
    const result = read(cached);
    result.catch(() => {}); // awaited below unless the catalogs turn out stale
    const banks = await Promise.all(checks);
    return banks.every((bank, i) => bank?.catalogVersion === cached[i].version) ? { value: await result } : undefined;
  }

  /** Any question, retired ones included, as its bank's current catalog publishes it. */
  async question(bankId: string, localId: string): Promise<StoredQuestion | null> {
    const refs = [{ bankId, localId }];
    const warm = await this.withCachedCatalogs([bankId], (catalogs) => this.published(catalogs, refs));
    if (warm) return warm.value[0];
    const catalog = await this.catalog(bankId);
    return catalog && (await this.published([catalog], refs))[0];
  }

  /**
   * Questions as the given catalogs publish them, in order, in one batched read (starts its loads
   * before its first await); null for a question no catalog knows. A revision the catalog names
   * is only ever missing when the catalog was replaced twice since it was read (the previous
   * version's texts are kept): then the bank is read again, strongly consistent, and so are they.
   */
  async published(catalogs: readonly Catalog[], refs: readonly QuestionRef[]): Promise<(StoredQuestion | null)[]> {
    const byBank = new Map(catalogs.map((catalog) => [catalog.bankId, catalog]));
    const first = await this.readPublished(byBank, refs);
    const stale = [...new Set(refs.filter((_, i) => first[i] === STALE).map((ref) => ref.bankId))];
    if (stale.length === 0) return first as (StoredQuestion | null)[];
    for (const bankId of stale) {
      const fresh = await this.freshCatalog(bankId);
      if (fresh) byBank.set(bankId, fresh);
      else byBank.delete(bankId);
    }
    const again = await this.readPublished(byBank, refs);
    return again.map((question, i) => {
      if (question === STALE) throw new Error(`the catalog of ${refs[i].bankId} names a revision of ${refs[i].localId} that is missing`);
      return question;
    });
  }

  private async readPublished(catalogs: ReadonlyMap<string, Catalog>, refs: readonly QuestionRef[]): Promise<(StoredQuestion | null | typeof STALE)[]> {
    const reads = refs.map(({ bankId, localId }) => {
      const catalog = catalogs.get(bankId);
      const ref = catalog?.contentRef(localId);
      // A catalog from before revisions does not name retired questions; their items say so.
      const readable = catalog && (ref || !catalog.namesRetired);
      return { catalog, ref, key: readable ? questionKey(bankId, localId, ref?.revision ?? null) : null };
    });
    const items = await this.loadItems(reads.flatMap(({ key }) => (key ? [key] : [])));
    let next = 0;
    return reads.map(({ catalog, ref, key }) => {
      const item = key ? items[next++] : null;
      if (!item) return ref ? STALE : null;
      return { record: asPublished(questionFromItem(item), ref), catalog: catalog! };
    });
  }

  /** The bank's catalog after a strongly consistent read of its bank item. */
  private async freshCatalog(bankId: string): Promise<Catalog | null> {
    const [item] = await this.readConsistent([bankKey(bankId)]);
    return item ? this.catalogs.load(bankFromItem(item)) : null;
  }

  private async queryBanks(): Promise<BankRecord[]> {
    const items = await queryAll(this.dynamo, { IndexName: BANKS_INDEX.name, KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': BANKS_INDEX.partition } });
    for (const item of items) this.items.prime(bankKey(item.id as string), item);
    return items.map(bankFromItem);
  }
}
