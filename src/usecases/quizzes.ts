/** Quizzes: a set of questions picked for a user by strategy, kept so its answers can be tracked. */
import { randomBytes, randomUUID } from 'node:crypto';
import { quizExpiry, type QuizRecord, type UserRef } from '../domain/attempts';
import { isQuizId } from '../domain/ids';
import { selectPool, type PoolFilter } from '../domain/pool-filter';
import { pickForUser, type QuizStrategy } from '../domain/quiz-picking';
import { checkRandomSetRequest } from '../domain/random-set';
import type { Stores } from '../store';
import { catalogsInScope } from './content-access';

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
    const [catalogs, states] = await Promise.all([
      catalogsInScope(this.stores.content, input),
      this.stores.learner.states(user, input.bankId),
    ]);
    const { picks, exhausted } = pickForUser(
      selectPool(catalogs, input),
      new Map(states.map((s) => [s.questionId, s])),
      request,
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
    };
    await this.stores.quizzes.create(user, quiz);
    return quiz;
  }

  /** The user's quiz; null for an id that names none of theirs, or an expired one. */
  get(user: UserRef, id: string): Promise<QuizRecord | null> {
    return isQuizId(id) ? this.stores.quizzes.get(user, id) : Promise.resolve(null);
  }
}
