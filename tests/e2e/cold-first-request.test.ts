/**
 * The first request of a cold container: at most two sequential DynamoDB round trips for the
 * operations a warm container answers in one — the API key (which carries its tenant) beside the
 * bank and catalog the request names, then what the warm request reads. Each test builds a new
 * app (a new container) and counts the round trips of its very first request.
 */
import { importBankFiles } from '../../src/usecases/import-banks';
import { SHIPPED_BANK } from '../support/banks';
import { givenTenant, type TenantFixture } from '../support/access';
import { useTable } from '../support/dynamo';
import { givenApi, graphqlEvent, type TestApi } from '../support/graphql';
import { trackRoundTrips } from '../support/round-trips';

const BANK = 'ml-junior';

describe('the first request of a cold container', () => {
  const dynamo = useTable();
  let tenant: TenantFixture;
  let questionId: string;

  beforeAll(async () => {
    await importBankFiles(dynamo(), [SHIPPED_BANK]);
    tenant = await givenTenant(dynamo(), 'cold', ['https://quiz.cold.example']);
    const api = givenApi(dynamo(), { env: { STAGE: 'prod' } });
    const page = await ask(api, `{ questions(filter: { bankId: "${BANK}" }, first: 1) { edges { node { id } } } }`);
    questionId = page.body.data.questions.edges[0].node.id;
  });

  async function ask(api: TestApi, query: string, variables?: Record<string, unknown>) {
    const headers = { 'x-api-key': tenant.publishable, origin: 'https://quiz.cold.example' };
    const response = await api.send(graphqlEvent({ query, variables }, { headers }));
    expect(response.errors).toBeUndefined();
    return { body: { data: response.data as any } };
  }

  /** The first request's round trips and calls in a new container; then a second request's, warm. */
  async function coldThenWarm(query: string, variables?: Record<string, unknown>) {
    const api = givenApi(dynamo(), { env: { STAGE: 'prod' } });
    const tracker = trackRoundTrips(api.app.dynamo);
    try {
      await ask(api, query, variables);
      const cold = { roundTrips: tracker.roundTrips(), calls: api.lastCalls() };
      tracker.reset();
      await ask(api, query, variables);
      const warm = { roundTrips: tracker.roundTrips(), calls: api.lastCalls() };
      return { cold, warm };
    } finally {
      tracker.stop();
    }
  }

  it.each([
    [
      'randomQuestions, the bank id inline',
      `{ randomQuestions(input: { bankId: "${BANK}", count: 10 }) { questions { id text } } }`,
      undefined,
    ],
    [
      'randomQuestions, the bank id a variable',
      'query R($bankId: ID!) { randomQuestions(input: { bankId: $bankId, count: 10 }) { questions { id text } } }',
      { bankId: BANK },
    ],
    ['questions', `{ questions(filter: { bankId: "${BANK}" }, first: 20) { edges { node { id text } } } }`, undefined],
  ])('%s: the key beside the bank and its catalog, then the questions', async (_name, query, variables) => {
    expect(await coldThenWarm(query, variables)).toEqual({
      // 1: the key (BatchGetItem) beside the bank item and catalog (one Query); 2: the questions with the bank item
      cold: { roundTrips: 2, calls: { BatchGetItemCommand: 2, QueryCommand: 1 } },
      warm: { roundTrips: 1, calls: { BatchGetItemCommand: 1 } },
    });
  });

  it('question(id): the bank named by the question id', async () => {
    expect(await coldThenWarm('query Q($id: ID!) { question(id: $id) { id text } }', { id: questionId })).toEqual({
      cold: { roundTrips: 2, calls: { BatchGetItemCommand: 2, QueryCommand: 1 } },
      warm: { roundTrips: 1, calls: { BatchGetItemCommand: 1 } },
    });
  });

  it('bank(id) with its sections and facets', async () => {
    expect(
      await coldThenWarm(`{ bank(id: "${BANK}") { id title sections { id title } tags { value count } } }`),
    ).toEqual({
      cold: { roundTrips: 2, calls: { BatchGetItemCommand: 2, QueryCommand: 1 } },
      warm: { roundTrips: 1, calls: { BatchGetItemCommand: 1 } },
    });
  });

  it('banks: the key, then the banks index', async () => {
    expect(await coldThenWarm('{ banks { id title questionCount } }')).toEqual({
      cold: { roundTrips: 2, calls: { BatchGetItemCommand: 1, QueryCommand: 1 } },
      warm: { roundTrips: 1, calls: { QueryCommand: 1 } },
    });
  });

  it('searchQuestions: the key beside the bank, catalog and index, then the page', async () => {
    const search = `query S($bankId: ID!) { searchQuestions(bankId: $bankId, query: "градиент", first: 5) { edges { node { id } } } }`;
    expect(await coldThenWarm(search, { bankId: BANK })).toEqual({
      cold: { roundTrips: 2, calls: { BatchGetItemCommand: 2, QueryCommand: 2 } },
      warm: { roundTrips: 1, calls: { BatchGetItemCommand: 1 } },
    });
  });

  it('recordAttempt: the key beside the catalog, then the attempt as warm (one read, one transaction)', async () => {
    const api = givenApi(dynamo(), { env: { STAGE: 'prod' } });
    const tracker = trackRoundTrips(api.app.dynamo);
    const record = (clientAttemptId: string) =>
      api.send(
        graphqlEvent(
          {
            query: 'mutation R($input: RecordAttemptInput!) { recordAttempt(input: $input) { duplicate } }',
            variables: { input: { questionId, outcome: 'CORRECT', timeSpentMs: 1000, clientAttemptId } },
          },
          { headers: { 'x-api-key': tenant.secret, 'x-user-id': 'cold-learner' } },
        ),
      );
    try {
      expect((await record('cold-1')).data).toEqual({ recordAttempt: { duplicate: false } });
      const cold = { roundTrips: tracker.roundTrips(), calls: api.lastCalls() };
      tracker.reset();
      expect((await record('cold-2')).data).toEqual({ recordAttempt: { duplicate: false } });
      expect({ cold, warm: { roundTrips: tracker.roundTrips(), calls: api.lastCalls() } }).toEqual({
        cold: { roundTrips: 3, calls: { BatchGetItemCommand: 2, QueryCommand: 1, TransactWriteItemsCommand: 1 } },
        warm: { roundTrips: 2, calls: { BatchGetItemCommand: 1, TransactWriteItemsCommand: 1 } },
      });
    } finally {
      tracker.stop();
    }
  });

  it('costs one Query more, never a wrong answer, when the guess names a bank that is not there', async () => {
    const api = givenApi(dynamo(), { env: { STAGE: 'prod' } });
    const headers = { 'x-api-key': tenant.publishable, origin: 'https://quiz.cold.example' };
    const response = await api.send(graphqlEvent({ query: '{ bank(id: "no-such-bank") { id } }' }, { headers }));
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ bank: null });
    expect(api.lastCalls()).toEqual({ BatchGetItemCommand: 2, QueryCommand: 1 });
    // Not tried again within 10 s: a stream of unknown banks costs no more than their own reads.
    await api.send(graphqlEvent({ query: '{ bank(id: "no-such-bank") { id } }' }, { headers }));
    expect(api.lastCalls()).toEqual({ BatchGetItemCommand: 1 });
  });

  it('reads nothing for a request that cannot be admitted: no key, or none shaped like one', async () => {
    const api = givenApi(dynamo(), { env: { STAGE: 'prod' } });
    const query = `{ randomQuestions(input: { bankId: "${BANK}", count: 1 }) { questions { id } } }`;
    for (const headers of [{}, { 'x-api-key': 'not-a-key' }] as Record<string, string>[]) {
      const refused = await api.send(graphqlEvent({ query }, { headers }));
      expect([refused.status, api.lastCalls()]).toEqual([401, {}]);
    }
  });
});
