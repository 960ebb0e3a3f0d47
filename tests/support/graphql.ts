/**
 * Given/when helpers for end-to-end tests: a real App on a suite's table, called through the
 * Lambda handler with real API Gateway HTTP API (v2) events.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import { createApp, type App } from '../../src/app';
import { readConfig, type Config } from '../../src/config';
import { createLambdaHandler, type LambdaHandler } from '../../src/lambda';
import { createLogger } from '../../src/logger';
import type { Dynamo } from '../../src/store/client';
import { endpoint } from './dynamo';

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  headers: Record<string, unknown>;
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
  raw: string;
}

export interface TestApi {
  app: App;
  handler: LambdaHandler;
  query<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  send(event: APIGatewayProxyEventV2): Promise<GraphQLResponse>;
  /** DynamoDB commands the last request sent, by command name. */
  lastCalls(): Record<string, number>;
}

export interface ApiOptions {
  env?: Record<string, string>;
  /** Receives the app's log lines (silent otherwise). */
  log?: (line: string) => void;
  /** Settings no environment can give, set on the config read from `env`. */
  config?: Partial<Config>;
}

export function givenApi(dynamo: Dynamo, options: ApiOptions = {}): TestApi {
  const config = readConfig({
    STAGE: 'local',
    LOG_LEVEL: options.log ? 'debug' : 'silent',
    DYNAMODB_ENDPOINT: endpoint(),
    TABLE_NAME: dynamo.tableName,
    ...options.env,
  });
  Object.assign(config, options.config);
  const app = createApp(config, createLogger(config.logLevel, options.log));
  const handler = createLambdaHandler(app);
  let calls: Record<string, number> = {};
  const send = async (event: APIGatewayProxyEventV2): Promise<GraphQLResponse> => {
    app.dynamo.calls.reset();
    const result = (await handler(event, lambdaContext(), () => {})) as APIGatewayProxyStructuredResultV2;
    calls = Object.fromEntries(app.dynamo.calls.byCommand);
    const raw = result.body ?? '';
    const body = raw.startsWith('{') ? JSON.parse(raw) : {};
    return {
      status: result.statusCode ?? 200,
      headers: result.headers ?? {},
      data: body.data,
      errors: body.errors,
      raw,
    };
  };
  return {
    app,
    handler,
    send,
    query: (query, variables) => send(graphqlEvent({ query, variables })) as Promise<GraphQLResponse<any>>,
    lastCalls: () => calls,
  };
}

export function graphqlEvent(
  body: unknown,
  options: { method?: string; headers?: Record<string, string>; rawBody?: string } = {},
): APIGatewayProxyEventV2 {
  const method = options.method ?? 'POST';
  const payload = options.rawBody ?? (method === 'POST' ? JSON.stringify(body) : undefined);
  return {
    version: '2.0',
    routeKey: `${method} /graphql`,
    rawPath: '/graphql',
    rawQueryString: '',
    headers: { 'content-type': 'application/json', host: 'api.example.test', ...options.headers },
    requestContext: {
      accountId: '123456789012',
      apiId: 'test',
      domainName: 'api.example.test',
      domainPrefix: 'api',
      http: { method, path: '/graphql', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'jest' },
      requestId: randomUUID(),
      routeKey: `${method} /graphql`,
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
    },
    body: payload,
    isBase64Encoded: false,
  };
}

function lambdaContext(): Context {
  return {
    awsRequestId: randomUUID(),
    callbackWaitsForEmptyEventLoop: false,
    functionName: 'qbank-test',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:qbank-test',
    logGroupName: 'test',
    logStreamName: 'test',
    memoryLimitInMB: '1024',
    getRemainingTimeInMillis: () => 10_000,
    done: () => {},
    fail: () => {},
    succeed: () => {},
  };
}

/** The error codes of a response, in order. */
export const errorCodes = (response: GraphQLResponse): unknown[] =>
  (response.errors ?? []).map((e) => e.extensions?.code);
