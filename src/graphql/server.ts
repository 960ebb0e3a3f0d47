/** Builds the Apollo server; the Lambda handler and the local HTTP server both use this one. */
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { Config } from '../config';
import type { GraphQLContext } from './context';
import { errorReporting, formatError } from './errors';
import { typeDefs } from './generated/typedefs';
import { resolvers } from './resolvers';

export function createApolloServer(config: Pick<Config, 'production'>): ApolloServer<GraphQLContext> {
  return new ApolloServer<GraphQLContext>({
    typeDefs,
    resolvers,
    introspection: !config.production,
    // "Did you mean …" suggestions would leak the schema that introspection hides.
    hideSchemaDetailsFromClientErrors: config.production,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    formatError,
    plugins: [errorReporting, ...(config.production ? [ApolloServerPluginLandingPageDisabled()] : [])],
  });
}
