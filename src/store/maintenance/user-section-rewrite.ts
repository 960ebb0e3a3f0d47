/**
 * stats:rebuild's rewrite of a user's section items (stats-rewrite.ts): the SEC# sums (v3), the
 * SEEN# sets and PACK# copies beside them and the bank's seen and pack markers, so a legacy v2
 * item (`seen` embedded) is migrated by the same put that repairs one.
 */
import type { UserRef } from '../../domain/attempts';
import type { RecountedUser, StoredUser } from '../../domain/recount';
import { sameAggregate, sameNumber, userSections } from '../../domain/recount-compare';
import { aggregateOf } from '../../domain/learning/section-aggregate';
import type { Item, Key } from '../batch';
import {
  userPackKey,
  userPackMarkerToItem,
  userPackToItem,
  userSectionKey,
  userSectionToItem,
  userSeenKey,
  userSeenMarkerToItem,
  userSeenToItem,
} from '../learner/keys';

export function splitId(id: string): [string, string] {
  const slash = id.indexOf('/');
  return [id.slice(0, slash), id.slice(slash + 1)];
}

/** Puts what the recount wants and deletes what it does not, for every key either side has. */
export function reconcile<V, W>(
  have: ReadonlyMap<string, V>,
  want: ReadonlyMap<string, W>,
  same: (have: V, want: W) => boolean,
  put: (key: string, want: W) => void,
  remove: (key: string) => void,
): void {
  for (const key of new Set([...have.keys(), ...want.keys()])) {
    const s = have.get(key);
    const r = want.get(key);
    if (s !== undefined && r !== undefined && same(s, r)) continue;
    if (r !== undefined) put(key, r);
    else remove(key);
  }
}

/** The user's section and seen items as the recount wants them; the marker once per bank written. */
export function userSectionRewrites(
  user: UserRef,
  have: StoredUser | undefined,
  want: RecountedUser | undefined,
  put: (name: string) => (item: Item) => void,
  remove: (name: string) => (key: Key) => void,
): void {
  const markedBanks = new Set<string>();
  reconcile(
    userSections(have?.sectionAttempts, have?.sectionAggregates),
    userSections(want?.sectionAttempts, want?.sectionAggregates),
    (s, r) => sameNumber(s.attempts, r.attempts) && sameAggregate(s.aggregate, r.aggregate),
    (id, r) => {
      const aggregate = r.aggregate ?? aggregateOf([]);
      // past any revision an attempt that read the old item can leave in its packed copy
      const rev = (have?.sectionRevs.get(id) ?? 0) + 1;
      put('user section')(userSectionToItem(user, ...splitId(id), r.attempts, aggregate, rev));
      put('user pack')(userPackToItem(user, ...splitId(id), { attempts: r.attempts, sums: aggregate.sums }, rev));
      // v3: the set on its own item (a v2 item's embedded one goes with the put above)
      const seenItem = userSeenToItem(user, ...splitId(id), aggregate.seen);
      if (seenItem) put('user seen')(seenItem);
      else remove('user seen')(userSeenKey(user, ...splitId(id)));
      markedBanks.add(splitId(id)[0]);
    },
    (id) => {
      remove('user section')(userSectionKey(user, ...splitId(id)));
      remove('user seen')(userSeenKey(user, ...splitId(id)));
      remove('user pack')(userPackKey(user, ...splitId(id)));
    },
  );
  // the bank's seen and packed items are complete once written: its markers, once per bank
  for (const bankId of markedBanks) {
    put('user seen marker')(userSeenMarkerToItem(user, bankId));
    put('user pack marker')(userPackMarkerToItem(user, bankId));
  }
}
