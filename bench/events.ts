/**
 * What API Gateway (HTTP API, payload v2) and the Lambda runtime hand the function: a POST of a
 * JSON GraphQL body and an invocation context. Used in process and, as JSON, by cold-child.cjs.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';

/** `headers` are added to the JSON request's own (x-api-key, authorization…), lower-case as API Gateway sends them. */
export function graphqlEvent(
  query: string,
  requestId: string,
  headers: Record<string, string> = {},
): APIGatewayProxyEventV2 {
  return requestEvent(JSON.stringify({ query }), requestId, headers);
}

/** The same event for any JSON body (a query with variables, say). */
export function requestEvent(
  body: string,
  requestId: string,
  headers: Record<string, string> = {},
): APIGatewayProxyEventV2 {
  const now = Date.now();
  return {
    version: '2.0',
    routeKey: 'POST /graphql',
    rawPath: '/graphql',
    rawQueryString: '',
    headers: { 'content-type': 'application/json', accept: 'application/json', host: 'bench.local', ...headers },
    requestContext: {
      accountId: '123456789012',
      apiId: 'bench',
      domainName: 'bench.local',
      domainPrefix: 'bench',
      http: { method: 'POST', path: '/graphql', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'qbank-bench' },
      requestId,
      routeKey: 'POST /graphql',
      stage: '$default',
      time: new Date(now).toISOString(),
      timeEpoch: now,
    },
    body,
    isBase64Encoded: false,
  };
}

export function lambdaContext(awsRequestId: string): Context {
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: 'qbank-bench-graphql',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:qbank-bench-graphql',
    memoryLimitInMB: '1024',
    awsRequestId,
    logGroupName: '/aws/lambda/qbank-bench-graphql',
    logStreamName: 'bench',
    getRemainingTimeInMillis: () => 10_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

/** The GraphQL result of a handler response; throws unless it is a 200 with data and no errors. */
export function expectData(result: APIGatewayProxyStructuredResultV2 | string | void): Record<string, unknown> {
  if (!result || typeof result === 'string') throw new Error(`unexpected handler result: ${String(result)}`);
  const body = JSON.parse(result.body ?? '{}') as { data?: Record<string, unknown>; errors?: unknown[] };
  if (result.statusCode !== 200 || body.errors || !body.data) {
    throw new Error(`handler answered ${result.statusCode}: ${result.body}`);
  }
  return body.data;
}
