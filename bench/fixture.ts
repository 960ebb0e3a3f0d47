/**
 * The data every measurement runs against: a DynamoDB Local started for the run (in memory),
 * the table from src/store/table-schema.json, the shipped ml-junior bank imported into it, and a
 * tenant with a publishable API key (every request outside STAGE=local needs one).
 */
import path from 'node:path';
import { importBankFiles } from '../src/usecases/import-banks';
import { createKey, createTenant } from '../src/usecases/tenants';
import type { RateLimit } from '../src/domain/access';
import { AccessStore } from '../src/store';
import { startDynamoDbLocal, type LocalDynamoDb } from '../src/dev/dynamodb-local';
import { batchGet } from '../src/store/batch';
import { CatalogCache } from '../src/store/content/catalog-cache';
import { createDynamo, type Dynamo } from '../src/store/client';
import { bankFromItem, bankKey, questionKey } from '../src/store/content/keys';
import { ensureTable } from '../src/store/table';

export const BANK_ID = 'ml-junior';
const BANK_FILE = path.resolve(__dirname, '../seed/banks/ml-junior.ru.md');
export const TABLE_NAME = 'qbank-bench';
export const REGION = 'local';
export const TENANT_ID = 'bench';
/**
 * High enough that the rate limiter never reports usage (an UpdateItem) during the run: the
 * bench measures serving content, not the limiter. Its cost on a saturated key is in docs/access.md.
 */
const BENCH_RATE_LIMIT: RateLimit = { rps: 1_000_000, burst: 1_000_000 };

/**
 * The environment of a bundled handler started in a child `node`: what Lambda would set, with the
 * literal values of serverless.yml (`environment`, NODE_OPTIONS included), against the bench's table.
 */
export function lambdaEnv(environment: Record<string, string>, endpoint: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    ...environment,
    STAGE: 'bench',
    TABLE_NAME,
    DYNAMODB_ENDPOINT: endpoint,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'bench',
    AWS_SECRET_ACCESS_KEY: 'bench',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
}

export interface Fixture {
  local: LocalDynamoDb;
  /** A client of its own for the raw SDK calls, configured as the app's (src/store/client.ts). */
  raw: Dynamo;
  /** Keys of the bank's active questions, in catalog order, at the revisions the catalog names. */
  questionKeys: { PK: string; SK: string }[];
  /** A publishable key of the bench tenant, sent as x-api-key with every request. */
  apiKey: string;
}

/** Starts DynamoDB Local and loads the bank; DynamoDB Local is stopped again if that fails. */
export async function startFixture(): Promise<Fixture> {
  const local = await startDynamoDbLocal();
  try {
    const raw = createDynamo({ tableName: TABLE_NAME, region: REGION, endpoint: local.endpoint });
    await ensureTable(raw);
    await importBankFiles(raw, [BANK_FILE]);
    const access = new AccessStore(raw);
    await createTenant(access, { id: TENANT_ID, name: 'qbank bench' });
    const { key: apiKey } = await createKey(access, {
      tenantId: TENANT_ID,
      kind: 'publishable',
      rateLimit: BENCH_RATE_LIMIT,
    });
    return { local, raw, questionKeys: await activeQuestionKeys(raw), apiKey };
  } catch (error) {
    await local.stop();
    throw error;
  }
}

async function activeQuestionKeys(dynamo: Dynamo): Promise<{ PK: string; SK: string }[]> {
  const [bank] = await batchGet(dynamo, [bankKey(BANK_ID)]);
  if (!bank) throw new Error(`the bank ${BANK_ID} was not imported`);
  const catalog = await new CatalogCache(dynamo).load(bankFromItem(bank));
  const keys = catalog.questions.map((q) => questionKey(BANK_ID, q.localId, q.revision));
  if (keys.length < 20) throw new Error(`the bench needs at least 20 questions in ${BANK_ID}, found ${keys.length}`);
  return keys;
}
