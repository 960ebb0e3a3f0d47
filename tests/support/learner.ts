/** When-helpers for learner flows: record attempts and start quizzes as one user. */
import { graphqlEvent, type GraphQLResponse, type TestApi } from './graphql';

export const RECORD = `mutation Record($input: RecordAttemptInput!) {
  recordAttempt(input: $input) {
    duplicate
    attempt { id outcome score timeSpentMs quizId clientAttemptId createdAt question { id } }
    state { attempts lapses leech due stability memoryDifficulty difficulty retrievability lastOutcome question { id } }
  }
}`;

export interface Learner {
  headers: Record<string, string>;
  ask<T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  record(input: Record<string, unknown>): Promise<GraphQLResponse<any>>;
}

/** A user of a tenant, named with x-user-id on the tenant's secret key. */
export function givenLearner(api: TestApi, secretKey: string, userId: string): Learner {
  const headers = { 'x-api-key': secretKey, 'x-user-id': userId };
  const ask = (query: string, variables?: Record<string, unknown>) =>
    api.send(graphqlEvent({ query, variables }, { headers })) as Promise<GraphQLResponse<any>>;
  return { headers, ask, record: (input) => ask(RECORD, { input }) };
}
