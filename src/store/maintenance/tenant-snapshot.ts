/**
 * Reads a tenant's learning records for the operator commands `stats:verify` and `stats:rebuild`
 * (src/admin/stats.ts). This is not a request path: it Scans the table (four segments in
 * parallel, every page, filtered to the tenants' items), which costs the whole table. Which item
 * is what is decided by the parsers of the store modules that own the keys.
 */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { globalId } from '../../domain/ids';
import type { Stored, StoredUser, UserAttempt } from '../../domain/recount';
import {
  addActivityCounts,
  addQuestionCounts,
  addSectionCounts,
  emptyActivityCounts,
  emptyQuestionCounts,
  emptySectionCounts,
} from '../../domain/counters';
import { isTenantItem, tenantIdOfItem, tenantKey, TENANTS_INDEX_PARTITION, userPrefixOfTenant } from '../access/keys';
import { batchGet, type Item, type Key } from '../batch';
import type { Dynamo } from '../client';
import { parseCounterItem } from '../counters/keys';
import {
  AGGREGATE_FIELDS,
  aggregateOf,
  sameSum,
  sumOf,
  type PackedSums,
  type SectionAggregate,
} from '../../domain/learning/section-aggregate';
import { SECTION_AGGREGATE_VERSION } from '../learner/keys';
import { parseLearnerItem, parseUserPartition } from '../learner/learner-items';

const SCAN_SEGMENTS = 4;

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
    ? await scan(dynamo, 'begins_with(PK, :prefix)', { ':prefix': userPrefixOfTenant(tenantId) })
    : await scan(dynamo, 'begins_with(PK, :prefix) OR GSI1PK = :tenants', {
        ':prefix': 'T#',
        ':tenants': TENANTS_INDEX_PARTITION,
      });
  const snapshots = new Map<string, TenantSnapshot>();
  const snapshotOf = (id: string): TenantSnapshot => {
    if (!snapshots.has(id)) snapshots.set(id, emptySnapshot(id));
    return snapshots.get(id)!;
  };
  if (tenantId) snapshotOf(tenantId);
  for (const item of items) {
    if (isTenantItem(item)) snapshotOf(tenantIdOfItem(item));
    else addItem(snapshotOf, item);
  }
  // A prefix scan can also meet another tenant's items (the caller checks ids; this keeps a
  // snapshot from ever mixing one tenant's users with another's counters).
  if (tenantId) for (const id of snapshots.keys()) if (id !== tenantId) snapshots.delete(id);
  for (const snapshot of snapshots.values()) for (const user of snapshot.stored.users.values()) joinSeen(user);
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

function addItem(snapshotOf: (tenantId: string) => TenantSnapshot, item: Item): void {
  const user = parseUserPartition(item.PK);
  if (user) return addUserItem(snapshotOf(user.tenantId), user.userId, item);
  const counter = parseCounterItem(item);
  if (!counter) return;
  const { stored, shards } = snapshotOf(counter.tenantId);
  const remember = (map: Map<string, Key[]>, key: string): void =>
    void map.set(key, [...(map.get(key) ?? []), { PK: item.PK, SK: item.SK }]);
  if (counter.kind === 'question') {
    const id = globalId(counter.bankId, counter.localId);
    stored.questions.set(id, addQuestionCounts(stored.questions.get(id) ?? emptyQuestionCounts(), counter.counts));
    remember(shards.questions, id);
  } else if (counter.kind === 'section') {
    const id = globalId(counter.bankId, counter.section);
    stored.sections.set(id, addSectionCounts(stored.sections.get(id) ?? emptySectionCounts(), counter.counts));
    remember(shards.sections, id);
  } else {
    const id = `${counter.bankId}/${counter.day}`;
    stored.activity.set(id, addActivityCounts(stored.activity.get(id) ?? emptyActivityCounts(), counter.counts));
    remember(shards.activity, id);
  }
}

function userOf(snapshot: TenantSnapshot, userId: string): StoredUser {
  let user = snapshot.stored.users.get(userId);
  if (!user) {
    user = {
      profile: null,
      states: new Map(),
      sectionAttempts: new Map(),
      sectionAggregates: new Map(),
      sectionRevs: new Map(),
      lastDays: new Map(),
      idempotency: new Map(),
    };
    snapshot.stored.users.set(userId, user);
  }
  return user;
}

function addUserItem(snapshot: TenantSnapshot, userId: string, item: Item): void {
  const parsed = parseLearnerItem(item);
  if (parsed.kind === 'attempt') return void snapshot.attempts.push({ userId, attempt: parsed.attempt });
  if (parsed.kind === 'other') return; // quizzes and anything else: not an aggregate
  const user = userOf(snapshot, userId);
  if (parsed.kind === 'profile') {
    const { attemptCount, correctCount, scoreSum, version } = parsed.profile;
    user.profile = { attemptCount, correctCount, scoreSum };
    snapshot.profileVersions.set(userId, version);
  } else if (parsed.kind === 'idempotency') {
    user.idempotency.set(parsed.clientAttemptId, parsed.attemptSortKey);
  } else if (parsed.kind === 'state') {
    const { attempts, correct, scoreSum } = parsed.state;
    user.states.set(globalId(parsed.bankId, parsed.localId), {
      attempts: Number(attempts ?? 0),
      correct: Number(correct ?? 0),
      scoreSum: Number(scoreSum ?? 0),
    });
  } else if (parsed.kind === 'userSection') {
    const id = globalId(parsed.bankId, parsed.section);
    user.sectionAttempts.set(id, parsed.attempts);
    user.sectionAggregates.set(id, parsed.aggregate);
    user.sectionRevs.set(id, parsed.rev);
    seenOfUser(user).versions.set(id, parsed.version);
  } else if (parsed.kind === 'userPack') {
    const { rev, current } = parsed;
    seenOfUser(user).packs.set(globalId(parsed.bankId, parsed.section), { rev, current });
  } else if (parsed.kind === 'userPackMarker') {
    seenOfUser(user).packMarkers.add(parsed.bankId);
  } else if (parsed.kind === 'userSeen') {
    seenOfUser(user).sets.set(globalId(parsed.bankId, parsed.section), parsed.seen);
  } else if (parsed.kind === 'userSeenMarker') {
    seenOfUser(user).markers.add(parsed.bankId);
  } else {
    user.lastDays.set(parsed.bankId, parsed.lastDay);
  }
}

/** What the scan met of a user's seen and packed-sums items, until joinSeen puts it into the aggregates. */
type SeenItems = {
  versions: Map<string, number>;
  sets: Map<string, string[]>;
  markers: Set<string>;
  packs: Map<string, { rev: number; current: PackedSums | null }>;
  packMarkers: Set<string>;
};
const seenItems = new WeakMap<StoredUser, SeenItems>();
function seenOfUser(user: StoredUser): SeenItems {
  if (!seenItems.has(user))
    seenItems.set(user, {
      versions: new Map(),
      sets: new Map(),
      markers: new Set(),
      packs: new Map(),
      packMarkers: new Set(),
    });
  return seenItems.get(user)!;
}

/**
 * Whether a section's packed copy is as readers may use it: the bank has the pack marker, the copy
 * is there with the section item's revision, and if it is current, its sums are the section
 * item's (within the recount's tolerance). A stale one is fine: readers take the section item.
 */
function packedCopyHolds(user: StoredUser, seen: SeenItems, id: string, aggregate: SectionAggregate): boolean {
  const pack = seen.packs.get(id);
  if (!seen.packMarkers.has(id.slice(0, id.indexOf('/'))) || !pack || pack.rev !== user.sectionRevs.get(id))
    return false;
  const { current } = pack;
  return (
    current === null ||
    (current.attempts === user.sectionAttempts.get(id) &&
      AGGREGATE_FIELDS.every((field) => sameSum(sumOf(current.sums, field), sumOf(aggregate.sums, field))))
  );
}

/**
 * The stored aggregates as the recount compares them: a v3 section item's `seen` is its SEEN#
 * item's set; an item of a bank without the seen marker, a legacy v2 item (`seen` embedded), or
 * one whose packed copy readers could not use (no pack marker or copy, another revision, or
 * current sums that differ) counts as incomplete (null), so stats:verify lists it as
 * `userSection.v` and stats:rebuild rewrites it as v3 with its SEEN# and PACK# items and the
 * markers. A SEEN# item without its section item shows as a section whose sums are all 0, so it
 * differs and is removed.
 */
function joinSeen(user: StoredUser): void {
  const seen = seenItems.get(user);
  if (!seen) return;
  for (const [id, aggregate] of user.sectionAggregates) {
    const complete =
      seen.markers.has(id.slice(0, id.indexOf('/'))) &&
      seen.versions.get(id) === SECTION_AGGREGATE_VERSION &&
      aggregate !== null &&
      packedCopyHolds(user, seen, id, aggregate);
    user.sectionAggregates.set(id, aggregate && complete ? { ...aggregate, seen: seen.sets.get(id) ?? [] } : null);
  }
  for (const [id, set] of seen.sets)
    if (!user.sectionAggregates.has(id)) {
      user.sectionAttempts.set(id, 0);
      user.sectionAggregates.set(id, { ...aggregateOf([]), seen: set });
    }
}
