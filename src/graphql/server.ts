/** Builds the Apollo server; the Lambda handler and the local HTTP server both use this one. */
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { buildASTSchema, isObjectType, parse, type GraphQLSchema } from 'graphql';
import type { Config } from '../config';
import type { GraphQLContext } from './context';
import { errorReporting, formatError } from './errors';
import { typeDefs } from './generated/typedefs';
import { resolvers } from './resolvers';

export function createApolloServer(config: Pick<Config, 'production'>): ApolloServer<GraphQLContext> {
  return new ApolloServer<GraphQLContext>({
    schema: executableSchema(),
    introspection: !config.production,
    // "Did you mean …" suggestions would leak the schema that introspection hides.
    hideSchemaDetailsFromClientErrors: config.production,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    formatError,
    plugins: [
      errorReporting,
      // No Apollo GraphOS reporting and no federation subgraph: saying so keeps Apollo from
      // loading those plugins at start, which the Lambda bundle leaves out (esbuild-plugins.js).
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ...(config.production ? [ApolloServerPluginLandingPageDisabled()] : []),
    ],
  });
}

/**
 * The schema with our resolvers set on its fields. Apollo would do the same through
 * @graphql-tools' makeExecutableSchema, which copies the whole schema to do it: a cost every
 * cold start paid, and a library the Lambda bundle no longer carries (esbuild-plugins.js).
 * Our resolvers are plain field functions, so setting them in place is all there is to it.
 */
export function executableSchema(): GraphQLSchema {
  const schema = buildASTSchema(parse(typeDefs));
  for (const [typeName, fieldResolvers] of Object.entries(resolvers)) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) throw new Error(`resolvers name ${typeName}, which is not an object type of the schema`);
    const fields = type.getFields();
    for (const [fieldName, resolve] of Object.entries(fieldResolvers as Record<string, unknown>)) {
      if (!fields[fieldName]) throw new Error(`resolvers name ${typeName}.${fieldName}, which is not in the schema`);
      if (typeof resolve !== 'function') throw new Error(`resolver ${typeName}.${fieldName} must be a function`);
      fields[fieldName].resolve = resolve as (typeof fields)[string]['resolve'];
    }
  }
  return schema;
}
