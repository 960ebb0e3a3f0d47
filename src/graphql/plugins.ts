/**
 * Per-request plugins: the access log line and the HTTP status of request errors. (CORS and the
 * other headers every answer carries are set in src/lambda.ts, refusals included.)
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from '../logger';
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
          sourceIp: contextValue.sourceIp,
          operationName: operationName ?? null,
          durationMs: Date.now() - contextValue.startedAt,
          status: response.http.status ?? 200,
          errors: errors?.length ?? 0,
          // The first error's code as the client gets it (a refusal's, when the request was refused).
          code:
            response.body.kind === 'single' ? (response.body.singleResult.errors?.[0]?.extensions?.code ?? null) : null,
        });
      },
    };
  },
};

export interface Refusal {
  requestId: string;
  status: number;
  code: string;
  /** The id of a well-formed x-api-key (known or not); null without one. */
  keyId: string | null;
  sourceIp: string | null;
  durationMs: number;
}

/**
 * The access-log line of a request refused before Apollo ran it (no key, an unknown key, a
 * disallowed origin, a rate limit, a body over 64 KB): Apollo's hooks never see those.
 */
export function logRefusal(logger: Logger, refusal: Refusal): void {
  const { requestId, status, code, keyId, sourceIp, durationMs } = refusal;
  logger.info('request refused', { requestId, status, code, keyId, sourceIp, durationMs });
}

const JSON_TYPE = 'application/json';
const GRAPHQL_RESPONSE_TYPE = 'application/graphql-response+json';

/** Apollo's codes for a well-formed request whose document or variables are wrong. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * GraphQL over HTTP: a request that fails before execution (parse, validation, variable
 * coercion, unknown operation) answers 200 when the response is `application/json`, because
 * clients of that older media type read the errors from any 200 body and may discard a 4xx one;
 * with `application/graphql-response+json` the 4xx stays. Apollo picks the media type only after
 * this hook, so the media type is fixed here too and the two never disagree. Refusals of the
 * caller (401, 403, 429) happen while building the context and never reach this hook.
 */
export const requestErrorStatus: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ request, response, errors }) {
        const status = response.http.status;
        if (status === undefined || status < 400 || status >= 500) return;
        if (response.body.kind !== 'single' || 'data' in response.body.singleResult) return;
        // BAD_REQUEST (no query, a query that is not a string) is not a well-formed GraphQL
        // request at all: that keeps its 400 whatever the media type.
        if (!(errors ?? []).every((error) => REQUEST_ERROR_CODES.has(String(error.extensions.code)))) return;
        if (preferredMediaType(request.http?.headers.get('accept')) !== JSON_TYPE) return;
        response.http.status = 200;
        response.http.headers.set('content-type', `${JSON_TYPE}; charset=utf-8`);
      },
    };
  },
};

/**
 * The media type Apollo answers with for this Accept header (it asks `negotiator` the same
 * question): the highest q, then the most specific range, then the earlier one in the header;
 * on a full tie the order of Apollo's list, where application/json comes first.
 */
export function preferredMediaType(accept: string | undefined): string | null {
  if (!accept) return JSON_TYPE;
  const ranges = accept.split(',').map((part, order) => {
    const [range = '', ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.map((param) => param.trim()).find((param) => param.startsWith('q='));
    const [type = '', subtype = ''] = range.trim().split('/');
    return { type, subtype, q: qParam ? Number(qParam.slice(2)) : 1, order };
  });
  const candidates = [JSON_TYPE, GRAPHQL_RESPONSE_TYPE].map((mediaType, index) => {
    const [type, subtype] = mediaType.split('/');
    const matches = ranges
      .filter((r) => (r.type === type || r.type === '*') && (r.subtype === subtype || r.subtype === '*'))
      .map((r) => ({ ...r, specificity: (r.type === type ? 4 : 0) + (r.subtype === subtype ? 2 : 0) }))
      .sort((a, b) => b.specificity - a.specificity || b.q - a.q || a.order - b.order);
    return matches[0]
      ? { mediaType, index, q: matches[0].q, specificity: matches[0].specificity, order: matches[0].order }
      : null;
  });
  const accepted = candidates.filter((c): c is NonNullable<typeof c> => c !== null && c.q > 0);
  accepted.sort((a, b) => b.q - a.q || b.specificity - a.specificity || a.order - b.order || a.index - b.index);
  return accepted[0]?.mediaType ?? null;
}
