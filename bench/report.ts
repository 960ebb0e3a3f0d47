/** The bench's console table, with each number next to its target. */
import type { BuiltBundle } from './bundle';
import type { ColdStartResult } from './cold-start';
import type { LatencyResult } from './latency';
import { round2 } from './stats';

export const TARGETS = { handlerRatio: 1.5, coldStartRatio: 3.0 } as const;

/** A reference bundle's cold start (BENCH_COLD_FLOOR=1). */
export interface FloorResult extends ColdStartResult {
  name: string;
  bytes: number;
}

const verdict = (value: number, max: number): string => (value <= max ? `ok (≤ ${max})` : `OVER (> ${max})`);

function table(rows: (string | number)[][]): string {
  const cells = rows.map((row) => row.map(String));
  const widths = cells[0].map((_, col) => Math.max(...cells.map((row) => row[col].length)));
  return cells.map((row) => row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]) : cell.padStart(widths[col]))).join('  ')).join('\n');
}

export function printReport(warm: Record<string, LatencyResult>, cold: ColdStartResult, bundle: BuiltBundle, floor: FloorResult[] = []): void {
  const ms = (value: number): string => round2(value).toFixed(2);
  const warmRows = Object.entries(warm).map(([name, r]) => [
    name, ms(r.p50Ms), ms(r.p99Ms), ms(r.rawP50Ms), ms(r.rawP99Ms), round2(r.ratio).toFixed(2), r.dynamoCalls, verdict(r.ratio, TARGETS.handlerRatio),
  ]);
  const calls = Object.values(warm)[0]?.calls ?? 0;
  process.stdout.write(`\nWarm latency, in process, ${calls} calls each (ms)\n`);
  process.stdout.write(`${table([['operation', 'p50', 'p99', 'raw p50', 'raw p99', 'ratio', 'dynamo calls', 'target'], ...warmRows])}\n`);

  process.stdout.write(`\nCold start, fresh node, median of ${cold.runs} (ms)\n`);
  process.stdout.write(
    `${table([
      ['bundle: load+first request', 'node -e 0', 'ratio', 'init', 'first request', 'target'],
      [ms(cold.p50Ms), ms(cold.nodeP50Ms), round2(cold.ratio).toFixed(2), ms(cold.initMs), ms(cold.firstRequestMs), verdict(cold.ratio, TARGETS.coldStartRatio)],
    ])}\n`,
  );
  if (floor.length > 0) {
    process.stdout.write(`\nCold start of reference bundles (BENCH_COLD_FLOOR), median of ${cold.runs} (ms)\n`);
    process.stdout.write(
      `${table([
        ['bundle', 'bytes', 'load+first request', 'node -e 0', 'ratio', 'init', 'first request'],
        ...floor.map((f) => [f.name, f.bytes, ms(f.p50Ms), ms(f.nodeP50Ms), round2(f.ratio).toFixed(2), ms(f.initMs), ms(f.firstRequestMs)]),
      ])}\n`,
    );
  }

  const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;
  process.stdout.write(`\nBundle: ${bundle.bytes} bytes (${kb(bundle.bytes)}), gzip ${bundle.gzipBytes} bytes (${kb(bundle.gzipBytes)}), source map ${kb(bundle.mapBytes)}\n`);
}
