/**
 * src/graphql/apollo-cache.ts stands in for @apollo/utils.keyvaluecache's InMemoryLRUCache in the
 * Lambda bundle: the same operations must leave both with the same entries, in the same order.
 */
import { InMemoryLRUCache as Original, PrefixingKeyValueCache as OriginalPrefixing } from '@apollo/utils.keyvaluecache';
import { InMemoryLRUCache, PrefixingKeyValueCache } from '../../src/graphql/apollo-cache';

type Value = string | number | object;
type Cache = Original<Value> | InMemoryLRUCache<Value>;

/** Runs the steps on a cache; what each get returned, and its keys at the end. */
async function run(cache: Cache, steps: readonly (readonly [string, string, Value?])[]): Promise<unknown[]> {
  const seen: unknown[] = [];
  for (const [op, key, value] of steps) {
    if (op === 'set') await cache.set(key, value!);
    else if (op === 'get') seen.push(await cache.get(key));
    else seen.push(await cache.delete(key));
  }
  return [...seen, cache.keys()];
}

describe("Apollo's in-memory cache without lru-cache", () => {
  it('keeps, reads, replaces and drops entries as the original does', async () => {
    const steps = [
      ['set', 'a', 'one'],
      ['set', 'b', { kind: 'Document', definitions: [] }],
      ['get', 'a'],
      ['get', 'missing'],
      ['set', 'a', 'uno'],
      ['get', 'a'],
      ['delete', 'b'],
      ['delete', 'b'],
      ['set', 'c', 3],
      ['get', 'c'],
    ] as const;
    expect(await run(new InMemoryLRUCache<Value>(), steps)).toEqual(await run(new Original<Value>(), steps));
    expect(await run(new InMemoryLRUCache<Value>(), steps)).toEqual([
      'one',
      undefined,
      'uno',
      true,
      false,
      3,
      ['c', 'a'],
    ]);
  });

  it('drops the least recently used first when the sizes pass maxSize, and never keeps an entry larger than all', async () => {
    // strings count their length; objects their JSON's bytes ({"x":"ab"} is 10)
    const steps = [
      ['set', 'a', 'aaaa'],
      ['set', 'b', 'bbbb'],
      ['get', 'a'],
      ['set', 'c', 'cccc'],
      ['get', 'b'],
      ['set', 'd', { x: 'ab' }],
      ['set', 'huge', 'h'.repeat(11)],
      ['get', 'huge'],
      ['get', 'c'],
      ['get', 'd'],
    ] as const;
    const ours = await run(new InMemoryLRUCache<Value>({ maxSize: 10 }), steps);
    expect(ours).toEqual(await run(new Original<Value>({ maxSize: 10 }), steps));
    expect(ours).toEqual(['aaaa', undefined, undefined, undefined, { x: 'ab' }, ['d']]);
  });

  // (lru-cache reads its clock through a timer of its own, which fake timers stop: ours alone here)
  it('forgets an entry once its ttl (seconds) is over; 0 or none never expires', async () => {
    jest.useFakeTimers({ now: new Date('2026-12-04T08:00:00Z') });
    try {
      const cache = new InMemoryLRUCache<Value>();
      await cache.set('short', 'x', { ttl: 2 });
      await cache.set('zero', 'y', { ttl: 0 });
      await cache.set('none', 'z');
      jest.setSystemTime(new Date('2026-12-04T08:00:01.999Z'));
      expect(await cache.get('short')).toBe('x');
      jest.setSystemTime(new Date('2026-12-04T08:00:02.001Z'));
      expect([await cache.get('short'), await cache.get('zero'), await cache.get('none')]).toEqual([
        undefined,
        'y',
        'z',
      ]);
    } finally {
      jest.useRealTimers();
    }
  });

  it("hands Apollo the package's own PrefixingKeyValueCache", () => {
    expect(PrefixingKeyValueCache).toBe(OriginalPrefixing);
  });
});
