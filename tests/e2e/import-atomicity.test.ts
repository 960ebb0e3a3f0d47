/**
 * Imports publish atomically: an import SIGKILLed at a seeded random point of its writes leaves
 * the previous version served in full by every query (bank, the questions page walk with its
 * totalCount, randomQuestions), and rerunning it serves the new version in full. The bank has
 * 1,000 questions and every version edits all of them, so each kill lands in the middle of
 * real work. The kill point is counted in the import's own write calls (see
 * tests/harness/import-kill.ts), so the test is as deterministic on a slow machine as on a fast one.
 *
 * Texts included: question content is stored as immutable revisions that only the catalog
 * publishes, so an edited question's new text is a new item that no reader looks at before the
 * bank item flips. (Before revisions, edited items were overwritten before the flip, and a kill
 * there served 1,330 of 3,000 new texts under the old version: the last two cases caught it.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importBankFiles } from '../../src/usecases/import-banks';
import { seededRandom } from '../../src/domain/sampling';
import {
  addedBy,
  BANK_ID,
  importKilledAt,
  importToEnd,
  servedMismatches,
  unpublishedAnswers,
  writeBankVersion,
  type Ask,
  type BankShape,
  type Served,
} from '../harness/import-kill';
import { endpoint, useTable } from '../support/dynamo';
import { givenApi } from '../support/graphql';

const SHAPE: BankShape = { questions: 1000, sections: 8, turnover: 100 };
/** Write calls of one version step: 40 batches of question revisions, 1 catalog part, the bank item, then the clean-up batches (revisions of two versions ago, the old catalog part). */
const QUESTION_BATCHES = SHAPE.questions / 25;
const BANK_PUT = QUESTION_BATCHES + 2;
const random = seededRandom('import-atomicity');

interface AfterKill {
  served: Served;
  /** question(id) answers for ids only the interrupted import adds. */
  unpublished: string[];
}

describe('publishing an import', () => {
  const dynamo = useTable();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'qbank-import-kill-'));
  const afterKill = new Map<string, AfterKill>();
  let ask: Ask;

  beforeAll(async () => {
    await importBankFiles(dynamo(), [writeBankVersion(dir, 1, SHAPE)]);
    const api = givenApi(dynamo());
    ask = async (query, variables) => {
      const response = await api.query(query, variables);
      if (response.errors) throw new Error(`${query}: ${JSON.stringify(response.errors)}`);
      return response.data;
    };
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Kills the import of `version` before its killAt-th write, looks, then reruns it to the end. */
  async function killThenRerun(name: string, version: number, killAt: number): Promise<AfterKill> {
    const file = writeBankVersion(dir, version, SHAPE);
    const killed = await importKilledAt(file, killAt, endpoint(), dynamo().tableName);
    expect([killed.exit.signal, killed.appliedWrites]).toEqual(['SIGKILL', killAt - 1]);
    const published = killAt > BANK_PUT;
    const unpublished = published ? [] : await unpublishedAnswers(ask, addedBy(version, SHAPE).slice(0, 5));
    const seen: AfterKill = {
      served: await servedMismatches(ask, published ? version : version - 1, SHAPE),
      unpublished,
    };
    afterKill.set(name, seen);

    const rerun = await importToEnd(file, endpoint(), dynamo().tableName);
    expect([rerun.exit.code, rerun.output]).toEqual([0, expect.stringContaining(`"id":"${BANK_ID}"`)]);
    expect(await servedMismatches(ask, version, SHAPE)).toEqual({ structure: [], texts: [] });
    return seen;
  }

  it('serves version 1 in full before any kill', async () => {
    expect(await servedMismatches(ask, 1, SHAPE)).toEqual({ structure: [], texts: [] });
  });

  it('killed while writing questions: the bank, its count, listing and random pools stay the previous version; a rerun completes it', async () => {
    const killAt = 2 + Math.floor(random() * (QUESTION_BATCHES - 1));
    const seen = await killThenRerun('questions', 2, killAt);
    expect(seen.served.structure).toEqual([]);
  }, 30_000);

  it('killed just before the bank item flips: the same', async () => {
    const seen = await killThenRerun('flip', 3, BANK_PUT);
    expect(seen.served.structure).toEqual([]);
  }, 30_000);

  it('killed after the flip, while cleaning up: the new version is served in full; a rerun changes nothing', async () => {
    const killAt = BANK_PUT + 1 + Math.floor(random() * (SHAPE.turnover / 25));
    const seen = await killThenRerun('retirements', 4, killAt);
    expect(seen.served).toEqual({ structure: [], texts: [] });
  }, 30_000);

  it('killed while writing questions: no text of the new version is visible either', () => {
    expect(afterKill.get('questions')).toEqual({ served: { structure: [], texts: [] }, unpublished: [] });
  });

  it('killed just before the flip: no text of the new version is visible either', () => {
    expect(afterKill.get('flip')).toEqual({ served: { structure: [], texts: [] }, unpublished: [] });
  });
});
