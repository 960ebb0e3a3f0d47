/**
 * The DynamoDB client, built once per container. Every command sent through it is counted, so
 * tests and the benchmark can assert how many DynamoDB calls an operation costs.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DomainError } from '../domain/errors';

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

/**
 * DynamoDB calls one request may make: the second line behind the cost limit
 * (src/graphql/cost.ts), which keeps queries to about 25. The largest legitimate need is an
 * attempt that loses all its 40 rounds to other attempts of the same user (81 calls).
 */
export const MAX_CALLS_PER_REQUEST = 100;

/**
 * The client as one request sees it: the same connection and counter, and a ceiling on the
 * calls sent through it. A call over the ceiling is not sent; it fails with RATE_LIMITED.
 */
export function withCallCeiling(dynamo: Dynamo, maxCalls = MAX_CALLS_PER_REQUEST): Dynamo {
  let sent = 0;
  const send = dynamo.doc.send.bind(dynamo.doc) as (...args: unknown[]) => Promise<unknown>;
  const doc = Object.create(dynamo.doc) as DynamoDBDocumentClient;
  const ceiling = (...args: unknown[]): Promise<unknown> => {
    sent += 1;
    if (sent <= maxCalls) return send(...args);
    return Promise.reject(
      new DomainError(
        'RATE_LIMITED',
        `this request needs more than the ${maxCalls} DynamoDB calls one request may make`,
        {
          maxDynamoDBCalls: maxCalls,
        },
      ),
    );
  };
  Object.defineProperty(doc, 'send', { value: ceiling });
  return { ...dynamo, doc };
}
