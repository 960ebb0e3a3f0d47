/**
 * Reads and rewrites a tenant's learning records for the operator commands `stats:verify` and
 * `stats:rebuild` (src/admin/stats.ts). This is not a request path: it Scans the table (four
 * segments in parallel, every page, filtered to the tenants' items), which costs the whole table.
 *
 * The rebuild is meant for a quiet tenant. Each user's records are rewritten in transactions
 * guarded by the profile version read by the scan, so an attempt recorded meanwhile makes that
 * user's rewrite fail (and it is reported) rather than be lost; the tenant-wide counters are
 * plain writes, and an attempt recorded between the scan and the rewrite is not in them.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { ScanCommand, TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { attemptFingerprint } from '../domain/attempts';
import { globalId } from '../domain/ids';
import type { Difference, QuestionCounts, Recount, Stored, StoredUser, UserAttempt } from '../domain/recount';
import { attemptSortKeyOf, differingKeys, sameNumber } from '../domain/recount';
import { batchGet, batchWrite, chunk, type Item, type Key, type WriteRequest } from './batch';
import type { Dynamo } from './client';
import {
  activityKey,
  idempotencyKey,
  profileKey,
  questionCounterKey,
  sectionCounterKey,
  stateKey,
  tenantKey,
  TENANTS_INDEX_PARTITION,
  userBankDayKey,
  userSectionKey,
} from './keys';
import { attemptFromItem, profileFromItem, profileToItem, stateToItem } from './learning-items';

const SCAN_SEGMENTS = 4;
/** Items per TransactWriteItems of a user's rewrite, the profile guard included. */
const TRANSACTION_ITEMS = 25;
const BUCKET = /^b\d+$/;

/** Everything stored for one tenant's learning, as read by one scan. */
export interface TenantSnapshot {
  tenantId: string;
  attempts: UserAttempt[];
  stored: Stored;
  /** The keys of the stored counter items (one per shard that has one), by what they add up to. */
  shards: { questions: Map<string, Key[]>; sections: Map<string, Key[]>; activity: Map<string, Key[]> };
  /** Profile versions, for users that have a profile. */
  profileVersions: Map<string, number>;
}

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

/** Whether the table holds the tenant (its tenant item). */
export async function tenantExists(dynamo: Dynamo, tenantId: string): Promise<boolean> {
  const [item] = await batchGet(dynamo, [tenantKey(tenantId)]);
  return item !== null;
}

/**
 * Snapshots of the named tenant, or of every tenant: those with a tenant item and any that only
 * have learning records left. One scan either way.
 */
export async function readTenants(dynamo: Dynamo, tenantId?: string): Promise<TenantSnapshot[]> {
  const items = tenantId
    ? await scan(dynamo, 'begins_with(PK, :prefix)', { ':prefix': `T#${tenantId}#` })
    : await scan(dynamo, 'begins_with(PK, :prefix) OR GSI1PK = :tenants', { ':prefix': 'T#', ':tenants': TENANTS_INDEX_PARTITION });
  const snapshots = new Map<string, TenantSnapshot>();
  const snapshotOf = (id: string): TenantSnapshot => {
    let snapshot = snapshots.get(id);
    if (!snapshot) {
      snapshot = emptySnapshot(id);
      snapshots.set(id, snapshot);
    }
    return snapshot;
  };
  if (tenantId) snapshotOf(tenantId);
  for (const item of items) {
    if (item.GSI1PK === TENANTS_INDEX_PARTITION) {
      if (item.SK === 'TENANT') snapshotOf(String(item.id ?? item.PK.slice('TENANT#'.length)));
      continue;
    }
    const parsed = parsePartition(item.PK);
    if (!parsed) continue;
    const snapshot = snapshotOf(parsed.tenantId);
    if (parsed.kind === 'user') addUserItem(snapshot, parsed.rest, item);
    else addCounterItem(snapshot, parsed.kind, parsed.rest, item);
  }
  return [...snapshots.values()].sort((a, b) => (a.tenantId < b.tenantId ? -1 : a.tenantId > b.tenantId ? 1 : 0));
}

async function scan(dynamo: Dynamo, filter: string, values: Record<string, unknown>): Promise<Item[]> {
  const segment = async (index: number): Promise<Item[]> => {
    const found: Item[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await dynamo.doc.send(
        new ScanCommand({
          TableName: dynamo.tableName,
          Segment: index,
          TotalSegments: SCAN_SEGMENTS,
          FilterExpression: filter,
          ExpressionAttributeValues: values,
          ExclusiveStartKey: startKey,
          ConsistentRead: true,
        }),
      );
      found.push(...((page.Items ?? []) as Item[]));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return found;
  };
  return (await Promise.all(Array.from({ length: SCAN_SEGMENTS }, (_, index) => segment(index)))).flat();
}

function emptySnapshot(tenantId: string): TenantSnapshot {
  return {
    tenantId,
    attempts: [],
    stored: { questions: new Map(), sections: new Map(), activity: new Map(), users: new Map() },
    shards: { questions: new Map(), sections: new Map(), activity: new Map() },
    profileVersions: new Map(),
  };
}

/**
 * `T#<tenant>#U#<user>`, `T#<tenant>#STAT#<bank>#<shard>` or `T#<tenant>#ACT#<bank>#<shard>`
 * (keys.ts). Tenant, bank and user ids hold no '#'.
 */
function parsePartition(pk: string): { tenantId: string; kind: 'user' | 'stat' | 'act'; rest: string } | null {
  const parts = pk.split('#');
  if (parts[0] !== 'T' || parts.length < 4) return null;
  const [, tenantId, kind, ...rest] = parts;
  if (kind === 'U' && rest.length === 1) return { tenantId, kind: 'user', rest: rest[0] };
  if ((kind === 'STAT' || kind === 'ACT') && rest.length === 2) return { tenantId, kind: kind === 'STAT' ? 'stat' : 'act', rest: rest[0] };
  return null;
}

function userOf(snapshot: TenantSnapshot, userId: string): StoredUser {
  let user = snapshot.stored.users.get(userId);
  if (!user) {
    user = { profile: null, states: new Map(), sectionAttempts: new Map(), lastDays: new Map(), idempotency: new Map() };
    snapshot.stored.users.set(userId, user);
  }
  return user;
}

const num = (value: unknown): number => Number(value ?? 0);

/** `<prefix><bank>#<rest>` → [bank, rest]. */
function splitBank(sk: string, prefix: string): [string, string] {
  const body = sk.slice(prefix.length);
  const hash = body.indexOf('#');
  return [body.slice(0, hash), body.slice(hash + 1)];
}

function addUserItem(snapshot: TenantSnapshot, userId: string, item: Item): void {
  const sk = item.SK;
  if (sk.startsWith('ATT#')) {
    snapshot.attempts.push({ userId, attempt: attemptFromItem(item) });
    return;
  }
  const user = userOf(snapshot, userId);
  if (sk === 'PROFILE') {
    const profile = profileFromItem(item);
    user.profile = { attemptCount: num(profile.attemptCount), correctCount: num(profile.correctCount), scoreSum: num(profile.scoreSum) };
    snapshot.profileVersions.set(userId, num(profile.version));
  } else if (sk.startsWith('IDEM#')) {
    user.idempotency.set(sk.slice('IDEM#'.length), String(item.attemptSortKey ?? ''));
  } else if (sk.startsWith('STATE#')) {
    const [bankId, localId] = splitBank(sk, 'STATE#');
    user.states.set(globalId(bankId, localId), { attempts: num(item.attempts), correct: num(item.correct), scoreSum: num(item.scoreSum) });
  } else if (sk.startsWith('SEC#')) {
    const [bankId, section] = splitBank(sk, 'SEC#');
    user.sectionAttempts.set(globalId(bankId, section), num(item.attempts));
  } else if (sk.startsWith('DAY#')) {
    user.lastDays.set(sk.slice('DAY#'.length), String(item.lastDay ?? ''));
  }
  // QUIZ# and anything else: not an aggregate.
}

function addCounterItem(snapshot: TenantSnapshot, kind: string, bankId: string, item: Item): void {
  const { stored, shards } = snapshot;
  const remember = (map: Map<string, Key[]>, key: string): void => {
    const keys = map.get(key) ?? [];
    keys.push({ PK: item.PK, SK: item.SK });
    map.set(key, keys);
  };
  if (kind === 'act') {
    const key = `${bankId}/${item.SK}`;
    const day = stored.activity.get(key) ?? { attempts: 0, activeUsers: 0 };
    day.attempts += num(item.attempts);
    day.activeUsers += num(item.activeUsers);
    stored.activity.set(key, day);
    remember(shards.activity, key);
  } else if (item.SK.startsWith('Q#')) {
    const key = globalId(bankId, item.SK.slice(2));
    const question: QuestionCounts = stored.questions.get(key) ?? { attempts: 0, correct: 0, partial: 0, incorrect: 0, skipped: 0, scoreSum: 0, uniqueUsers: 0, timed: 0, histogram: {} };
    for (const field of ['attempts', 'correct', 'partial', 'incorrect', 'skipped', 'scoreSum', 'uniqueUsers', 'timed'] as const) question[field] += num(item[field]);
    for (const [name, value] of Object.entries(item)) if (BUCKET.test(name)) question.histogram[name] = (question.histogram[name] ?? 0) + num(value);
    stored.questions.set(key, question);
    remember(shards.questions, key);
  } else if (item.SK.startsWith('S#')) {
    const key = globalId(bankId, item.SK.slice(2));
    const section = stored.sections.get(key) ?? { attempts: 0, correct: 0, scoreSum: 0, uniqueUsers: 0 };
    for (const field of ['attempts', 'correct', 'scoreSum', 'uniqueUsers'] as const) section[field] += num(item[field]);
    stored.sections.set(key, section);
    remember(shards.sections, key);
  }
}

/** `<bank>/<rest>` → [bank, rest] (bank ids hold no '/'). */
function splitId(id: string): [string, string] {
  const slash = id.indexOf('/');
  return [id.slice(0, slash), id.slice(slash + 1)];
}

/**
 * Writes the recounted values of every record with a difference: a counter's totals into shard 0
 * (the other shards' items deleted, all of them when nothing is left to count), and for a user
 * the profile counters, the question states (memory replayed), the section and day markers and
 * the idempotency records.
 */
export async function rewrite(dynamo: Dynamo, snapshot: TenantSnapshot, recounted: Recount, differences: readonly Difference[]): Promise<RebuildSummary> {
  const keys = differingKeys(differences);
  const counterWrites = counterRequests(snapshot, recounted, keys);
  await batchWrite(dynamo, counterWrites);
  const summary: RebuildSummary = { counterWrites: counterWrites.length, users: 0, userWrites: 0, conflicts: [], unrepairable: [] };
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

function counterRequests(snapshot: TenantSnapshot, recounted: Recount, keys: ReturnType<typeof differingKeys>): WriteRequest[] {
  const t = snapshot.tenantId;
  const requests: WriteRequest[] = [];
  const rewriteOne = <V extends object>(want: V | undefined, existing: Key[] | undefined, key: (shard: number) => Key, attributes: (value: V) => Record<string, unknown>): void => {
    const shard0 = key(0);
    if (want) requests.push({ PutRequest: { Item: { ...shard0, ...attributes(want) } } });
    for (const stale of existing ?? []) {
      if (want && stale.PK === shard0.PK && stale.SK === shard0.SK) continue;
      requests.push({ DeleteRequest: { Key: stale } });
    }
  };
  for (const id of keys.questions) {
    const [bankId, localId] = splitId(id);
    rewriteOne(recounted.questions.get(id), snapshot.shards.questions.get(id), (shard) => questionCounterKey(t, bankId, shard, localId), ({ histogram, ...counts }) => ({ ...counts, ...histogram }));
  }
  for (const id of keys.sections) {
    const [bankId, section] = splitId(id);
    rewriteOne(recounted.sections.get(id), snapshot.shards.sections.get(id), (shard) => sectionCounterKey(t, bankId, shard, section), (counts) => ({ ...counts }));
  }
  for (const id of keys.activity) {
    const [bankId, day] = splitId(id);
    rewriteOne(recounted.activity.get(id), snapshot.shards.activity.get(id), (shard) => activityKey(t, bankId, shard, day), (counts) => ({ ...counts }));
  }
  return requests;
}

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** The writes that make one user's records match the recount (the profile guard comes later). */
function userWrites(table: string, snapshot: TenantSnapshot, recounted: Recount, userId: string): { items: TransactItem[]; unrepairable: Difference[] } {
  const t = snapshot.tenantId;
  const have = snapshot.stored.users.get(userId);
  const want = recounted.users.get(userId);
  const items: TransactItem[] = [];
  const unrepairable: Difference[] = [];
  const put = (item: Item): void => void items.push({ Put: { TableName: table, Item: item } });
  const remove = (key: Key): void => void items.push({ Delete: { TableName: table, Key: key } });

  const haveStates = have?.states ?? new Map();
  const wantStates = want?.states ?? new Map();
  for (const questionId of new Set([...haveStates.keys(), ...wantStates.keys()])) {
    const s = haveStates.get(questionId);
    const r = wantStates.get(questionId);
    if (s && r && sameNumber(s.attempts, r.attempts) && sameNumber(s.correct, r.correct) && sameNumber(s.scoreSum, r.scoreSum)) continue;
    const [bankId, localId] = splitId(questionId);
    if (r) put(stateToItem(t, userId, r));
    else remove(stateKey(t, userId, bankId, localId));
  }

  const haveSections = have?.sectionAttempts ?? new Map<string, number>();
  const wantSections = want?.sectionAttempts ?? new Map<string, number>();
  for (const sectionId of new Set([...haveSections.keys(), ...wantSections.keys()])) {
    const s = haveSections.get(sectionId);
    const r = wantSections.get(sectionId);
    if (s !== undefined && r !== undefined && sameNumber(s, r)) continue;
    const [bankId, section] = splitId(sectionId);
    if (r !== undefined) put({ ...userSectionKey(t, userId, bankId, section), attempts: r });
    else remove(userSectionKey(t, userId, bankId, section));
  }

  const haveDays = have?.lastDays ?? new Map<string, string>();
  const wantDays = want?.lastDays ?? new Map<string, string>();
  for (const bankId of new Set([...haveDays.keys(), ...wantDays.keys()])) {
    const s = haveDays.get(bankId);
    const r = wantDays.get(bankId);
    if (s === r) continue;
    if (r !== undefined) put({ ...userBankDayKey(t, userId, bankId), lastDay: r });
    else remove(userBankDayKey(t, userId, bankId));
  }

  const haveIdem = have?.idempotency ?? new Map<string, string>();
  const wantIdem = want?.idempotency ?? new Map<string, string[]>();
  for (const clientAttemptId of new Set([...haveIdem.keys(), ...wantIdem.keys()])) {
    const s = haveIdem.get(clientAttemptId);
    const r = wantIdem.get(clientAttemptId) ?? [];
    if (r.length === 1 && s === r[0]) continue;
    if (r.length > 1) {
      unrepairable.push({ what: 'idempotency', key: `${userId} ${clientAttemptId}`, stored: s ?? null, recounted: r.join(' ') });
    } else if (r.length === 1) {
      const attempt = want!.attempts.find((a) => attemptSortKeyOf(a) === r[0])!;
      put({ ...idempotencyKey(t, userId, clientAttemptId), type: 'Idempotency', attemptSortKey: r[0], fingerprint: attemptFingerprint(attempt) });
    } else remove(idempotencyKey(t, userId, clientAttemptId));
  }
  return { items, unrepairable };
}

/**
 * Sends a user's writes in transactions of at most TRANSACTION_ITEMS, each guarded by the profile
 * (its counters set to the recount, its version moved on), so an attempt recorded since the scan
 * cancels the rewrite instead of being lost. The number of records written; null when cancelled.
 */
async function writeUser(dynamo: Dynamo, snapshot: TenantSnapshot, recounted: Recount, userId: string, items: TransactItem[]): Promise<number | null> {
  const table = dynamo.tableName;
  const t = snapshot.tenantId;
  const want = recounted.users.get(userId);
  const counts = { attemptCount: want?.profile.attemptCount ?? 0, correctCount: want?.profile.correctCount ?? 0, scoreSum: want?.profile.scoreSum ?? 0 };
  let version = snapshot.profileVersions.get(userId) ?? null;
  let written = 0;
  // A profile that alone differs still gets its one guarded write.
  for (const part of items.length > 0 ? chunk(items, TRANSACTION_ITEMS - 1) : [[]]) {
    let guard: TransactItem | null = null;
    if (version !== null) {
      guard = {
        Update: {
          TableName: table,
          Key: profileKey(t, userId),
          UpdateExpression: 'SET attemptCount = :attempts, correctCount = :correct, scoreSum = :score, version = :next',
          ConditionExpression: 'version = :version',
          ExpressionAttributeValues: { ':attempts': counts.attemptCount, ':correct': counts.correctCount, ':score': counts.scoreSum, ':version': version, ':next': version + 1 },
        },
      };
      version += 1;
    } else if (want) {
      const { profile } = want;
      guard = {
        Put: {
          TableName: table,
          Item: profileToItem(t, userId, { ...counts, lastAttemptAt: profile.lastAttemptAt, lastDay: profile.lastDay, streak: profile.streak, version: 1 }),
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      };
      version = 1;
    }
    const transaction = guard ? [guard, ...part] : part;
    if (transaction.length === 0) continue;
    try {
      await dynamo.doc.send(new TransactWriteCommand({ TransactItems: transaction }));
    } catch (error) {
      if (error instanceof TransactionCanceledException) return null;
      throw error;
    }
    written += transaction.length;
  }
  return written;
}
