/** User-scoped queries. Every one of them goes through requireUser: no user, no data. */
import { DomainError } from '../../domain/errors';
import type { GraphQLContext } from '../context';
import type { QueryResolvers } from '../generated/types';

export interface UserRef {
  tenantId: string;
  userId: string;
}

export function requireUser({ caller }: GraphQLContext): UserRef {
  if (!caller.tenantId || !caller.userId) {
    throw new DomainError('UNAUTHENTICATED', 'this needs a user: send a user token (Authorization: Bearer …) or, with a secret key, x-user-id');
  }
  return { tenantId: caller.tenantId, userId: caller.userId };
}

export const userQueries: Pick<QueryResolvers, 'me'> = {
  me: (_parent, _args, context) => {
    const user = requireUser(context);
    return { id: user.userId, tenantId: user.tenantId };
  },
};
