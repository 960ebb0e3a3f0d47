/**
 * Everything that lives for the whole container: config, logger, DynamoDB client, catalog
 * cache and the Apollo server. Built once at module load; requests only get a fresh context.
 */
import type { ApolloServer } from '@apollo/server';
import { readConfig, type Config } from './config';
import type { GraphQLContext } from './graphql/context';
import { createApolloServer } from './graphql/server';
import { createLogger, type Logger } from './logger';
import { CatalogCache } from './store/catalog-store';
import { createDynamo, type Dynamo } from './store/client';
import { ContentReader } from './store/content-reader';

export interface App {
  config: Config;
  logger: Logger;
  dynamo: Dynamo;
  server: ApolloServer<GraphQLContext>;
  contextFor(requestId: string): GraphQLContext;
}

export function createApp(config: Config = readConfig(), logger: Logger = createLogger(config.logLevel)): App {
  const dynamo = createDynamo({ tableName: config.tableName, region: config.region, endpoint: config.dynamodbEndpoint });
  const catalogs = new CatalogCache(dynamo);
  return {
    config,
    logger,
    dynamo,
    server: createApolloServer(config),
    contextFor: (requestId) => ({ requestId, logger, content: new ContentReader(dynamo, catalogs) }),
  };
}
