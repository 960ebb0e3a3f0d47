/**
 * Cold-start reference (BENCH_COLD_FLOOR=1): only Apollo Server behind our Lambda integration,
 * with qbank's schema (src/graphql/generated/typedefs.ts) and no resolvers, answering
 * `{ __typename }`. No AWS SDK, no caller lookup, none of src/graphql's resolvers or plugins
 * (importing src/graphql/server.ts would bring the store and the SDK with the resolvers).
 */
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { buildASTSchema, parse } from 'graphql';
import { typeDefs } from '../../src/graphql/generated/typedefs';
import { startApolloLambdaHandler } from '../../src/lambda-integration';

/** Apollo's own default (loglevel) is a stub in the Lambda bundle (esbuild-plugins.js), as in src/graphql/server.ts. */
const silent = (): void => undefined;

const server = new ApolloServer({
  schema: buildASTSchema(parse(typeDefs)),
  logger: { debug: silent, info: silent, warn: silent, error: silent },
  introspection: false,
  // As src/graphql/server.ts: the Lambda bundle leaves these plugins out (esbuild-plugins.js).
  plugins: [
    ApolloServerPluginUsageReportingDisabled(),
    ApolloServerPluginSchemaReportingDisabled(),
    ApolloServerPluginInlineTraceDisabled(),
    ApolloServerPluginLandingPageDisabled(),
    ApolloServerPluginCacheControlDisabled(),
  ],
});

// The real bundle's Lambda integration (src/lambda.ts), with Apollo's default (empty) context.
export const graphql = startApolloLambdaHandler(server, async () => ({}));
