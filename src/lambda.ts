/**
 * Wires an App to API Gateway HTTP API (payload v2) events. Before Apollo sees a request this
 * answers CORS preflights and refuses bodies over 64 KB; Apollo then builds the context (who is
 * calling, rate limit) and runs the operation. Every answer, refusals included, leaves through
 * `finish`: CORS, exposed headers, rate-limit headers, request id and cache-control are set
 * there, and a request Apollo refused before it had a context gets its access-log line there.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { App, RequestInfo } from './app';
import { parseApiKey } from './domain/access';
import { bankHintOf } from './graphql/bank-hint';
import { newAdmission, type Admission } from './graphql/context';
import { requestRefusal } from './graphql/errors';
import { logRefusal } from './graphql/plugins';
import { startApolloLambdaHandler } from './lambda-integration';

export const MAX_BODY_BYTES = 64 * 1024;

/** Headers a browser may send; x-user-id is left out on purpose: it needs a secret key. */
const ALLOWED_HEADERS =
  'content-type, x-api-key, authorization, apollo-require-preflight, x-apollo-operation-name, if-none-match';

export type LambdaHandler = (
  event: APIGatewayProxyEventV2,
  context: Context,
  callback?: unknown,
) => Promise<APIGatewayProxyStructuredResultV2>;

/** Response headers a browser's JavaScript may read besides the CORS-safelisted ones. */
export const EXPOSED_HEADERS = 'x-request-id, retry-after, ratelimit-policy, ratelimit, etag';

/** One invocation as the handler follows it: what admitting it established, and whether it was logged. */
interface Exchange {
  request: RequestInfo;
  receivedAt: number;
  admission: Admission;
  /** Apollo built a context (so its access-log plugin writes the line) or a refusal was logged. */
  logged: boolean;
}

export function createLambdaHandler(app: App): LambdaHandler {
  // Keyed by the invocation's Lambda context, which the integration hands to the context function.
  const exchanges = new WeakMap<Context, Exchange>();
  const apollo = startApolloLambdaHandler(app.server, async ({ event, context }) => {
    const exchange = exchanges.get(context) ?? newExchange(requestInfo(event, context));
    exchange.logged = true;
    try {
      return await app.contextFor(exchange.request, exchange.admission);
    } catch (error) {
      const refusal = requestRefusal(error, exchange.request.requestId, app.logger);
      const { code, http } = refusal.extensions as { code: string; http: { status: number } };
      refused(app, exchange, { status: http.status, code });
      throw refusal;
    }
  });
  return async (event, context) => {
    if (event.requestContext.http.method === 'OPTIONS') return preflight(event);
    const exchange = newExchange(requestInfo(event, context));
    const bodyBytes = event.body ? Buffer.byteLength(event.body, event.isBase64Encoded ? 'base64' : 'utf8') : 0;
    if (bodyBytes > MAX_BODY_BYTES) {
      const result = errorResponse(413, 'BAD_REQUEST', `the request body is larger than ${MAX_BODY_BYTES / 1024} KB`);
      return finish(app, exchange, result);
    }
    exchanges.set(context, exchange);
    try {
      const result = await apollo(event, context);
      return finish(app, exchange, asGraphQLResponse(result));
    } finally {
      exchanges.delete(context);
    }
  };
}

const newExchange = (request: RequestInfo): Exchange => ({
  request,
  receivedAt: Date.now(),
  admission: newAdmission(),
  logged: false,
});

/**
 * The headers every answer carries. CORS: a response to a caller established as a publishable
 * key (its origin was checked against the tenant's) or a keyless local call is readable by the
 * request's origin; so is a refusal of any request that did not present a secret key — it says
 * only why the request was refused, and a browser app must be able to tell an expired token or a
 * rate limit from an outage. Secret keys never get CORS headers: in a browser they are a leak.
 */
function finish(
  app: App,
  exchange: Exchange,
  result: APIGatewayProxyStructuredResultV2,
): APIGatewayProxyStructuredResultV2 {
  const { request, admission } = exchange;
  const status = result.statusCode ?? 200;
  const headers: Record<string, string | number | boolean> = lowerCaseHeaders(result.headers);
  headers['x-request-id'] ??= request.requestId;
  headers['cache-control'] ??= 'no-store';
  headers.vary = varyWith(headers.vary, 'origin');
  const origin = request.headers.origin;
  if (origin && readableBy(exchange)) {
    headers['access-control-allow-origin'] = origin;
    headers['access-control-expose-headers'] = EXPOSED_HEADERS;
  }
  if (admission.rateLimit) {
    const { quota, windowSeconds, remaining, resetSeconds } = admission.rateLimit;
    headers['ratelimit-policy'] = `"default";q=${quota};w=${windowSeconds}`;
    headers.ratelimit = `"default";r=${remaining};t=${resetSeconds}`;
  }
  // Apollo answered without building a context: a refusal (CSRF, a body that is not JSON), or
  // the local landing page, which is no API request and gets no line.
  if (!exchange.logged && status >= 400) {
    refused(app, exchange, { status, code: errorCodeOf(result.body) ?? 'BAD_REQUEST' });
  }
  // A 304 has no body (RFC 9110 §15.4.5); the validators and cache headers stay.
  if (status === 304) return { ...result, headers, body: '' };
  return { ...result, headers };
}

/** Anything but a secret key: the established caller's kind, else the kind the presented key claims. */
function readableBy({ admission, request }: Exchange): boolean {
  const kind = admission.caller?.kind ?? parseApiKey(request.headers['x-api-key'] ?? '')?.kind;
  return kind !== 'secret';
}

function varyWith(current: unknown, name: string): string {
  const names = String(current ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  return names.some((n) => n.toLowerCase() === name) ? names.join(', ') : [...names, name].join(', ');
}

/** The first error code of a JSON error body, if it is one. */
function errorCodeOf(body: string | undefined): string | null {
  try {
    const parsed = JSON.parse(body ?? '') as { errors?: { extensions?: { code?: unknown } }[] };
    const code = parsed.errors?.[0]?.extensions?.code;
    return typeof code === 'string' ? code : null;
  } catch {
    return null;
  }
}

function requestInfo(event: APIGatewayProxyEventV2, context: Context): RequestInfo {
  const query = event.queryStringParameters;
  return {
    requestId: context.awsRequestId,
    headers: lowerCaseHeaders(event.headers),
    sourceIp: event.requestContext.http.sourceIp,
    bankHint: event.isBase64Encoded ? null : bankHintOf([event.body, query?.variables, query?.query]),
  };
}

/**
 * Refusals never reach Apollo's request hooks (so not the access log): each gets its own line
 * here, with the key id when the key is well formed (never the key, a token or variables).
 */
function refused(app: App, exchange: Exchange, outcome: { status: number; code: string }): void {
  const { request, receivedAt } = exchange;
  exchange.logged = true;
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
function lowerCaseHeaders<T>(headers: Record<string, T> | undefined): Record<string, T> {
  return Object.fromEntries(Object.entries(headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
}
