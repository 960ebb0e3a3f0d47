/**
 * Rewrites a tenant's aggregates to match a recount, for `stats:rebuild` (src/admin/stats.ts).
 *
 * The rebuild is meant for a quiet tenant. Each user's records are rewritten in transactions
 * guarded by the profile version read by the scan, so an attempt recorded meanwhile makes that
 * user's rewrite fail (and it is reported) rather than be lost; the tenant-wide counters are
 * plain writes, and an attempt recorded between the scan and the rewrite is not in them.
 */
import { attemptFingerprint, type UserRef } from '../../domain/attempts';
import type { Difference, Recount } from '../../domain/recount';
import { attemptSortKeyOf } from '../../domain/recount';
import { differingKeys, sameNumber } from '../../domain/recount-compare';
import { batchWrite, chunk, type Item, type Key, type WriteRequest } from '../batch';
import type { Dynamo } from '../client';
import {
  activityKey,
  countsToItem,
  questionCounterKey,
  questionCountsToItem,
  sectionCounterKey,
} from '../counters/keys';
import {
  idempotencyKey,
  idempotencyToItem,
  profileKey,
  profileToItem,
  stateKey,
  stateToItem,
  userBankDayKey,
  userBankDayToItem,
} from '../learner/keys';
import { TransactionCancelled, transactWrite, type NamedItem } from '../transaction';
import type { TenantSnapshot } from './tenant-snapshot';
import { reconcile, splitId, userSectionRewrites } from './user-section-rewrite';

/** Items per TransactWriteItems of a user's rewrite, the profile guard included. */
const TRANSACTION_ITEMS = 25;

export interface RebuildSummary {
  /** Counter items put or deleted. */
  counterWrites: number;
  /** Users whose records were rewritten. */
  users: number;
  /** User records put, updated or deleted (profiles included). */
  userWrites: number;
  /** Users whose rewrite was refused because an attempt was recorded meanwhile. */
  conflicts: string[];
  /** Differences no rewrite can repair: several attempts recorded under one clientAttemptId. */
  unrepairable: Difference[];
}

/** `<bank>/<rest>` → [bank, rest] (bank ids hold no '/'). */

/**
 * Writes the recounted values of every record with a difference: a counter's totals into shard 0
 * (the other shards' items deleted, all of them when nothing is left to count), and for a user
 * the profile counters, the question states (memory replayed), the section and day markers and
 * the idempotency records.
 */
export async function rewrite(
  dynamo: Dynamo,
  snapshot: TenantSnapshot,
  recounted: Recount,
  differences: readonly Difference[],
): Promise<RebuildSummary> {
  const keys = differingKeys(differences);
  const counterWrites = counterRequests(snapshot, recounted, keys);
  await batchWrite(dynamo, counterWrites);
  const summary: RebuildSummary = {
    counterWrites: counterWrites.length,
    users: 0,
    userWrites: 0,
    conflicts: [],
    unrepairable: [],
  };
  for (const userId of [...keys.users].sort()) {
    const { items, unrepairable } = userWrites(dynamo.tableName, snapshot, recounted, userId);
    summary.unrepairable.push(...unrepairable);
    const written = await writeUser(dynamo, snapshot, recounted, userId, items);
    if (written === null) summary.conflicts.push(userId);
    else if (written > 0) {
      summary.users += 1;
      summary.userWrites += written;
    }
  }
  return summary;
}

function counterRequests(
  snapshot: TenantSnapshot,
  recounted: Recount,
  keys: ReturnType<typeof differingKeys>,
): WriteRequest[] {
  const t = snapshot.tenantId;
  const requests: WriteRequest[] = [];
  const rewriteOne = (want: Item | undefined, shard0: Key, existing: Key[] | undefined): void => {
    if (want) requests.push({ PutRequest: { Item: want } });
    for (const stale of existing ?? []) {
      if (want && stale.PK === shard0.PK && stale.SK === shard0.SK) continue;
      requests.push({ DeleteRequest: { Key: stale } });
    }
  };
  for (const id of keys.questions) {
    const [bankId, localId] = splitId(id);
    const key = questionCounterKey(t, bankId, 0, localId);
    const want = recounted.questions.get(id);
    rewriteOne(want && questionCountsToItem(key, want), key, snapshot.shards.questions.get(id));
  }
  for (const id of keys.sections) {
    const [bankId, section] = splitId(id);
    const key = sectionCounterKey(t, bankId, 0, section);
    const want = recounted.sections.get(id);
    rewriteOne(want && countsToItem(key, want), key, snapshot.shards.sections.get(id));
  }
  for (const id of keys.activity) {
    const [bankId, day] = splitId(id);
    const key = activityKey(t, bankId, 0, day);
    const want = recounted.activity.get(id);
    rewriteOne(want && countsToItem(key, want), key, snapshot.shards.activity.get(id));
  }
  return requests;
}

/** The writes that make one user's records match the recount (the profile guard comes later). */
function userWrites(
  table: string,
  snapshot: TenantSnapshot,
  recounted: Recount,
  userId: string,
): { items: NamedItem[]; unrepairable: Difference[] } {
  const user = { tenantId: snapshot.tenantId, userId };
  const have = snapshot.stored.users.get(userId);
  const want = recounted.users.get(userId);
  const items: NamedItem[] = [];
  const unrepairable: Difference[] = [];
  const put = (name: string) => (item: Item) =>
    void items.push({ name, item: { Put: { TableName: table, Item: item } } });
  const remove = (name: string) => (key: Key) =>
    void items.push({ name, item: { Delete: { TableName: table, Key: key } } });

  reconcile(
    have?.states ?? new Map(),
    want?.states ?? new Map(),
    (s, r) =>
      sameNumber(s.attempts, r.attempts) && sameNumber(s.correct, r.correct) && sameNumber(s.scoreSum, r.scoreSum),
    (_, r) => put('state')(stateToItem(user, r)),
    (id) => remove('state')(stateKey(user, ...splitId(id))),
  );
  userSectionRewrites(user, have, want, put, remove);
  reconcile(
    have?.lastDays ?? new Map<string, string>(),
    want?.lastDays ?? new Map<string, string>(),
    (s, r) => s === r,
    (bankId, r) => put('user bank day')(userBankDayToItem(user, bankId, r)),
    (bankId) => remove('user bank day')(userBankDayKey(user, bankId)),
  );

  const haveIdem = have?.idempotency ?? new Map<string, string>();
  const wantIdem = want?.idempotency ?? new Map<string, string[]>();
  for (const clientAttemptId of new Set([...haveIdem.keys(), ...wantIdem.keys()])) {
    const s = haveIdem.get(clientAttemptId);
    const r = wantIdem.get(clientAttemptId) ?? [];
    if (r.length === 1 && s === r[0]) continue;
    if (r.length > 1) {
      unrepairable.push({
        what: 'idempotency',
        key: `${userId} ${clientAttemptId}`,
        stored: s ?? null,
        recounted: r.join(' '),
      });
    } else if (r.length === 1) {
      const attempt = want!.attempts.find((a) => attemptSortKeyOf(a) === r[0])!;
      put('idempotency')(idempotencyToItem(user, clientAttemptId, r[0], attemptFingerprint(attempt)));
    } else remove('idempotency')(idempotencyKey(user, clientAttemptId));
  }
  return { items, unrepairable };
}

/**
 * Sends a user's writes in transactions of at most TRANSACTION_ITEMS, each guarded by the profile
 * (its counters set to the recount, its version moved on), so an attempt recorded since the scan
 * cancels the rewrite instead of being lost. The number of records written; null when cancelled.
 */
async function writeUser(
  dynamo: Dynamo,
  snapshot: TenantSnapshot,
  recounted: Recount,
  userId: string,
  items: NamedItem[],
): Promise<number | null> {
  const guard = profileGuard(
    dynamo.tableName,
    { tenantId: snapshot.tenantId, userId },
    recounted,
    snapshot.profileVersions.get(userId) ?? null,
  );
  let written = 0;
  // A profile that alone differs still gets its one guarded write.
  for (const part of items.length > 0 ? chunk(items, TRANSACTION_ITEMS - 1) : [[]]) {
    const next = guard.next();
    const transaction = next ? [next, ...part] : part;
    if (transaction.length === 0) continue;
    try {
      await transactWrite(dynamo, transaction);
    } catch (error) {
      if (error instanceof TransactionCancelled) return null;
      throw error;
    }
    written += transaction.length;
  }
  return written;
}

/**
 * The profile write that guards each of a user's transactions: its counters set to the recount
 * and its version moved on, conditioned on the version the previous one left (or, for a user
 * without a profile, a new profile that must not exist yet). None when there is nothing to guard.
 */
function profileGuard(
  table: string,
  user: UserRef,
  recounted: Recount,
  storedVersion: number | null,
): { next(): NamedItem | null } {
  const want = recounted.users.get(user.userId);
  const counts = {
    attemptCount: want?.profile.attemptCount ?? 0,
    correctCount: want?.profile.correctCount ?? 0,
    scoreSum: want?.profile.scoreSum ?? 0,
  };
  let version = storedVersion;
  return {
    next() {
      if (version === null) {
        if (!want) return null;
        const { lastAttemptAt, lastDay, streak } = want.profile;
        version = 1;
        const Item = profileToItem(user, { ...counts, lastAttemptAt, lastDay, streak, version });
        return {
          name: 'profile',
          item: { Put: { TableName: table, Item, ConditionExpression: 'attribute_not_exists(PK)' } },
        };
      }
      const values = { ':attempts': counts.attemptCount, ':correct': counts.correctCount, ':score': counts.scoreSum };
      const update = {
        TableName: table,
        Key: profileKey(user),
        UpdateExpression: 'SET attemptCount = :attempts, correctCount = :correct, scoreSum = :score, version = :next',
        ConditionExpression: 'version = :version',
        ExpressionAttributeValues: { ...values, ':version': version, ':next': version + 1 },
      };
      version += 1;
      return { name: 'profile', item: { Update: update } };
    },
  };
}
