/**
 * The DynamoDB that local tools talk to: DYNAMODB_ENDPOINT when set; otherwise the DynamoDB
 * Local of `npm start` (data under .data/, or QBANK_DATA_DIR), started here when nobody runs it yet and stopped
 * again by whoever started it.
 */
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import path from 'node:path';
import type { Config } from '../config';
import { createDynamo, type Dynamo } from '../store';
import { ensureTable } from '../store/table';
import { isPortOpen, startDynamoDbLocal } from './dynamodb-local';

export interface LocalDynamo {
  dynamo: Dynamo;
  endpoint: string;
  /** True when this process started DynamoDB Local (and so must stop it). */
  started: boolean;
  stop(): Promise<void>;
}

export async function connectLocalDynamo(config: Config): Promise<LocalDynamo> {
  let endpoint = config.dynamodbEndpoint;
  let stop = async (): Promise<void> => {};
  let started = false;
  if (!endpoint) {
    endpoint = `http://127.0.0.1:${config.localDynamoPort}`;
    if (!(await isPortOpen(config.localDynamoPort))) {
      const local = await startDynamoDbLocal({ port: config.localDynamoPort, dbPath: path.join(config.localDataDir, 'dynamodb') });
      stop = local.stop;
      started = true;
    }
  }
  const dynamo = createDynamo({ tableName: config.tableName, region: config.region, endpoint });
  try {
    await dynamo.doc.send(new ListTablesCommand({ Limit: 1 }));
    await ensureTable(dynamo);
  } catch (error) {
    await stop();
    throw new Error(`cannot use DynamoDB at ${endpoint}: ${(error as Error).message}. Is something else listening there? Set DYNAMODB_LOCAL_PORT or DYNAMODB_ENDPOINT.`);
  }
  return { dynamo, endpoint, started, stop };
}
