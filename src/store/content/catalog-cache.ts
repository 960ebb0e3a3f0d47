/**
 * Catalogs are stored gzipped, split into parts well under DynamoDB's 400 KB item limit, and kept
 * in memory per container keyed by version: a warm reader checks the bank item's version (one
 * GetItem it needs anyway) and only reads the parts again after an import published a new one.
 */
import { Catalog, type CatalogData } from '../../domain/catalog';
import type { BankRecord } from '../../domain/content';
import type { Dynamo } from '../client';
import { gunzipParts, gzipParts } from './gzip-parts';
import { bankPartition, catalogPrefix } from './keys';
import { queryAll } from '../query';
import { SearchIndexCache } from './search-index-cache';

export function encodeCatalog(serialized: string): Uint8Array[] {
  return gzipParts(serialized);
}

export function decodeCatalog(parts: readonly Uint8Array[]): CatalogData {
  return JSON.parse(gunzipParts(parts)) as CatalogData;
}

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
