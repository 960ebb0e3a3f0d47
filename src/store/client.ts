/**
 * The DynamoDB client, built once per container. Every command sent through it is counted, so
 * tests and the benchmark can assert how many DynamoDB calls an operation costs.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface CallCounter {
  /** Commands sent since the last reset, by command name (QueryCommand, BatchGetItemCommand…). */
  readonly byCommand: Map<string, number>;
  total(): number;
  reset(): void;
}

export interface Dynamo {
  doc: DynamoDBDocumentClient;
  tableName: string;
  calls: CallCounter;
}

export interface DynamoOptions {
  tableName: string;
  region: string;
  endpoint?: string;
  /**
   * Sign with fixed placeholder credentials: DynamoDB Local ignores them, but the SDK still wants
   * some to sign with. Defaults to whether an endpoint is given (config.ts decides it for the app).
   */
  placeholderCredentials?: boolean;
}

export function createDynamo(options: DynamoOptions): Dynamo {
  const client = new DynamoDBClient({
    region: options.region,
    endpoint: options.endpoint,
    ...((options.placeholderCredentials ?? !!options.endpoint)
      ? { credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
    maxAttempts: 5,
  });
  const calls = createCallCounter();
  client.middlewareStack.add(
    (next, context) => (args) => {
      calls.byCommand.set(
        context.commandName ?? 'unknown',
        (calls.byCommand.get(context.commandName ?? 'unknown') ?? 0) + 1,
      );
      return next(args);
    },
    { step: 'initialize', name: 'qbankCallCounter' },
  );
  const doc = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
  });
  return { doc, tableName: options.tableName, calls };
}

function createCallCounter(): CallCounter {
  const byCommand = new Map<string, number>();
  return {
    byCommand,
    total: () => [...byCommand.values()].reduce((sum, n) => sum + n, 0),
    reset: () => byCommand.clear(),
  };
}
