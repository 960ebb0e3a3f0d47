/**
 * Serves the Lambda handler over plain HTTP for local use and HTTP tests: each request becomes
 * the API Gateway HTTP API (v2) event the deployed function would receive, so local and
 * deployed behaviour share every line past this adapter.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { LambdaHandler } from '../lambda';
import { ASSET_PATH, type LandingPage } from './graphiql';

/** API Gateway's own payload limit is 10 MB; locally we refuse far less. */
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * With a landing page, a browser's `GET /graphql` (Accept: text/html, no `query`) gets GraphiQL
 * and `GET /graphql/assets/<file>` its bundle; every other request goes to the handler.
 */
export function createHttpServer(handler: LambdaHandler, options: { landingPage?: LandingPage } = {}): http.Server {
  return http.createServer((req, res) => {
    // This server's own answers (the handler's carry their own headers): readable from any
    // origin, like every refusal of the handler, so a browser app sees the status, not a CORS error.
    const own = (statusCode: number, body: string): APIGatewayProxyStructuredResultV2 => ({
      statusCode,
      headers: {
        ...(req.headers.origin ? { 'access-control-allow-origin': req.headers.origin } : {}),
        vary: 'origin',
        'cache-control': 'no-store',
      },
      body,
    });
    readBody(req)
      .then(async (body) => {
        if (body === null) return send(res, own(413, 'request body too large'));
        const url = new URL(req.url ?? '/', 'http://localhost');
        const page = options.landingPage;
        if (page && req.method === 'GET' && url.pathname.startsWith(`${ASSET_PATH}/`)) {
          const asset = await page.asset(url.pathname.slice(ASSET_PATH.length + 1));
          if (!asset) return send(res, own(404, 'not found'));
          return sendBytes(res, asset.contentType, asset.body);
        }
        if (page && isBrowserVisit(req, url)) {
          return sendBytes(res, 'text/html; charset=utf-8', Buffer.from(await page.html()));
        }
        if (url.pathname !== '/graphql') return send(res, own(404, 'not found: use /graphql'));
        const result = (await handler(
          toEvent(req, url, body),
          lambdaContext(),
          () => {},
        )) as APIGatewayProxyStructuredResultV2;
        send(res, result);
      })
      .catch((error: Error) => send(res, own(500, `local server error: ${error.message}`)));
  });
}

/** A browser opening the endpoint: a GET that accepts HTML and carries no GraphQL query. */
function isBrowserVisit(req: http.IncomingMessage, url: URL): boolean {
  return (
    req.method === 'GET' &&
    url.pathname === '/graphql' &&
    !url.searchParams.has('query') &&
    !url.searchParams.has('extensions') &&
    (req.headers.accept ?? '').includes('text/html')
  );
}

function sendBytes(res: http.ServerResponse, contentType: string, body: Buffer): void {
  res.writeHead(200, { 'content-type': contentType, 'content-length': body.length, 'cache-control': 'no-store' });
  res.end(body);
}

function readBody(req: http.IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function toEvent(req: http.IncomingMessage, url: URL, body: Buffer): APIGatewayProxyEventV2 {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers))
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(',') : value;
  const method = req.method ?? 'GET';
  return {
    version: '2.0',
    routeKey: `${method} /graphql`,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    queryStringParameters: url.search ? Object.fromEntries(url.searchParams) : undefined,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'localhost',
      http: {
        method,
        path: url.pathname,
        protocol: 'HTTP/1.1',
        sourceIp: sourceIpOf(req),
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey: `${method} /graphql`,
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
    },
    body: body.length > 0 ? body.toString('base64') : undefined,
    isBase64Encoded: body.length > 0,
  };
}

/**
 * The peer address as API Gateway reports it: from the socket, never from a header a client
 * could forge (X-Forwarded-For); IPv4 peers of a dual-stack socket lose their ::ffff: prefix.
 */
function sourceIpOf(req: http.IncomingMessage): string {
  const address = req.socket.remoteAddress ?? '127.0.0.1';
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice('::ffff:'.length) : address;
}

function lambdaContext(): Context {
  const requestId = randomUUID();
  return {
    awsRequestId: requestId,
    callbackWaitsForEmptyEventLoop: false,
    functionName: 'qbank-local',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:local:000000000000:function:qbank-local',
    logGroupName: 'local',
    logStreamName: 'local',
    memoryLimitInMB: '1024',
    getRemainingTimeInMillis: () => 30_000,
    done: () => {},
    fail: () => {},
    succeed: () => {},
  };
}

function send(res: http.ServerResponse, result: APIGatewayProxyStructuredResultV2): void {
  const headers: Record<string, string | number | boolean> = { ...(result.headers ?? {}) };
  if (result.cookies?.length) headers['set-cookie'] = result.cookies.join(', ');
  res.writeHead(result.statusCode ?? 200, headers as http.OutgoingHttpHeaders);
  res.end(result.isBase64Encoded && result.body ? Buffer.from(result.body, 'base64') : (result.body ?? ''));
}
