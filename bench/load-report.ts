/**
 * The results of `npm run load`: the object written to bench/load.json, and the tables and
 * lines printed from it.
 */
import os from 'node:os';
import path from 'node:path';
import type { ServerStats } from './load-child';
import type { MeasuredPhase, PhaseRun } from './load-http';
import type { RawPhaseResult } from './load-raw';
import { BANK_ID, MIX, SETTINGS } from './load-settings';

export interface LoadRun {
  warm: PhaseRun;
  floor: MeasuredPhase;
  mixedPhase: PhaseRun;
  raw: RawPhaseResult & { cpuPercent: Record<string, number | null> };
  log: ServerStats;
  /** The attempts the users' profiles count after the run. */
  counted: number;
}

const sumOf = (values: Iterable<number>): number => [...values].reduce((a, b) => a + b, 0);

/** bench/load.json. */
export function loadResults({ warm, floor, mixedPhase, raw, log, counted }: LoadRun) {
  const mixed = mixedPhase.result;
  // Requests cut off when a phase ends may still be recorded by the server: the profiles must
  // count every attempt answered without error, and at most the cut-off ones on top.
  const recorded = warm.tally.recordedAttempts + mixedPhase.tally.recordedAttempts;
  const cutOff = warm.tally.unanswered('recordAttempt') + mixedPhase.tally.unanswered('recordAttempt');
  const warmErrors = sumOf([...warm.tally.ops.values()].map((t) => t.non2xx + t.graphqlErrors));
  const transactions = mixed.dynamoCalls.TransactWriteItemsCommand ?? 0;
  const mixedAttempts = mixedPhase.tally.recordedAttempts;

  return {
    settings: {
      ...SETTINGS,
      mix: MIX,
      bank: BANK_ID,
      cpus: os.cpus().length,
      node: process.version,
      server: 'bench/load-server.ts: createHttpServer(createLambdaHandler(createApp(config))), STAGE=prod, 127.0.0.1',
    },
    floor,
    mixed,
    mixedVsFloor: {
      reqPerSec: mixed.reqPerSec / floor.reqPerSec,
      p50: mixed.p50Ms / floor.p50Ms,
      p99: mixed.p99Ms / floor.p99Ms,
    },
    rawSdk: raw,
    mixedVsRawSdk: { reqPerSec: mixed.reqPerSec / raw.reqPerSec, p50: mixed.p50Ms / raw.p50Ms },
    warmup: { requests: warm.result.requests, reqPerSec: warm.result.reqPerSec, errors: warmErrors },
    attempts: {
      recordedWithoutError: recorded,
      cutOffAtPhaseEnds: cutOff,
      countedInProfiles: counted,
      consistent: counted >= recorded && counted <= recorded + cutOff,
      transactWritesPerRecordedAttempt: mixedAttempts ? transactions / mixedAttempts : 0,
    },
    serverLog: { counts: log.counts, firstProblems: log.firstProblems },
  };
}

export type LoadResults = ReturnType<typeof loadResults>;

function table(rows: (string | number)[][]): string {
  const cells = rows.map((r) => r.map(String));
  const widths = cells[0].map((_, col) => Math.max(...cells.map((r) => r[col].length)));
  return cells
    .map((r) => r.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]) : cell.padStart(widths[col]))).join('  '))
    .join('\n');
}

const f = (v: number): string => v.toFixed(2);

/** The phases side by side: floor, mixed, and the raw SDK calls of the same mix. */
function printPhases({ floor, mixed, rawSdk: raw }: LoadResults): void {
  process.stdout.write(
    `\n${table([
      [
        'phase',
        'requests',
        'req/s',
        'p50 ms',
        'p90 ms',
        'p99 ms',
        'max ms',
        'non-2xx',
        'GraphQL errors',
        'socket errors',
        'timeouts',
        'DynamoDB calls/request',
      ],
      ...(
        [
          ['floor { __typename }', floor],
          ['mixed', mixed],
        ] as const
      ).map(([name, p]) => [
        name,
        p.requests,
        Math.round(p.reqPerSec),
        f(p.p50Ms),
        f(p.p90Ms),
        f(p.p99Ms),
        f(p.maxMs),
        p.non2xx,
        p.graphqlErrors,
        p.socketErrors,
        p.timeouts,
        f(p.dynamoCallsPerRequest),
      ]),
      [
        'raw SDK, same mix',
        raw.requests,
        Math.round(raw.reqPerSec),
        f(raw.p50Ms),
        '–',
        f(raw.p99Ms),
        '–',
        '–',
        '–',
        raw.errors,
        '–',
        '–',
      ],
    ])}\n`,
  );
}

/** The mixed phase by operation, beside the raw SDK calls of the same operation. */
function printOperations({ mixed, rawSdk: raw }: LoadResults): void {
  process.stdout.write(
    `\nmixed by operation (latency from autocannon's per-request timer), beside the raw SDK calls of the same mix\n${table(
      [
        [
          'operation',
          'requests',
          'share',
          'p50 ms',
          'p99 ms',
          'non-2xx',
          'GraphQL errors',
          'raw requests',
          'raw p50 ms',
          'raw p99 ms',
        ],
        ...Object.entries(mixed.byOperation).map(([op, o]) => {
          const r = raw.byOperation[op] ?? { requests: 0, p50Ms: 0, p99Ms: 0 };
          return [
            op,
            o.requests,
            `${(o.share * 100).toFixed(1)} %`,
            f(o.p50Ms),
            f(o.p99Ms),
            o.non2xx,
            o.graphqlErrors,
            r.requests,
            f(r.p50Ms),
            f(r.p99Ms),
          ];
        }),
      ],
    )}\n`,
  );
}

/** CPU, the ratios, the DynamoDB calls, the attempts check and the server log. */
function printSummary(results: LoadResults): void {
  const { floor, mixed, rawSdk: raw, serverLog: log } = results;
  const { recordedWithoutError: recorded, cutOffAtPhaseEnds: cutOff, countedInProfiles: counted } = results.attempts;
  process.stdout.write(
    `\nCPU, % of one core (${os.cpus().length} cores): ${(
      [
        ['floor', floor.cpuPercent],
        ['mixed', mixed.cpuPercent],
        ['raw SDK', raw.cpuPercent],
      ] as const
    )
      .map(
        ([name, cpu]) =>
          `${name}: ${Object.entries(cpu)
            .map(([p, v]) => `${p} ${v ?? '?'}`)
            .join(', ')}`,
      )
      .join('; ')}\n` +
      `mixed / floor: ${f(results.mixedVsFloor.reqPerSec)}× the req/s, ${f(results.mixedVsFloor.p50)}× the p50; mixed / raw SDK: ${f(results.mixedVsRawSdk.reqPerSec)}× the req/s, ${f(results.mixedVsRawSdk.p50)}× the p50\n` +
      `raw SDK: ${f(raw.transactWritesPerRecordedAttempt)} TransactWriteItems per recorded attempt; cancelled items: ${
        Object.entries(raw.cancelledItems)
          .map(([k, n]) => `${k} ×${n}`)
          .join(', ') || 'none'
      }\n` +
      `server's DynamoDB calls in the mixed phase: ${Object.entries(mixed.dynamoCalls)
        .map(([c, n]) => `${c.replace(/Command$/, '')} ${n}`)
        .join(', ')}` +
      ` (${f(results.attempts.transactWritesPerRecordedAttempt)} TransactWriteItems per recorded attempt)\n` +
      `attempts: ${recorded} recorded without error (+${cutOff} cut off at phase ends), ${counted} counted by the users' profiles (${results.attempts.consistent ? 'consistent' : 'MISMATCH'})\n` +
      `server log: ${log.counts.warn} warn, ${log.counts.error} error lines\n`,
  );
}

/** Prints the report of a run whose results were written to `file`; true when the target is met. */
export function printLoadReport(results: LoadResults, file: string): boolean {
  const { floor, mixed, rawSdk: raw, serverLog: log } = results;
  const warmErrors = results.warmup.errors;
  printPhases(results);
  printOperations(results);
  printSummary(results);
  for (const line of [...floor.firstErrors, ...mixed.firstErrors, ...log.firstProblems, ...raw.firstErrors])
    process.stdout.write(`  ${line}\n`);
  const clean =
    floor.non2xx +
      floor.graphqlErrors +
      floor.socketErrors +
      mixed.non2xx +
      mixed.graphqlErrors +
      mixed.socketErrors +
      warmErrors ===
    0;
  process.stdout.write(
    `\ntarget (zero non-2xx, zero GraphQL errors): ${clean ? 'met' : 'MISSED'}\nwrote ${path.relative(process.cwd(), file)}\n`,
  );
  return clean;
}
