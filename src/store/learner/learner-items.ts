/**
 * What an item of a learner's partition is, read back: the maintenance scan's parser (keys in
 * keys.ts) and the section-side items' readers.
 */
import type { UserRef } from '../../domain/attempts';
import { sumsOf, unpackSums, type PackedSums, type SectionAggregate } from '../../domain/learning/section-aggregate';
import type { AttemptRecord, ProfileRecord, QuestionStateRecord } from '../../domain/attempts';
import type { Item } from '../batch';
import {
  ATTEMPT_PREFIX,
  attemptFromItem,
  DAY_PREFIX,
  IDEMPOTENCY_PREFIX,
  LEGACY_SECTION_AGGREGATE_VERSION,
  PACK_PREFIX,
  profileFromItem,
  SECTION_AGGREGATE_VERSION,
  SECTION_PREFIX,
  SEEN_PREFIX,
  stateFromItem,
  STATE_PREFIX,
} from './keys';

/** A learner's item as the maintenance scan meets it, by what it is. */
export type LearnerItem =
  | { kind: 'attempt'; attempt: AttemptRecord }
  | { kind: 'profile'; profile: ProfileRecord }
  | { kind: 'idempotency'; clientAttemptId: string; attemptSortKey: string }
  | { kind: 'state'; bankId: string; localId: string; state: QuestionStateRecord }
  | {
      kind: 'userSection';
      bankId: string;
      section: string;
      attempts: number;
      aggregate: SectionAggregate | null;
      /** 3, 2 (legacy: `seen` embedded) or 0 (before the aggregates). */
      version: number;
      /** Revision of the sums (0 on items from before it). */
      rev: number;
    }
  | {
      kind: 'userPack';
      bankId: string;
      section: string;
      rev: number;
      /** The packed sums when they are as of `rev` (readable, revision = `rev`: packOf); null: stale or none. */
      current: PackedSums | null;
    }
  | { kind: 'userPackMarker'; bankId: string }
  | { kind: 'userSeen'; bankId: string; section: string; seen: string[] }
  | { kind: 'userSeenMarker'; bankId: string }
  | { kind: 'userBankDay'; bankId: string; lastDay: string }
  | { kind: 'other' };

/** `T#<tenant>#U#<user>` → the user; null for any other partition. */
export function parseUserPartition(pk: string): UserRef | null {
  const parts = pk.split('#');
  return parts.length === 4 && parts[0] === 'T' && parts[2] === 'U' ? { tenantId: parts[1], userId: parts[3] } : null;
}

/** `<bank>#<rest>` → [bank, rest]. */
function splitBank(body: string): [string, string] {
  const hash = body.indexOf('#');
  return [body.slice(0, hash), body.slice(hash + 1)];
}

/** What an item of a user's partition is, by its sort key. */
export function parseLearnerItem(item: Item): LearnerItem {
  const sk = item.SK;
  if (sk.startsWith(ATTEMPT_PREFIX)) return { kind: 'attempt', attempt: attemptFromItem(item) };
  if (sk === 'PROFILE') return { kind: 'profile', profile: profileFromItem(item) };
  if (sk.startsWith(IDEMPOTENCY_PREFIX))
    return {
      kind: 'idempotency',
      clientAttemptId: sk.slice(IDEMPOTENCY_PREFIX.length),
      attemptSortKey: String(item.attemptSortKey ?? ''),
    };
  if (sk.startsWith(STATE_PREFIX)) {
    const [bankId, localId] = splitBank(sk.slice(STATE_PREFIX.length));
    return { kind: 'state', bankId, localId, state: stateFromItem(item) };
  }
  if (sk.startsWith(SECTION_PREFIX)) {
    const [bankId, section] = splitBank(sk.slice(SECTION_PREFIX.length));
    return {
      kind: 'userSection',
      bankId,
      section,
      attempts: Number(item.attempts ?? 0),
      aggregate: aggregateFromItem(item),
      version: Number(item.v ?? 0),
      rev: Number(item.rev ?? 0),
    };
  }
  if (sk.startsWith(PACK_PREFIX)) {
    const [bankId, section] = splitBank(sk.slice(PACK_PREFIX.length));
    if (section === '') return { kind: 'userPackMarker', bankId };
    return { kind: 'userPack', bankId, section, ...packOf(item) };
  }
  if (sk.startsWith(SEEN_PREFIX)) {
    const [bankId, section] = splitBank(sk.slice(SEEN_PREFIX.length));
    if (section === '') return { kind: 'userSeenMarker', bankId };
    return { kind: 'userSeen', bankId, section, seen: seenOf(item) };
  }
  if (sk.startsWith(DAY_PREFIX))
    return { kind: 'userBankDay', bankId: sk.slice(DAY_PREFIX.length), lastDay: String(item.lastDay ?? '') };
  return { kind: 'other' };
}

/**
 * A user-section item's aggregates: null for an item written before they existed (no `v`). `seen`
 * is the legacy v2 item's embedded set (empty for v3: the set is on the SEEN# item).
 */
export function aggregateFromItem(item: Item): SectionAggregate | null {
  const version = Number(item.v ?? 0);
  if (version !== SECTION_AGGREGATE_VERSION && version !== LEGACY_SECTION_AGGREGATE_VERSION) return null;
  return { sums: sumsOf(item), seen: seenOf(item) };
}

/** A String Set attribute `seen`, sorted (empty when absent). */
export const seenOf = (item: Item): string[] =>
  item.seen instanceof Set ? [...(item.seen as Set<string>)].sort() : [];

/**
 * A packed-sums item's revision, and its sums if they are current: readable and as of that
 * revision — the one inside `p` (format 2), or for a copy in the first format the item's `pr`
 * attribute. A copy left stale by a race, or unreadable, is null: readers take the section item.
 */
export function packOf(item: Item): { rev: number; current: PackedSums | null } {
  const rev = Number(item.rev ?? 0);
  const packed = unpackSums(item.p);
  if (!packed) return { rev, current: null };
  const asOf = packed.rev ?? (item.pr === undefined ? null : Number(item.pr));
  return { rev, current: asOf === rev ? { attempts: packed.attempts, sums: packed.sums } : null };
}
