/**
 * The cold-start floor: only the DynamoDB client of src/store/client.ts doing the DynamoDB work
 * the real bundle's cold start did, nothing else. bench/run.ts records that work from one run of
 * the real bundle (bench/cold-proxy.ts) and hands this bundle the plan as a file named by
 * QBANK_FLOOR_PLAN: init rounds are started at module load (not awaited, as the app would),
 * request rounds in order on the request, the calls of a round in parallel. Built and started
 * like the real handler, with the same performance marks around its construction.
 */
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { readFileSync } from 'node:fs';
import { readConfig } from '../../src/config';
import { createDynamo } from '../../src/store/client';
import type { ReplayPlan } from '../cold-trace';
import { runRounds, type Send } from './replay';

performance.mark('qbank:app:start');
const config = readConfig();
const dynamo = createDynamo({
  tableName: config.tableName,
  region: config.region,
  endpoint: config.dynamodbEndpoint,
  placeholderCredentials: config.placeholderCredentials,
});
const send = dynamo.doc.send.bind(dynamo.doc) as unknown as Send;
const planFile = process.env.QBANK_FLOOR_PLAN;
if (!planFile) throw new Error('QBANK_FLOOR_PLAN must name the replay plan (bench/cold-trace.ts)');
const plan = JSON.parse(readFileSync(planFile, 'utf8')) as ReplayPlan;
const init = runRounds(send, plan.init);
// Joined by the first request, which reports a failure; not an unhandled rejection before it.
init.catch(() => undefined);
performance.mark('qbank:app:built');

export const graphql = async (): Promise<APIGatewayProxyStructuredResultV2> => {
  const [initCalls, requestCalls] = await Promise.all([init, runRounds(send, plan.request)]);
  return { statusCode: 200, body: JSON.stringify({ data: { initCalls, requestCalls } }) };
};
