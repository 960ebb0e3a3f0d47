/**
 * Creates the table for DynamoDB Local and the tests from the same definition serverless.yml
 * uses (table-schema.json), so the two never drift.
 */
import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  ResourceInUseException,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';
import type { Dynamo } from './client';
import schema from './table-schema.json';

export async function ensureTable(dynamo: Dynamo): Promise<'created' | 'existing'> {
  try {
    await dynamo.doc.send(
      new CreateTableCommand({
        TableName: dynamo.tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: schema.AttributeDefinitions as CreateTableCommand['input']['AttributeDefinitions'],
        KeySchema: schema.KeySchema as CreateTableCommand['input']['KeySchema'],
        GlobalSecondaryIndexes: schema.GlobalSecondaryIndexes as CreateTableCommand['input']['GlobalSecondaryIndexes'],
      }),
    );
  } catch (error) {
    if (error instanceof ResourceInUseException) return 'existing';
    throw error;
  }
  await waitUntilActive(dynamo);
  return 'created';
}

async function waitUntilActive(dynamo: Dynamo): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const { Table } = await dynamo.doc.send(new DescribeTableCommand({ TableName: dynamo.tableName }));
    if (Table?.TableStatus === 'ACTIVE') return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`table ${dynamo.tableName} did not become active`);
}

export async function deleteTable(dynamo: Dynamo): Promise<void> {
  try {
    await dynamo.doc.send(new DeleteTableCommand({ TableName: dynamo.tableName }));
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
}
