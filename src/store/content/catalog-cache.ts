/**
 * Catalogs are stored gzipped, split into parts well under DynamoDB's 400 KB item limit, and kept
 * in memory per container keyed by version: a warm reader checks the bank item's version (one
 * GetItem it needs anyway) and only reads the parts again after an import published a new one.
 */
import { Catalog, type CatalogData } from '../../domain/catalog';
import type { BankRecord } from '../../domain/content';
import type { Item } from '../batch';
import type { Dynamo } from '../client';
import { gunzipParts, gzipParts } from './gzip-parts';
import { bankFromItem, bankPartition, CATALOG_PREFIX, catalogPrefix, isBankItem, SEARCH_PREFIX } from './keys';
import { queryAll } from '../query';
import { SearchIndexCache } from './search-index-cache';

export function encodeCatalog(serialized: string): Uint8Array[] {
  return gzipParts(serialized);
}

export function decodeCatalog(parts: readonly Uint8Array[]): CatalogData {
  return JSON.parse(gunzipParts(parts)) as CatalogData;
}

/** How long a bank that could not be warmed is not tried again; and how many such banks are remembered. */
const WARM_RETRY_MS = 10_000;
const WARM_LIMIT = 1_000;

/** The bodies of the parts under `prefix`, in sort-key order (the order the Query returned). */
const bodiesOf = (items: readonly Item[], prefix: string): Uint8Array[] =>
  items.filter((item) => item.SK.startsWith(prefix)).map((item) => item.body as Uint8Array);

/** Thrown when a catalog version was replaced between reading the bank item and its parts. */
export class StaleCatalogError extends Error {}

export class CatalogCache {
  private readonly loaded = new Map<string, Promise<Catalog>>();
  private readonly latestByBank = new Map<string, Catalog>();
  /** The banks' full-text indexes this container has read, kept by version like the catalogs. */
  readonly search: SearchIndexCache;

  constructor(private readonly dynamo: Dynamo) {
    this.search = new SearchIndexCache(dynamo);
  }

  /** The catalog version each bank item read last named, and when (Date.now()). */
  private readonly confirmedAt = new Map<string, { version: string; at: number }>();

  /** Notes a bank item read: it named `version` as the bank's current catalog. */
  noteCurrent(bankId: string, version: string, at = Date.now()): void {
    this.confirmedAt.set(bankId, { version, at });
  }

  /** Whether a bank item read within the last `ms` named `version` as current. */
  confirmedWithin(bankId: string, version: string, ms: number, now = Date.now()): boolean {
    const confirmed = this.confirmedAt.get(bankId);
    return confirmed !== undefined && confirmed.version === version && now - confirmed.at <= ms;
  }

  /** Banks being warmed, or tried lately and not found whole: at most one warming Query each per WARM_RETRY_MS. */
  private readonly warming = new Map<string, { done: Promise<void>; until: number }>();

  /**
   * Reads the bank item and its catalog in ONE Query (both live in the bank's partition, `BANK`
   * sorting just before `CATALOG#…`) — with `search`, the full-text index in a second Query beside
   * it — and holds what it found, for a container that does not hold the bank's catalog yet. It
   * never fails: a bank that is not there, or a catalog caught mid-publish, is simply not held,
   * and the request then reads as it always does. Nothing read here is trusted blindly: a held
   * catalog is confirmed by the bank item read with the questions, as every warm read is.
   */
  warm(bankId: string, options: { search?: boolean; now?: number } = {}): Promise<void> {
    const now = options.now ?? Date.now();
    const known = this.warming.get(bankId);
    if (this.latest(bankId) || (known && known.until > now)) return known?.done ?? Promise.resolve();
    const done = this.readWhole(bankId, options.search ?? false).catch(() => undefined);
    this.warming.set(bankId, { done, until: now + WARM_RETRY_MS });
    if (this.warming.size > WARM_LIMIT) this.warming.delete(this.warming.keys().next().value!);
    return done;
  }

  private async readWhole(bankId: string, withSearch: boolean): Promise<void> {
    const [items, searchItems] = await Promise.all([
      queryAll(this.dynamo, {
        KeyConditionExpression: 'PK = :pk AND SK BETWEEN :bank AND :last',
        ExpressionAttributeValues: {
          ':pk': bankPartition(bankId),
          ':bank': 'BANK',
          ':last': `${CATALOG_PREFIX}\uffff`,
        },
      }),
      withSearch
        ? queryAll(this.dynamo, {
            KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
            ExpressionAttributeValues: { ':pk': bankPartition(bankId), ':prefix': SEARCH_PREFIX },
          })
        : [],
    ]);
    const bankItem = items.find(isBankItem);
    if (!bankItem) return;
    const bank = bankFromItem(bankItem);
    const parts = bodiesOf(items, catalogPrefix(bank.catalogVersion));
    if (parts.length !== bank.catalogParts) return;
    this.hold(new Catalog(bank.id, bank.catalogVersion, decodeCatalog(parts)));
    this.noteCurrent(bank.id, bank.catalogVersion);
    if (bank.searchVersion) this.search.hold(bank, bodiesOf(searchItems, `${SEARCH_PREFIX}${bank.searchVersion}#`));
  }

  private hold(catalog: Catalog): void {
    const cacheKey = `${catalog.bankId}@${catalog.version}`;
    if (this.loaded.has(cacheKey)) return;
    this.forgetOtherVersions(catalog.bankId);
    this.loaded.set(cacheKey, Promise.resolve(catalog));
    this.latestByBank.set(catalog.bankId, catalog);
  }

  /** The newest catalog this container has read for the bank, without asking DynamoDB. */
  latest(bankId: string): Catalog | undefined {
    return this.latestByBank.get(bankId);
  }

  load(bank: BankRecord): Promise<Catalog> {
    const cacheKey = `${bank.id}@${bank.catalogVersion}`;
    let catalog = this.loaded.get(cacheKey);
    if (!catalog) {
      catalog = this.read(bank);
      this.forgetOtherVersions(bank.id);
      this.loaded.set(cacheKey, catalog);
      catalog.then(
        (loaded) => this.latestByBank.set(bank.id, loaded),
        () => this.loaded.delete(cacheKey),
      );
    }
    return catalog;
  }

  private forgetOtherVersions(bankId: string): void {
    for (const key of this.loaded.keys()) if (key.startsWith(`${bankId}@`)) this.loaded.delete(key);
  }

  private async read(bank: BankRecord): Promise<Catalog> {
    const items = await queryAll(this.dynamo, {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': bankPartition(bank.id), ':prefix': catalogPrefix(bank.catalogVersion) },
    });
    const parts = items.map((item) => item.body as Uint8Array);
    if (parts.length !== bank.catalogParts) {
      throw new StaleCatalogError(
        `catalog ${bank.id}@${bank.catalogVersion} has ${parts.length} of ${bank.catalogParts} parts`,
      );
    }
    return new Catalog(bank.id, bank.catalogVersion, decodeCatalog(parts));
  }
}
