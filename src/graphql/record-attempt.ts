/**
 * recordAttempt: one BatchGetItem reads the question, its bank and every record of the user the
 * attempt touches; one TransactWriteItems writes them all. A retry with the same clientAttemptId
 * finds the idempotency record and returns the original attempt; an attempt that lost a race
 * with another attempt of the same user reads again and retries.
 */
import { performance } from 'node:perf_hooks';
import { attemptFingerprint, checkAttemptInput, roundScore, type AttemptInput, type UserRef } from '../domain/attempts';
import { planAttempt, type CurrentRecords } from '../domain/attempt-plan';
import { badInput } from '../domain/errors';
import { parseGlobalId, type LocalRef } from '../domain/ids';
import { defaultScore, type Outcome } from '../domain/learning/outcomes';
import { AttemptConflict, DuplicateAttempt, writeAttempt } from '../store/attempt-writer';
import type { Item, Key } from '../store/batch';
import { attemptKey, bankKey, idempotencyKey, profileKey, quizKey, stateKey, userBankDayKey, userSectionKey } from '../store/keys';
import { attemptFromItem, profileFromItem, quizFromItem, stateFromItem } from '../store/learning-items';
import type { GraphQLContext } from './context';
import type { RecordAttemptInput } from './generated/types';
import type { RecordAttemptPayloadModel } from './models';

/**
 * Attempts of one user race only each other (each rewrites the user's profile). The loser reads
 * again after a capped, fully jittered exponential back-off. Two clients of one user sending back
 * to back can make one lose many rounds in a row: its read and write take about as long as the
 * other client's whole next attempt, so the length of the wait hardly changes its odds, the
 * number of rounds does (docs/reliability.md). 40 rounds sleep at most 5.4 s in all, which with
 * DynamoDB's round trips stays within the Lambda's 10 s timeout.
 */
export const CONFLICT_ROUNDS = 40;
/**
 * And for at most this long after its first read, so that the answer (a masked error saying it
 * was a conflict) comes before the function's 10 s timeout (serverless.yml) cuts the request
 * off without one. An object so that tests can shorten it.
 */
export const conflictBudget = { ms: 8_000 };
const BACKOFF_BASE_MS = 10;
const BACKOFF_CAP_MS = 150;

/** The wait after losing round `round`: uniform in [0, min(cap, base × 2^(round − 1))). */
export function conflictBackoffMs(round: number, random: () => number = Math.random): number {
  return random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (round - 1));
}

export function attemptInput(raw: RecordAttemptInput): AttemptInput {
  const outcome = raw.outcome as Outcome;
  const input: AttemptInput = {
    questionId: raw.questionId,
    outcome,
    score: raw.score ?? defaultScore(outcome),
    timeSpentMs: raw.timeSpentMs ?? null,
    answer: raw.answer ?? null,
    quizId: raw.quizId ?? null,
    clientAttemptId: raw.clientAttemptId,
  };
  checkAttemptInput(input);
  return { ...input, score: roundScore(input.score) };
}

export async function recordAttempt(context: GraphQLContext, user: UserRef, input: AttemptInput): Promise<RecordAttemptPayloadModel> {
  const ref = parseGlobalId(input.questionId);
  if (!ref) throw badInput(`question "${input.questionId}" is unknown or retired: it takes no new attempts`);
  const fingerprint = attemptFingerprint(input);
  const started = performance.now();
  for (let round = 1; ; round++) {
    const { sectionSlug, keys, items } = await readForAttempt(context, user, ref, input);
    if (items[0]) return duplicateOf(context, user, items[0], fingerprint, keys);
    const current = currentRecords(items, input);
    const plan = planAttempt(input, { bankId: ref.bankId, localId: ref.localId, sectionSlug }, current, new Date());
    try {
      await writeAttempt(context.dynamo, user, plan, fingerprint, current);
      return { attempt: plan.attempt, duplicate: false, state: { record: plan.state, now: new Date(plan.attempt.createdAt) } };
    } catch (error) {
      if (!(error instanceof DuplicateAttempt || error instanceof AttemptConflict)) throw error;
      // A duplicate is answered by the next read; a conflict gives the other attempt time to move on.
      const wait = error instanceof AttemptConflict ? conflictBackoffMs(round) : 0;
      const outOfTime = performance.now() - started + wait > conflictBudget.ms;
      // Still masked as INTERNAL_SERVER_ERROR (the contract has no code for it); the log says why.
      if (round >= CONFLICT_ROUNDS || outOfTime) throw error instanceof AttemptConflict ? new AttemptConflict(error.reasons, round) : error;
      context.content.forget(keys);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

/**
 * The question's section (from the catalog: only active questions are in it) and the user's
 * records, read strongly consistent. On a warm container the bank item (to confirm the cached
 * catalog is current) and the user's records come in one BatchGetItem. The items of one
 * BatchGetItem are not a snapshot, so the write is conditioned on every record it read.
 */
async function readForAttempt(context: GraphQLContext, user: UserRef, ref: LocalRef, input: AttemptInput) {
  const cached = context.content.cachedCatalog(ref.bankId);
  const cachedEntry = cached?.question(ref.localId);
  if (cached && cachedEntry) {
    const keys = userKeys(user, ref, cachedEntry.sectionSlug, input);
    const [bank, ...items] = await context.content.readConsistent([bankKey(ref.bankId), ...keys]);
    if (bank?.catalogVersion === cached.version) return { sectionSlug: cachedEntry.sectionSlug, keys, items };
  }
  const entry = (await context.content.catalog(ref.bankId))?.question(ref.localId);
  if (!entry) throw badInput(`question "${input.questionId}" is unknown or retired: it takes no new attempts`);
  const keys = userKeys(user, ref, entry.sectionSlug, input);
  return { sectionSlug: entry.sectionSlug, keys, items: await context.content.readConsistent(keys) };
}

/** [idempotency, state, profile, user section, user bank day, quiz?] — index 0 must stay the idempotency record. */
function userKeys(user: UserRef, ref: LocalRef, sectionSlug: string, input: AttemptInput): Key[] {
  const { tenantId: t, userId: u } = user;
  return [
    idempotencyKey(t, u, input.clientAttemptId),
    stateKey(t, u, ref.bankId, ref.localId),
    profileKey(t, u),
    userSectionKey(t, u, ref.bankId, sectionSlug),
    userBankDayKey(t, u, ref.bankId),
    ...(input.quizId ? [quizKey(t, u, input.quizId)] : []),
  ];
}

function currentRecords(items: (Item | null)[], input: AttemptInput): CurrentRecords {
  const [, state, profile, section, day, quizItem] = items;
  const quiz = quizItem ? quizFromItem(quizItem) : null;
  if (input.quizId && !quiz) throw badInput(`unknown quiz id "${input.quizId}"`);
  if (quiz && !quiz.questionIds.includes(input.questionId)) throw badInput(`question "${input.questionId}" is not in quiz "${input.quizId}"`);
  return {
    state: state ? stateFromItem(state) : null,
    profile: profileFromItem(profile),
    seenSection: section !== null,
    lastDayInBank: (day?.lastDay as string | undefined) ?? null,
    quiz,
  };
}

async function duplicateOf(context: GraphQLContext, user: UserRef, idempotency: Item, fingerprint: string, keys: Key[]): Promise<RecordAttemptPayloadModel> {
  if (idempotency.fingerprint !== fingerprint) {
    throw badInput('"clientAttemptId" was already used for a different attempt: use a new id for a new attempt');
  }
  const [createdAt, attemptId] = splitSortKey(idempotency.attemptSortKey as string);
  const [attempt, state] = await context.content.loadItems([attemptKey(user.tenantId, user.userId, createdAt, attemptId), keys[1]]);
  if (!attempt || !state) throw new Error('an idempotency record points at a missing attempt');
  return { attempt: attemptFromItem(attempt), duplicate: true, state: { record: stateFromItem(state), now: new Date() } };
}

/** `<createdAt>#<attemptId>`: ISO timestamps hold no '#'. */
function splitSortKey(sortKey: string): [string, string] {
  const hash = sortKey.indexOf('#');
  return [sortKey.slice(0, hash), sortKey.slice(hash + 1)];
}
