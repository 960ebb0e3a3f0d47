/**
 * The one place where failures become GraphQL errors. Domain errors keep their code and message;
 * Apollo's own request errors pass through; anything else is masked to INTERNAL_SERVER_ERROR
 * (logged once, with the request id that the client also gets).
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { DomainError } from '../domain/errors';
import type { GraphQLContext } from './context';

/** Codes Apollo itself attaches to request errors; their messages are safe to show. */
const APOLLO_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

export const INTERNAL_MESSAGE = 'Internal server error';

const isExpected = (formatted: GraphQLFormattedError, error: unknown): boolean =>
  unwrapResolverError(error) instanceof DomainError || APOLLO_CODES.has(String(formatted.extensions?.code));

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof DomainError) {
    return { message: original.message, locations: formatted.locations, path: formatted.path, extensions: { code: original.code } };
  }
  if (APOLLO_CODES.has(String(formatted.extensions?.code))) {
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  return { message: INTERNAL_MESSAGE, locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

/** Logs unexpected errors once and gives every masked error the request id. */
export const errorReporting: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors, contextValue, operationName }) {
        for (const error of errors) {
          const original = unwrapResolverError(error);
          if (isExpected({ message: error.message, extensions: error.extensions }, error)) continue;
          contextValue.logger.error('unexpected error', {
            requestId: contextValue.requestId,
            operationName,
            path: error.path?.join('.'),
            error: original instanceof Error ? { name: original.name, message: original.message, stack: original.stack } : String(original),
          });
        }
      },
      async willSendResponse({ response, contextValue }) {
        response.http.headers.set('x-request-id', contextValue.requestId);
        if (response.body.kind !== 'single') return;
        for (const error of response.body.singleResult.errors ?? []) {
          if (error.extensions?.code === 'INTERNAL_SERVER_ERROR') {
            (error as { extensions: Record<string, unknown> }).extensions = { ...error.extensions, requestId: contextValue.requestId };
          }
        }
      },
    };
  },
};
