/**
 * Everything one attempt changes, as data: the one description that the attempt transaction
 * (src/store/learner/attempt-transaction.ts), the recount behind `stats:verify`/`stats:rebuild`
 * (recount.ts) and the benchmark's raw baseline all follow, so the three cannot drift apart.
 *
 * Per-user records move from what was read to what is written (each write conditioned on the
 * read); tenant-wide counters only ever add, so they are described as increments.
 */
import { createHash, randomUUID } from 'node:crypto';
import {
  attemptFingerprint,
  isStrongLearner,
  type AttemptInput,
  type AttemptRecord,
  type ProfileRecord,
  type QuestionStateRecord,
  type QuizRecord,
} from './attempts';
import { reviewMemory } from './learning/memory';
import {
  addSums,
  emptySums,
  stateTerms,
  sumsDelta,
  type PackedSums,
  type SectionSums,
} from './learning/section-aggregate';
import { extendStreak, utcDay } from './learning/streak';
import { bucketOf } from './learning/time-histogram';
import type { ActivityCounts, QuestionCounts, SectionCounts } from './counters';

/** Tenant-wide counters are spread over this many partitions, so no question is a hot item. */
export const COUNTER_SHARDS = 4;

/** A user's contributions always land in the same shard, so unique-user counts add up across shards. */
export const shardOf = (userId: string): number =>
  createHash('sha256').update(userId).digest().readUInt32LE(0) % COUNTER_SHARDS;

export interface AttemptSubject {
  bankId: string;
  localId: string;
  sectionSlug: string;
}

/** The user's records an attempt is decided on, as read just before it. */
export interface CurrentRecords {
  state: QuestionStateRecord | null;
  profile: ProfileRecord;
  /** Whether the user has attempted anything in the question's section before. */
  seenSection: boolean;
  /**
   * The user's section item as read (its attempt count, revision and sums; sums null for an item
   * whose aggregates are incomplete), when the caller read it: the attempt then writes the section's
   * packed sums as of its own revision. Undefined: not read, the packed sums are left stale.
   */
  sectionRead?: SectionRead | null;
  /** The last UTC day the user attempted anything in the bank. */
  lastDayInBank: string | null;
  quiz: QuizRecord | null;
}

/** A user's section item as an attempt reads it. */
export interface SectionRead {
  attempts: number;
  /** `rev`: moved on by every write to the item's sums (0 on items from before it). */
  rev: number;
  sums: SectionSums | null;
}

/** Which distinct-user counters an attempt adds one to. */
export interface Firsts {
  forQuestion: boolean;
  inSection: boolean;
  todayInBank: boolean;
}

/** What an attempt adds to the tenant-wide counters of its question, section and day. */
export interface CounterIncrements {
  shard: number;
  question: QuestionCounts;
  section: SectionCounts;
  day: string;
  activity: ActivityCounts;
}

export interface AttemptEffects {
  attempt: AttemptRecord;
  /** What a retry must repeat to count as the same attempt (attemptFingerprint). */
  fingerprint: string;
  state: { next: QuestionStateRecord; previousAttempts: number | null };
  /**
   * The profile's counters only add up, so attempts of one user on different questions do not
   * wait for each other; only the streak depends on what was read: `previousLastDay` is what the
   * write is conditioned on when the attempt moves the streak to a new day.
   */
  profile: { next: ProfileRecord; previousVersion: number; previousLastDay: string | null };
  /**
   * The user's section item: created by the first attempt there, counted after, and its
   * aggregates (section-aggregate.ts) moved by the new state's terms minus the old state's.
   * `movedFrom` is set only when the question's state was in another section (an import moved
   * the question): that section loses the old state's terms and the question from `seen`.
   */
  userSection: {
    bankId: string;
    sectionSlug: string;
    seenBefore: boolean;
    localId: string;
    /** The delta, as `after − before` (the store subtracts them exactly, in decimal). */
    sums: { after: SectionSums; before: SectionSums | null };
    movedFrom: { sectionSlug: string; sums: { after: SectionSums; before: SectionSums } } | null;
    /**
     * The section's sums after this attempt, as of the item's next revision (read `rev` + 1), for
     * its packed copy; null when the attempt did not read complete sums (the copy is left stale).
     */
    packed: (PackedSums & { rev: number }) | null;
  };
  /** The user's last day in the bank, moved from what was read. */
  userBankDay: { bankId: string; day: string; previousDay: string | null };
  counters: CounterIncrements;
  /** Set when the attempt answers a question of its quiz for the first time. */
  quizAnswer: { quizId: string; questionId: string; score: number } | null;
}

const OUTCOME_FIELD = { CORRECT: 'correct', PARTIAL: 'partial', INCORRECT: 'incorrect', SKIPPED: 'skipped' } as const;

/** The state of a question for a user after one more attempt. */
export function nextState(previous: QuestionStateRecord | null, attempt: AttemptRecord, at: Date): QuestionStateRecord {
  const correct = attempt.outcome === 'CORRECT' ? 1 : 0;
  return {
    questionId: attempt.questionId,
    bankId: attempt.bankId,
    sectionSlug: attempt.sectionSlug,
    memory: reviewMemory(previous?.memory ?? null, attempt.outcome, at),
    attempts: (previous?.attempts ?? 0) + 1,
    correct: (previous?.correct ?? 0) + correct,
    scoreSum: (previous?.scoreSum ?? 0) + attempt.score,
    lastOutcome: attempt.outcome,
    lastAttemptAt: attempt.createdAt,
  };
}

/** The profile after one more attempt on `day` (its version moves on by one). */
export function nextProfile(profile: ProfileRecord, attempt: AttemptRecord, day: string): ProfileRecord {
  const streak = extendStreak({ lastDay: profile.lastDay, streak: profile.streak }, day);
  return {
    attemptCount: profile.attemptCount + 1,
    correctCount: profile.correctCount + (attempt.outcome === 'CORRECT' ? 1 : 0),
    scoreSum: profile.scoreSum + attempt.score,
    lastAttemptAt: attempt.createdAt,
    lastDay: streak.lastDay,
    streak: streak.streak,
    version: profile.version + 1,
  };
}

/** What an attempt adds to the tenant-wide counters, given which distinct-user counts it is first in. */
export function counterIncrements(userId: string, attempt: AttemptRecord, firsts: Firsts): CounterIncrements {
  const correct = attempt.outcome === 'CORRECT' ? 1 : 0;
  const question: QuestionCounts = {
    attempts: 1,
    correct: 0,
    partial: 0,
    incorrect: 0,
    skipped: 0,
    scoreSum: attempt.score,
    uniqueUsers: firsts.forQuestion ? 1 : 0,
    timed: attempt.timeSpentMs === null ? 0 : 1,
    histogram: attempt.timeSpentMs === null ? {} : { [bucketOf(attempt.timeSpentMs)]: 1 },
    ...optionIncrements(attempt),
  };
  question[OUTCOME_FIELD[attempt.outcome]] = 1;
  return {
    shard: shardOf(userId),
    question,
    section: { attempts: 1, correct, scoreSum: attempt.score, uniqueUsers: firsts.inSection ? 1 : 0 },
    day: utcDay(new Date(attempt.createdAt)),
    activity: { attempts: 1, activeUsers: firsts.todayInBank ? 1 : 0 },
  };
}

/** A graded choice attempt adds one to its question's graded attempts and to each option it picked. */
function optionIncrements(
  attempt: AttemptRecord,
): Pick<QuestionCounts, 'graded' | 'strongGraded' | 'picks' | 'strongPicks'> {
  const picks = attempt.grading && attempt.selectedOptionIds ? attempt.selectedOptionIds : [];
  const strong = picks.length > 0 && attempt.byStrongLearner === true;
  const ones = Object.fromEntries(picks.map((id) => [id, 1]));
  return {
    graded: picks.length > 0 ? 1 : 0,
    strongGraded: strong ? 1 : 0,
    picks: ones,
    strongPicks: strong ? { ...ones } : {},
  };
}

/** What the attempt does to the user's section item(s): see AttemptEffects.userSection. */
function userSectionEffects(
  subject: AttemptSubject,
  current: CurrentRecords,
  next: QuestionStateRecord,
): AttemptEffects['userSection'] {
  const previous = current.state;
  const moved = previous !== null && previous.sectionSlug !== subject.sectionSlug;
  const delta = sumsDelta(moved ? null : previous, next);
  const read = current.seenSection ? current.sectionRead : { attempts: 0, rev: 0, sums: emptySums() };
  return {
    bankId: subject.bankId,
    sectionSlug: subject.sectionSlug,
    seenBefore: current.seenSection,
    localId: subject.localId,
    sums: { after: stateTerms(next), before: moved || previous === null ? null : stateTerms(previous) },
    movedFrom: moved
      ? { sectionSlug: previous.sectionSlug, sums: { after: emptySums(), before: stateTerms(previous) } }
      : null,
    packed: read?.sums ? { attempts: read.attempts + 1, rev: read.rev + 1, sums: addSums(read.sums, delta) } : null,
  };
}

/** Decides everything an attempt changes, before anything is written. */
export function planAttempt(
  userId: string,
  input: AttemptInput,
  subject: AttemptSubject,
  current: CurrentRecords,
  at: Date,
): AttemptEffects {
  const attempt: AttemptRecord = {
    ...input,
    id: randomUUID(),
    bankId: subject.bankId,
    sectionSlug: subject.sectionSlug,
    createdAt: at.toISOString(),
    ...(input.grading ? { byStrongLearner: isStrongLearner(current.profile) } : {}),
  };
  const day = utcDay(at);
  const firsts = {
    forQuestion: current.state === null,
    inSection: !current.seenSection,
    todayInBank: current.lastDayInBank !== day,
  };
  const inQuiz = current.quiz && !(input.questionId in current.quiz.answered);
  const next = nextState(current.state, attempt, at);
  return {
    attempt,
    fingerprint: attemptFingerprint(input),
    state: { next, previousAttempts: current.state?.attempts ?? null },
    profile: {
      next: nextProfile(current.profile, attempt, day),
      previousVersion: current.profile.version,
      previousLastDay: current.profile.lastDay,
    },
    userSection: userSectionEffects(subject, current, next),
    userBankDay: { bankId: subject.bankId, day, previousDay: current.lastDayInBank },
    counters: counterIncrements(userId, attempt, firsts),
    quizAnswer:
      inQuiz && attempt.quizId
        ? { quizId: attempt.quizId, questionId: attempt.questionId, score: attempt.score }
        : null,
  };
}
