/**
 * Scale curves: does an operation's cost stay flat as the bank and the learner's history grow?
 *
 * Banks of 100, 1,000 and 10,000 questions are generated as Markdown (bench/generate-bank.ts)
 * and imported; in each bank three learners get histories of 10, 200 and 2,000 attempts
 * (bench/scale-history.ts). Then, on a warm in-process Lambda handler:
 *
 *   - content operations (randomQuestions, a questions page, a searchQuestions page) for each
 *     bank size;
 *   - learning operations (weakTopics, dueQuestions, questionStats, recordAttempt) for each
 *     (bank size × history size) cell of the grid;
 *
 * each timed alternately with the minimal raw SDK calls for the same answer (ratio = handler p50
 * / raw p50) and with its DynamoDB calls counted. Import throughput is the 10,000-question bank
 * imported into a fresh table, then re-imported unchanged (which must write nothing).
 *
 *   npm run bench           runs this after the warm latency and cold start (BENCH_SCALE=0 skips it)
 *   npm run bench:scale     this part alone
 *
 * Either prints the table, replaces "scale", "import" and "scaleSettings" in bench/results.json
 * (keeping the other keys) and redraws docs/performance-scale.svg.
 *
 * SCALE_CALLS (default 300) and SCALE_WARMUP (default 30) set the samples per operation and
 * size; SCALE_BANKS (default 100,1000,10000) and SCALE_USERS (default 10,200,2000) the grid;
 * SCALE_IMPORT_RUNS (default 3) the fresh-table imports of the largest bank; SCALE_VERIFY=0
 * skips the stats:verify check of the generated histories.
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { writeScaleChart } from './chart';
import { formatScale, saveResults, scaleTargetsMissed } from './report';
import { prepareScale, type BankFixture, type FixtureOptions, type UserFixture } from './scale-fixture';
import type { ImportResult } from './scale-import';
import { measure, measureSideBySide, type Measured } from './scale-measure';
import { scaleOperations } from './scale-operations';
import { round2 } from './stats';

export type Axis = 'bankQuestions' | 'userAttempts';

/** One row of `"scale"` in bench/results.json: the issue's six fields first, then the breakdown. */
export interface ScaleRow {
  operation: string;
  /** Bank questions for content operations, the learner's attempts for learning operations. */
  size: number;
  p50Ms: number;
  p99Ms: number;
  dynamoCalls: number;
  /** Handler p50 / raw p50. */
  ratio: number;
  /** Which of the two the size is. */
  axis: Axis;
  bankQuestions: number;
  userAttempts: number | null;
  rawP50Ms: number;
  rawP99Ms: number;
  /** `{ __typename }` through the same handler and headers: the framework's floor. */
  floorP50Ms: number;
  /** Inside the handler: time with a DynamoDB call in flight, and the rest (p50 of each). */
  dynamoP50Ms: number;
  otherP50Ms: number;
  byCommand: Record<string, number>;
  /** weakTopics: the raw calls with the bank item read beside them (see ScaleOperation.rawChecked). */
  checked?: { rawP50Ms: number; ratio: number };
}

/**
 * One operation's p50 for each learner of a bank, measured side by side (measureSideBySide):
 * whether its cost follows the learner's history. `ratio` is the longest history's p50 over the
 * shortest's (weakTopics' target: ≤ 1.5, issue 14).
 */
export interface HistoryCurve {
  operation: string;
  bankQuestions: number;
  /** p50 (ms) by the learner's attempts. */
  p50ByAttempts: Record<string, number>;
  ratio: number;
}

export interface ScaleResults {
  scale: ScaleRow[];
  history: HistoryCurve[];
  import: ImportResult;
  settings: { calls: number; warmup: number; banks: number[]; users: number[]; cpus: number; node: string };
}

export interface ScaleOptions extends FixtureOptions {
  calls?: number;
  warmup?: number;
}

const numbers = (text: string | undefined, fallback: number[]): number[] =>
  text ? text.split(',').map((n) => Number(n.trim())) : fallback;

/** The operation whose cost must not follow the learner's history (issue 14): measured side by side per bank. */
const HISTORY_OPERATION = 'weakTopics';

export function optionsFromEnv(env: NodeJS.ProcessEnv = process.env): ScaleOptions {
  return {
    calls: Math.max(20, Number(env.SCALE_CALLS ?? 300)),
    warmup: Math.max(5, Number(env.SCALE_WARMUP ?? 30)),
    banks: numbers(env.SCALE_BANKS, [100, 1000, 10000]),
    users: numbers(env.SCALE_USERS, [10, 200, 2000]),
    importRuns: Math.max(1, Number(env.SCALE_IMPORT_RUNS ?? 3)),
    verify: env.SCALE_VERIFY !== '0',
  };
}

function row(operation: string, bank: BankFixture, user: UserFixture | null, m: Measured): ScaleRow {
  return {
    operation,
    size: user ? user.attempts : bank.size,
    p50Ms: m.p50Ms,
    p99Ms: m.p99Ms,
    dynamoCalls: m.dynamoCalls,
    ratio: m.ratio,
    axis: user ? 'userAttempts' : 'bankQuestions',
    bankQuestions: bank.size,
    userAttempts: user ? user.attempts : null,
    rawP50Ms: m.rawP50Ms,
    rawP99Ms: m.rawP99Ms,
    floorP50Ms: m.floorP50Ms,
    dynamoP50Ms: m.dynamoP50Ms,
    otherP50Ms: m.otherP50Ms,
    byCommand: m.byCommand,
    ...(m.checked ? { checked: m.checked } : {}),
  };
}

export async function runScale(options: ScaleOptions = optionsFromEnv()): Promise<ScaleResults> {
  const calls = options.calls ?? 300;
  const warmup = options.warmup ?? 30;
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const fixture = await prepareScale(options);
  const interrupt = (): void => void fixture.close().finally(() => process.exit(130));
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  try {
    const { app, handler } = fixture;
    const run = randomUUID().slice(0, 8);
    const rows: ScaleRow[] = [];
    const report = (r: ScaleRow): void => {
      rows.push(r);
      const where =
        r.userAttempts === null
          ? `${r.bankQuestions} questions`
          : `${r.bankQuestions} questions, ${r.userAttempts} attempts`;
      const f = (v: number): string => round2(v).toFixed(2).padStart(6);
      log(
        `  ${r.operation.padEnd(15)} ${where.padEnd(28)} p50 ${f(r.p50Ms)}  raw ${f(r.rawP50Ms)}  ratio ${round2(r.ratio).toFixed(2)}  calls ${r.dynamoCalls}  (floor ${f(r.floorP50Ms)}, in DynamoDB ${f(r.dynamoP50Ms)}, rest ${f(r.otherP50Ms)})`,
      );
    };
    const history: HistoryCurve[] = [];
    for (const bank of fixture.banks) {
      log(`measuring bank ${bank.bankId} (${calls} calls each, ${warmup} warm-up)`);
      for (const user of [null, ...bank.users]) {
        for (const op of scaleOperations(fixture, bank, user, run))
          report(row(op.operation, bank, user, await measure(app, handler, op, { calls, warmup })));
      }
      const users = [...bank.users].sort((a, b) => a.attempts - b.attempts);
      if (users.length > 1) {
        const ops = users.map((user) =>
          scaleOperations(fixture, bank, user, run).find((op) => op.operation === HISTORY_OPERATION)!,
        );
        const p50s = await measureSideBySide(handler, ops, { calls, warmup });
        const curve: HistoryCurve = {
          operation: HISTORY_OPERATION,
          bankQuestions: bank.size,
          p50ByAttempts: Object.fromEntries(users.map((user, i) => [String(user.attempts), p50s[i]])),
          ratio: p50s[p50s.length - 1] / p50s[0],
        };
        history.push(curve);
        log(
          `  ${HISTORY_OPERATION} side by side: p50 ${users.map((user, i) => `${round2(p50s[i]).toFixed(2)} at ${user.attempts}`).join(', ')} attempts; ${users[users.length - 1].attempts} ÷ ${users[0].attempts}: ${round2(curve.ratio).toFixed(2)}`,
        );
      }
    }
    return {
      scale: rows,
      history,
      import: fixture.import,
      settings: {
        calls,
        warmup,
        banks: fixture.banks.map((b) => b.size),
        users: fixture.banks[0]?.users.map((u) => u.attempts) ?? [],
        cpus: os.cpus().length,
        node: process.version,
      },
    };
  } finally {
    process.removeListener('SIGINT', interrupt);
    process.removeListener('SIGTERM', interrupt);
    await fixture.close();
  }
}

/** The scale part of bench/results.json: the issue's `"scale"` and `"import"`, and the run's settings. */
export function resultsJson(results: ScaleResults): {
  scale: ScaleRow[];
  scaleHistory: HistoryCurve[];
  import: ImportResult;
  scaleSettings: ScaleResults['settings'];
} {
  return {
    scale: results.scale,
    scaleHistory: results.history,
    import: results.import,
    scaleSettings: results.settings,
  };
}

/**
 * The scale part of `npm run bench`, and all of `npm run bench:scale`: measures, prints the
 * tables, writes its keys of bench/results.json (the others kept) and redraws the chart.
 */
export async function benchScale(options: ScaleOptions = optionsFromEnv()): Promise<ScaleResults> {
  const results = await runScale(options);
  process.stdout.write(formatScale(results));
  const file = saveResults('scale', resultsJson(results));
  process.stdout.write(`\nwrote "scale", "import" and "scaleSettings" of ${path.relative(process.cwd(), file)}\n`);
  const svg = await writeScaleChart(results.scale);
  process.stdout.write(`wrote ${path.relative(process.cwd(), svg)}\n`);
  const missed = scaleTargetsMissed(results);
  if (missed.length > 0) process.stdout.write(`\ntargets missed: ${missed.join('; ')}\n`);
  return results;
}

if (require.main === module) {
  benchScale().catch((error: Error) => {
    process.stderr.write(`bench:scale: ${error.stack ?? error.message}\n`);
    process.exitCode = 1;
  });
}
