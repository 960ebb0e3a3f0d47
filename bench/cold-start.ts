/**
 * Cold starts: fresh `node` processes that load a bundled handler and serve one request
 * (cold-child.cjs), and a bare `node -e 0`, INTERLEAVED: every round runs each subject once, the
 * order rotated by one each round, after one unmeasured round (page cache, DynamoDB Local's own
 * warm-up). Medians of wall time (spawn → exit) and of the child's own breakdown.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { median } from './stats';

const CHILD = path.join(__dirname, 'cold-child.cjs');

/** What bench/cold-child.cjs prints (ms, from process start where a time). */
export interface ChildReport {
  ok: boolean;
  bootMs: number;
  loadMs: number;
  constructMs: number | null;
  firstRequestMs: number;
  totalMs: number;
  /** The bundle's lazy chunks (esbuild-plugins.js) the request loaded. */
  chunks?: string[];
}

export interface Breakdown {
  /** process start → the child's first line (node's own start). */
  bootMs: number;
  /** require of the bundle up to the app's construction (all of require without marks). */
  loadMs: number;
  /** the app's construction between its marks (null when the bundle has none). */
  constructMs: number | null;
  firstRequestMs: number;
  /** process start → answer, inside the child. */
  totalMs: number;
}

export interface SubjectResult {
  name: string;
  /** Median wall time, spawn → exit. */
  p50Ms: number;
  walls: number[];
  /** Medians of the child's report; undefined for `node -e 0`. */
  breakdown?: Breakdown;
}

export interface Subject {
  name: string;
  /** A bundle run by cold-child.cjs; absent: a bare `node -e 0`. */
  bundle?: { file: string; exportName: string; event: unknown };
  env: NodeJS.ProcessEnv;
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

function childReport(result: Run): ChildReport {
  const line = result.stdout.split('\n').find((text) => text.startsWith('{"ok"'));
  const report = line ? (JSON.parse(line) as ChildReport) : undefined;
  if (result.code !== 0 || !report?.ok) {
    throw new Error(`cold start failed (exit ${result.code}): ${line ?? result.stdout}\n${result.stderr}`);
  }
  return report;
}

const argsOf = (subject: Subject): string[] =>
  subject.bundle
    ? [CHILD, subject.bundle.file, subject.bundle.exportName, JSON.stringify(subject.bundle.event)]
    : ['-e', '0'];

/** One cold start of a subject; its child's report (undefined for bare node) and wall time. */
export async function runOnce(subject: Subject): Promise<{ wallMs: number; report?: ChildReport }> {
  const result = await run(argsOf(subject), subject.env);
  if (!subject.bundle) {
    if (result.code !== 0) throw new Error(`node -e 0 failed (exit ${result.code}): ${result.stderr}`);
    return { wallMs: result.wallMs };
  }
  return { wallMs: result.wallMs, report: childReport(result) };
}

/** Round i runs the subjects starting at i mod n: each goes first, second… equally often. */
export function rotation<T>(items: readonly T[], round: number): T[] {
  const shift = round % items.length;
  return [...items.slice(shift), ...items.slice(0, shift)];
}

function breakdown(reports: readonly ChildReport[]): Breakdown {
  const constructs = reports.map((r) => r.constructMs).filter((v): v is number => v !== null);
  return {
    bootMs: median(reports.map((r) => r.bootMs)),
    loadMs: median(reports.map((r) => r.loadMs)),
    constructMs: constructs.length === reports.length ? median(constructs) : null,
    firstRequestMs: median(reports.map((r) => r.firstRequestMs)),
    totalMs: median(reports.map((r) => r.totalMs)),
  };
}

/** Runs every subject `runs` times, interleaved; results in the subjects' order. */
export async function measureColdStarts(subjects: readonly Subject[], runs: number): Promise<SubjectResult[]> {
  for (const subject of subjects) await runOnce(subject);
  const walls = subjects.map((): number[] => []);
  const reports = subjects.map((): ChildReport[] => []);
  const indexes = subjects.map((_, i) => i);
  for (let round = 0; round < runs; round++) {
    for (const i of rotation(indexes, round)) {
      const { wallMs, report } = await runOnce(subjects[i]);
      walls[i].push(wallMs);
      if (report) reports[i].push(report);
    }
  }
  return subjects.map((subject, i) => ({
    name: subject.name,
    p50Ms: median(walls[i]),
    walls: walls[i],
    ...(subject.bundle ? { breakdown: breakdown(reports[i]) } : {}),
  }));
}
