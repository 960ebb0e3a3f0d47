/**
 * A learner's records: reads of the profile, states, due states and attempts, the records an
 * attempt is decided on, and the attempt's write. Every method costs a fixed number of calls, or
 * pages bounded by the bank's size — never by how many attempts exist.
 */
import { QueryCommand, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import type { AttemptEffects, CurrentRecords } from '../../domain/attempt-effects';
import type { AttemptRecord, ProfileRecord, QuestionStateRecord, UserRef } from '../../domain/attempts';
import { isQuizExpired, QUIZ_LIFETIME_DAYS } from '../../domain/attempts';
import { badInput } from '../../domain/errors';
import { checkQuizOpen } from '../../domain/quiz-lifecycle';
import type { Item } from '../batch';
import type { Dynamo } from '../client';
import { queryAll } from '../query';
import { quizAttemptPrefix, quizFromItem, quizKey } from '../quizzes/keys';
import { read, type Read, type RequestReads } from '../request-reads';
import { writeAttempt } from './attempt-transaction';
import { aggregateFromItem } from './learner-items';
import {
  ATTEMPT_PREFIX,
  attemptFromItem,
  attemptIndexes,
  attemptKey,
  attemptSortKey,
  dueIndexPartition,
  idempotencyFromItem,
  idempotencyKey,
  profileFromItem,
  profileKey,
  stateFromItem,
  stateKey,
  statePrefix,
  userBankDayKey,
  userPartition,
  userSectionKey,
} from './keys';

/** Whether a due state belongs in the answer. */
export type KeepState = (state: QuestionStateRecord) => boolean;

/** States read beyond `limit` on the first page of due states, for those `keep` drops. */
const DUE_MARGIN = 10;

export interface AttemptPage {
  attempts: AttemptRecord[];
  /** The sort key to continue after, when there is more. */
  next: string | null;
}

export interface AttemptQuery {
  index: 'question' | 'bank' | 'section' | 'quiz' | null;
  /** Question, bank, section or quiz id, as `index` says. */
  id: string | null;
  since: string | null;
  first: number;
  /** An attempt's `<createdAt>#<id>` to continue after. */
  after: string | null;
}

/** An attempt recorded before under the same clientAttemptId, as its idempotency record names it. */
export interface RecordedRetry {
  kind: 'retry';
  fingerprint: string;
  attempt: { createdAt: string; attemptId: string };
}

/** What an attempt finds before it is planned: the retry it repeats, or the records it changes. */
export type AttemptContext = RecordedRetry | { kind: 'new'; current: CurrentRecords };

export interface AttemptTarget {
  bankId: string;
  localId: string;
  sectionSlug: string;
  questionId: string;
  clientAttemptId: string;
  quizId: string | null;
}

function retryFrom(item: Item): RecordedRetry {
  const { fingerprint, createdAt, attemptId } = idempotencyFromItem(item);
  return { kind: 'retry', fingerprint, attempt: { createdAt, attemptId } };
}

export class LearnerStore {
  constructor(
    private readonly dynamo: Dynamo,
    private readonly reads: RequestReads,
  ) {}

  /** The user's profile (empty when none), through the request's batched reads. */
  async profile(user: UserRef): Promise<ProfileRecord> {
    const [item] = await this.reads.load([profileKey(user)]);
    return profileFromItem(item);
  }

  /** Whether the user has answered the question (has a state for it), through the request's batched reads. */
  async hasAnswered(user: UserRef, bankId: string, localId: string): Promise<boolean> {
    const [item] = await this.reads.load([stateKey(user, bankId, localId)]);
    return item !== null;
  }

  /**
   * The records an attempt is decided on: the idempotency record first (a retry is answered from
   * it whatever else changed), then the state, profile, markers and quiz. To be read strongly
   * consistent, together with the check of the catalog it was planned on.
   */
  attemptContext(user: UserRef, target: AttemptTarget, now = new Date()): Read<AttemptContext> {
    const keys = [
      idempotencyKey(user, target.clientAttemptId),
      stateKey(user, target.bankId, target.localId),
      profileKey(user),
      userSectionKey(user, target.bankId, target.sectionSlug),
      userBankDayKey(user, target.bankId),
      ...(target.quizId ? [quizKey(user, target.quizId)] : []),
    ];
    return read(keys, ([idempotency, state, profile, section, day, quizItem]) => {
      if (idempotency) return retryFrom(idempotency);
      const quiz = quizItem ? quizFromItem(quizItem) : null;
      if (target.quizId && !quiz) throw badInput(`unknown quiz id "${target.quizId}"`);
      if (quiz && isQuizExpired(quiz, now))
        throw badInput(
          `quiz "${target.quizId}" expired at ${quiz.expiresAt} (quizzes last ${QUIZ_LIFETIME_DAYS} days): record the attempt without quizId, or start a new quiz`,
        );
      if (quiz) checkQuizOpen(quiz);
      if (quiz && !quiz.questionIds.includes(target.questionId))
        throw badInput(`question "${target.questionId}" is not in quiz "${target.quizId}"`);
      const current: CurrentRecords = {
        state: state ? stateFromItem(state) : null,
        profile: profileFromItem(profile),
        seenSection: section !== null,
        sectionRead: section && {
          attempts: Number(section.attempts ?? 0),
          rev: Number(section.rev ?? 0),
          sums: aggregateFromItem(section)?.sums ?? null,
        },
        lastDayInBank: (day?.lastDay as string | undefined) ?? null,
        quiz,
      };
      return { kind: 'new', current };
    });
  }

  /**
   * Only the idempotency record: for an attempt whose question is not (or no longer) in the
   * catalog, so that a retry is still answered from its record. Read strongly consistent.
   */
  recordedRetry(user: UserRef, clientAttemptId: string): Read<RecordedRetry | null> {
    return read([idempotencyKey(user, clientAttemptId)], ([item]) => (item ? retryFrom(item) : null));
  }

  /** Forgets what this request read for the attempt (before it reads again after losing a race). */
  forgetAttemptContext(user: UserRef, target: AttemptTarget): void {
    this.reads.forget(this.attemptContext(user, target).keys);
  }

  /** The attempt a retry repeats, with the user's state for its question as it is now. */
  async recorded(
    user: UserRef,
    target: { bankId: string; localId: string },
    attempt: { createdAt: string; attemptId: string },
  ): Promise<{ attempt: AttemptRecord; state: QuestionStateRecord }> {
    const [attemptItem, stateItem] = await this.reads.load([
      attemptKey(user, attempt.createdAt, attempt.attemptId),
      stateKey(user, target.bankId, target.localId),
    ]);
    if (!attemptItem || !stateItem) throw new Error('an idempotency record points at a missing attempt');
    return { attempt: attemptFromItem(attemptItem), state: stateFromItem(stateItem) };
  }

  /**
   * Attempts by their `<createdAt>#<attemptId>` (null for a missing one), through the request's
   * batched reads: one BatchGetItem with whatever else the tick loads.
   */
  async attemptsAt(user: UserRef, sortKeys: readonly string[]): Promise<(AttemptRecord | null)[]> {
    const items = await this.reads.load(
      sortKeys.map((sortKey) => {
        const hash = sortKey.indexOf('#');
        return attemptKey(user, sortKey.slice(0, hash), sortKey.slice(hash + 1));
      }),
    );
    return items.map((item) => (item ? attemptFromItem(item) : null));
  }

  /** Writes an attempt's effects in one transaction (DuplicateAttempt / AttemptConflict when it lost a race). */
  recordAttempt(user: UserRef, effects: AttemptEffects): Promise<void> {
    return writeAttempt(this.dynamo, user, effects);
  }

  /** All of the user's question states in a bank: at most one per question of the bank. */
  async states(user: UserRef, bankId: string): Promise<QuestionStateRecord[]> {
    const items = await queryAll(this.dynamo, {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': userPartition(user), ':prefix': statePrefix(bankId) },
    });
    return items.map(stateFromItem);
  }

  /**
   * Due states, most overdue first, until `limit` match `keep`. `keep` may still be loading (it
   * needs the bank's catalog): the first page is read meanwhile. Pages are sized from `limit`, not
   * left to DynamoDB's 1 MB (about 2,000 states), so a long history is not read to return 20; a
   * few more than `limit` allow for states `keep` drops (questions since retired, other sections),
   * and each further page is four times the last (DynamoDB still stops a page at 1 MB), so even a
   * filter that drops most states reads the index in a few pages.
   */
  async due(
    user: UserRef,
    bankId: string,
    now: string,
    limit: number,
    keep: KeepState | PromiseLike<KeepState>,
  ): Promise<QuestionStateRecord[]> {
    let size = limit + DUE_MARGIN;
    const [filter, firstPage] = await Promise.all([keep, this.duePage(user, bankId, now, size, undefined)]);
    const found: QuestionStateRecord[] = [];
    for (let page = firstPage; ;) {
      for (const item of (page.Items ?? []) as Item[]) {
        const state = stateFromItem(item);
        if (found.length < limit && filter(state)) found.push(state);
      }
      if (!page.LastEvaluatedKey || found.length >= limit) return found;
      size *= 4;
      page = await this.duePage(user, bankId, now, size, page.LastEvaluatedKey);
    }
  }

  /** A page of attempts, newest first: one Query (the index chosen by the filter). */
  async attempts(user: UserRef, query: AttemptQuery): Promise<AttemptPage> {
    // `since` after the cursor leaves nothing between them (and DynamoDB refuses BETWEEN high AND low).
    if (query.since !== null && query.after !== null && query.since > query.after) return { attempts: [], next: null };
    const index =
      query.index && query.id && query.index !== 'quiz' ? attemptIndexes[query.index](user, query.id) : null;
    const [pkName, skName] = index ? [`${index.index}PK`, `${index.index}SK`] : ['PK', 'SK'];
    // a quiz's attempts are the copies under it in the user's partition (src/store/quizzes/keys.ts)
    const prefix = index ? '' : query.index === 'quiz' && query.id ? quizAttemptPrefix(query.id) : ATTEMPT_PREFIX;
    const page = await this.dynamo.doc.send(
      new QueryCommand({
        TableName: this.dynamo.tableName,
        IndexName: index?.index,
        KeyConditionExpression: `${pkName} = :pk AND ${skName} BETWEEN :from AND :to`,
        ExpressionAttributeValues: {
          ':pk': index ? index.pk : userPartition(user),
          // ISO timestamps start with a digit: '0' is below all of them (a key value cannot be empty)
          ':from': `${prefix}${query.since ?? '0'}`,
          // before the cursor (exclusive) or the end of the attempts
          ':to': query.after ? `${prefix}${query.after}` : `${prefix}~`,
        },
        ScanIndexForward: false,
        Limit: query.first + 1 + (query.after ? 1 : 0),
      }),
    );
    const sortKeyOf = (a: AttemptRecord): string => attemptSortKey(a.createdAt, a.id);
    const attempts = ((page.Items ?? []) as Item[])
      .map(attemptFromItem)
      .filter((a) => !query.after || sortKeyOf(a) < query.after);
    return {
      attempts: attempts.slice(0, query.first),
      next: attempts.length > query.first ? sortKeyOf(attempts[query.first - 1]) : null,
    };
  }

  private duePage(
    user: UserRef,
    bankId: string,
    now: string,
    size: number,
    startKey: Record<string, unknown> | undefined,
  ): Promise<QueryCommandOutput> {
    return this.dynamo.doc.send(
      new QueryCommand({
        TableName: this.dynamo.tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK <= :now',
        ExpressionAttributeValues: { ':pk': dueIndexPartition(user, bankId), ':now': `${now}#~` },
        ExclusiveStartKey: startKey,
        Limit: size,
      }),
    );
  }
}
