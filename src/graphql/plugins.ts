/**
 * Per-request plugins: the access log line and CORS response headers.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLContext } from './context';

/**
 * One JSON line per request: who (tenant, key id — never the key or token), what (operation
 * name), how long and how it ended. Never question text, answers or variables.
 */
export const accessLog: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, operationName, response, errors }) {
        contextValue.logger.info('request', {
          requestId: contextValue.requestId,
          tenantId: contextValue.caller.tenantId,
          keyId: contextValue.caller.keyId,
          operationName: operationName ?? null,
          durationMs: Date.now() - contextValue.startedAt,
          status: response.http.status ?? 200,
          errors: errors?.length ?? 0,
        });
      },
    };
  },
};

/**
 * Browsers may read a response when it was made with a publishable key from an allowed origin
 * (checked while authenticating) or, in local development, without a key. Responses to secret
 * keys get no CORS header: a secret key in a browser is a leak, not a use case.
 */
export const corsHeaders: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response }) {
        const { origin, caller } = contextValue;
        if (!origin || (caller.kind !== 'publishable' && caller.kind !== 'anonymous')) return;
        response.http.headers.set('access-control-allow-origin', origin);
        response.http.headers.set('vary', 'origin');
      },
    };
  },
};
