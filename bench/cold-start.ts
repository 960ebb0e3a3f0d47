/**
 * Cold starts: a fresh `node` that loads the bundled handler and serves one request
 * (cold-child.cjs), against a bare `node -e 0`, run alternately; medians of wall time.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { median } from './stats';

const CHILD = path.join(__dirname, 'cold-child.cjs');

export interface ColdStartResult {
  p50Ms: number;
  nodeP50Ms: number;
  ratio: number;
  /** Medians measured inside the child: module load with app construction, then the first request. */
  initMs: number;
  firstRequestMs: number;
  runs: number;
}

export interface ColdStartInput {
  bundle: string;
  exportName: string;
  event: unknown;
  env: NodeJS.ProcessEnv;
  runs: number;
}

interface Run {
  wallMs: number;
  stdout: string;
  stderr: string;
  code: number | null;
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.once('error', reject);
    child.once('close', (code) => {
      const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
      resolve({ wallMs, code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() });
    });
  });
}

interface ChildReport {
  ok: boolean;
  initMs: number;
  firstRequestMs: number;
}

function childReport(result: Run): ChildReport {
  const line = result.stdout.split('\n').find((text) => text.startsWith('{"ok"'));
  const report = line ? (JSON.parse(line) as ChildReport) : undefined;
  if (result.code !== 0 || !report?.ok) {
    throw new Error(`cold start failed (exit ${result.code}): ${line ?? result.stdout}\n${result.stderr}`);
  }
  return report;
}

export async function measureColdStart(input: ColdStartInput): Promise<ColdStartResult> {
  const childArgs = [CHILD, input.bundle, input.exportName, JSON.stringify(input.event)];
  // One unmeasured round first, so both start with the files in the page cache.
  childReport(await run(childArgs, input.env));
  await run(['-e', '0'], input.env);
  const wall: number[] = [];
  const bare: number[] = [];
  const reports: ChildReport[] = [];
  for (let i = 0; i < input.runs; i++) {
    bare.push((await run(['-e', '0'], input.env)).wallMs);
    const result = await run(childArgs, input.env);
    reports.push(childReport(result));
    wall.push(result.wallMs);
  }
  const p50Ms = median(wall);
  const nodeP50Ms = median(bare);
  return {
    p50Ms,
    nodeP50Ms,
    ratio: p50Ms / nodeP50Ms,
    initMs: median(reports.map((r) => r.initMs)),
    firstRequestMs: median(reports.map((r) => r.firstRequestMs)),
    runs: input.runs,
  };
}
