/**
 * The data `npm run load` runs against: its own DynamoDB Local with the table, the shipped banks
 * imported and a tenant whose secret key is never rate-limited; and, afterwards, the attempts the
 * learners' profiles count.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { createKey, createTenant } from '../src/usecases/tenants';
import { startDynamoDbLocal, type LocalDynamoDb } from '../src/dev/dynamodb-local';
import { AccessStore } from '../src/store';
import { batchGet } from '../src/store/batch';
import { CatalogCache } from '../src/store/content/catalog-cache';
import { createDynamo, type Dynamo } from '../src/store/client';
import { bankFromItem, bankKey } from '../src/store/content/keys';
import { profileKey } from '../src/store/learner/keys';
import { ensureTable } from '../src/store/table';
import { importBankFiles } from '../src/usecases/import-banks';
import { BANK_ID, ROOT, SETTINGS, TABLE_NAME, TENANT } from './load-settings';

const BANKS_DIR = path.join(ROOT, 'seed/banks');

export interface Fixture {
  local: LocalDynamoDb;
  dynamo: Dynamo;
  secretKey: string;
  questions: { id: string; sectionSlug: string; revision: string }[];
}

export async function setUp(): Promise<Fixture> {
  const local = await startDynamoDbLocal();
  try {
    const dynamo = createDynamo({ tableName: TABLE_NAME, region: 'local', endpoint: local.endpoint });
    await ensureTable(dynamo);
    const files = readdirSync(BANKS_DIR)
      .filter((name) => name.endsWith('.md'))
      .map((name) => path.join(BANKS_DIR, name));
    await importBankFiles(dynamo, files);
    const access = new AccessStore(dynamo);
    await createTenant(access, { id: TENANT, name: 'qbank load test' });
    // Far above what 50 connections can send: the limiter admits without ever reporting usage.
    const { key: secretKey } = await createKey(access, {
      tenantId: TENANT,
      kind: 'secret',
      rateLimit: { rps: 1_000_000_000, burst: 1_000_000_000 },
    });
    const [bankItem] = await batchGet(dynamo, [bankKey(BANK_ID)]);
    if (!bankItem) throw new Error(`the shipped bank ${BANK_ID} was not imported`);
    const catalog = await new CatalogCache(dynamo).load(bankFromItem(bankItem));
    return {
      local,
      dynamo,
      secretKey,
      questions: catalog.questions.map((q) => ({ id: q.id, sectionSlug: q.sectionSlug, revision: q.revision })),
    };
  } catch (error) {
    await local.stop();
    throw error;
  }
}

/** The attempts the users' profiles count, read back in batches of 100 profiles. */
export async function countedAttempts(dynamo: Dynamo): Promise<number> {
  const keys = Array.from({ length: SETTINGS.users }, (_, i) =>
    profileKey({ tenantId: TENANT, userId: `learner-${i}` }),
  );
  const profiles = await batchGet(dynamo, keys, true);
  return profiles.reduce((sum, item) => sum + Number(item?.attemptCount ?? 0), 0);
}
