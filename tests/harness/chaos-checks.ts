/**
 * What must hold after a reliability run, read from the table itself (a Scan: operator and
 * test path only): exactly one stored attempt per clientAttemptId, each the one the API
 * answered with, and every aggregate equal to a recount from the stored attempts (the
 * `stats:verify` of src/admin/stats.ts). Returns the problems found, none when all is well.
 */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { verifyStats } from '../../src/admin/stats';
import type { Dynamo } from '../../src/store/client';
import type { LoadReport } from './attempt-load';

export interface RunVerdict {
  /** Attempt items stored for the tenant. */
  storedAttempts: number;
  /** Distinct `<user> <clientAttemptId>` among them. */
  distinctClientAttemptIds: number;
  /** Aggregates that differ from the recount. */
  statsDifferences: number;
  problems: string[];
}

/** `<userId> <clientAttemptId>` → ids of the attempt items stored under it. */
export async function storedAttempts(dynamo: Dynamo, tenantId: string): Promise<Map<string, string[]>> {
  const byClientId = new Map<string, string[]>();
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamo.doc.send(
      new ScanCommand({
        TableName: dynamo.tableName,
        FilterExpression: '#type = :attempt AND begins_with(PK, :tenant)',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: { ':attempt': 'Attempt', ':tenant': `T#${tenantId}#U#` },
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of page.Items ?? []) {
      const key = `${String(item.PK).split('#U#')[1]} ${item.clientAttemptId}`;
      byClientId.set(key, [...(byClientId.get(key) ?? []), item.id as string]);
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return byClientId;
}

export async function verifyRun(dynamo: Dynamo, tenantId: string, report: LoadReport): Promise<RunVerdict> {
  const stored = await storedAttempts(dynamo, tenantId);
  const stats = await verifyStats(dynamo, { tenantId });
  const storedCount = [...stored.values()].reduce((sum, ids) => sum + ids.length, 0);
  const problems = [
    ...report.unexpected.map((line) => `unexpected answer: ${line}`),
    ...report.leaks.map((line) => `leaked internals: ${line}`),
    ...(report.stored === report.attempts ? [] : [`${report.stored} of ${report.attempts} attempts were acknowledged`]),
    ...(storedCount === report.attempts ? [] : [`${storedCount} attempts stored for ${report.attempts} sent`]),
    ...[...stored].filter(([, ids]) => ids.length > 1).map(([key, ids]) => `${key} stored ${ids.length} times`),
    ...[...report.recorded]
      .filter(([key, id]) => stored.get(key)?.[0] !== id)
      .map(([key, id]) => `${key}: answered with ${id}, stored ${stored.get(key)?.join(', ') ?? 'nothing'}`),
    ...stats.differences
      .slice(0, 20)
      .map((d) => `stats:verify: ${d.what} ${d.key} stored ${d.stored} recounted ${d.recounted}`),
  ];
  return {
    storedAttempts: storedCount,
    distinctClientAttemptIds: stored.size,
    statsDifferences: stats.differences.length,
    problems,
  };
}
