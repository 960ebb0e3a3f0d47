/**
 * Each suite gets its own table on the shared DynamoDB Local, created before its tests and
 * dropped after, so suites never see each other's data.
 */
import { randomUUID } from 'node:crypto';
import { createDynamo, type Dynamo } from '../../src/store/client';
import { deleteTable, ensureTable } from '../../src/store/table';

export function endpoint(): string {
  const value = process.env.DYNAMODB_ENDPOINT;
  if (!value)
    throw new Error('DYNAMODB_ENDPOINT is not set: run the tests through jest (global setup starts DynamoDB Local)');
  return value;
}

export function newDynamo(tableName = `test-${randomUUID().slice(0, 8)}`): Dynamo {
  return createDynamo({ tableName, region: 'local', endpoint: endpoint() });
}

/** Registers beforeAll/afterAll hooks; the returned getter is valid inside tests. */
export function useTable(): () => Dynamo {
  let dynamo: Dynamo | undefined;
  beforeAll(async () => {
    dynamo = newDynamo();
    await ensureTable(dynamo);
  });
  afterAll(async () => {
    if (dynamo) await deleteTable(dynamo);
    dynamo?.doc.destroy();
  });
  return () => {
    if (!dynamo) throw new Error('useTable(): the table exists only inside tests');
    return dynamo;
  };
}

/** DynamoDB commands that write, as counted by the client's middleware. */
export const WRITE_COMMANDS = [
  'PutItemCommand',
  'BatchWriteItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'TransactWriteItemsCommand',
];

export function writeCalls(dynamo: Dynamo): number {
  return WRITE_COMMANDS.reduce((sum, name) => sum + (dynamo.calls.byCommand.get(name) ?? 0), 0);
}
