/**
 * API Gateway HTTP API (payload v2) events to Apollo and back: what @as-integrations/aws-lambda's
 * `startServerAndCreateLambdaHandler(server, handlers.createAPIGatewayProxyEventV2RequestHandler(),
 * { context })` does, the same steps in the same order, for the one event type we serve.
 *
 * Why not the package: it is CommonJS and require()s '@apollo/server', so esbuild must wrap
 * Apollo's ES modules and all of graphql, which they import, in lazily initialised functions
 * (`__esm`). V8 then pre-parses those module bodies while compiling the bundle and parses them in
 * full a second time when the first require() runs them. Imported from ES modules only, they are
 * hoisted into the bundle's top level and parsed once: a cold start compiles less.
 */
import { HeaderMap, type ApolloServer, type BaseContext, type HTTPGraphQLRequest } from '@apollo/server';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';

export type ContextFunction<TContext extends BaseContext> = (args: {
  event: APIGatewayProxyEventV2;
  context: Context;
}) => Promise<TContext>;

export type ApolloLambdaHandler = (
  event: APIGatewayProxyEventV2,
  context: Context,
) => Promise<APIGatewayProxyStructuredResultV2>;

/** Starts `server` in the background (as the package does) and returns the handler of its events. */
export function startApolloLambdaHandler<TContext extends BaseContext>(
  server: ApolloServer<TContext>,
  contextFunction: ContextFunction<TContext>,
): ApolloLambdaHandler {
  server.startInBackgroundHandlingStartupErrorsByLoggingAndFailingAllRequests();
  return async (event, context) => {
    try {
      const response = await server.executeHTTPGraphQLRequest({
        httpGraphQLRequest: fromEvent(event),
        context: () => contextFunction({ event, context }),
      });
      if (response.body.kind !== 'complete') throw new Error('Only complete body type supported');
      return {
        statusCode: response.status ?? 200,
        headers: {
          ...Object.fromEntries(response.headers),
          'content-length': Buffer.byteLength(response.body.string).toString(),
        },
        body: response.body.string,
      };
    } catch (error) {
      // A body that is not JSON, as the package answers it: its message as plain text, 400.
      return { statusCode: 400, body: (error as Error).message };
    }
  };
}

function fromEvent(event: APIGatewayProxyEventV2): HTTPGraphQLRequest {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(event.headers ?? {})) headers.set(key, value ?? '');
  return {
    method: event.requestContext.http.method,
    headers,
    search: event.rawQueryString,
    body: bodyOf(event, headers),
  };
}

function bodyOf(event: APIGatewayProxyEventV2, headers: HeaderMap): unknown {
  if (event.body) {
    const contentType = headers.get('content-type');
    const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
    if (contentType?.startsWith('application/json')) return JSON.parse(text);
    if (contentType?.startsWith('text/plain')) return text;
  }
  return '';
}
