/**
 * Wires an App to API Gateway HTTP API (payload v2) events. Before Apollo sees a request this
 * answers CORS preflights and refuses bodies over 64 KB; Apollo then builds the context (who is
 * calling, rate limit) and runs the operation.
 */
import { handlers, startServerAndCreateLambdaHandler } from '@as-integrations/aws-lambda';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { App, RequestInfo } from './app';
import { parseApiKey } from './domain/access';
import { requestRefusal } from './graphql/errors';
import { logRefusal } from './graphql/plugins';

export const MAX_BODY_BYTES = 64 * 1024;

/** Headers a browser may send; x-user-id is left out on purpose: it needs a secret key. */
const ALLOWED_HEADERS = 'content-type, x-api-key, authorization, apollo-require-preflight, x-apollo-operation-name';

export type LambdaHandler = (
  event: APIGatewayProxyEventV2,
  context: Context,
  callback?: unknown,
) => Promise<APIGatewayProxyStructuredResultV2>;

export function createLambdaHandler(app: App): LambdaHandler {
  const apollo = startServerAndCreateLambdaHandler(app.server, handlers.createAPIGatewayProxyEventV2RequestHandler(), {
    context: async ({ event, context }) => {
      const receivedAt = Date.now();
      const request = requestInfo(event, context);
      try {
        return await app.contextFor(request);
      } catch (error) {
        const refusal = requestRefusal(error, request.requestId, app.logger);
        const { code, http } = refusal.extensions as { code: string; http: { status: number } };
        refused(app, request, receivedAt, { status: http.status, code });
        throw refusal;
      }
    },
  });
  return async (event, context) => {
    if (event.requestContext.http.method === 'OPTIONS') return preflight(event);
    const bodyBytes = event.body ? Buffer.byteLength(event.body, event.isBase64Encoded ? 'base64' : 'utf8') : 0;
    if (bodyBytes > MAX_BODY_BYTES) {
      refused(app, requestInfo(event, context), Date.now(), { status: 413, code: 'BAD_REQUEST' });
      return errorResponse(413, 'BAD_REQUEST', `the request body is larger than ${MAX_BODY_BYTES / 1024} KB`);
    }
    return asGraphQLResponse((await apollo(event, context, () => {})) as APIGatewayProxyStructuredResultV2);
  };
}

function requestInfo(event: APIGatewayProxyEventV2, context: Context): RequestInfo {
  return {
    requestId: context.awsRequestId,
    headers: lowerCaseHeaders(event.headers),
    sourceIp: event.requestContext.http.sourceIp,
  };
}

/**
 * Refusals never reach Apollo's request hooks (so not the access log): each gets its own line
 * here, with the key id when the key is well formed (never the key, a token or variables).
 */
function refused(app: App, request: RequestInfo, receivedAt: number, outcome: { status: number; code: string }): void {
  logRefusal(app.logger, {
    requestId: request.requestId,
    ...outcome,
    keyId: parseApiKey(request.headers['x-api-key'] ?? '')?.keyId ?? null,
    sourceIp: request.sourceIp ?? null,
    durationMs: Date.now() - receivedAt,
  });
}

/**
 * The Lambda integration answers a body it cannot parse with the parser's message as plain text;
 * clients get the same JSON error shape, with a code, as for every other refusal.
 */
function asGraphQLResponse(result: APIGatewayProxyStructuredResultV2): APIGatewayProxyStructuredResultV2 {
  const isJson = String(result.headers?.['content-type'] ?? '').includes('json') || result.body?.startsWith('{');
  if ((result.statusCode ?? 200) < 400 || isJson) return result;
  return errorResponse(result.statusCode!, 'BAD_REQUEST', `the request could not be read: ${result.body ?? ''}`.trim());
}

/**
 * Preflights carry no API key, so they cannot be checked against a tenant's origins: they are
 * answered for any origin, and the real request is checked (publishable keys) when it comes.
 */
function preflight(event: APIGatewayProxyEventV2): APIGatewayProxyStructuredResultV2 {
  const origin = lowerCaseHeaders(event.headers).origin;
  return {
    statusCode: 204,
    headers: {
      ...(origin ? { 'access-control-allow-origin': origin } : {}),
      'access-control-allow-methods': 'GET, POST, OPTIONS',
      'access-control-allow-headers': ALLOWED_HEADERS,
      'access-control-max-age': '600',
      vary: 'origin',
    },
    body: '',
  };
}

function errorResponse(statusCode: number, code: string, message: string): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ errors: [{ message, extensions: { code } }] }),
  };
}

/** API Gateway v2 lower-cases header names already; local and test events may not. */
function lowerCaseHeaders(headers: APIGatewayProxyEventV2['headers']): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
}
