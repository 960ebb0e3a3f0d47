/** Builds the Apollo server; the Lambda handler and the local HTTP server both use this one. */
import { ApolloServer } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { buildASTSchema, GraphQLError, isObjectType, type GraphQLSchema, type ValidationContext } from 'graphql';
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { GraphQLContext } from './context';
import { costLimit, type ChargeCost } from './cost';
import { errorFormatter, errorReporting } from './errors';
import { contentCache } from './http-cache';
import { accessLog, requestErrorStatus } from './plugins';
import { operationTypeExists } from './validation';
import { schemaTable } from './generated/typedefs';
import { schemaFromTable } from './schema-table';
import type * as DescribedSchema from './generated/schema-document';
import { installScalars } from './scalars';
import { resolvers } from './resolvers';

/**
 * Limits that keep a public endpoint alive, tuned so every legitimate query passes: a Relay
 * connection adds two levels per hop, so `bank { sections { questions { edges { node { … } } } } }`
 * is already depth 6–7; anything up to 10 passes, 11 and deeper is refused. The cost of an
 * operation is limited in src/graphql/cost.ts, where its variables are known.
 */
export const LIMITS = { maxDepth: 10, maxAliases: 15, maxDirectives: 10, maxTokens: 1500 };

export interface ServerOptions {
  /** Charges a request's cost beyond its first unit to its key's rate limit (src/app.ts). */
  chargeCost: ChargeCost;
  /** Where Apollo's own messages go: our JSON lines, not a logger of its own (loglevel). */
  logger: Logger;
}

export function createApolloServer(
  config: Pick<Config, 'production' | 'introspection'>,
  { chargeCost, logger }: ServerOptions,
): ApolloServer<GraphQLContext> {
  return new ApolloServer<GraphQLContext>({
    schema: executableSchema({ described: config.introspection }),
    logger: apolloLogger(logger),
    validationRules: [operationTypeExists, ...shapeLimits()],
    parseOptions: { maxTokens: LIMITS.maxTokens },
    introspection: config.introspection,
    // "Did you mean …" suggestions would leak the schema that introspection hides.
    hideSchemaDetailsFromClientErrors: config.production,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    formatError: errorFormatter({ hideSchemaDetails: config.production }),
    plugins: [
      costLimit(chargeCost),
      errorReporting,
      // Before the access log, so the log line has the status the client gets.
      requestErrorStatus,
      accessLog,
      // ETag, Cache-Control and 304s of content GETs; no-store for everything else. Apollo's own
      // cache-control plugin (schema hints, which we do not use) would set no-store over it.
      contentCache(),
      ApolloServerPluginCacheControlDisabled(),
      // No Apollo GraphOS reporting and no federation subgraph: saying so keeps Apollo from
      // loading those plugins at start, which the Lambda bundle leaves out (esbuild-plugins.js).
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      // No Apollo landing page anywhere (it loads Apollo's CDN, fonts and telemetry): the local
      // server serves its own offline GraphiQL (src/dev/graphiql.ts), production none.
      ApolloServerPluginLandingPageDisabled(),
    ],
  });
}

/**
 * graphql-armor's depth, alias and directive limits, set up as its ApolloArmor does for Apollo
 * (a refusal is reported to the validation context as a BAD_USER_INPUT error, so Apollo answers
 * 400), from the three rule packages it wraps: ApolloArmor itself brings its other protections,
 * which we do not use (token counting is graphql's, below; cost is src/graphql/cost.ts's; field
 * suggestions are Apollo's hideSchemaDetailsFromClientErrors's), into every cold start.
 */
function shapeLimits() {
  const reject = [
    (context: ValidationContext | null, error: GraphQLError): void =>
      context?.reportError(new GraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT' } })),
  ];
  const options = { onReject: reject, propagateOnRejection: false };
  return [
    maxAliasesRule({ n: LIMITS.maxAliases, ...options }),
    maxDirectivesRule({ n: LIMITS.maxDirectives, ...options }),
    maxDepthRule({ n: LIMITS.maxDepth, ...options }),
  ];
}

/** Apollo's messages (any value, mostly strings) as our log lines, marked as Apollo's. */
function apolloLogger(logger: Logger): Logger {
  const at =
    (level: keyof Logger) =>
    (message?: unknown): void =>
      logger[level](typeof message === 'string' ? message : String(message), { source: 'apollo' });
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/**
 * The schema with our resolvers set on its fields, built from the document codegen parsed
 * (src/graphql/generated/typedefs.ts) without checking it again on every cold start: the SDL is
 * checked where it changes — `npm run codegen` builds it, and tests/unit/schema.test.ts asserts
 * that graphql's full SDL and schema validation find nothing wrong with it. Apollo would do the same through
 * @graphql-tools' makeExecutableSchema, which copies the whole schema to do it: a cost every
 * cold start paid, and a library the Lambda bundle no longer carries (esbuild-plugins.js).
 * Our resolvers are plain field functions, so setting them in place is all there is to it.
 *
 * Descriptions are only ever read by introspection: a server that answers none (production, by
 * default) builds the schema without them from a table (src/graphql/schema-table.ts: the same
 * schema without graphql's document interpreter running for the first time), and only one that
 * does requires the described document — in the Lambda bundle a lazy chunk (esbuild-plugins.js),
 * ~100 KB that a cold start without introspection neither compiles nor parses.
 */
export function executableSchema({ described }: { described: boolean }): GraphQLSchema {
  const schema = described
    ? buildASTSchema(
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- esbuild-plugins.js makes this require a chunk of its own
        (require('./generated/schema-document') as typeof DescribedSchema).schemaDocument,
        { assumeValidSDL: true, assumeValid: true },
      )
    : schemaFromTable(schemaTable);
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
  installScalars(schema);
  return schema;
}
