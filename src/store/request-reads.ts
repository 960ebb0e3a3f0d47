/**
 * The reads of one request. Every GetItem of a request goes through one DataLoader, so items
 * asked for in the same tick — a bank, a question, a user's profile, counter shards — cost a
 * single BatchGetItem; results are memoised for the request only. The stores of a request share
 * one RequestReads (src/store/index.ts).
 */
import DataLoader from 'dataloader';
import { batchGet, keyString, type Item, type Key } from './batch';
import type { Dynamo } from './client';

/**
 * A read whose keys are known before it is sent, and how to make sense of the items that come
 * back. Reads that must share a round trip are handed to `all` or `consistent` together, keys up
 * front, so no `await` in between can split them into two.
 */
export interface Read<T> {
  readonly keys: readonly Key[];
  decode(items: readonly (Item | null)[]): T;
}

export const read = <T>(keys: readonly Key[], decode: (items: readonly (Item | null)[]) => T): Read<T> => ({
  keys,
  decode,
});

type Results<T extends readonly unknown[]> = { [K in keyof T]: Read<T[K]> };

export class RequestReads {
  private readonly items: DataLoader<Key, Item | null, string>;

  constructor(private readonly dynamo: Dynamo) {
    this.items = new DataLoader((keys) => batchGet(dynamo, keys), { cacheKeyFn: keyString, maxBatchSize: 100 });
  }

  /** The items, in order (null for a missing one), batched with every other load of this tick. */
  async load(keys: readonly Key[]): Promise<(Item | null)[]> {
    const items = await this.items.loadMany(keys);
    return items.map((item) => {
      if (item instanceof Error) throw item;
      return item;
    });
  }

  /** The reads' items in one batched round trip (with whatever else this tick loads), each decoded. */
  async all<T extends readonly unknown[]>(reads: Results<T>): Promise<T> {
    return decodeAll(reads, await this.load(reads.flatMap((r) => r.keys)));
  }

  /** The reads' items strongly consistent, in one BatchGetItem, each decoded. */
  async consistent<T extends readonly unknown[]>(reads: Results<T>): Promise<T> {
    return decodeAll(reads, await this.readConsistent(reads.flatMap((r) => r.keys)));
  }

  /** Primes the request's cache with items read another way (a Query). */
  prime(key: Key, item: Item): void {
    this.items.prime(key, item);
  }

  /**
   * Strongly consistent reads, in one BatchGetItem, outside the request's cache: for the records
   * a write is about to be decided on.
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
}

function decodeAll<T extends readonly unknown[]>(reads: Results<T>, items: readonly (Item | null)[]): T {
  let next = 0;
  return reads.map((r) => {
    const own = items.slice(next, next + r.keys.length);
    next += r.keys.length;
    return r.decode(own);
  }) as unknown as T;
}
