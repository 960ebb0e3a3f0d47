/**
 * What the scale measurements run against: DynamoDB Local with the generated banks imported
 * (the largest one timed, see scale-import.ts), a tenant whose secret key is never rate-limited,
 * learners with generated histories (and their raw twins), and a warm app.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createKey, createTenant } from '../src/usecases/tenants';
import { verifyStats } from '../src/admin/stats';
import { createApp, type App } from '../src/app';
import { readConfig } from '../src/config';
import { startDynamoDbLocal, type LocalDynamoDb } from '../src/dev/dynamodb-local';
import { createLambdaHandler, type LambdaHandler } from '../src/lambda';
import { AccessStore } from '../src/store';
import { batchGet } from '../src/store/batch';
import { CatalogCache } from '../src/store/content/catalog-cache';
import type { Dynamo } from '../src/store/client';
import { bankFromItem, bankKey, questionFromItem, questionKey } from '../src/store/content/keys';
import { importBankFiles } from '../src/usecases/import-banks';
import { writeGeneratedBank } from '../tests/harness/generate-bank';
import { planHistory, putItems, TableImage, type BankQuestion } from './scale-history';
import { measureImport, REGION, type ImportResult } from './scale-import';

export const TENANT = 'scale';
/** The raw twins of the learners (same histories) live in a tenant of their own: the raw writes never touch what the handler reads. */
export const RAW_TENANT = 'scale-raw';
const RATE_LIMIT = { rps: 1_000_000_000, burst: 1_000_000_000 };
const bankIdOf = (questions: number): string => `scale-${questions}`;

/** How big a fixture to build; the defaults are the full grid of docs/performance.md. */
export interface FixtureOptions {
  banks?: number[];
  users?: number[];
  importRuns?: number;
  verify?: boolean;
  log?: (line: string) => void;
}

export interface BankFixture {
  bankId: string;
  size: number;
  questions: BankQuestion[];
  users: UserFixture[];
}

export interface UserFixture {
  attempts: number;
  userId: string;
  /** Questions of the history, in the order first attempted (the raw twin has the same). */
  attempted: BankQuestion[];
}

/** Everything the measurements run against: DynamoDB Local, the banks, the learners, a warm app. */
export interface ScaleFixture {
  local: LocalDynamoDb;
  /** A client of its own for setup and the raw SDK calls, configured as the app's. */
  raw: Dynamo;
  app: App;
  handler: LambdaHandler;
  secretKey: string;
  banks: BankFixture[];
  import: ImportResult;
  /** Stops the app, DynamoDB Local and removes the generated files. */
  close(): Promise<void>;
}

async function bankQuestions(dynamo: Dynamo, bankId: string): Promise<BankQuestion[]> {
  const [item] = await batchGet(dynamo, [bankKey(bankId)]);
  if (!item) throw new Error(`bank ${bankId} is missing`);
  const catalog = await new CatalogCache(dynamo).load(bankFromItem(item));
  // The contents, for the option ids of the choice questions (setup only, not measured).
  const contents = await batchGet(
    dynamo,
    catalog.questions.map((q) => questionKey(bankId, q.localId, q.revision)),
  );
  return catalog.questions.map((q, i) => {
    const record = contents[i] && questionFromItem(contents[i]);
    const optionIds = record && record.kind !== 'OPEN' ? record.options.map((o) => o.id) : undefined;
    return { id: q.id, sectionSlug: q.sectionSlug, revision: q.revision, ...(optionIds ? { optionIds } : {}) };
  });
}

/** The learners of a bank and their raw twins, with the tenant-wide counters their histories add up to. */
async function writeHistories(
  dynamo: Dynamo,
  bank: { bankId: string; questions: BankQuestion[] },
  sizes: number[],
  now: Date,
): Promise<UserFixture[]> {
  const users: UserFixture[] = [];
  const table = new TableImage();
  for (const tenantId of [TENANT, RAW_TENANT]) {
    for (const attempts of sizes) {
      const userId = `${bank.bankId}-a${attempts}`;
      const history = planHistory({ tenantId, userId, bankId: bank.bankId, questions: bank.questions, attempts, now });
      table.add(tenantId, userId, history.effects);
      if (tenantId === TENANT) users.push({ attempts, userId, attempted: history.attempted });
    }
  }
  await putItems(dynamo, table.all());
  return users;
}

/** Each bank's questions and learners (with their raw twins), histories written. */
async function learnerFixtures(
  raw: Dynamo,
  banks: number[],
  users: number[],
  log: (line: string) => void,
): Promise<BankFixture[]> {
  const now = new Date();
  const fixtures: BankFixture[] = [];
  for (const size of banks) {
    const bankId = bankIdOf(size);
    const questions = await bankQuestions(raw, bankId);
    const start = performance.now();
    const learners = await writeHistories(raw, { bankId, questions }, users, now);
    log(
      `bank ${bankId}: ${questions.length} questions; histories of ${users.join(', ')} attempts (and raw twins) written in ${Math.round(performance.now() - start)} ms`,
    );
    fixtures.push({ bankId, size, questions, users: learners });
  }
  return fixtures;
}

/** stats:verify over the generated histories: every aggregate must match what they add up to. */
async function verifyHistories(raw: Dynamo, log: (line: string) => void): Promise<void> {
  const report = await verifyStats(raw, { tenantId: TENANT });
  if (report.differences.length > 0)
    throw new Error(
      `stats:verify disagrees with the generated histories: ${JSON.stringify(report.differences.slice(0, 5))}`,
    );
  log(`stats:verify: ${report.attempts} generated attempts, every aggregate consistent`);
}

export async function prepareScale(options: FixtureOptions = {}): Promise<ScaleFixture> {
  const banks = options.banks ?? [100, 1000, 10000];
  const users = options.users ?? [10, 200, 2000];
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'qbank-scale-'));
  const local = await startDynamoDbLocal();
  let raw: Dynamo | undefined;
  let app: App | undefined;
  const close = async (): Promise<void> => {
    if (app) {
      await app.server.stop();
      app.dynamo.doc.destroy();
    }
    raw?.doc.destroy();
    await local.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const largest = Math.max(...banks);
    log(`generating banks of ${banks.join(', ')} questions in ${dir}`);
    const files = new Map(banks.map((size) => [size, writeGeneratedBank(dir, bankIdOf(size), size)]));
    const imported = await measureImport(local, files.get(largest)!, largest, options.importRuns ?? 3, log);
    raw = imported.table;
    const others = banks.filter((size) => size !== largest).map((size) => files.get(size)!);
    if (others.length > 0) await importBankFiles(raw, others);

    const access = new AccessStore(raw);
    await createTenant(access, { id: TENANT, name: 'qbank scale bench' });
    const { key: secretKey } = await createKey(access, { tenantId: TENANT, kind: 'secret', rateLimit: RATE_LIMIT });
    const fixtures = await learnerFixtures(raw, banks, users, log);
    if (options.verify ?? true) await verifyHistories(raw, log);

    const config = readConfig({
      STAGE: 'bench',
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      TABLE_NAME: raw.tableName,
      DYNAMODB_ENDPOINT: local.endpoint,
      AWS_REGION: REGION,
    });
    app = createApp(config);
    return {
      local,
      raw,
      app,
      handler: createLambdaHandler(app),
      secretKey,
      banks: fixtures,
      import: imported.result,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
