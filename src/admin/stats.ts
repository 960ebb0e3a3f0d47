/**
 * `stats:verify` and `stats:rebuild`: every aggregate recounted from the stored attempts
 * (src/domain/recount.ts) and compared with what is stored; the rebuild writes the recount and
 * verifies again. Plain functions over a Dynamo, so tests call them directly; the CLI
 * (src/admin/cli.ts) prints their reports.
 */
import { checkTenantId } from '../domain/access';
import { badInput, DomainError } from '../domain/errors';
import { recount, type Difference } from '../domain/recount';
import { compare } from '../domain/recount-compare';
import type { Dynamo } from '../store';
import { readTenants, rewrite, tenantExists, type RebuildSummary, type TenantSnapshot } from '../store';

export interface TenantDifference extends Difference {
  tenant: string;
}

export interface VerifyReport {
  /** The tenants checked. */
  tenants: string[];
  /** Attempts recounted, over all of them. */
  attempts: number;
  differences: TenantDifference[];
}

export interface RebuildReport {
  before: VerifyReport;
  rewritten: Omit<RebuildSummary, 'unrepairable'> & { unrepairable: TenantDifference[] };
  after: VerifyReport;
}

export interface StatsOptions {
  /** One tenant; every tenant when absent. */
  tenantId?: string;
}

/**
 * The command-line options of stats:verify and stats:rebuild, checked like API input before
 * anything is read: at most one `--tenant`, a well-formed tenant id (it becomes the prefix of a
 * scan: "acme#U" would read acme's users without its counters), and no other option (a misspelt
 * `--tenat` must not widen a rebuild to every tenant).
 */
export function statsOptions(options: Record<string, string[]>): StatsOptions {
  const unknown = Object.keys(options).filter((name) => name !== 'tenant');
  if (unknown.length > 0) throw badInput(`unknown option --${unknown[0]} (stats commands take only --tenant)`);
  const tenants = options.tenant ?? [];
  if (tenants.length > 1) throw badInput('--tenant takes one tenant id');
  return tenants.length === 1 ? { tenantId: checkTenantId(tenants[0]) } : {};
}

async function snapshots(dynamo: Dynamo, options: StatsOptions): Promise<TenantSnapshot[]> {
  if (options.tenantId !== undefined) checkTenantId(options.tenantId);
  const found = await readTenants(dynamo, options.tenantId);
  if (options.tenantId && !(await tenantExists(dynamo, options.tenantId))) {
    const [snapshot] = found;
    if (
      snapshot.attempts.length === 0 &&
      snapshot.stored.users.size === 0 &&
      snapshot.stored.questions.size === 0 &&
      snapshot.stored.sections.size === 0 &&
      snapshot.stored.activity.size === 0
    ) {
      throw new DomainError('NOT_FOUND', `no tenant "${options.tenantId}"`);
    }
  }
  return found;
}

function check(found: readonly TenantSnapshot[]) {
  const checked = found.map((snapshot) => {
    const recounted = recount(snapshot.attempts);
    return { snapshot, recounted, differences: compare(snapshot.stored, recounted) };
  });
  const report: VerifyReport = {
    tenants: found.map((s) => s.tenantId),
    attempts: found.reduce((sum, s) => sum + s.attempts.length, 0),
    differences: checked.flatMap(({ snapshot, differences }) =>
      differences.map((d) => ({ tenant: snapshot.tenantId, ...d })),
    ),
  };
  return { checked, report };
}

/** Recounts every aggregate of the tenant (or of every tenant) and lists what differs. */
export async function verifyStats(dynamo: Dynamo, options: StatsOptions = {}): Promise<VerifyReport> {
  return check(await snapshots(dynamo, options)).report;
}

/** Writes the recounted values wherever they differ, then verifies again. */
export async function rebuildStats(dynamo: Dynamo, options: StatsOptions = {}): Promise<RebuildReport> {
  const { checked, report: before } = check(await snapshots(dynamo, options));
  const rewritten: RebuildReport['rewritten'] = {
    counterWrites: 0,
    users: 0,
    userWrites: 0,
    conflicts: [],
    unrepairable: [],
  };
  for (const { snapshot, recounted, differences } of checked) {
    if (differences.length === 0) continue;
    const summary = await rewrite(dynamo, snapshot, recounted, differences);
    rewritten.counterWrites += summary.counterWrites;
    rewritten.users += summary.users;
    rewritten.userWrites += summary.userWrites;
    rewritten.conflicts.push(...summary.conflicts.map((user) => `${snapshot.tenantId} ${user}`));
    rewritten.unrepairable.push(...summary.unrepairable.map((d) => ({ tenant: snapshot.tenantId, ...d })));
  }
  const after = await verifyStats(dynamo, options);
  return { before, rewritten, after };
}

const show = (value: number | string | null): string => (value === null ? '(none)' : String(value));

/** One line per difference, then the count: the last line is `<n> differences`. */
export function formatVerify(report: VerifyReport): string {
  const lines = report.differences.map(
    (d) => `${d.tenant}  ${d.what}  ${d.key}  stored ${show(d.stored)}  recounted ${show(d.recounted)}`,
  );
  lines.push(
    `checked ${report.tenants.length} tenant${report.tenants.length === 1 ? '' : 's'}, ${report.attempts} attempts`,
  );
  lines.push(`${report.differences.length} difference${report.differences.length === 1 ? '' : 's'}`);
  return lines.join('\n');
}

export function formatRebuild(report: RebuildReport): string {
  const { rewritten } = report;
  const lines = [`before: ${report.before.differences.length} differences`];
  lines.push(
    `rewrote ${rewritten.counterWrites} counter items and ${rewritten.userWrites} records of ${rewritten.users} users`,
  );
  for (const conflict of rewritten.conflicts)
    lines.push(`skipped ${conflict}: an attempt was recorded meanwhile (run again)`);
  for (const d of rewritten.unrepairable)
    lines.push(
      `cannot repair ${d.tenant}  ${d.what}  ${d.key}: several attempts share the clientAttemptId (${d.recounted})`,
    );
  lines.push('after:', formatVerify(report.after));
  return lines.join('\n');
}

/** The CLI's view of the two commands: what to print and the exit code (1 while anything differs). */
export async function statsCommand(
  command: 'stats:verify' | 'stats:rebuild',
  dynamo: Dynamo,
  options: StatsOptions,
): Promise<{ json: unknown; text: string; exitCode: number }> {
  if (command === 'stats:verify') {
    const report = await verifyStats(dynamo, options);
    return { json: report, text: formatVerify(report), exitCode: report.differences.length === 0 ? 0 : 1 };
  }
  const report = await rebuildStats(dynamo, options);
  return { json: report, text: formatRebuild(report), exitCode: report.after.differences.length === 0 ? 0 : 1 };
}
