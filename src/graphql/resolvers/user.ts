/** The calling user. Every user-scoped resolver goes through requireUser: no user, no data. */
import type { UserRef } from '../../domain/attempts';
import { DomainError } from '../../domain/errors';
import { correctRate } from '../../domain/learning/mastery';
import { currentStreak, utcDay } from '../../domain/learning/streak';
import type { GraphQLContext } from '../context';
import type { QueryResolvers, UserResolvers } from '../generated/types';

export function requireUser({ caller }: GraphQLContext): UserRef {
  if (!caller.tenantId || !caller.userId) {
    throw new DomainError(
      'UNAUTHENTICATED',
      'this needs a user: send a user token (Authorization: Bearer …) or, with a secret key, x-user-id',
    );
  }
  return { tenantId: caller.tenantId, userId: caller.userId };
}

/** Tenant-wide figures need a tenant (any of its keys), not a user. */
export function requireTenant({ caller }: GraphQLContext): string {
  if (!caller.tenantId) throw new DomainError('UNAUTHENTICATED', 'tenant statistics need an API key of the tenant');
  return caller.tenantId;
}

export const userQueries: Pick<QueryResolvers, 'me'> = {
  me: (_parent, _args, context) => requireUser(context),
};

export const User: UserResolvers = {
  id: (user) => user.userId,
  tenantId: (user) => user.tenantId,
  attemptCount: async (user, _args, { use }) => (await use.learner.profile(user)).attemptCount,
  correctRate: async (user, _args, { use }) => {
    const profile = await use.learner.profile(user);
    return (
      Math.round(
        correctRate({ attempts: profile.attemptCount, correct: profile.correctCount, scoreSum: profile.scoreSum }) *
          10_000,
      ) / 10_000
    );
  },
  streakDays: async (user, _args, { use }) => {
    const profile = await use.learner.profile(user);
    return currentStreak({ lastDay: profile.lastDay, streak: profile.streak }, utcDay(new Date()));
  },
  lastAttemptAt: async (user, _args, { use }) => (await use.learner.profile(user)).lastAttemptAt || null,
};
