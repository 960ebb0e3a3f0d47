/**
 * How what is stored compares with the recount (recount.ts): every difference, in a stable order,
 * for `stats:verify`, and which records they concern, for `stats:rebuild`.
 */
import { ACTIVITY_COUNT_FIELDS, QUESTION_COUNT_FIELDS, SECTION_COUNT_FIELDS } from './counters';
import { AGGREGATE_FIELDS, sameSum, sumOf, type SectionAggregate } from './learning/section-aggregate';
import type { Difference, ProfileCounts, Recount, RecountedUser, StateTally, Stored, StoredUser } from './recount';

/** Floats (score sums) are compared with this tolerance: DynamoDB adds decimals exactly, JS does not. */
export const TOLERANCE = 1e-9;

/** What `userSection.v` reads in a difference for an item that lacks the aggregates. */
const SECTION_AGGREGATE_COMPLETE = 'complete';

export const sameNumber = (a: number, b: number): boolean => Math.abs(a - b) <= TOLERANCE;

const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const PROFILE_FIELDS = ['attemptCount', 'correctCount', 'scoreSum'] as const;
const STATE_FIELDS = ['attempts', 'correct', 'scoreSum'] as const;

const sortedUnion = <K extends string>(...maps: ReadonlyMap<K, unknown>[]): K[] =>
  [...new Set(maps.flatMap((map) => [...map.keys()]))].sort(compareStrings);

const byBucket = (a: string, b: string): number => Number(a.slice(1)) - Number(b.slice(1)) || compareStrings(a, b);

type Push = (difference: Difference) => void;

/** The numeric fields that differ between two records (a missing record or field counts as 0). */
function numbers<T extends object>(
  push: Push,
  what: string,
  key: string,
  fields: readonly (keyof T & string)[],
  have: T | null | undefined,
  want: T | null | undefined,
): void {
  for (const field of fields) {
    const s = Number(have?.[field] ?? 0);
    const r = Number(want?.[field] ?? 0);
    if (!sameNumber(s, r)) push({ what: `${what}.${field}`, key, stored: s, recounted: r });
  }
}

function compareCounters(push: Push, stored: Stored, recounted: Recount): void {
  for (const id of sortedUnion(stored.questions, recounted.questions)) {
    const have = stored.questions.get(id);
    const want = recounted.questions.get(id);
    numbers(push, 'question', id, QUESTION_COUNT_FIELDS, have, want);
    const buckets = [...new Set([...Object.keys(have?.histogram ?? {}), ...Object.keys(want?.histogram ?? {})])];
    numbers(push, 'question', id, buckets.sort(byBucket), have?.histogram, want?.histogram);
    for (const map of ['picks', 'strongPicks'] as const) {
      const options = [...new Set([...Object.keys(have?.[map] ?? {}), ...Object.keys(want?.[map] ?? {})])].sort();
      const named = (counts: Record<string, number> | undefined) =>
        counts && Object.fromEntries(Object.entries(counts).map(([option, n]) => [`${map}.${option}`, n]));
      numbers(
        push,
        'question',
        id,
        options.map((option) => `${map}.${option}`),
        named(have?.[map]),
        named(want?.[map]),
      );
    }
  }
  for (const id of sortedUnion(stored.sections, recounted.sections)) {
    numbers(push, 'section', id, SECTION_COUNT_FIELDS, stored.sections.get(id), recounted.sections.get(id));
  }
  for (const key of sortedUnion(stored.activity, recounted.activity)) {
    numbers(push, 'activity', key, ACTIVITY_COUNT_FIELDS, stored.activity.get(key), recounted.activity.get(key));
  }
}

/** Markers: attempts per section and the last day per bank. */
function compareMarkers(
  push: Push,
  userId: string,
  have: StoredUser | undefined,
  want: RecountedUser | undefined,
): void {
  const haveSections = have?.sectionAttempts ?? new Map<string, number>();
  const wantSections = want?.sectionAttempts ?? new Map<string, number>();
  for (const sectionId of sortedUnion(haveSections, wantSections)) {
    const s = haveSections.get(sectionId) ?? 0;
    const r = wantSections.get(sectionId) ?? 0;
    if (!sameNumber(s, r))
      push({ what: 'userSection.attempts', key: `${userId} ${sectionId}`, stored: s, recounted: r });
  }
  compareAggregates(push, userId, have, want);
  const haveDays = have?.lastDays ?? new Map<string, string>();
  const wantDays = want?.lastDays ?? new Map<string, string>();
  for (const bankId of sortedUnion(haveDays, wantDays)) {
    const s = haveDays.get(bankId) ?? null;
    const r = wantDays.get(bankId) ?? null;
    if (s !== r) push({ what: 'userBankDay.lastDay', key: `${userId} ${bankId}`, stored: s, recounted: r });
  }
}

/** The user-section aggregates: complete (`v`), each sum within a relative tolerance, `seen` exact. */
function compareAggregates(
  push: Push,
  userId: string,
  have: StoredUser | undefined,
  want: RecountedUser | undefined,
): void {
  const haveAggregates = have?.sectionAggregates ?? new Map<string, SectionAggregate | null>();
  const wantAggregates = want?.sectionAggregates ?? new Map<string, SectionAggregate>();
  for (const sectionId of sortedUnion(haveAggregates, wantAggregates)) {
    const key = `${userId} ${sectionId}`;
    const s = haveAggregates.get(sectionId);
    const r = wantAggregates.get(sectionId);
    if (s === null && r) {
      push({ what: 'userSection.v', key, stored: null, recounted: SECTION_AGGREGATE_COMPLETE });
      continue;
    }
    for (const field of AGGREGATE_FIELDS) {
      const a = s?.sums[field] ?? 0;
      const b = r?.sums[field] ?? 0;
      if (!sameSum(a, b)) push({ what: `userSection.${field}`, key, stored: a, recounted: b });
    }
    const seenStored = (s?.seen ?? []).join(' ');
    const seenRecounted = (r?.seen ?? []).join(' ');
    if (seenStored !== seenRecounted)
      push({ what: 'userSection.seen', key, stored: seenStored, recounted: seenRecounted });
  }
}

/** Exactly one attempt per clientAttemptId, and its record pointing at it. */
function compareIdempotency(
  push: Push,
  userId: string,
  have: StoredUser | undefined,
  want: RecountedUser | undefined,
): void {
  const haveIdem = have?.idempotency ?? new Map<string, string>();
  const wantIdem = want?.idempotency ?? new Map<string, string[]>();
  for (const clientAttemptId of sortedUnion(haveIdem, wantIdem)) {
    const s = haveIdem.get(clientAttemptId) ?? null;
    const r = wantIdem.get(clientAttemptId) ?? [];
    if (r.length === 1 && s === r[0]) continue;
    const recounted = r.length === 0 ? null : r.join(' ');
    push({ what: 'idempotency', key: `${userId} ${clientAttemptId}`, stored: s, recounted });
  }
}

function compareUser(push: Push, userId: string, have: StoredUser | undefined, want: RecountedUser | undefined): void {
  numbers<ProfileCounts>(push, 'profile', userId, PROFILE_FIELDS, have?.profile, want?.profile);
  const haveStates = have?.states ?? new Map<string, StateTally>();
  const wantStates = want?.states ?? new Map<string, StateTally>();
  for (const questionId of sortedUnion(haveStates, wantStates)) {
    const key = `${userId} ${questionId}`;
    numbers<StateTally>(push, 'state', key, STATE_FIELDS, haveStates.get(questionId), wantStates.get(questionId));
  }
  compareMarkers(push, userId, have, want);
  compareIdempotency(push, userId, have, want);
}

/**
 * Every difference between what is stored and what the attempts say, in a stable order:
 * question, section and activity counters, then user by user. A missing item or attribute counts
 * as 0 (a missing profile too); numbers are equal within TOLERANCE.
 */
export function compare(stored: Stored, recounted: Recount): Difference[] {
  const differences: Difference[] = [];
  const push: Push = (difference) => void differences.push(difference);
  compareCounters(push, stored, recounted);
  for (const userId of sortedUnion(stored.users, recounted.users)) {
    compareUser(push, userId, stored.users.get(userId), recounted.users.get(userId));
  }
  return differences;
}

/** Whether any difference concerns the counter or the user with this key (for a selective rebuild). */
export function differingKeys(differences: readonly Difference[]): {
  questions: Set<string>;
  sections: Set<string>;
  activity: Set<string>;
  users: Set<string>;
} {
  const keys = {
    questions: new Set<string>(),
    sections: new Set<string>(),
    activity: new Set<string>(),
    users: new Set<string>(),
  };
  for (const { what, key } of differences) {
    const record = what.split('.')[0];
    if (record === 'question') keys.questions.add(key);
    else if (record === 'section') keys.sections.add(key);
    else if (record === 'activity') keys.activity.add(key);
    else keys.users.add(key.split(' ')[0]);
  }
  return keys;
}

export interface UserSection {
  attempts: number;
  aggregate: SectionAggregate | null;
}

/** A user's section items: attempts and aggregates by section id. */
export function userSections(
  attempts: ReadonlyMap<string, number> | undefined,
  aggregates: ReadonlyMap<string, SectionAggregate | null> | undefined,
): Map<string, UserSection> {
  const ids = new Set([...(attempts?.keys() ?? []), ...(aggregates?.keys() ?? [])]);
  return new Map(
    [...ids].map((id) => [id, { attempts: attempts?.get(id) ?? 0, aggregate: aggregates?.get(id) ?? null }]),
  );
}

export const sameAggregate = (s: SectionAggregate | null, r: SectionAggregate | null): boolean =>
  s !== null &&
  r !== null &&
  AGGREGATE_FIELDS.every((field) => sameSum(sumOf(s.sums, field), sumOf(r.sums, field))) &&
  s.seen.join(' ') === r.seen.join(' ');
