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
import { LocalSetupError } from './cli-errors';
import { isPortOpen, startDynamoDbLocal } from './dynamodb-local';

/** A DynamoDB Local answers ListTables in milliseconds; a program that never answers HTTP would hang. */
const PROBE_TIMEOUT_MS = 5_000;

export interface LocalDynamo {
  dynamo: Dynamo;
  endpoint: string;
  /** True when this process started DynamoDB Local (and so must stop it). */
  started: boolean;
  stop(): Promise<void>;
}

export interface ConnectOptions {
  /** Told when DynamoDB Local has to be started (it takes a few seconds). */
  onStarting?: (message: string) => void;
}

export async function connectLocalDynamo(config: Config, options: ConnectOptions = {}): Promise<LocalDynamo> {
  let endpoint = config.dynamodbEndpoint;
  let stop = async (): Promise<void> => {};
  let started = false;
  if (!endpoint) {
    endpoint = `http://127.0.0.1:${config.localDynamoPort}`;
    // Something on the port is taken to be the DynamoDB Local of a running `npm start`.
    if (!(await isPortOpen(config.localDynamoPort))) {
      options.onStarting?.(`starting DynamoDB Local on port ${config.localDynamoPort}…`);
      const local = await startDynamoDbLocal({
        port: config.localDynamoPort,
        dbPath: path.join(config.localDataDir, 'dynamodb'),
      });
      stop = local.stop;
      started = true;
    }
  }
  const dynamo = createDynamo({ tableName: config.tableName, region: config.region, endpoint });
  try {
    await dynamo.doc.send(new ListTablesCommand({ Limit: 1 }), { abortSignal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    await ensureTable(dynamo);
  } catch (error) {
    await stop();
    dynamo.doc.destroy();
    throw new LocalSetupError(unusableMessage(config, endpoint, started, error));
  }
  return { dynamo, endpoint, started, stop };
}

function unusableMessage(config: Config, endpoint: string, started: boolean, error: unknown): string {
  const cause = ((error as Error).message || (error as Error).name || String(error)).split('\n')[0]!.slice(0, 200);
  if (config.dynamodbEndpoint)
    return `cannot use DynamoDB at ${endpoint} (DYNAMODB_ENDPOINT): ${cause}. Is DynamoDB Local running there?`;
  if (started) return `DynamoDB Local started on port ${config.localDynamoPort} but does not answer: ${cause}`;
  return [
    `port ${config.localDynamoPort} is taken by a program that is not DynamoDB Local.`,
    'Stop it, or set DYNAMODB_LOCAL_PORT to a free port (or DYNAMODB_ENDPOINT to a DynamoDB Local running elsewhere).',
  ].join('\n');
}
