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
 *   user sections     the aggregates of the states now in each section and their local ids
 *                     (learning/section-aggregate.ts), from the replayed states
 *   idempotency       one record per clientAttemptId, pointing at its attempt
 */
import type { AttemptRecord, QuestionStateRecord } from './attempts';
import { counterIncrements, nextProfile, nextState } from './attempt-effects';
import {
  addActivityCounts,
  addQuestionCounts,
  addSectionCounts,
  emptyActivityCounts,
  emptyQuestionCounts,
  emptySectionCounts,
  type ActivityCounts,
  type QuestionCounts,
  type SectionCounts,
} from './counters';
import { EMPTY_PROFILE } from './attempts';
import { globalId, parseGlobalId } from './ids';
import { aggregateOf, type SectionAggregate } from './learning/section-aggregate';
import { utcDay } from './learning/streak';

export type { ActivityCounts, QuestionCounts, SectionCounts } from './counters';

export interface UserAttempt {
  userId: string;
  attempt: AttemptRecord;
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
  /** User-section aggregates by section id: null for an item written before they existed. */
  sectionAggregates: Map<string, SectionAggregate | null>;
  /** User-section items' revisions (`rev`) by section id. */
  sectionRevs: Map<string, number>;
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
  /** By section id: every section with an attempt, from the states now in it. */
  sectionAggregates: Map<string, SectionAggregate>;
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

const byCreatedAt = (a: AttemptRecord, b: AttemptRecord): number =>
  compareStrings(attemptSortKeyOf(a), attemptSortKeyOf(b));
const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function entry<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}

/** The question id an attempt counts under (its bank and the local id of its question). */
function questionIdOf(attempt: AttemptRecord): string {
  const ref = parseGlobalId(attempt.questionId);
  return ref ? globalId(attempt.bankId, ref.localId) : attempt.questionId;
}

/**
 * Every aggregate, recounted from the attempts (in any order) and the users who made them: each
 * attempt adds the increments the attempt path adds (attempt-effects.ts), a user counting once
 * per question, section and bank day.
 */
export function recount(attempts: readonly UserAttempt[]): Recount {
  const questions = new Map<string, QuestionCounts>();
  const sections = new Map<string, SectionCounts>();
  const activity = new Map<string, ActivityCounts>();
  const seen = new Set<string>();
  const firstTime = (...parts: string[]): boolean =>
    !seen.has(parts.join('\u0000')) && !!seen.add(parts.join('\u0000'));
  const byUser = new Map<string, AttemptRecord[]>();

  for (const { userId, attempt } of attempts) {
    const questionId = questionIdOf(attempt);
    const sectionId = globalId(attempt.bankId, attempt.sectionSlug);
    const dayKey = `${attempt.bankId}/${utcDay(new Date(attempt.createdAt))}`;
    const firsts = {
      forQuestion: firstTime('Q', userId, questionId),
      inSection: firstTime('S', userId, sectionId),
      todayInBank: firstTime('D', userId, dayKey),
    };
    const add = counterIncrements(userId, attempt, firsts);
    addQuestionCounts(entry(questions, questionId, emptyQuestionCounts), add.question);
    addSectionCounts(entry(sections, sectionId, emptySectionCounts), add.section);
    addActivityCounts(entry(activity, dayKey, emptyActivityCounts), add.activity);
    entry(byUser, userId, () => []).push(attempt);
  }

  const users = new Map<string, RecountedUser>();
  for (const [userId, own] of byUser) users.set(userId, recountUser(own));
  return { questions, sections, activity, users };
}

/** One user's records, replayed from their attempts in createdAt order with the attempt path's own steps. */
function recountUser(unordered: readonly AttemptRecord[]): RecountedUser {
  const attempts = [...unordered].sort(byCreatedAt);
  let profile = EMPTY_PROFILE;
  const states = new Map<string, QuestionStateRecord>();
  const sectionAttempts = new Map<string, number>();
  const lastDays = new Map<string, string>();
  const idempotency = new Map<string, string[]>();

  for (const attempt of attempts) {
    const at = new Date(attempt.createdAt);
    const day = utcDay(at);
    profile = nextProfile(profile, attempt, day);
    const questionId = questionIdOf(attempt);
    states.set(questionId, nextState(states.get(questionId) ?? null, attempt, at));
    const sectionId = globalId(attempt.bankId, attempt.sectionSlug);
    sectionAttempts.set(sectionId, (sectionAttempts.get(sectionId) ?? 0) + 1);
    lastDays.set(attempt.bankId, day);
    entry(idempotency, attempt.clientAttemptId, () => []).push(attemptSortKeyOf(attempt));
  }
  const { version: _version, ...counts } = profile;
  const inSection = new Map<string, { localId: string; state: QuestionStateRecord }[]>();
  for (const sectionId of sectionAttempts.keys()) inSection.set(sectionId, []);
  for (const [questionId, state] of states)
    entry(inSection, globalId(state.bankId, state.sectionSlug), () => []).push({
      localId: parseGlobalId(questionId)!.localId,
      state,
    });
  const sectionAggregates = new Map([...inSection].map(([id, list]) => [id, aggregateOf(list)]));
  return {
    profile: { ...counts, lastAttemptAt: counts.lastAttemptAt ?? '', lastDay: counts.lastDay ?? '' },
    states,
    sectionAttempts,
    sectionAggregates,
    lastDays,
    idempotency,
    attempts,
  };
}
