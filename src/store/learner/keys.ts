/**
 * A learner's records: keys, key parsers and item mappers. Every key starts with the tenant taken
 * from the API key, never from client input, and names the user, so everything stored about a
 * user is found by one partition (and its index partitions):
 *
 *   profile       PK T#<t>#U#<u>  SK PROFILE
 *   idempotency   PK T#<t>#U#<u>  SK IDEM#<clientAttemptId>
 *   attempt       PK T#<t>#U#<u>  SK ATT#<createdAt>#<attemptId>
 *                 GSI1 T#<t>#U#<u>#Q#<questionId> / <createdAt>#<attemptId>   (attempts of a question)
 *                 GSI2 T#<t>#U#<u>#B#<bank>       / <createdAt>#<attemptId>   (attempts in a bank)
 *                 GSI3 T#<t>#U#<u>#S#<sectionId>  / <createdAt>#<attemptId>   (attempts in a section)
 *   state         PK T#<t>#U#<u>  SK STATE#<bank>#<localId>
 *                 GSI1 T#<t>#U#<u>#DUE#<bank> / <due>#<localId>               (due questions)
 *   user section  PK T#<t>#U#<u>  SK SEC#<bank>#<section>
 *                 attempts, v (3), the state aggregates (src/domain/learning/section-aggregate.ts);
 *                 a legacy v2 item also holds `seen` (moved to the seen item by stats:rebuild)
 *                 and rev, moved on by every write to its sums
 *   packed sums   PK T#<t>#U#<u>  SK PACK#<bank>#<section>   p (the section's sums in one string,
 *                 a JSON array with the revision they are as of) and rev (moved on with the section
 *                 item's): what weakTopics reads; a copy from before format 2 (an object) has its
 *                 revision in a `pr` attribute, removed when an attempt sets `p` (or stats:rebuild
 *                 puts the item anew)
 *   pack marker   PK T#<t>#U#<u>  SK PACK#<bank>#            every section item of the bank has one
 *   seen set      PK T#<t>#U#<u>  SK SEEN#<bank>#<section>   seen (String Set of local ids)
 *   seen marker   PK T#<t>#U#<u>  SK SEEN#<bank>#            the bank's seen items are complete
 *   user bank day PK T#<t>#U#<u>  SK DAY#<bank>
 *   quiz          PK T#<t>#U#<u>  SK QUIZ#<quizId>                            (src/store/quizzes)
 *   quiz attempt  PK T#<t>#U#<u>  SK QATT#<quizId>#<createdAt>#<attemptId>    (src/store/quizzes)
 *
 * Tenant, user and bank ids hold no '#'; ISO timestamps hold none either.
 */
import type { AttemptRecord, ProfileRecord, QuestionStateRecord, UserRef } from '../../domain/attempts';
import { EMPTY_PROFILE } from '../../domain/attempts';
import { parseGlobalId } from '../../domain/ids';
import { packSums, type PackedSums, type SectionAggregate } from '../../domain/learning/section-aggregate';
import type { Item, Key } from '../batch';

export const userPartition = ({ tenantId, userId }: UserRef): string => `T#${tenantId}#U#${userId}`;
export const profileKey = (user: UserRef): Key => ({ PK: userPartition(user), SK: 'PROFILE' });
export const idempotencyKey = (user: UserRef, clientAttemptId: string): Key => ({
  PK: userPartition(user),
  SK: `${IDEMPOTENCY_PREFIX}${clientAttemptId}`,
});
export const attemptSortKey = (createdAt: string, attemptId: string): string => `${createdAt}#${attemptId}`;
export const attemptKey = (user: UserRef, createdAt: string, attemptId: string): Key => ({
  PK: userPartition(user),
  SK: `${ATTEMPT_PREFIX}${attemptSortKey(createdAt, attemptId)}`,
});
export const attemptIndexes = {
  question: (user: UserRef, questionId: string) => ({ index: 'GSI1', pk: `${userPartition(user)}#Q#${questionId}` }),
  bank: (user: UserRef, bankId: string) => ({ index: 'GSI2', pk: `${userPartition(user)}#B#${bankId}` }),
  section: (user: UserRef, sectionId: string) => ({ index: 'GSI3', pk: `${userPartition(user)}#S#${sectionId}` }),
};
export const statePrefix = (bankId: string): string => `${STATE_PREFIX}${bankId}#`;
export const stateKey = (user: UserRef, bankId: string, localId: string): Key => ({
  PK: userPartition(user),
  SK: `${statePrefix(bankId)}${localId}`,
});
export const dueIndexPartition = (user: UserRef, bankId: string): string => `${userPartition(user)}#DUE#${bankId}`;
export const userSectionPrefix = (bankId: string): string => `${SECTION_PREFIX}${bankId}#`;
export const userSectionKey = (user: UserRef, bankId: string, section: string): Key => ({
  PK: userPartition(user),
  SK: `${SECTION_PREFIX}${bankId}#${section}`,
});
/** The bank's seen items and its marker (`SEEN#<bank>#`, the shortest key of the range). */
export const userSeenPrefix = (bankId: string): string => `${SEEN_PREFIX}${bankId}#`;
export const userSeenKey = (user: UserRef, bankId: string, section: string): Key => ({
  PK: userPartition(user),
  SK: `${userSeenPrefix(bankId)}${section}`,
});
export const userSeenMarkerKey = (user: UserRef, bankId: string): Key => ({
  PK: userPartition(user),
  SK: userSeenPrefix(bankId),
});
/** The bank's packed section sums and their marker (`PACK#<bank>#`, the shortest key of the range). */
export const userPackPrefix = (bankId: string): string => `${PACK_PREFIX}${bankId}#`;
export const userPackKey = (user: UserRef, bankId: string, section: string): Key => ({
  PK: userPartition(user),
  SK: `${userPackPrefix(bankId)}${section}`,
});
export const userPackMarkerKey = (user: UserRef, bankId: string): Key => ({
  PK: userPartition(user),
  SK: userPackPrefix(bankId),
});
export const userBankDayKey = (user: UserRef, bankId: string): Key => ({
  PK: userPartition(user),
  SK: `${DAY_PREFIX}${bankId}`,
});

export const ATTEMPT_PREFIX = 'ATT#';
/**
 * `v` of a user-section item whose aggregates cover every state of the section: 3, sums only
 * (the `seen` set on its own SEEN# item); 2, the legacy item that also held `seen`.
 */
export const SECTION_AGGREGATE_VERSION = 3;
export const LEGACY_SECTION_AGGREGATE_VERSION = 2;
export const IDEMPOTENCY_PREFIX = 'IDEM#';
export const STATE_PREFIX = 'STATE#';
export const SECTION_PREFIX = 'SEC#';
// not a prefix of SECTION_PREFIX nor it of this one ('SEC#' vs 'SEEN#'), so the ranges never overlap
export const SEEN_PREFIX = 'SEEN#';
// neither a prefix of the others nor they of it
export const PACK_PREFIX = 'PACK#';
export const DAY_PREFIX = 'DAY#';

export function attemptToItem(user: UserRef, attempt: AttemptRecord): Item {
  const sort = attemptSortKey(attempt.createdAt, attempt.id);
  const byQuestion = attemptIndexes.question(user, attempt.questionId);
  const byBank = attemptIndexes.bank(user, attempt.bankId);
  const bySection = attemptIndexes.section(user, `${attempt.bankId}/${attempt.sectionSlug}`);
  return {
    ...attemptKey(user, attempt.createdAt, attempt.id),
    GSI1PK: byQuestion.pk,
    GSI1SK: sort,
    GSI2PK: byBank.pk,
    GSI2SK: sort,
    GSI3PK: bySection.pk,
    GSI3SK: sort,
    type: 'Attempt',
    ...attempt,
  };
}

export function attemptFromItem(item: Item): AttemptRecord {
  return {
    id: item.id as string,
    questionId: item.questionId as string,
    bankId: item.bankId as string,
    sectionSlug: item.sectionSlug as string,
    outcome: item.outcome as AttemptRecord['outcome'],
    score: item.score as number,
    timeSpentMs: (item.timeSpentMs as number | null | undefined) ?? null,
    answer: (item.answer as string | null | undefined) ?? null,
    quizId: (item.quizId as string | null | undefined) ?? null,
    clientAttemptId: item.clientAttemptId as string,
    selectedOptionIds: (item.selectedOptionIds as string[] | null | undefined) ?? null,
    grading: (item.grading as AttemptRecord['grading'] | undefined) ?? null,
    ...(item.byStrongLearner === undefined ? {} : { byStrongLearner: item.byStrongLearner === true }),
    createdAt: item.createdAt as string,
  };
}

export function idempotencyToItem(
  user: UserRef,
  clientAttemptId: string,
  attemptSortKey: string,
  fingerprint: string,
): Item {
  return { ...idempotencyKey(user, clientAttemptId), type: 'Idempotency', attemptSortKey, fingerprint };
}

/** The attempt an idempotency record points at, and the fingerprint of its payload. */
export function idempotencyFromItem(item: Item): { createdAt: string; attemptId: string; fingerprint: string } {
  const sortKey = item.attemptSortKey as string;
  const hash = sortKey.indexOf('#');
  return {
    createdAt: sortKey.slice(0, hash),
    attemptId: sortKey.slice(hash + 1),
    fingerprint: item.fingerprint as string,
  };
}

export function stateToItem(user: UserRef, state: QuestionStateRecord): Item {
  const localId = parseGlobalId(state.questionId)!.localId;
  return {
    ...stateKey(user, state.bankId, localId),
    GSI1PK: dueIndexPartition(user, state.bankId),
    GSI1SK: `${state.memory.due}#${localId}`,
    type: 'QuestionState',
    ...state,
  };
}

export function stateFromItem(item: Item): QuestionStateRecord {
  return {
    questionId: item.questionId as string,
    bankId: item.bankId as string,
    sectionSlug: item.sectionSlug as string,
    memory: item.memory as QuestionStateRecord['memory'],
    attempts: item.attempts as number,
    correct: item.correct as number,
    scoreSum: item.scoreSum as number,
    lastOutcome: item.lastOutcome as QuestionStateRecord['lastOutcome'],
    lastAttemptAt: item.lastAttemptAt as string,
  };
}

export function profileToItem(user: UserRef, profile: ProfileRecord): Item {
  return { ...profileKey(user), type: 'Profile', ...profile };
}

export function profileFromItem(item: Item | null): ProfileRecord {
  if (!item) return EMPTY_PROFILE;
  return {
    attemptCount: Number(item.attemptCount ?? 0),
    correctCount: Number(item.correctCount ?? 0),
    scoreSum: Number(item.scoreSum ?? 0),
    lastAttemptAt: (item.lastAttemptAt as string | null) ?? null,
    lastDay: (item.lastDay as string | null) ?? null,
    streak: Number(item.streak ?? 0),
    version: Number(item.version ?? 0),
  };
}

export const userSectionToItem = (
  user: UserRef,
  bankId: string,
  section: string,
  attempts: number,
  aggregate: SectionAggregate,
  rev: number,
): Item => ({
  ...userSectionKey(user, bankId, section),
  attempts,
  v: SECTION_AGGREGATE_VERSION,
  rev,
  ...aggregate.sums,
});

/** The section's packed sums as of revision `rev` (inside `p`), current (the section item's `rev` is the same). */
export const userPackToItem = (
  user: UserRef,
  bankId: string,
  section: string,
  packed: PackedSums,
  rev: number,
): Item => ({
  ...userPackKey(user, bankId, section),
  rev,
  p: packSums({ ...packed, rev }),
});
export const userPackMarkerToItem = (user: UserRef, bankId: string): Item => userPackMarkerKey(user, bankId);
/** The section's seen set; null when empty (DynamoDB refuses an empty set: no item then). */
export const userSeenToItem = (user: UserRef, bankId: string, section: string, seen: string[]): Item | null =>
  seen.length > 0 ? { ...userSeenKey(user, bankId, section), seen: new Set(seen) } : null;
export const userSeenMarkerToItem = (user: UserRef, bankId: string): Item => userSeenMarkerKey(user, bankId);
export const userBankDayToItem = (user: UserRef, bankId: string, lastDay: string): Item => ({
  ...userBankDayKey(user, bankId),
  lastDay,
});
