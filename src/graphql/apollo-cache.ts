/**
 * Apollo's in-memory cache (@apollo/utils.keyvaluecache's InMemoryLRUCache, which holds the
 * server's parsed and validated documents and its persisted queries) without lru-cache: in the
 * Lambda bundle esbuild-plugins.js hands Apollo this module for that package, and ~19 KB fewer
 * bytes are compiled on every cold start (docs/performance.md, "What the cold start does less").
 *
 * The same contract as the original: entries sized as it sizes them (a string by its length,
 * anything else by its JSON's UTF-8 bytes), 30 MiB in all by default, the least recently read
 * or written dropped first, an entry larger than the whole cache never kept, `ttl` in seconds
 * (0 or none: no expiry). A Map keeps the order: reading an entry moves it to the end.
 */
import type { KeyValueCache, KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';

export { PrefixingKeyValueCache } from '@apollo/utils.keyvaluecache/dist/PrefixingKeyValueCache';

interface Entry<V> {
  value: V;
  size: number;
  /** ms since the epoch; Infinity: no expiry. */
  expires: number;
}

export class InMemoryLRUCache<V = string> implements KeyValueCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly maxSize: number;
  private size = 0;

  constructor(options: { maxSize?: number } = {}) {
    this.maxSize = options.maxSize ?? 30 * 2 ** 20;
  }

  static sizeCalculation(item: unknown): number {
    if (typeof item === 'string') return item.length;
    if (typeof item === 'object') return Buffer.byteLength(JSON.stringify(item), 'utf8');
    return 1;
  }

  async set(key: string, value: V, options?: KeyValueCacheSetOptions): Promise<void> {
    this.remove(key);
    const size = InMemoryLRUCache.sizeCalculation(value);
    if (size > this.maxSize) return;
    const expires = options?.ttl ? Date.now() + options.ttl * 1000 : Infinity;
    this.entries.set(key, { value, size, expires });
    this.size += size;
    for (const [oldest] of this.entries) {
      if (this.size <= this.maxSize) break;
      this.remove(oldest);
    }
  }

  async get(key: string): Promise<V | undefined> {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires <= Date.now()) {
      this.remove(key);
      return undefined;
    }
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  async delete(key: string): Promise<boolean> {
    return this.remove(key);
  }

  clear(): void {
    this.entries.clear();
    this.size = 0;
  }

  /** Most recently used first, as lru-cache lists them. */
  keys(): string[] {
    return [...this.entries.keys()].reverse();
  }

  private remove(key: string): boolean {
    const entry = this.entries.get(key);
    if (!entry) return false;
    this.entries.delete(key);
    this.size -= entry.size;
    return true;
  }
}
