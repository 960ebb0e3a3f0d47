/** Quizzes: a set of questions picked for a user by strategy, kept so its answers can be tracked. */
import { timeCursor } from '../domain/time-cursor';
import { randomBytes, randomUUID } from 'node:crypto';
import {
  isQuizExpired,
  quizExpiry,
  type AttemptRecord,
  type QuizRecord,
  type QuizStatus,
  type UserRef,
} from '../domain/attempts';
import { DomainError } from '../domain/errors';
import { isQuizId } from '../domain/ids';
import { closeDecision, type ClosedStatus } from '../domain/quiz-lifecycle';
import { selectPool, type PoolFilter } from '../domain/pool-filter';
import { needsStates, pickForUser, type QuizStrategy } from '../domain/quiz-picking';
import { sumOf } from '../domain/learning/section-aggregate';
import { checkRandomSetRequest } from '../domain/random-set';
import type { Stores } from '../store';
import { catalogsInScope } from './content-access';
import { bounded } from './learner';
import type { QuizConnectionModel, QuizItemModel } from './models';

const { encode, decode } = timeCursor('qz1:');

const notFound = (id: string) =>
  new DomainError('NOT_FOUND', `no quiz "${id}" of this user: unknown, someone else's, or expired`);

export interface StartQuizInput extends PoolFilter {
  bankId: string;
  count?: number | null;
  seed?: string | null;
  strategy?: QuizStrategy | null;
}

export class Quizzes {
  constructor(private readonly stores: Stores) {}

  async start(user: UserRef, input: StartQuizInput): Promise<QuizRecord> {
    const request = {
      count: input.count ?? 10,
      seed: input.seed ?? randomBytes(9).toString('base64url'),
      strategy: input.strategy ?? 'UNIFORM',
      now: new Date(),
    };
    checkRandomSetRequest({ ...request, strategy: 'UNIFORM', excludeQuestionIds: [] });
    // NEW_FIRST and DUE look at each question's state; WEAK_TOPICS only at the sections' tallies
    // (the user's section items: one Query, O(sections)); UNIFORM and BALANCED at neither.
    const weakTopics = request.strategy === 'WEAK_TOPICS';
    const [catalogs, states, aggregates] = await Promise.all([
      catalogsInScope(this.stores.content, input),
      needsStates(request.strategy) ? this.stores.learner.states(user, input.bankId) : [],
      weakTopics ? this.stores.sections.sectionSums(user, input.bankId) : null,
    ]);
    // items that predate the aggregates: weigh the sections from the states, as before
    const fallback = weakTopics && aggregates === null ? await this.stores.learner.states(user, input.bankId) : [];
    const tallies = aggregates
      ? new Map(
          [...aggregates].map(([slug, { sums }]) => [
            `${input.bankId}/${slug}`,
            {
              attempts: sumOf(sums, 'stAttempts'),
              scoreSum: sumOf(sums, 'stScore'),
              correct: sumOf(sums, 'stCorrect'),
            },
          ]),
        )
      : undefined;
    const { picks, exhausted } = pickForUser(
      selectPool(catalogs, input),
      new Map([...states, ...fallback].map((s) => [s.questionId, s])),
      request,
      tallies,
    );
    const quiz: QuizRecord = {
      id: randomUUID(),
      bankId: input.bankId,
      questionIds: picks.map((entry) => entry.question.id),
      strategy: request.strategy,
      seed: request.seed,
      createdAt: request.now.toISOString(),
      expiresAt: quizExpiry(request.now.toISOString()),
      exhausted,
      answered: {},
      answerAttempts: {},
      status: 'IN_PROGRESS',
      finishedAt: null,
      abandonedAt: null,
    };
    await this.stores.quizzes.create(user, quiz);
    return quiz;
  }

  /** The user's quiz; null for an id that names none of theirs, or an expired one. */
  get(user: UserRef, id: string): Promise<QuizRecord | null> {
    return isQuizId(id) ? this.stores.quizzes.get(user, id) : Promise.resolve(null);
  }

  /** A page of the user's unexpired quizzes, newest first, optionally of one status: one Query. */
  async list(
    user: UserRef,
    first: number | null | undefined,
    after: string | null | undefined,
    status: QuizStatus | null | undefined,
  ): Promise<QuizConnectionModel> {
    const query = {
      first: bounded(first, 10, 20, 'first'),
      after: after ? decode(after) : null,
      status: status ?? null,
    };
    const page = await this.stores.quizzes.list(user, query);
    const edges = page.quizzes.map((node) => ({ cursor: encode(node), node }));
    return {
      edges,
      pageInfo: {
        hasNextPage: page.hasNextPage,
        hasPreviousPage: !!after,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
  }

  /** finishQuiz: FINISHED, idempotent; an abandoned quiz is refused (QUIZ_CLOSED). */
  finish(user: UserRef, id: string): Promise<QuizRecord> {
    return this.close(user, id, 'FINISHED');
  }

  /** abandonQuiz: ABANDONED, idempotent; a finished quiz is refused (QUIZ_CLOSED). */
  abandon(user: UserRef, id: string): Promise<QuizRecord> {
    return this.close(user, id, 'ABANDONED');
  }

  /** The quiz's questions in order; each item's answer is read when a client asks for it. */
  items(user: UserRef, quiz: QuizRecord): QuizItemModel[] {
    return quiz.questionIds.map((questionId, index) => ({ user, quiz, index, questionId }));
  }

  /**
   * The quiz's first attempt at the item's question, null when unanswered: the items' attempts
   * and questions asked in one tick share the request's BatchGetItem.
   */
  async itemAttempt({ user, quiz, questionId }: QuizItemModel): Promise<AttemptRecord | null> {
    const sortKey = quiz.answerAttempts[questionId];
    if (!sortKey) return null;
    const [attempt] = await this.stores.learner.attemptsAt(user, [sortKey]);
    return attempt;
  }

  /** One conditional UpdateItem; a repeat, a refusal or an unknown quiz reads the quiz back (two calls). */
  private async close(user: UserRef, id: string, status: ClosedStatus): Promise<QuizRecord> {
    if (!isQuizId(id)) throw notFound(id);
    const now = new Date();
    const result = await this.stores.quizzes.close(user, id, status, now);
    if (result.closed) return result.quiz;
    const { quiz } = result;
    if (!quiz || isQuizExpired(quiz, now)) throw notFound(id);
    if (closeDecision(quiz, status) === 'unchanged') return quiz;
    throw new Error(`quiz ${id} is in progress, yet closing it failed its condition`);
  }
}
