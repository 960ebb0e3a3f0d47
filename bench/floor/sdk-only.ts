/**
 * Cold-start reference (BENCH_COLD_FLOOR=1): only the DynamoDB client of src/store/client.ts and
 * one BatchGetItem, nothing else. Built and started like the real handler, so the difference
 * between the two is what Apollo, the schema and our code add.
 */
import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { readConfig } from '../../src/config';
import { createDynamo } from '../../src/store/client';
import { bankKey } from '../../src/store/content/keys';

const config = readConfig();
const dynamo = createDynamo({ tableName: config.tableName, region: config.region, endpoint: config.dynamodbEndpoint });

export const graphql = async (): Promise<APIGatewayProxyStructuredResultV2> => {
  const result = await dynamo.doc.send(
    new BatchGetCommand({ RequestItems: { [dynamo.tableName]: { Keys: [bankKey('ml-junior')] } } }),
  );
  return {
    statusCode: 200,
    body: JSON.stringify({ data: { items: result.Responses?.[dynamo.tableName]?.length ?? 0 } }),
  };
};
