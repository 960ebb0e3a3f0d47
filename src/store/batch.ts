/**
 * BatchGetItem and BatchWriteItem with the limits DynamoDB imposes (100 keys, 25 writes a call)
 * and the retries it expects: anything returned as unprocessed is sent again with backoff.
 */
import { BatchGetCommand, BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Dynamo } from './client';

export type Key = { PK: string; SK: string };
export type Item = Record<string, unknown> & Key;
export type WriteRequest = { PutRequest: { Item: Item } } | { DeleteRequest: { Key: Key } };

const GET_CHUNK = 100;
const WRITE_CHUNK = 25;
const MAX_ROUNDS = 12;

export const keyString = (key: Key): string => `${key.PK}\u0000${key.SK}`;

/**
 * Reads the items for the keys; the result is in key order, null where an item is missing.
 * `consistent` asks for strongly consistent reads (each item as last committed).
 */
export async function batchGet(dynamo: Dynamo, keys: readonly Key[], consistent = false): Promise<(Item | null)[]> {
  const unique = [...new Map(keys.map((key) => [keyString(key), { PK: key.PK, SK: key.SK }])).values()];
  const found = new Map<string, Item>();
  const chunks = chunk(unique, GET_CHUNK);
  await Promise.all(chunks.map((part) => batchGetChunk(dynamo, part, found, consistent)));
  return keys.map((key) => found.get(keyString(key)) ?? null);
}

async function batchGetChunk(
  dynamo: Dynamo,
  keys: Key[],
  found: Map<string, Item>,
  consistent: boolean,
): Promise<void> {
  let pending: Key[] = keys;
  for (let round = 0; pending.length > 0; round++) {
    if (round >= MAX_ROUNDS)
      throw new Error(`BatchGetItem left ${pending.length} keys unprocessed after ${MAX_ROUNDS} rounds`);
    if (round > 0) await backoff(round);
    const result = await dynamo.doc.send(
      new BatchGetCommand({
        RequestItems: { [dynamo.tableName]: { Keys: pending, ConsistentRead: consistent || undefined } },
      }),
    );
    for (const item of result.Responses?.[dynamo.tableName] ?? []) found.set(keyString(item as Item), item as Item);
    pending = (result.UnprocessedKeys?.[dynamo.tableName]?.Keys as Key[] | undefined) ?? [];
  }
}

export interface BatchWriteOptions {
  /** Calls in flight at once: bounded so a large import does not trip throttling. */
  concurrency?: number;
  /** Called after each chunk with the number of writes it completed. */
  onProgress?: (written: number) => void;
}

export async function batchWrite(
  dynamo: Dynamo,
  requests: readonly WriteRequest[],
  options: BatchWriteOptions = {},
): Promise<void> {
  const chunks = chunk(requests, WRITE_CHUNK);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < chunks.length) {
      const part = chunks[next++];
      await batchWriteChunk(dynamo, part);
      options.onProgress?.(part.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 4, chunks.length) }, worker));
}

async function batchWriteChunk(dynamo: Dynamo, requests: WriteRequest[]): Promise<void> {
  let pending = requests;
  for (let round = 0; pending.length > 0; round++) {
    if (round >= MAX_ROUNDS)
      throw new Error(`BatchWriteItem left ${pending.length} writes unprocessed after ${MAX_ROUNDS} rounds`);
    if (round > 0) await backoff(round);
    const result = await dynamo.doc.send(new BatchWriteCommand({ RequestItems: { [dynamo.tableName]: pending } }));
    pending = (result.UnprocessedItems?.[dynamo.tableName] as WriteRequest[] | undefined) ?? [];
  }
}

/** Full-jitter exponential backoff, capped at about two seconds. */
function backoff(round: number): Promise<void> {
  const ceiling = Math.min(2000, 50 * 2 ** round);
  return new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const parts: T[][] = [];
  for (let i = 0; i < items.length; i += size) parts.push(items.slice(i, i + size));
  return parts;
}
