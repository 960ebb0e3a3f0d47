/**
 * npm run bench:memory — which arm64 memory size to give the function, from measured CPU time.
 *
 * Lambda gives a function CPU in proportion to its memory: a whole vCPU at 1,769 MB (AWS Lambda
 * developer guide, "Configuring function memory"), so about 0.58 of one at 1,024 MB and 0.29 at
 * 512 MB. Time spent waiting for DynamoDB does not scale. So each size's durations are estimated
 * from what this machine measures of the bundled handler (`bench/memory-child.cjs`, run
 * `MEMORY_RUNS` times, medians): CPU time × max(1, 1769 / MB) + (wall − CPU), one core of this
 * machine standing for one Lambda vCPU. Cost per million warm requests: billed duration (whole
 * ms) × GB × the arm64 price per GB-second, plus the per-request price (us-east-1 list prices,
 * constants below). Prints a table and writes `bench/memory.json`.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildBundle, readServerlessSettings } from './bundle';
import { graphqlEvent } from './events';
import { BANK_ID, lambdaEnv, startFixture } from './fixture';
import { median, round2 } from './stats';

/** us-east-1 list prices for arm64 (USD): per GB-second of duration (first tier), per request. */
const ARM64_GB_SECOND_USD = 0.0000133334;
const REQUEST_USD = 0.2 / 1_000_000;
/** The memory at which a function has one full vCPU. */
const FULL_VCPU_MB = 1769;
const SIZES_MB = [512, 1024, 1769];

const RUNS = Math.max(5, Number(process.env.MEMORY_RUNS ?? 15));
const WARM = Math.max(100, Number(process.env.MEMORY_WARM ?? 300));

interface ChildReport {
  ok: boolean;
  error?: string;
  cold: { wallMs: number; cpuMs: number };
  warm: { wallP50Ms: number; cpuMs: number };
}

function runChild(args: string[], env: NodeJS.ProcessEnv): Promise<ChildReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('error', reject);
    child.once('close', () => {
      const line = out.split('\n').find((text) => text.startsWith('{"ok"'));
      const report = line ? (JSON.parse(line) as ChildReport) : undefined;
      if (!report?.ok) reject(new Error(`memory child failed: ${report?.error ?? out}`));
      else resolve(report);
    });
  });
}

/** Duration at `mb` of a phase that took `wallMs` here, `cpuMs` of it on the CPU. */
export const scaledMs = (wallMs: number, cpuMs: number, mb: number): number =>
  cpuMs * Math.max(1, FULL_VCPU_MB / mb) + Math.max(0, wallMs - cpuMs);

/** USD per million warm requests of `durationMs` at `mb` (duration billed in whole milliseconds). */
export const costPerMillion = (durationMs: number, mb: number): number =>
  1_000_000 * ((Math.ceil(durationMs) / 1000) * (mb / 1024) * ARM64_GB_SECOND_USD + REQUEST_USD);

async function main(): Promise<void> {
  const fixture = await startFixture();
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'qbank-memory-'));
  try {
    const settings = readServerlessSettings();
    const bundle = await buildBundle(settings, outDir);
    const env = lambdaEnv(settings.fn.environment, fixture.local.endpoint);
    const query = `{ randomQuestions(input: { bankId: "${BANK_ID}", count: 10 }) { questions { id text } } }`;
    const event = graphqlEvent(query, 'memory', { 'x-api-key': fixture.apiKey });
    const args = [
      path.join(__dirname, 'memory-child.cjs'),
      bundle.file,
      settings.fn.exportName,
      JSON.stringify(event),
      String(WARM),
    ];
    await runChild(args, env); // unmeasured: files into the page cache
    const reports: ChildReport[] = [];
    for (let i = 0; i < RUNS; i++) reports.push(await runChild(args, env));
    const measured = {
      cold: { wallMs: median(reports.map((r) => r.cold.wallMs)), cpuMs: median(reports.map((r) => r.cold.cpuMs)) },
      warm: { wallMs: median(reports.map((r) => r.warm.wallP50Ms)), cpuMs: median(reports.map((r) => r.warm.cpuMs)) },
    };
    const sizes = SIZES_MB.map((mb) => {
      const coldMs = scaledMs(measured.cold.wallMs, measured.cold.cpuMs, mb);
      const warmMs = scaledMs(measured.warm.wallMs, measured.warm.cpuMs, mb);
      return {
        mb,
        coldStartMs: round2(coldMs),
        warmMs: round2(warmMs),
        usdPerMillionWarm: round2(costPerMillion(warmMs, mb)),
      };
    });
    const result = {
      measuredAt: new Date().toISOString(),
      runs: RUNS,
      warmRequests: WARM,
      measured: {
        cold: { wallMs: round2(measured.cold.wallMs), cpuMs: round2(measured.cold.cpuMs) },
        warm: { wallMs: round2(measured.warm.wallMs), cpuMs: round2(measured.warm.cpuMs) },
      },
      sizes,
    };
    writeFileSync(path.join(__dirname, 'memory.json'), `${JSON.stringify(result, null, 2)}\n`);
    const lines = [
      `measured here (medians of ${RUNS}): cold start ${result.measured.cold.wallMs} ms wall, ${result.measured.cold.cpuMs} ms CPU; warm request ${result.measured.warm.wallMs} ms wall, ${result.measured.warm.cpuMs} ms CPU`,
      '| arm64 MB | cold start (est.) ms | warm request (est.) ms | USD per million warm requests |',
      '|--:|--:|--:|--:|',
      ...sizes.map((s) => `| ${s.mb} | ${s.coldStartMs} | ${s.warmMs} | ${s.usdPerMillionWarm} |`),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
    fixture.raw.doc.destroy();
    await fixture.local.stop();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  });
}
