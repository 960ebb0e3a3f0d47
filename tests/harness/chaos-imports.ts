/**
 * The import part of `npm run chaos`: a generated bank of thousands of questions moves through
 * versions, each import SIGKILLed at a seeded random write call (tests/harness/import-kill.ts), and
 * twice more at the flip of the bank item (just before it, just after it),
 * then the bank's queries are compared with the version that must be served (the previous one
 * until the bank item flips, the new one after), and the import is rerun to the end.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { importBankFiles } from '../../src/usecases/import-banks';
import { createApp } from '../../src/app';
import { readConfig } from '../../src/config';
import { seededRandom } from '../../src/domain/sampling';
import { createLambdaHandler } from '../../src/lambda';
import type { Dynamo } from '../../src/store/client';
import { createHttpServer } from '../../src/dev/http-server';
import {
  addedBy,
  importKilledAt,
  importToEnd,
  servedMismatches,
  unpublishedAnswers,
  writeBankVersion,
  type Ask,
  type BankShape,
} from './import-kill';

export interface ImportKill {
  killAt: number;
  writes: number;
  phase: string;
  /** The version that had to be served after the kill. */
  expected: number;
  structure: string[];
  texts: string[];
  unpublished: number;
  rerunExit: number | null;
  /** Problems left after the rerun (none expected). */
  afterRerun: string[];
}

export async function runImportKills(
  dynamo: Dynamo,
  endpoint: string,
  shape: BankShape,
  kills: number,
  seed: string,
): Promise<ImportKill[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'qbank-chaos-import-'));
  await importBankFiles(dynamo, [writeBankVersion(dir, 1, shape)]);
  const { ask, close } = await contentApi(dynamo, endpoint);
  try {
    // A complete import first, to learn the sequence of write calls of one version step.
    const full = await importKilledAt(writeBankVersion(dir, 2, shape), Infinity, endpoint, dynamo.tableName);
    const flip = full.writes.indexOf('PutItem') + 1;
    const random = seededRandom(`${seed}/imports`);
    // Random points fall mostly among the question writes (most of the calls); the two
    // boundaries around the flip are always tried as well.
    const points = [
      ...Array.from({ length: kills }, () => 1 + Math.floor(random() * full.writes.length)),
      flip,
      flip + 1,
    ];
    const results: ImportKill[] = [];
    for (const [k, killAt] of points.entries()) {
      results.push(
        await killOnce(ask, {
          dir,
          shape,
          version: 3 + k,
          killAt,
          writes: full.writes.length,
          flip,
          endpoint,
          tableName: dynamo.tableName,
        }),
      );
    }
    return results;
  } finally {
    await close();
    rmSync(dir, { recursive: true, force: true });
  }
}

interface KillPlan {
  dir: string;
  shape: BankShape;
  version: number;
  killAt: number;
  writes: number;
  flip: number;
  endpoint: string;
  tableName: string;
}

async function killOnce(ask: Ask, plan: KillPlan): Promise<ImportKill> {
  const file = writeBankVersion(plan.dir, plan.version, plan.shape);
  const killed = await importKilledAt(file, plan.killAt, plan.endpoint, plan.tableName);
  const published = killed.appliedWrites >= plan.flip;
  const expected = published ? plan.version : plan.version - 1;
  const served = await servedMismatches(ask, expected, plan.shape);
  const unpublished = published ? [] : await unpublishedAnswers(ask, addedBy(plan.version, plan.shape).slice(0, 10));
  const rerun = await importToEnd(file, plan.endpoint, plan.tableName);
  const after = await servedMismatches(ask, plan.version, plan.shape);
  return {
    killAt: plan.killAt,
    writes: plan.writes,
    phase: phaseOf(plan.killAt, plan.flip, plan.shape),
    expected,
    structure: served.structure,
    texts: served.texts,
    unpublished: unpublished.length,
    rerunExit: rerun.exit.code,
    afterRerun: [...after.structure, ...after.texts],
  };
}

/** Where in the import the kill fell (every version edits every question). */
function phaseOf(killAt: number, flip: number, shape: BankShape): string {
  const questionBatches = Math.ceil(shape.questions / 25);
  if (killAt <= questionBatches) return 'writing question revisions';
  if (killAt < flip) return 'writing catalog parts';
  if (killAt === flip) return 'just before the bank item flips';
  return 'cleaning up';
}

/** The content API of an in-process server on the table (keyless, as STAGE=local allows). */
async function contentApi(dynamo: Dynamo, endpoint: string): Promise<{ ask: Ask; close: () => Promise<void> }> {
  const app = createApp(
    readConfig({
      STAGE: 'local',
      LOG_LEVEL: 'silent',
      DYNAMODB_ENDPOINT: endpoint,
      TABLE_NAME: dynamo.tableName,
      AWS_REGION: 'local',
    }),
  );
  const server = createHttpServer(createLambdaHandler(app));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  const ask: Ask = async (query, variables) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: unknown };
    if (body.errors) throw new Error(`${query}: ${JSON.stringify(body.errors)}`);
    return body.data;
  };
  const close = async (): Promise<void> => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    app.dynamo.doc.destroy();
  };
  return { ask, close };
}
