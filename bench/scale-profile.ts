/**
 * Where the time of a scale operation goes, for the cases bench/scale.ts flags (a ratio above
 * 1.5, or DynamoDB calls that grow with size). Builds the same fixture (smaller by default),
 * then for each operation and size:
 *
 *   - trace: one warm handler call with every DynamoDB call listed in order — command, what it
 *     asked for (keys, index, Limit), what came back (items, pages), when it started relative to
 *     the request and how long it took;
 *   - profile: PROFILE_CALLS (default 200) warm handler calls under the V8 CPU profiler
 *     (node:inspector, in process), self time summed by package and by function.
 *
 *   npx tsx bench/scale-profile.ts
 *
 * PROFILE_BANKS (default 10000), PROFILE_USERS (default 10,2000), PROFILE_OPS (default all,
 * comma-separated) and PROFILE_TOP (default 12 functions) narrow it down.
 */
import { Session, type Profiler } from 'node:inspector';
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { prepareScale, type ScaleFixture } from './scale-fixture';
import { scaleOperations } from './scale-operations';
import { invoke, type ScaleOperation } from './scale-measure';

const ROOT = path.resolve(__dirname, '..');
const list = (text: string | undefined, fallback: string[]): string[] =>
  text ? text.split(',').map((s) => s.trim()) : fallback;

interface TraceEntry {
  command: string;
  asked: string;
  got: string;
  startMs: number;
  ms: number;
}

/** The fields of a DynamoDB command's input that the trace describes. */
interface TracedInput {
  RequestItems?: Record<string, { Keys?: unknown[]; ConsistentRead?: boolean }>;
  IndexName?: string;
  Limit?: number;
  ExclusiveStartKey?: unknown;
  TransactItems?: unknown[];
}

/** The fields of a DynamoDB command's output that the trace describes. */
interface TracedOutput {
  Responses?: Record<string, unknown[]>;
  UnprocessedKeys?: Record<string, { Keys?: unknown[] }>;
  Count?: number;
  Items?: unknown[];
  LastEvaluatedKey?: unknown;
}

function describeInput(command: string, input: TracedInput): string {
  if (command.startsWith('BatchGet')) {
    const [table] = Object.values(input.RequestItems ?? {});
    return `${table?.Keys?.length ?? 0} keys${table?.ConsistentRead ? ', consistent' : ''}`;
  }
  if (command.startsWith('Query'))
    return [
      input.IndexName ?? 'table',
      input.Limit ? `Limit ${input.Limit}` : 'no Limit',
      input.ExclusiveStartKey ? 'next page' : 'first page',
    ].join(', ');
  if (command.startsWith('TransactWrite')) return `${input.TransactItems?.length ?? 0} items`;
  return '';
}

function describeOutput(command: string, output: TracedOutput): string {
  if (command.startsWith('BatchGet')) {
    const [items] = Object.values(output.Responses ?? {});
    const unprocessed = Object.values(output.UnprocessedKeys ?? {}).reduce((n, t) => n + (t.Keys?.length ?? 0), 0);
    return `${items?.length ?? 0} items${unprocessed ? `, ${unprocessed} unprocessed` : ''}`;
  }
  if (command.startsWith('Query'))
    return `${output.Count ?? output.Items?.length ?? 0} items (${Math.round(JSON.stringify(output.Items ?? []).length / 1024)} KB as JSON)${output.LastEvaluatedKey ? ', more pages' : ''}`;
  return '';
}

/** Records every command the app sends while `active`. */
function installTrace(fixture: ScaleFixture): { entries: TraceEntry[]; start(): void; stop(): void } {
  const state = { active: false, origin: 0, entries: [] as TraceEntry[] };
  fixture.app.dynamo.doc.middlewareStack.add(
    (next, context) => async (args) => {
      if (!state.active) return next(args);
      const start = performance.now();
      const command = (context.commandName ?? 'unknown').replace(/Command$/, '');
      const result = await next(args);
      state.entries.push({
        command,
        asked: describeInput(command, args.input as TracedInput),
        got: describeOutput(command, result.output as TracedOutput),
        startMs: start - state.origin,
        ms: performance.now() - start,
      });
      return result;
    },
    { step: 'initialize', name: 'scaleProfileTrace' },
  );
  return {
    entries: state.entries,
    start: () => {
      state.entries.length = 0;
      state.origin = performance.now();
      state.active = true;
    },
    stop: () => {
      state.active = false;
    },
  };
}

function post<T>(session: Session, method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) =>
    session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result as T))),
  );
}

/** Where a profile node's code lives: our src/, a package, Node itself, or V8's pseudo-nodes. */
function packageOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const file = url.replace(/^file:\/\//, '');
  const nm = file.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = file.slice(nm + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (file.startsWith('node:') || !file.startsWith('/')) return 'node internals';
  return path.relative(ROOT, file).split('/').slice(0, 2).join('/');
}

function summariseProfile(profile: Profiler.Profile, top: number): string[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<number, number>();
  const deltas = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (deltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const [id, us] of self) {
    const frame = byId.get(id)!.callFrame;
    const pkg = packageOf(frame.url, frame.functionName);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
    const where = frame.url
      ? `${path.relative(ROOT, frame.url.replace(/^file:\/\//, ''))}:${frame.lineNumber + 1}`
      : '';
    const name = `${frame.functionName || '(anonymous)'} ${where}`.trim();
    byFunction.set(name, (byFunction.get(name) ?? 0) + us);
  }
  const pct = (us: number): string => `${((us / total) * 100).toFixed(1).padStart(5)} %`;
  const lines = ['    self time by package (idle = waiting on DynamoDB Local):'];
  for (const [pkg, us] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 10))
    lines.push(`      ${pct(us)}  ${pkg}`);
  lines.push(`    top functions by self time:`);
  for (const [name, us] of [...byFunction]
    .filter(([n]) => !n.startsWith('(idle)'))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top))
    lines.push(`      ${pct(us)}  ${name}`);
  return lines;
}

async function main(): Promise<void> {
  const banks = list(process.env.PROFILE_BANKS, ['10000']).map(Number);
  const users = list(process.env.PROFILE_USERS, ['10', '2000']).map(Number);
  const only = process.env.PROFILE_OPS ? new Set(list(process.env.PROFILE_OPS, [])) : null;
  const calls = Number(process.env.PROFILE_CALLS ?? 200);
  const top = Number(process.env.PROFILE_TOP ?? 12);
  const fixture = await prepareScale({ banks, users, importRuns: 1, verify: false });
  const session = new Session();
  session.connect();
  try {
    const trace = installTrace(fixture);
    await post(session, 'Profiler.enable');
    await post(session, 'Profiler.setSamplingInterval', { interval: 100 });
    for (const bank of fixture.banks) {
      for (const user of [null, ...bank.users]) {
        for (const op of scaleOperations(fixture, bank, user, 'profile')) {
          if (only && !only.has(op.operation)) continue;
          await profileOne(
            fixture,
            op,
            `${op.operation} — bank of ${bank.size}${user ? `, ${user.attempts} attempts` : ''}`,
            trace,
            session,
            calls,
            top,
          );
        }
      }
    }
  } finally {
    session.disconnect();
    await fixture.close();
  }
}

async function profileOne(
  fixture: ScaleFixture,
  op: ScaleOperation,
  title: string,
  trace: ReturnType<typeof installTrace>,
  session: Session,
  calls: number,
  top: number,
): Promise<void> {
  for (let i = 0; i < 30; i++) await invoke(fixture.handler, op);
  trace.start();
  const start = performance.now();
  await invoke(fixture.handler, op);
  const total = performance.now() - start;
  trace.stop();
  const lines = [`\n${title}: one warm call ${total.toFixed(2)} ms, ${trace.entries.length} DynamoDB calls`];
  for (const e of trace.entries)
    lines.push(
      `    +${e.startMs.toFixed(2).padStart(7)} ms  ${e.ms.toFixed(2).padStart(7)} ms  ${e.command.padEnd(18)} ${e.asked.padEnd(32)} → ${e.got}`,
    );
  await post(session, 'Profiler.start');
  const t0 = performance.now();
  for (let i = 0; i < calls; i++) await invoke(fixture.handler, op);
  const elapsed = performance.now() - t0;
  const { profile } = await post<{ profile: Profiler.Profile }>(session, 'Profiler.stop');
  lines.push(
    `  CPU profile of ${calls} calls (${(elapsed / calls).toFixed(2)} ms a call under the profiler):`,
    ...summariseProfile(profile, top),
  );
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`scale-profile: ${error.stack ?? error.message}\n`);
  process.exitCode = 1;
});
