/**
 * One DynamoDB Local for the whole run, on a free port, in memory. Suites create their own
 * tables (tests/support/tables.ts), so they never see each other's data.
 */
import { startDynamoDbLocal, type LocalDynamoDb } from '../../src/dev/dynamodb-local';

declare global {
  var __QBANK_DYNAMODB__: LocalDynamoDb | undefined;
}

export default async function globalSetup(): Promise<void> {
  const local = await startDynamoDbLocal();
  globalThis.__QBANK_DYNAMODB__ = local;
  // Workers are forked after this runs, so they inherit the endpoint.
  process.env.DYNAMODB_ENDPOINT = local.endpoint;
  process.env.AWS_REGION ??= 'local';
  process.env.AWS_ACCESS_KEY_ID ??= 'test';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'test';
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
}
