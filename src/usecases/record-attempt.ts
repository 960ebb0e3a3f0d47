/**
 * recordAttempt: one strongly consistent BatchGetItem reads the check of the catalog the attempt
 * is planned on and every record of the user the attempt touches; one TransactWriteItems writes
 * them all. A retry with the same clientAttemptId finds the idempotency record and returns the
 * original attempt; an attempt that lost a race with another attempt of the same user reads again
 * and retries.
 */
import { performance } from 'node:perf_hooks';
import { planAttempt } from '../domain/attempt-effects';
import { attemptFingerprint, checkAttemptInput, roundScore, type AttemptInput, type UserRef } from '../domain/attempts';
import type { Catalog } from '../domain/catalog';
import type { QuestionRecord } from '../domain/content';
import { gradeChoice } from '../domain/grading';
import { badInput, DomainError } from '../domain/errors';
import { parseGlobalId, type LocalRef } from '../domain/ids';
import { defaultScore, type Outcome } from '../domain/learning/outcomes';
import {
  AttemptConflict,
  DuplicateAttempt,
  type AttemptContext,
  type AttemptTarget,
  type RecordedRetry,
  type Stores,
} from '../store';
import type { RecordAttemptPayloadModel } from './models';

/**
 * Attempts of one user race only each other, and only over what they decide from their read (the
 * first attempt of a day, in a section, on a question; the profile's counters just add). The loser reads
 * again after a capped, fully jittered exponential back-off. Two clients of one user sending back
 * to back can make one lose many rounds in a row: its read and write take about as long as the
 * other client's whole next attempt, so the length of the wait hardly changes its odds, the
 * number of rounds does (docs/reliability.md). 40 rounds sleep at most 5.4 s in all, which with
 * DynamoDB's round trips stays within the Lambda's 10 s timeout.
 */
export const CONFLICT_ROUNDS = 40;
/**
 * And for at most this long after its first read, so that the answer (RATE_LIMITED, retry
 * later) comes before the function's 10 s timeout (serverless.yml) cuts the request
 * off without one. An object so that tests can shorten it.
 */
export const conflictBudget = { ms: 8_000 };
const BACKOFF_BASE_MS = 10;
const BACKOFF_CAP_MS = 150;

/** The wait after losing round `round`: uniform in [0, min(cap, base × 2^(round − 1))). */
export function conflictBackoffMs(round: number, random: () => number = Math.random): number {
  return random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (round - 1));
}

export interface RecordAttemptRequest {
  questionId: string;
  /** Required for an open question, refused for a choice question (graded from selectedOptionIds). */
  outcome?: Outcome | null;
  score?: number | null;
  timeSpentMs?: number | null;
  answer?: string | null;
  quizId?: string | null;
  clientAttemptId: string;
  selectedOptionIds?: readonly string[] | null;
}

/**
 * The attempt's fields checked and completed (default score, rounded score). A choice attempt
 * (selectedOptionIds) is completed by `graded` once its question is read: until then its outcome
 * is a placeholder that nothing reads (its fingerprint is the picks).
 */
export function attemptInput(raw: RecordAttemptRequest): AttemptInput {
  const picks = raw.selectedOptionIds ? [...raw.selectedOptionIds] : null;
  if (picks && raw.outcome != null)
    throw badInput('"outcome" is refused with "selectedOptionIds": the server grades a choice question');
  if (picks && raw.score != null)
    throw badInput('"score" is refused with "selectedOptionIds": the server grades a choice question');
  if (!picks && raw.outcome == null)
    throw badInput('an attempt needs "outcome" (open question) or "selectedOptionIds" (choice question)');
  const outcome = raw.outcome ?? 'INCORRECT';
  const input: AttemptInput = {
    questionId: raw.questionId,
    outcome,
    score: raw.score ?? defaultScore(outcome),
    timeSpentMs: raw.timeSpentMs ?? null,
    answer: raw.answer ?? null,
    quizId: raw.quizId ?? null,
    clientAttemptId: raw.clientAttemptId,
    selectedOptionIds: picks,
    grading: null,
  };
  checkAttemptInput(input);
  return { ...input, score: roundScore(input.score) };
}

/**
 * The attempt as graded against its question: an open question takes the learner's outcome and
 * no picks; a choice question takes picks only, and the server's outcome, score and grading.
 */
export function graded(input: AttemptInput, question: QuestionRecord): AttemptInput {
  if (question.kind === 'OPEN') {
    if (input.selectedOptionIds) throw badInput(`question "${input.questionId}" is open: it has no options to select`);
    return input;
  }
  if (!input.selectedOptionIds)
    throw badInput(
      `question "${input.questionId}" is ${question.kind}: send "selectedOptionIds" (the server grades it), not "outcome"`,
    );
  const grading = gradeChoice(
    { id: input.questionId, kind: question.kind, options: question.options },
    input.selectedOptionIds,
  );
  return {
    ...input,
    outcome: grading.outcome,
    score: roundScore(grading.score),
    grading: {
      correct: grading.correct,
      score: grading.score,
      correctOptionIds: grading.correctOptionIds,
      explanation: question.explanation,
    },
  };
}

/** How long a client refused for contention is asked to wait before it retries (same clientAttemptId). */
export const BUSY_RETRY_AFTER_MS = 1_000;

/**
 * Out of rounds or time: the attempt is not recorded, and the client is told so in a way it can act
 * on — RATE_LIMITED with `retryAfterMs`, nothing written, a retry with the same clientAttemptId
 * safe — rather than a masked INTERNAL_SERVER_ERROR.
 */
const busy = (rounds: number) =>
  new DomainError(
    'RATE_LIMITED',
    `other attempts of this user were being recorded at the same time (${rounds} rounds lost): nothing was recorded, retry with the same clientAttemptId`,
    { retryAfterMs: BUSY_RETRY_AFTER_MS },
  );

/** Revisions are kept while a catalog names them: a missing one is a broken invariant, not a user error. */
const missingRevision = (questionId: string) =>
  new Error(`the current catalog names a revision of ${questionId} that is missing`);

const retiredOrUnknown = (questionId: string) =>
  badInput(`question "${questionId}" is unknown or retired: it takes no new attempts`);

export async function recordAttempt(
  stores: Stores,
  user: UserRef,
  raw: RecordAttemptRequest,
): Promise<RecordAttemptPayloadModel> {
  const input = attemptInput(raw);
  const ref = parseGlobalId(input.questionId);
  if (!ref) throw retiredOrUnknown(input.questionId);
  const started = performance.now();
  for (let round = 1; ; round++) {
    const read = await readContext(stores, user, ref, input);
    if (read.kind === 'retry') return retried(stores, user, ref, read, attemptFingerprint(input));
    const { target, context, question } = read;
    const effects = planAttempt(user.userId, graded(input, question), target, context.current, new Date());
    try {
      await stores.learner.recordAttempt(user, effects);
      return {
        attempt: effects.attempt,
        duplicate: false,
        state: { record: effects.state.next, now: new Date(effects.attempt.createdAt) },
        grading: effects.attempt.grading ?? null,
      };
    } catch (error) {
      if (!(error instanceof DuplicateAttempt || error instanceof AttemptConflict)) throw error;
      // A duplicate is answered by the next read; a conflict gives the other attempt time to move on.
      const wait = error instanceof AttemptConflict ? conflictBackoffMs(round) : 0;
      const outOfTime = performance.now() - started + wait > conflictBudget.ms;
      // A duplicate never gives up: the next (strongly consistent) read finds its record and answers it.
      if (error instanceof AttemptConflict && (round >= CONFLICT_ROUNDS || outOfTime)) throw busy(round);
      stores.learner.forgetAttemptContext(user, target);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

type ReadContext =
  | RecordedRetry
  | {
      kind: 'new';
      target: AttemptTarget;
      context: Extract<AttemptContext, { kind: 'new' }>;
      /** The question's content at the revision the catalog publishes: what a choice attempt is graded on. */
      question: QuestionRecord;
    };

/**
 * The question's section (from the catalog: only active questions are in it) and the user's
 * records, read strongly consistent. On a warm container the bank item (to confirm the held
 * catalog is current) and the user's records come in one BatchGetItem. The items of one
 * BatchGetItem are not a snapshot, so the write is conditioned on every record it read.
 *
 * A retry is answered from its idempotency record before anything else is checked: the record is
 * in that same batch, and when the question is not in the catalog (retired since, or unknown) the
 * batch reads the record alone, so a retry of an attempt recorded before its question was retired
 * (or its quiz expired) is still `duplicate: true`.
 */
async function readContext(stores: Stores, user: UserRef, ref: LocalRef, input: AttemptInput): Promise<ReadContext> {
  const now = new Date();
  const held = stores.content.heldCatalog(ref.bankId);
  if (held) {
    const heldTarget = targetIn(held, ref, input);
    const [version, context, question] = await stores.reads.consistent([
      stores.content.catalogVersionRead(ref.bankId),
      heldTarget
        ? stores.learner.attemptContext(user, heldTarget, now)
        : stores.learner.recordedRetry(user, input.clientAttemptId),
      stores.content.questionRead(held, ref.localId),
    ] as const);
    if (context?.kind === 'retry') return context;
    if (version === held.version) {
      if (!heldTarget || !context) throw retiredOrUnknown(input.questionId);
      if (!question) throw missingRevision(input.questionId);
      return { kind: 'new', target: heldTarget, context, question };
    }
  }
  const catalog = await stores.content.catalog(ref.bankId);
  const target = catalog && targetIn(catalog, ref, input);
  if (!target) {
    const [retry] = await stores.reads.consistent([stores.learner.recordedRetry(user, input.clientAttemptId)]);
    if (retry) return retry;
    throw retiredOrUnknown(input.questionId);
  }
  const [context, question] = await stores.reads.consistent([
    stores.learner.attemptContext(user, target, now),
    stores.content.questionRead(catalog, ref.localId),
  ] as const);
  if (context.kind === 'retry') return context;
  if (!question) throw missingRevision(input.questionId);
  return { kind: 'new', target, context, question };
}

function targetIn(catalog: Catalog, ref: LocalRef, input: AttemptInput): AttemptTarget | null {
  const entry = catalog.question(ref.localId);
  return entry
    ? {
        bankId: ref.bankId,
        localId: ref.localId,
        sectionSlug: entry.sectionSlug,
        questionId: input.questionId,
        clientAttemptId: input.clientAttemptId,
        quizId: input.quizId,
      }
    : null;
}

async function retried(
  stores: Stores,
  user: UserRef,
  ref: LocalRef,
  retry: RecordedRetry,
  fingerprint: string,
): Promise<RecordAttemptPayloadModel> {
  if (retry.fingerprint !== fingerprint) {
    throw badInput('"clientAttemptId" was already used for a different attempt: use a new id for a new attempt');
  }
  const { attempt, state } = await stores.learner.recorded(user, ref, retry.attempt);
  return { attempt, duplicate: true, state: { record: state, now: new Date() }, grading: attempt.grading ?? null };
}
