/** Wires an App to API Gateway HTTP API (payload v2) events through Apollo's Lambda integration. */
import { handlers, startServerAndCreateLambdaHandler } from '@as-integrations/aws-lambda';
import type { App } from './app';

export function createLambdaHandler(app: App) {
  return startServerAndCreateLambdaHandler(app.server, handlers.createAPIGatewayProxyEventV2RequestHandler(), {
    context: async ({ context }) => app.contextFor(context.awsRequestId),
  });
}

export type LambdaHandler = ReturnType<typeof createLambdaHandler>;
