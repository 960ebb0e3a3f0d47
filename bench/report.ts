/**
 * What the benches print and keep: the console tables, each number next to its target, and
 * bench/results.json, which `npm run bench` and `npm run bench:scale` each write their part of.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BuiltBundle } from './bundle';
import type { Breakdown, SubjectResult } from './cold-start';
import type { TraceSummary } from './cold-trace';
import type { LatencyResult } from './latency';
import type { ScaleResults, ScaleRow } from './scale';
import { round2 } from './stats';

/**
 * handlerRatio: warm handler / raw SDK; coldStartFloorRatio: cold start / the SDK-only floor;
 * coldRequestRounds: sequential DynamoDB round trips of a cold container's first request.
 */
export const TARGETS = {
  handlerRatio: 1.5,
  coldStartFloorRatio: 1.5,
  coldRequestRounds: 2,
  historyRatio: 1.5,
} as const;

export const RESULTS_FILE = path.join(__dirname, 'results.json');

/** The keys of bench/results.json, in the order written, by the part of the run that owns them. */
export const RESULT_KEYS = {
  latency: ['operations', 'coldStart', 'bundle', 'coldStartFloor'],
  scale: ['scale', 'scaleHistory', 'import', 'scaleSettings'],
} as const;

export type ResultsPart = keyof typeof RESULT_KEYS;

/** A bundle's cold starts with its size. */
export interface BundleCold extends SubjectResult {
  bytes: number;
  breakdown: Breakdown;
}

/** The cold-start part of a run: every subject measured interleaved, the same number of runs. */
export interface ColdResults {
  runs: number;
  /** The Lambda bundle (src/handler.ts). */
  real: BundleCold;
  /** The SDK-only floor replaying the real bundle's DynamoDB work (bench/floor/sdk-only.ts). */
  floor: BundleCold;
  /** `node -e 0`. */
  node: SubjectResult;
  /** The Apollo-only reference (BENCH_COLD_FLOOR=1). */
  apollo?: BundleCold;
  /**
   * The DynamoDB work recorded from one traced run of each bundle (bench/cold-proxy.ts);
   * floorMatches: the floor's reads came in the same phases and rounds as the real bundle's.
   */
  trace: { real: TraceSummary; floor: TraceSummary; floorMatches: boolean };
}

const verdict = (value: number, max: number): string => (value <= max ? `ok (≤ ${max})` : `OVER (> ${max})`);
const ms = (value: number): string => round2(value).toFixed(2);

function table(rows: (string | number)[][]): string {
  const cells = rows.map((row) => row.map(String));
  const widths = cells[0].map((_, col) => Math.max(...cells.map((row) => row[col].length)));
  return cells
    .map((row) =>
      row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]) : cell.padStart(widths[col]))).join('  '),
    )
    .join('\n');
}

const commandList = (byOperation: Record<string, number>): string =>
  Object.entries(byOperation)
    .map(([name, n]) => `${n}×${name}`)
    .join(' + ') || '–';

const traceLine = (name: string, t: TraceSummary): string =>
  `${name}: init ${t.init.calls} calls in ${t.init.rounds} rounds (${commandList(t.init.byOperation)}), ` +
  `request ${t.request.calls} calls in ${t.request.rounds} rounds (${commandList(t.request.byOperation)})` +
  (t.after.calls > 0 ? `, after the answer ${t.after.calls} (${commandList(t.after.byOperation)})` : '') +
  (t.skipped.length > 0 ? `; writes not replayed: ${t.skipped.join(', ')}` : '');

/** floorRatio: medians of the real bundle and the floor, both wall time spawn → exit. */
export function coldRatios(cold: ColdResults): { floorRatio: number; nodeRatio: number; floorNodeRatio: number } {
  return {
    floorRatio: cold.real.p50Ms / cold.floor.p50Ms,
    nodeRatio: cold.real.p50Ms / cold.node.p50Ms,
    floorNodeRatio: cold.floor.p50Ms / cold.node.p50Ms,
  };
}

function printCold(cold: ColdResults): void {
  const { floorRatio } = coldRatios(cold);
  const bundles = [cold.real, cold.floor, ...(cold.apollo ? [cold.apollo] : [])];
  const optional = (value: number | null): string => (value === null ? '–' : ms(value));
  process.stdout.write(
    `\nCold start, fresh node, interleaved, median of ${cold.runs} each (ms; breakdown inside the child, from process start)\n`,
  );
  process.stdout.write(
    `${table([
      ['bundle', 'bytes', 'wall p50', '/ node', 'boot', 'module load', 'construct', 'first request', 'to answer'],
      ...bundles.map((b) => [
        b.name,
        b.bytes,
        ms(b.p50Ms),
        round2(b.p50Ms / cold.node.p50Ms).toFixed(2),
        ms(b.breakdown.bootMs),
        ms(b.breakdown.loadMs),
        optional(b.breakdown.constructMs),
        ms(b.breakdown.firstRequestMs),
        ms(b.breakdown.totalMs),
      ]),
      [cold.node.name, '–', ms(cold.node.p50Ms), '1.00', '–', '–', '–', '–', '–'],
    ])}\n`,
  );
  process.stdout.write(
    `DynamoDB work, traced once each (unmeasured):\n  ${traceLine('real', cold.trace.real)}\n  ${traceLine('floor', cold.trace.floor)}\n` +
      (cold.trace.floorMatches
        ? '  the floor made the same reads in the same phases and rounds\n'
        : '  WARNING: the floor did NOT make the same reads in the same phases and rounds: its ratio is not comparable\n'),
  );
  const rounds = cold.trace.real.request.rounds;
  process.stdout.write(
    `cold first request: ${rounds} sequential DynamoDB round trips  ${verdict(rounds, TARGETS.coldRequestRounds)}\n`,
  );
  process.stdout.write(
    `floorRatio (real / SDK-only floor, wall p50): ${round2(floorRatio).toFixed(2)}  ${verdict(floorRatio, TARGETS.coldStartFloorRatio)}\n`,
  );
}

export function printReport(warm: Record<string, LatencyResult>, cold: ColdResults, bundle: BuiltBundle): void {
  const warmRows = Object.entries(warm).map(([name, r]) => [
    name,
    ms(r.p50Ms),
    ms(r.p99Ms),
    ms(r.rawP50Ms),
    ms(r.rawP99Ms),
    round2(r.ratio).toFixed(2),
    r.dynamoCalls,
    verdict(r.ratio, TARGETS.handlerRatio),
  ]);
  const calls = Object.values(warm)[0]?.calls ?? 0;
  process.stdout.write(`\nWarm latency, in process, ${calls} calls each (ms)\n`);
  process.stdout.write(
    `${table([['operation', 'p50', 'p99', 'raw p50', 'raw p99', 'ratio', 'dynamo calls', 'target'], ...warmRows])}\n`,
  );

  printCold(cold);

  const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;
  process.stdout.write(
    `\nBundle: ${bundle.bytes} bytes (${kb(bundle.bytes)}), gzip ${bundle.gzipBytes} bytes (${kb(bundle.gzipBytes)}), source map ${kb(bundle.mapBytes)}; lazy chunks beside it: ${
      Object.entries(bundle.chunks)
        .map(([name, bytes]) => `${name} ${kb(bytes)}`)
        .join(', ') || 'none'
    }\n`,
  );
}

/** Operations whose DynamoDB calls differ between sizes. */
export function unflatOperations(rows: readonly ScaleRow[]): string[] {
  const calls = new Map<string, Set<number>>();
  for (const r of rows) calls.set(r.operation, (calls.get(r.operation) ?? new Set()).add(r.dynamoCalls));
  return [...calls].filter(([, set]) => set.size > 1).map(([operation]) => operation);
}

/** The scale run's misses, one phrase each; empty when every target is met. */
export function scaleTargetsMissed(results: Pick<ScaleResults, 'scale' | 'history' | 'import'>): string[] {
  const unflat = unflatOperations(results.scale);
  return [
    ...(unflat.length > 0 ? [`calls not flat (${unflat.join(', ')})`] : []),
    ...results.history
      .filter((curve) => curve.ratio > TARGETS.historyRatio)
      .map((curve) => `${curve.operation}@${curve.bankQuestions} longest ÷ shortest history ${round2(curve.ratio)}`),
    ...results.scale
      .filter((r) => r.ratio > TARGETS.handlerRatio)
      .map((r) => `${r.operation}@${r.bankQuestions}/${r.userAttempts ?? '–'} ratio ${round2(r.ratio)}`),
    ...(results.import.reimportWriteCalls > 0 ? ['re-import wrote'] : []),
  ];
}

export function formatScale(results: Pick<ScaleResults, 'scale' | 'history' | 'import' | 'settings'>): string {
  const commands = (byCommand: Record<string, number>): string =>
    Object.entries(byCommand)
      .map(([name, n]) => `${n}×${name}`)
      .join(' + ');
  const lines = [
    `\nScale: warm latency in process, ${results.settings.calls} calls each beside the minimal raw SDK calls (ms)`,
    'floor = { __typename } through the same handler; in DynamoDB / rest = the handler call split into time with a DynamoDB call in flight and the rest',
    table([
      [
        'operation',
        'bank',
        'attempts',
        'p50',
        'p99',
        'raw p50',
        'raw p99',
        'ratio',
        'floor p50',
        'in DynamoDB',
        'rest',
        'calls',
        'DynamoDB commands',
        'ratio target',
      ],
      ...results.scale.map((r) => [
        r.operation,
        r.bankQuestions,
        r.userAttempts ?? '–',
        ms(r.p50Ms),
        ms(r.p99Ms),
        ms(r.rawP50Ms),
        ms(r.rawP99Ms),
        round2(r.ratio).toFixed(2),
        ms(r.floorP50Ms),
        ms(r.dynamoP50Ms),
        ms(r.otherP50Ms),
        r.dynamoCalls,
        commands(r.byCommand),
        verdict(r.ratio, TARGETS.handlerRatio),
      ]),
    ]),
  ];
  const checked = results.scale.filter((r) => r.checked);
  if (checked.length > 0) {
    lines.push(
      'weakTopics beside its Query with the bank item read in parallel (what showing an import on the next request costs at least):',
      ...checked.map(
        (r) =>
          `  ${r.bankQuestions} questions, ${r.userAttempts} attempts: raw with the check p50 ${ms(r.checked!.rawP50Ms)}, ratio ${round2(r.checked!.ratio).toFixed(2)}`,
      ),
    );
  }
  if (results.history.length > 0) {
    lines.push(
      `p50 by the learner's history, measured side by side (each round calls every learner once; target longest ÷ shortest ≤ ${TARGETS.historyRatio}):`,
      ...results.history.map(
        (curve) =>
          `  ${curve.operation} ${curve.bankQuestions} questions: ${Object.entries(curve.p50ByAttempts)
            .map(([attempts, p50]) => `${ms(p50)} at ${attempts}`)
            .join(', ')} attempts → ${round2(curve.ratio).toFixed(2)}  ${verdict(curve.ratio, TARGETS.historyRatio)}`,
      ),
    );
  }
  const unflat = unflatOperations(results.scale);
  lines.push(
    unflat.length === 0
      ? 'DynamoDB calls: flat across every size for every operation'
      : `DynamoDB calls NOT flat across sizes: ${unflat.join(', ')}`,
  );
  const imp = results.import;
  lines.push(
    `\nImport of ${imp.questions} questions (${imp.sections} sections, ${(imp.fileBytes / 1e6).toFixed(2)} MB of Markdown) into a fresh table, median of ${imp.runs.length}`,
    table([
      ['import ms', 'questions/s', 'write calls', 're-import ms', 're-import calls', 're-import writes', 'target'],
      [
        ms(imp.importMs),
        Math.round(imp.questionsPerSecond),
        imp.writeCalls,
        ms(imp.reimportMs),
        imp.reimportCalls,
        imp.reimportWriteCalls,
        imp.reimportWriteCalls === 0 ? 'ok (0 writes)' : 'OVER (writes)',
      ],
    ]),
    `runs: ${imp.runs.map((r) => `${Math.round(r.importMs)} ms / ${Math.round(r.questionsPerSecond)} q/s, re-import ${Math.round(r.reimportMs)} ms`).join('; ')}`,
  );
  return `${lines.join('\n')}\n`;
}

function readResults(file: string): Record<string, unknown> {
  if (!existsSync(file)) return {};
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // Unreadable: rewritten below rather than losing the run just measured.
  }
  process.stderr.write(`${path.relative(process.cwd(), file)} is not a results object; writing it afresh\n`);
  return {};
}

/**
 * Writes one part of bench/results.json: the part's keys are replaced by `values` (a key missing
 * from `values` is removed, e.g. coldStartFloor without BENCH_COLD_FLOOR), and the other part's
 * keys are kept from the file, unless `fresh`, which starts from an empty file.
 */
export function saveResults(
  part: ResultsPart,
  values: Record<string, unknown>,
  options: { fresh?: boolean; file?: string } = {},
): string {
  const file = options.file ?? RESULTS_FILE;
  const merged: Record<string, unknown> = options.fresh ? {} : readResults(file);
  for (const key of RESULT_KEYS[part]) {
    if (values[key] === undefined) delete merged[key];
    else merged[key] = values[key];
  }
  const order: readonly string[] = [...RESULT_KEYS.latency, ...RESULT_KEYS.scale];
  const ordered = Object.fromEntries(order.filter((key) => key in merged).map((key) => [key, merged[key]]));
  writeFileSync(file, `${JSON.stringify({ ...ordered, ...merged }, null, 2)}\n`);
  return file;
}
