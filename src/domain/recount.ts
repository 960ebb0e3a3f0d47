/**
 * What every aggregate should hold, recounted from the stored attempts alone, and how that
 * compares with what is stored. Pure: the admin commands `stats:verify` and `stats:rebuild`
 * (src/admin/stats.ts) feed it attempts and stored figures read by src/store/stats-maintenance.ts.
 *
 * Each attempt is counted the way src/store/attempt-writer.ts counts it when it is recorded:
 *
 *   question counter  attempts, one outcome field (correct/partial/incorrect/skipped), scoreSum,
 *                     uniqueUsers (distinct users with an attempt on the question), and for a timed
 *                     attempt `timed` and its histogram bucket (bucketOf)
 *   section counter   attempts, correct, scoreSum, uniqueUsers (distinct users in the section)
 *   activity          per bank and UTC day of createdAt: attempts, activeUsers (distinct users)
 *   profile           attemptCount, correctCount, scoreSum (lastAttemptAt, lastDay and streak are
 *                     replayed too, for a profile that has to be written from scratch)
 *   question state    attempts, correct, scoreSum; the FSRS memory replayed in createdAt order
 *   user markers      attempts per section (SEC#), last UTC day per bank (DAY#)
 *   idempotency       one record per clientAttemptId, pointing at its attempt
 */
import type { AttemptRecord, QuestionStateRecord } from './attempts';
import { globalId, parseGlobalId } from './ids';
import { reviewMemory } from './learning/memory';
import { extendStreak, utcDay } from './learning/streak';
import { bucketOf, type TimeHistogram } from './learning/time-histogram';

/** Floats (score sums) are compared with this tolerance: DynamoDB adds decimals exactly, JS does not. */
export const TOLERANCE = 1e-9;

export interface UserAttempt {
  userId: string;
  attempt: AttemptRecord;
}

export interface QuestionCounts {
  attempts: number;
  correct: number;
  partial: number;
  incorrect: number;
  skipped: number;
  scoreSum: number;
  uniqueUsers: number;
  timed: number;
  histogram: TimeHistogram;
}

export interface SectionCounts {
  attempts: number;
  correct: number;
  scoreSum: number;
  uniqueUsers: number;
}

export interface ActivityCounts {
  attempts: number;
  activeUsers: number;
}

export interface ProfileCounts {
  attemptCount: number;
  correctCount: number;
  scoreSum: number;
}

export interface StateTally {
  attempts: number;
  correct: number;
  scoreSum: number;
}

/** Tenant-wide counters, each summed over its shards. */
export interface Counters {
  /** By question id (`<bank>/<localId>`). */
  questions: Map<string, QuestionCounts>;
  /** By section id (`<bank>/<section>`). */
  sections: Map<string, SectionCounts>;
  /** By `<bank>/<YYYY-MM-DD>`. */
  activity: Map<string, ActivityCounts>;
}

/** What is stored for one user. */
export interface StoredUser {
  /** Null when the user has no profile item. */
  profile: ProfileCounts | null;
  /** By question id. */
  states: Map<string, StateTally>;
  /** User-section markers: attempts by section id. */
  sectionAttempts: Map<string, number>;
  /** User-bank-day markers: last day by bank id. */
  lastDays: Map<string, string>;
  /** Idempotency records: the attempt sort key (`<createdAt>#<attemptId>`) by clientAttemptId. */
  idempotency: Map<string, string>;
}

export interface Stored extends Counters {
  users: Map<string, StoredUser>;
}

export interface RecountedProfile extends ProfileCounts {
  lastAttemptAt: string;
  lastDay: string;
  streak: number;
}

/** What one user's attempts say the user's records hold. */
export interface RecountedUser {
  profile: RecountedProfile;
  /** By question id: the whole state, memory replayed. */
  states: Map<string, QuestionStateRecord>;
  sectionAttempts: Map<string, number>;
  lastDays: Map<string, string>;
  /** The sort keys of the attempts recorded under each clientAttemptId (one, unless something went wrong). */
  idempotency: Map<string, string[]>;
  /** The user's attempts in createdAt order. */
  attempts: AttemptRecord[];
}

export interface Recount extends Counters {
  users: Map<string, RecountedUser>;
}

export interface Difference {
  /** `<record>.<field>`: `question.uniqueUsers`, `question.b12`, `profile.scoreSum`, `idempotency`… */
  what: string;
  /** Which record: a question or section id, `<bank>/<day>`, `<user>`, `<user> <question id>`… */
  key: string;
  stored: number | string | null;
  recounted: number | string | null;
}

export const attemptSortKeyOf = (attempt: AttemptRecord): string => `${attempt.createdAt}#${attempt.id}`;

const byCreatedAt = (a: AttemptRecord, b: AttemptRecord): number => compareStrings(attemptSortKeyOf(a), attemptSortKeyOf(b));
const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function entry<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}

const emptyQuestion = (): QuestionCounts => ({ attempts: 0, correct: 0, partial: 0, incorrect: 0, skipped: 0, scoreSum: 0, uniqueUsers: 0, timed: 0, histogram: {} });
const emptySection = (): SectionCounts => ({ attempts: 0, correct: 0, scoreSum: 0, uniqueUsers: 0 });
const emptyActivity = (): ActivityCounts => ({ attempts: 0, activeUsers: 0 });

const OUTCOME_FIELD = { CORRECT: 'correct', PARTIAL: 'partial', INCORRECT: 'incorrect', SKIPPED: 'skipped' } as const;

/** The question id an attempt counts under (its bank and the local id of its question). */
function questionIdOf(attempt: AttemptRecord): string {
  const ref = parseGlobalId(attempt.questionId);
  return ref ? globalId(attempt.bankId, ref.localId) : attempt.questionId;
}

/** Every aggregate, recounted from the attempts (in any order) and the users who made them. */
export function recount(attempts: readonly UserAttempt[]): Recount {
  const questions = new Map<string, QuestionCounts>();
  const sections = new Map<string, SectionCounts>();
  const activity = new Map<string, ActivityCounts>();
  const seen = new Set<string>();
  const firstTime = (...parts: string[]): boolean => {
    const key = parts.join('\u0000');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };
  const byUser = new Map<string, AttemptRecord[]>();

  for (const { userId, attempt } of attempts) {
    const correct = attempt.outcome === 'CORRECT' ? 1 : 0;
    const questionId = questionIdOf(attempt);
    const question = entry(questions, questionId, emptyQuestion);
    question.attempts += 1;
    question[OUTCOME_FIELD[attempt.outcome]] += 1;
    question.scoreSum += attempt.score;
    if (firstTime('Q', userId, questionId)) question.uniqueUsers += 1;
    if (attempt.timeSpentMs !== null) {
      question.timed += 1;
      const bucket = bucketOf(attempt.timeSpentMs);
      question.histogram[bucket] = (question.histogram[bucket] ?? 0) + 1;
    }

    const sectionId = globalId(attempt.bankId, attempt.sectionSlug);
    const section = entry(sections, sectionId, emptySection);
    section.attempts += 1;
    section.correct += correct;
    section.scoreSum += attempt.score;
    if (firstTime('S', userId, sectionId)) section.uniqueUsers += 1;

    const dayKey = `${attempt.bankId}/${utcDay(new Date(attempt.createdAt))}`;
    const day = entry(activity, dayKey, emptyActivity);
    day.attempts += 1;
    if (firstTime('D', userId, dayKey)) day.activeUsers += 1;

    entry(byUser, userId, () => []).push(attempt);
  }

  const users = new Map<string, RecountedUser>();
  for (const [userId, own] of byUser) users.set(userId, recountUser(own));
  return { questions, sections, activity, users };
}

/** One user's records, replayed from their attempts in createdAt order. */
function recountUser(unordered: readonly AttemptRecord[]): RecountedUser {
  const attempts = [...unordered].sort(byCreatedAt);
  const profile: RecountedProfile = { attemptCount: 0, correctCount: 0, scoreSum: 0, lastAttemptAt: '', lastDay: '', streak: 0 };
  let streak: { lastDay: string | null; streak: number } = { lastDay: null, streak: 0 };
  const states = new Map<string, QuestionStateRecord>();
  const sectionAttempts = new Map<string, number>();
  const lastDays = new Map<string, string>();
  const idempotency = new Map<string, string[]>();

  for (const attempt of attempts) {
    const at = new Date(attempt.createdAt);
    const day = utcDay(at);
    const correct = attempt.outcome === 'CORRECT' ? 1 : 0;
    profile.attemptCount += 1;
    profile.correctCount += correct;
    profile.scoreSum += attempt.score;
    profile.lastAttemptAt = attempt.createdAt;
    streak = extendStreak(streak, day);

    const questionId = questionIdOf(attempt);
    const previous = states.get(questionId);
    states.set(questionId, {
      questionId: attempt.questionId,
      bankId: attempt.bankId,
      sectionSlug: attempt.sectionSlug,
      memory: reviewMemory(previous?.memory ?? null, attempt.outcome, at),
      attempts: (previous?.attempts ?? 0) + 1,
      correct: (previous?.correct ?? 0) + correct,
      scoreSum: (previous?.scoreSum ?? 0) + attempt.score,
      lastOutcome: attempt.outcome,
      lastAttemptAt: attempt.createdAt,
    });

    const sectionId = globalId(attempt.bankId, attempt.sectionSlug);
    sectionAttempts.set(sectionId, (sectionAttempts.get(sectionId) ?? 0) + 1);
    lastDays.set(attempt.bankId, day);
    entry(idempotency, attempt.clientAttemptId, () => []).push(attemptSortKeyOf(attempt));
  }
  profile.lastDay = streak.lastDay ?? '';
  profile.streak = streak.streak;
  return { profile, states, sectionAttempts, lastDays, idempotency, attempts };
}

const QUESTION_FIELDS = ['attempts', 'correct', 'partial', 'incorrect', 'skipped', 'scoreSum', 'uniqueUsers', 'timed'] as const;
const SECTION_FIELDS = ['attempts', 'correct', 'scoreSum', 'uniqueUsers'] as const;
const ACTIVITY_FIELDS = ['attempts', 'activeUsers'] as const;
const PROFILE_FIELDS = ['attemptCount', 'correctCount', 'scoreSum'] as const;
const STATE_FIELDS = ['attempts', 'correct', 'scoreSum'] as const;

export const sameNumber = (a: number, b: number): boolean => Math.abs(a - b) <= TOLERANCE;

const sortedUnion = <K extends string>(...maps: ReadonlyMap<K, unknown>[]): K[] => [...new Set(maps.flatMap((map) => [...map.keys()]))].sort(compareStrings);

/**
 * Every difference between what is stored and what the attempts say, in a stable order:
 * question, section and activity counters, then user by user. A missing item or attribute counts
 * as 0 (a missing profile too); numbers are equal within TOLERANCE.
 */
export function compare(stored: Stored, recounted: Recount): Difference[] {
  const differences: Difference[] = [];
  const numbers = <T extends object>(what: string, key: string, fields: readonly (keyof T & string)[], have: T | null | undefined, want: T | null | undefined): void => {
    for (const field of fields) {
      const s = Number(have?.[field] ?? 0);
      const r = Number(want?.[field] ?? 0);
      if (!sameNumber(s, r)) differences.push({ what: `${what}.${field}`, key, stored: s, recounted: r });
    }
  };

  for (const id of sortedUnion(stored.questions, recounted.questions)) {
    const have = stored.questions.get(id);
    const want = recounted.questions.get(id);
    numbers('question', id, QUESTION_FIELDS, have, want);
    const buckets = [...new Set([...Object.keys(have?.histogram ?? {}), ...Object.keys(want?.histogram ?? {})])].sort(byBucket);
    numbers('question', id, buckets, have?.histogram, want?.histogram);
  }
  for (const id of sortedUnion(stored.sections, recounted.sections)) {
    numbers('section', id, SECTION_FIELDS, stored.sections.get(id), recounted.sections.get(id));
  }
  for (const key of sortedUnion(stored.activity, recounted.activity)) {
    numbers('activity', key, ACTIVITY_FIELDS, stored.activity.get(key), recounted.activity.get(key));
  }

  for (const userId of sortedUnion(stored.users, recounted.users)) {
    const have = stored.users.get(userId);
    const want = recounted.users.get(userId);
    numbers<ProfileCounts>('profile', userId, PROFILE_FIELDS, have?.profile, want?.profile);
    const haveStates = have?.states ?? new Map<string, StateTally>();
    const wantStates = want?.states ?? new Map<string, StateTally>();
    for (const questionId of sortedUnion(haveStates, wantStates)) {
      numbers<StateTally>('state', `${userId} ${questionId}`, STATE_FIELDS, haveStates.get(questionId), wantStates.get(questionId));
    }
    const haveSections = have?.sectionAttempts ?? new Map<string, number>();
    const wantSections = want?.sectionAttempts ?? new Map<string, number>();
    for (const sectionId of sortedUnion(haveSections, wantSections)) {
      const s = haveSections.get(sectionId) ?? 0;
      const r = wantSections.get(sectionId) ?? 0;
      if (!sameNumber(s, r)) differences.push({ what: 'userSection.attempts', key: `${userId} ${sectionId}`, stored: s, recounted: r });
    }
    const haveDays = have?.lastDays ?? new Map<string, string>();
    const wantDays = want?.lastDays ?? new Map<string, string>();
    for (const bankId of sortedUnion(haveDays, wantDays)) {
      const s = haveDays.get(bankId) ?? null;
      const r = wantDays.get(bankId) ?? null;
      if (s !== r) differences.push({ what: 'userBankDay.lastDay', key: `${userId} ${bankId}`, stored: s, recounted: r });
    }
    const haveIdem = have?.idempotency ?? new Map<string, string>();
    const wantIdem = want?.idempotency ?? new Map<string, string[]>();
    for (const clientAttemptId of sortedUnion(haveIdem, wantIdem)) {
      const s = haveIdem.get(clientAttemptId) ?? null;
      const r = wantIdem.get(clientAttemptId) ?? [];
      // Exactly one attempt per clientAttemptId, and its record pointing at it.
      if (r.length === 1 && s === r[0]) continue;
      differences.push({ what: 'idempotency', key: `${userId} ${clientAttemptId}`, stored: s, recounted: r.length === 0 ? null : r.join(' ') });
    }
  }
  return differences;
}

const byBucket = (a: string, b: string): number => Number(a.slice(1)) - Number(b.slice(1)) || compareStrings(a, b);

/** Whether any difference concerns the counter or the user with this key (for a selective rebuild). */
export function differingKeys(differences: readonly Difference[]): { questions: Set<string>; sections: Set<string>; activity: Set<string>; users: Set<string> } {
  const keys = { questions: new Set<string>(), sections: new Set<string>(), activity: new Set<string>(), users: new Set<string>() };
  for (const { what, key } of differences) {
    const record = what.split('.')[0];
    if (record === 'question') keys.questions.add(key);
    else if (record === 'section') keys.sections.add(key);
    else if (record === 'activity') keys.activity.add(key);
    else keys.users.add(key.split(' ')[0]);
  }
  return keys;
}
