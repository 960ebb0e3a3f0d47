/**
 * The section and seen items of an attempt's transaction (attempt-transaction.ts): the sums on
 * the user's SEC# item and their packed copy on its PACK# item, the question's local id on its
 * SEEN# item, the banks' pack and seen markers.
 */
import type { AttemptEffects } from '../../domain/attempt-effects';
import type { UserRef } from '../../domain/attempts';
import type { AttemptWrite, Condition } from './attempt-transaction';
import { exactDelta } from './exact-decimal';
import { packSums } from '../../domain/learning/section-aggregate';
import {
  SECTION_AGGREGATE_VERSION,
  userPackKey,
  userPackMarkerToItem,
  userSectionKey,
  userSeenKey,
  userSeenMarkerToItem,
} from './keys';

const isNew: Condition = { ConditionExpression: 'attribute_not_exists(PK)' };
const exists: Condition = { ConditionExpression: 'attribute_exists(PK)' };

/**
 * The user's section item: `attempts` +1, the aggregates moved by the state's exact delta, and
 * `v` set by its first attempt only (docs/data-model.md, "Section aggregates"); a question moved
 * to another section also leaves its old section's item.
 */
export function userSectionWrites(user: UserRef, effects: AttemptEffects): AttemptWrite[] {
  const { bankId, sectionSlug, seenBefore, sums, movedFrom } = effects.userSection;
  const writes: AttemptWrite[] = [
    {
      name: 'user section',
      kind: 'add',
      key: userSectionKey(user, bankId, sectionSlug),
      add: { attempts: 1, rev: 1, ...exactDelta(sums.after, sums.before) },
      ...(seenBefore ? {} : { set: { v: SECTION_AGGREGATE_VERSION } }),
      condition: seenBefore ? exists : isNew,
    },
  ];
  if (movedFrom)
    writes.push({
      name: 'user section moved from',
      kind: 'add',
      key: userSectionKey(user, bankId, movedFrom.sectionSlug),
      add: { rev: 1, ...exactDelta(movedFrom.sums.after, movedFrom.sums.before) },
      // a legacy v2 item's embedded set too (a no-op on v3 items, which hold none)
      removeFromSet: { seen: effects.userSection.localId },
      condition: exists,
    });
  return [...writes, ...userPackWrites(user, effects), ...userSeenWrites(user, effects)];
}

/**
 * The packed sums (docs/data-model.md, "Packed section sums"): `rev` moved on beside the section
 * item's in the same transaction, so the two are always equal, and `p` set to the sums this
 * attempt leaves, as of the revision it expects (the `rev` it read + 1, inside `p`); the `pr`
 * attribute of a copy from before format 2 goes with it. No condition: when another attempt of
 * the user in the section commits between this one's read and its write, `rev` ends past the
 * revision in `p` and readers see the copy is stale (they read the section item) until the next
 * attempt there; attempts in one section still never wait for each other. The bank's marker
 * comes with the user's first attempt in the bank, when there are no older section items.
 */
function userPackWrites(user: UserRef, { userSection, userBankDay }: AttemptEffects): AttemptWrite[] {
  const { bankId, sectionSlug, movedFrom, packed } = userSection;
  const writes: AttemptWrite[] = [
    {
      name: 'user pack',
      kind: 'add',
      key: userPackKey(user, bankId, sectionSlug),
      add: { rev: 1 },
      ...(packed ? { set: { p: packSums(packed) }, remove: ['pr'] } : {}),
    },
  ];
  if (movedFrom)
    writes.push({
      name: 'user pack moved from',
      kind: 'add',
      key: userPackKey(user, bankId, movedFrom.sectionSlug),
      add: { rev: 1 },
    });
  if (userBankDay.previousDay === null)
    writes.push({ name: 'user pack marker', kind: 'put', item: userPackMarkerToItem(user, bankId), condition: isNew });
  return writes;
}

/**
 * The seen items (docs/data-model.md, "Seen sets"): the question's local id added to its
 * section's SEEN# item on its first attempt (or when it moved section: then removed from the old
 * one), and the bank's marker put by the user's first attempt in the bank (no history yet, so the
 * seen items are complete from the start). The SEC# and state conditions already make the
 * attempt's read current; set ADD and DELETE are idempotent.
 */
function userSeenWrites(user: UserRef, { state, userSection, userBankDay }: AttemptEffects): AttemptWrite[] {
  const { bankId, sectionSlug, localId, movedFrom } = userSection;
  const writes: AttemptWrite[] = [];
  if (state.previousAttempts === null || movedFrom)
    writes.push({
      name: 'user seen',
      kind: 'add',
      key: userSeenKey(user, bankId, sectionSlug),
      add: {},
      addToSet: { seen: localId },
    });
  if (movedFrom)
    writes.push({
      name: 'user seen moved from',
      kind: 'add',
      key: userSeenKey(user, bankId, movedFrom.sectionSlug),
      add: {},
      removeFromSet: { seen: localId },
    });
  if (userBankDay.previousDay === null)
    writes.push({ name: 'user seen marker', kind: 'put', item: userSeenMarkerToItem(user, bankId), condition: isNew });
  return writes;
}
