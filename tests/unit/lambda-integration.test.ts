/**
 * src/lambda-integration.ts answers every API Gateway v2 event exactly as the package it replaces
 * (@as-integrations/aws-lambda with its v2 request handler) does: both run over twin Apollo
 * servers and must return the same result, status, headers and body, for each kind of request.
 */
import { ApolloServer } from '@apollo/server';
import { handlers, startServerAndCreateLambdaHandler } from '@as-integrations/aws-lambda';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { GraphQLError } from 'graphql';
import { startApolloLambdaHandler } from '../../src/lambda-integration';

interface TestContext {
  caller: string;
}

const typeDefs = 'type Query { hello(name: String): String! }';
const resolvers = {
  Query: { hello: (_: unknown, { name }: { name?: string }, { caller }: TestContext) => `hello ${name ?? caller}` },
};

function server(): ApolloServer<TestContext> {
  return new ApolloServer<TestContext>({
    typeDefs,
    resolvers,
    logger: { debug() {}, info() {}, warn() {}, error() {} },
  });
}

async function contextFunction({ event }: { event: APIGatewayProxyEventV2 }): Promise<TestContext> {
  const caller = event.headers['x-caller'];
  if (caller === 'refused')
    throw new GraphQLError('go away', { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
  return { caller: caller ?? 'nobody' };
}

const lambdaContext = { awsRequestId: 'integration-test' } as Context;

function event(method: string, overrides: Partial<APIGatewayProxyEventV2> = {}): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: '/graphql',
    rawQueryString: '',
    headers: {},
    isBase64Encoded: false,
    requestContext: { http: { method } },
    ...overrides,
  } as APIGatewayProxyEventV2;
}

const json = { 'content-type': 'application/json' };
const body = (value: unknown) => JSON.stringify(value);

describe('the Lambda integration', () => {
  const theirs = startServerAndCreateLambdaHandler(server(), handlers.createAPIGatewayProxyEventV2RequestHandler(), {
    context: contextFunction,
  });
  const ours = startApolloLambdaHandler(server(), contextFunction);

  it.each<[string, APIGatewayProxyEventV2]>([
    ['a POST', event('POST', { headers: { ...json, 'x-caller': 'ann' }, body: body({ query: '{ hello }' }) })],
    [
      'a POST with variables',
      event('POST', {
        headers: json,
        body: body({ query: 'query H($n: String) { hello(name: $n) }', variables: { n: 'bob' } }),
      }),
    ],
    [
      'a base64 POST',
      event('POST', {
        headers: json,
        isBase64Encoded: true,
        body: Buffer.from(body({ query: '{ hello }' })).toString('base64'),
      }),
    ],
    ['a body that is not JSON', event('POST', { headers: json, body: '{ hello' })],
    ['a text/plain body', event('POST', { headers: { 'content-type': 'text/plain' }, body: '{ hello }' })],
    ['no content type', event('POST', { body: body({ query: '{ hello }' }) })],
    ['no body', event('POST', { headers: json })],
    [
      'a GET',
      event('GET', { headers: { 'apollo-require-preflight': 'true' }, rawQueryString: 'query=%7B%20hello%20%7D' }),
    ],
    ['a GET without the preflight header (CSRF)', event('GET', { rawQueryString: 'query=%7B%20hello%20%7D' })],
    [
      'a GET with a mutation',
      event('GET', {
        headers: { 'apollo-require-preflight': 'true' },
        rawQueryString: 'query=mutation%20%7B%20x%20%7D',
      }),
    ],
    ['a validation error', event('POST', { headers: json, body: body({ query: '{ nope }' }) })],
    [
      'a refusal while building the context',
      event('POST', { headers: { ...json, 'x-caller': 'refused' }, body: body({ query: '{ hello }' }) }),
    ],
    ['a PUT', event('PUT', { headers: json, body: body({ query: '{ hello }' }) })],
  ])('%s: the same answer', async (_name, request) => {
    const expected = await theirs(request, lambdaContext, () => {});
    expect(await ours(request, lambdaContext)).toEqual(expected);
  });
});
