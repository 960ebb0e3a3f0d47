/** CPU use of the processes of `npm run load` (server, DynamoDB Local, load generator) during a phase. */
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { Fixture } from './load-fixture';

/** CPU seconds a process has used (user + system), from /proc (Linux); null elsewhere. */
function cpuSeconds(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return null;
  }
}

/** Measures what share of one core each process used while `work` ran. */
export async function withCpu<T>(
  pids: Record<string, number | undefined>,
  work: () => Promise<T>,
): Promise<{ value: T; cpuPercent: Record<string, number | null> }> {
  const before = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, cpuSeconds(pid)]));
  const start = performance.now();
  const value = await work();
  const seconds = (performance.now() - start) / 1000;
  const cpuPercent = Object.fromEntries(
    Object.entries(pids).map(([name, pid]) => {
      const after = cpuSeconds(pid);
      const was = before[name];
      return [name, after === null || was === null ? null : Math.round(((after - was) / seconds) * 100)];
    }),
  );
  return { value, cpuPercent };
}

/** The processes whose CPU each phase reports, as % of one core (the machine has os.cpus().length). */
export const processes = (fixture: Fixture, child: ChildProcess | undefined) => ({
  server: child?.pid,
  dynamodbLocal: fixture.local.pid,
  loadGenerator: process.pid,
});
