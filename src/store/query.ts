/** Query with every page: follows LastEvaluatedKey until DynamoDB says there is no more. */
import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Item } from './batch';
import type { Dynamo } from './client';

export async function queryAll(
  dynamo: Dynamo,
  input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>,
): Promise<Item[]> {
  const items: Item[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamo.doc.send(
      new QueryCommand({ ...input, TableName: dynamo.tableName, ExclusiveStartKey: startKey }),
    );
    items.push(...((page.Items ?? []) as Item[]));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}

/**
 * A key condition on the sort keys that start with `prefix`, as `SK BETWEEN :lo AND :hi`
 * (measured faster than `begins_with` on DynamoDB Local; the same items on DynamoDB). '\uffff'
 * sorts after every character a key of ours holds.
 */
export function prefixRange(prefix: string): { condition: string; values: { ':lo': string; ':hi': string } } {
  return { condition: 'SK BETWEEN :lo AND :hi', values: { ':lo': prefix, ':hi': `${prefix}\uffff` } };
}
