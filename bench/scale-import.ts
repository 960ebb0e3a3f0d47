/**
 * Import throughput for the scale bench: the largest generated bank imported into fresh tables,
 * timed, then re-imported unchanged (which must write nothing).
 */
import { statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { LocalDynamoDb } from '../src/dev/dynamodb-local';
import { createDynamo, type Dynamo } from '../src/store/client';
import { ensureTable } from '../src/store/table';
import { importBankFiles } from '../src/usecases/import-banks';
import { sectionCountFor } from '../tests/harness/generate-bank';
import { round2 } from './stats';

/** The region every client of the scale bench gives DynamoDB Local. */
export const REGION = 'local';
const WRITE_COMMANDS = [
  'PutItemCommand',
  'BatchWriteItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'TransactWriteItemsCommand',
];

export interface ImportRun {
  importMs: number;
  questionsPerSecond: number;
  /** Write calls (BatchWriteItem and the rest) of the first import. */
  writeCalls: number;
  reimportMs: number;
  /** DynamoDB calls of the unchanged re-import (reads), and its writes: must be 0. */
  reimportCalls: number;
  reimportWriteCalls: number;
}

/** The bank imported, the medians over the runs, and each run. */
export interface ImportResult extends ImportRun {
  questions: number;
  sections: number;
  fileBytes: number;
  runs: ImportRun[];
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const countWrites = (dynamo: Dynamo): number =>
  WRITE_COMMANDS.reduce((sum, name) => sum + (dynamo.calls.byCommand.get(name) ?? 0), 0);

/** Imports the largest bank into fresh tables, timed, then re-imports it unchanged, counting writes. */
export async function measureImport(
  local: LocalDynamoDb,
  file: string,
  questions: number,
  runs: number,
  log: (line: string) => void,
): Promise<{ result: ImportResult; table: Dynamo }> {
  const results: ImportRun[] = [];
  let table: Dynamo | undefined;
  for (let run = 1; run <= runs; run++) {
    table?.doc.destroy();
    table = createDynamo({ tableName: `qbank-scale-${run}`, region: REGION, endpoint: local.endpoint });
    await ensureTable(table);
    table.calls.reset();
    let start = performance.now();
    const [first] = await importBankFiles(table, [file]);
    const importMs = performance.now() - start;
    if (first.added !== questions) throw new Error(`import added ${first.added} questions, expected ${questions}`);
    const writeCalls = countWrites(table);
    table.calls.reset();
    start = performance.now();
    const [again] = await importBankFiles(table, [file]);
    const reimportMs = performance.now() - start;
    if (again.unchanged !== questions || again.added + again.updated + again.retired !== 0)
      throw new Error(`re-import changed the bank: ${JSON.stringify(again)}`);
    const result: ImportRun = {
      importMs,
      questionsPerSecond: questions / (importMs / 1000),
      writeCalls,
      reimportMs,
      reimportCalls: table.calls.total(),
      reimportWriteCalls: countWrites(table),
    };
    log(
      `import ${run}/${runs}: ${questions} questions in ${round2(importMs)} ms (${Math.round(result.questionsPerSecond)}/s, ${writeCalls} write calls); unchanged re-import ${round2(reimportMs)} ms, ${result.reimportCalls} calls, ${result.reimportWriteCalls} writes`,
    );
    results.push(result);
  }
  const sections = sectionCountFor(questions);
  const fileBytes = statSync(file).size;
  return {
    table: table!,
    result: {
      questions,
      sections,
      fileBytes,
      importMs: median(results.map((r) => r.importMs)),
      questionsPerSecond: median(results.map((r) => r.questionsPerSecond)),
      writeCalls: results[0].writeCalls,
      reimportMs: median(results.map((r) => r.reimportMs)),
      reimportCalls: Math.max(...results.map((r) => r.reimportCalls)),
      reimportWriteCalls: Math.max(...results.map((r) => r.reimportWriteCalls)),
      runs: results,
    },
  };
}
