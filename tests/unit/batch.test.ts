import { batchGet, batchWrite, type Item } from '../../src/store/batch';
import type { Dynamo } from '../../src/store/client';
import { decodeCatalog, encodeCatalog } from '../../src/store/content/catalog-cache';

/** A stand-in client that answers Batch* calls with scripted unprocessed keys/items. */
function fakeDynamo(respond: (input: any, call: number) => any): Dynamo & { inputs: any[] } {
  const inputs: any[] = [];
  const doc = { send: async (command: { input: any }) => respond(command.input, inputs.push(command.input)) };
  return { doc, tableName: 't', calls: undefined, inputs } as unknown as Dynamo & { inputs: any[] };
}

const key = (i: number) => ({ PK: 'P', SK: `S${i}` });

describe('batchGet', () => {
  it('chunks at 100 keys and retries UnprocessedKeys until every key is read', async () => {
    const dynamo = fakeDynamo((input, call) => {
      const keys = input.RequestItems.t.Keys as Item[];
      // the first call leaves its last 10 keys unprocessed
      const served = call === 1 ? keys.slice(0, -10) : keys;
      return {
        Responses: { t: served.map((k) => ({ ...k, value: k.SK })) },
        UnprocessedKeys: call === 1 ? { t: { Keys: keys.slice(-10) } } : {},
      };
    });
    const keys = Array.from({ length: 150 }, (_, i) => key(i));
    const items = await batchGet(dynamo, [...keys, key(0)]);
    expect(dynamo.inputs.map((input) => input.RequestItems.t.Keys.length)).toEqual([100, 50, 10]);
    expect(items.map((item) => item?.value)).toEqual([...keys.map((k) => k.SK), 'S0']);
  });

  it('returns null for keys that name no item', async () => {
    const dynamo = fakeDynamo(() => ({ Responses: { t: [] } }));
    expect(await batchGet(dynamo, [key(1)])).toEqual([null]);
  });

  it('gives up with an error instead of looping forever', async () => {
    const dynamo = fakeDynamo((input) => ({
      Responses: { t: [] },
      UnprocessedKeys: { t: { Keys: input.RequestItems.t.Keys } },
    }));
    jest.useFakeTimers({ advanceTimers: true });
    await expect(batchGet(dynamo, [key(1)])).rejects.toThrow('BatchGetItem left 1 keys unprocessed after 12 rounds');
    jest.useRealTimers();
  });
});

describe('batchWrite', () => {
  it('chunks at 25 writes and retries UnprocessedItems', async () => {
    const dynamo = fakeDynamo((input, call) => {
      const writes = input.RequestItems.t;
      return { UnprocessedItems: call === 2 ? { t: writes.slice(0, 3) } : {} };
    });
    const progress: number[] = [];
    const writes = Array.from({ length: 60 }, (_, i) => ({ PutRequest: { Item: key(i) } }));
    await batchWrite(dynamo, writes, { concurrency: 1, onProgress: (n) => progress.push(n) });
    expect(dynamo.inputs.map((input) => input.RequestItems.t.length)).toEqual([25, 25, 3, 10]);
    expect(progress).toEqual([25, 25, 10]);
  });
});

describe('catalog parts', () => {
  it('gzip and split a large catalog into parts under the item size limit, and join them back', () => {
    const questions = Array.from({ length: 30_000 }, (_, i) => [
      `${i.toString(36)}${'x'.repeat(8)}${Math.random()}`,
      i % 7,
      String(i),
      i,
      ['t'],
    ]);
    const data = { sections: [], questions } as any;
    const parts = encodeCatalog(JSON.stringify(data));
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((part) => part.length <= 300_000)).toBe(true);
    expect(decodeCatalog(parts)).toEqual(data);
  });
});
