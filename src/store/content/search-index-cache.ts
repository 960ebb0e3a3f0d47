/**
 * Full-text indexes are stored like catalogs: gzipped, cut into parts well under DynamoDB's
 * 400 KB item limit, named by the version the bank item publishes (`SEARCH#<version>#<part>`),
 * and kept in memory per container by that version. A cold read is one BatchGetItem of the
 * parts the bank item counts, whatever the bank's size.
 */
import type { BankRecord } from '../../domain/content';
import { SearchIndex } from '../../domain/search/search-index';
import { batchGet } from '../batch';
import type { Dynamo } from '../client';
import { gunzipParts, gzipParts } from './gzip-parts';
import { searchKey } from './keys';

export function encodeSearchIndex(serialized: string): Uint8Array[] {
  return gzipParts(serialized);
}

export function decodeSearchIndex(parts: readonly Uint8Array[]): SearchIndex {
  return new SearchIndex(gunzipParts(parts));
}

/** Thrown when an index version was cleaned up between reading the bank item and its parts. */
export class StaleSearchIndexError extends Error {}

export class SearchIndexCache {
  private readonly loaded = new Map<string, Promise<SearchIndex>>();
  private readonly held = new Map<string, { version: string; index: SearchIndex }>();

  constructor(private readonly dynamo: Dynamo) {}

  /** The bank's index of this version when this container holds it, without asking DynamoDB. */
  heldIndex(bankId: string, version: string): SearchIndex | undefined {
    const held = this.held.get(bankId);
    return held?.version === version ? held.index : undefined;
  }

  /** Holds the index the bank item names from parts read elsewhere (CatalogCache.warm), when they are all there. */
  hold(bank: BankRecord, parts: readonly Uint8Array[]): void {
    const version = bank.searchVersion;
    if (!version || parts.length !== bank.searchParts || this.heldIndex(bank.id, version)) return;
    const index = decodeSearchIndex(parts);
    for (const key of this.loaded.keys()) if (key.startsWith(`${bank.id}@`)) this.loaded.delete(key);
    this.loaded.set(`${bank.id}@${version}`, Promise.resolve(index));
    this.held.set(bank.id, { version, index });
  }

  /** The index the bank item names; the bank must have one (`searchVersion`). */
  load(bank: BankRecord): Promise<SearchIndex> {
    const version = bank.searchVersion!;
    const cacheKey = `${bank.id}@${version}`;
    let index = this.loaded.get(cacheKey);
    if (!index) {
      index = this.read(bank.id, version, bank.searchParts ?? 0);
      for (const key of this.loaded.keys()) if (key.startsWith(`${bank.id}@`)) this.loaded.delete(key);
      this.loaded.set(cacheKey, index);
      index.then(
        (loaded) => this.held.set(bank.id, { version, index: loaded }),
        () => this.loaded.delete(cacheKey),
      );
    }
    return index;
  }

  private async read(bankId: string, version: string, parts: number): Promise<SearchIndex> {
    const keys = Array.from({ length: parts }, (_, part) => searchKey(bankId, version, part));
    const items = await batchGet(this.dynamo, keys);
    if (parts === 0 || items.some((item) => item === null))
      throw new StaleSearchIndexError(`search index ${bankId}@${version} is missing parts`);
    return decodeSearchIndex(items.map((item) => item!.body as Uint8Array));
  }
}
