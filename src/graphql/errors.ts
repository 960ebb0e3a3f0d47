/**
 * The one place where failures become GraphQL errors. Domain errors keep their code and message;
 * Apollo's own request errors pass through; anything else is masked to INTERNAL_SERVER_ERROR
 * (logged once, with the request id that the client also gets).
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { DomainError, type DomainErrorCode } from '../domain/errors';
import type { Logger } from '../logger';
import type { GraphQLContext } from './context';

/** Codes that refuse the whole request (before any resolver runs) get these HTTP statuses. */
const HTTP_STATUS: Partial<Record<DomainErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  RATE_LIMITED: 429,
};

/** Our codes: kept with their message wherever they come from (resolvers or request refusals). */
const OWN_CODES = new Set<string>(['BAD_USER_INPUT', 'NOT_FOUND', 'FORBIDDEN', 'UNAUTHENTICATED', 'RATE_LIMITED']);

/**
 * What to throw when building the context failed. A DomainError refuses the request: Apollo
 * answers with the HTTP status (and Retry-After) given here and runs nothing. Anything else is
 * unexpected (DynamoDB down while checking a key): logged once here, since no request hook runs
 * after a failed context, and masked with the request id.
 */
export function requestRefusal(error: unknown, requestId: string, logger: Logger): GraphQLError {
  if (!(error instanceof DomainError)) {
    logger.error('unexpected error', { requestId, phase: 'context', error: describe(error) });
    return new GraphQLError(INTERNAL_MESSAGE, {
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId, http: { status: 500 } },
    });
  }
  const retryAfterMs = error.details.retryAfterMs;
  const http = { status: HTTP_STATUS[error.code] ?? 400 };
  // Apollo ignores an `http` whose `headers` key is present but not a Map, so add it only when set.
  if (typeof retryAfterMs === 'number')
    Object.assign(http, { headers: new Map([['retry-after', String(Math.ceil(retryAfterMs / 1000))]]) });
  return new GraphQLError(error.message, { extensions: { code: error.code, ...error.details, http } });
}

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

const isMasked = (formatted: GraphQLFormattedError): boolean =>
  formatted.extensions?.code === 'INTERNAL_SERVER_ERROR' &&
  formatted.message === INTERNAL_MESSAGE &&
  typeof formatted.extensions.requestId === 'string';

const describe = (error: unknown): unknown =>
  error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error);

const isExpected = (formatted: GraphQLFormattedError, error: unknown): boolean =>
  unwrapResolverError(error) instanceof DomainError ||
  APOLLO_CODES.has(String(formatted.extensions?.code)) ||
  OWN_CODES.has(String(formatted.extensions?.code));

/**
 * graphql-js ends some messages with suggestions taken from the schema ("Did you mean the enum
 * value "UNIFORM" or "BALANCED"?", "Did you mean "count"?"). Apollo's
 * hideSchemaDetailsFromClientErrors strips them from validation errors only; variable coercion
 * errors (BAD_USER_INPUT from Apollo) keep them, so production formats strip them here.
 */
const SCHEMA_HINT = /\s*Did you mean [^]*\?$/;

/** formatError for a stage: production (hideSchemaDetails) answers without schema suggestions. */
export function errorFormatter(options: {
  hideSchemaDetails: boolean;
}): (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError {
  if (!options.hideSchemaDetails) return formatError;
  return (formatted, error) => {
    const result = formatError(formatted, error);
    return SCHEMA_HINT.test(result.message) ? { ...result, message: result.message.replace(SCHEMA_HINT, '') } : result;
  };
}

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof DomainError) {
    return {
      message: original.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: original.code, ...original.details },
    };
  }
  if (OWN_CODES.has(String(formatted.extensions?.code)) || isMasked(formatted)) {
    // A request refusal (see requestRefusal): already a GraphQLError with our code and message.
    const { stacktrace: _stack, http: _http, ...extensions } = formatted.extensions ?? {};
    return { message: formatted.message, extensions };
  }
  if (APOLLO_CODES.has(String(formatted.extensions?.code))) {
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  return {
    message: INTERNAL_MESSAGE,
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
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
            error: describe(original),
          });
        }
      },
      async willSendResponse({ response, contextValue }) {
        response.http.headers.set('x-request-id', contextValue.requestId);
        if (response.body.kind !== 'single') return;
        for (const error of response.body.singleResult.errors ?? []) {
          if (error.extensions?.code === 'INTERNAL_SERVER_ERROR') {
            (error as { extensions: Record<string, unknown> }).extensions = {
              ...error.extensions,
              requestId: contextValue.requestId,
            };
          }
        }
      },
    };
  },
};
