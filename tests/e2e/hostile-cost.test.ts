/**
 * Hostile requests that ask for much work in one request, against a production-stage API with a
 * publishable key: list arguments given as variables, aliases of costly fields, and many requests
 * at once. Each refusal has its exact code, a status below 500 and no write; what is admitted
 * stays within a small, fixed number of DynamoDB calls.
 */
import type { AddressInfo } from 'node:net';
import type http from 'node:http';
import { createHttpServer } from '../../src/dev/http-server';
import { DomainError } from '../../src/domain/errors';
import { withCallCeiling } from '../../src/store/client';
import { importBankFiles } from '../../src/usecases/import-banks';
import { givenTenant, type TenantFixture } from '../support/access';
import { SHIPPED_BANK } from '../support/banks';
import { useTable, WRITE_COMMANDS } from '../support/dynamo';
import { givenApi, graphqlEvent, type GraphQLResponse, type TestApi } from '../support/graphql';

const ORIGIN = 'https://quiz.acme.test';
const BANK = 'ml-junior';
const aliases = (n: number, field: string, prefix = 'a') =>
  Array.from({ length: n }, (_, i) => `${prefix}${i}: ${field}`).join(' ');

interface CostCase {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  /** Needs a user (the publishable key then carries a user token). */
  user?: boolean;
}

const REFUSED: CostCase[] = [
  {
    name: 'the red-team query: 15 aliases of questions(first: $n) with nested pages, $n = 100',
    query: `query($n: Int) { ${aliases(15, 'questions(first: $n) { edges { node { id text section { questions(first: $n) { edges { node { id text answer } } } } } } }')} }`,
    variables: { n: 100 },
  },
  {
    name: 'the same with first: 100 as a literal',
    query: `{ ${aliases(15, 'questions(first: 100) { edges { node { id section { questions(first: 100) { edges { node { id } } } } } } }')} }`,
  },
  {
    name: 'questions(first: $n) aliases',
    query: `query($n: Int) { ${aliases(10, 'questions(first: $n) { edges { node { id text answer } } }')} }`,
    variables: { n: 100 },
  },
  {
    name: 'Section.questions(first: $n) under every section, aliased',
    query: `query($n: Int) { ${aliases(3, `bank(id: "${BANK}") { sections { questions(first: $n) { edges { node { id text } } } } }`)} }`,
    variables: { n: 100 },
  },
  {
    name: 'randomQuestions with count: 50 in a variable input, aliased with nested pages',
    query: `query($in: RandomQuestionsInput!) { ${aliases(15, 'randomQuestions(input: $in) { questions { section { questions(first: 100) { edges { node { id } } } } } }')} }`,
    variables: { in: { bankId: BANK, count: 50 } },
  },
  {
    name: 'attempts(first: $n) aliases',
    query: `query($n: Int) { ${aliases(15, 'attempts(first: $n) { edges { node { id question { id text } } } }')} }`,
    variables: { n: 100 },
    user: true,
  },
  {
    name: 'weakTopics(limit: $n) aliases',
    query: `query($n: Int) { ${aliases(15, `weakTopics(bankId: "${BANK}", limit: $n) { attempts section { title } }`)} }`,
    variables: { n: 50 },
    user: true,
  },
  {
    name: 'dueQuestions(limit: $n) aliases',
    query: `query($n: Int) { ${aliases(15, `dueQuestions(bankId: "${BANK}", limit: $n) { due question { id } }`)} }`,
    variables: { n: 100 },
    user: true,
  },
  {
    name: 'startQuiz(count: $n) aliases (a mutation: nothing may be written)',
    query: `mutation($n: Int) { ${aliases(15, `startQuiz(input: { bankId: "${BANK}", count: $n }) { id questions { id } }`)} }`,
    variables: { n: 50 },
    user: true,
  },
  { name: '15 aliases of sectionStats', query: `{ ${aliases(15, `sectionStats(bankId: "${BANK}") { attempts }`)} }` },
  {
    name: '15 aliases of hardestQuestions(limit: $n)',
    query: `query($n: Int) { ${aliases(15, `hardestQuestions(bankId: "${BANK}", limit: $n) { attempts }`)} }`,
    variables: { n: 100 },
  },
  {
    name: '15 aliases of activity(days: $n)',
    query: `query($n: Int) { ${aliases(15, `activity(bankId: "${BANK}", days: $n) { date }`)} }`,
    variables: { n: 90 },
  },
  {
    name: 'the red-team mix: 5 aliases each of hardestQuestions, sectionStats and activity',
    query: `{ ${aliases(5, `hardestQuestions(bankId: "${BANK}") { attempts }`)} ${aliases(5, `sectionStats(bankId: "${BANK}") { attempts }`, 'b')} ${aliases(5, `activity(bankId: "${BANK}") { date }`, 'c')} }`,
  },
];

/** The heaviest requests the cost limit still admits: each read, its response and its DynamoDB calls. */
const HEAVIEST: CostCase[] = [
  {
    name: '7 pages of 100 questions with their answers and sections',
    query: `{ ${aliases(7, 'questions(first: 100) { edges { node { id text answer tags section { title } } } }')} }`,
  },
  {
    name: 'every section of the bank with a page of 100 texts',
    query: `{ bank(id: "${BANK}") { sections { questions(first: 100) { edges { node { id text answer } } } } } }`,
  },
  {
    name: '4 stats fields and a page',
    query: `{ sectionStats(bankId: "${BANK}") { attempts } hardestQuestions(bankId: "${BANK}") { attempts } activity(bankId: "${BANK}", days: 1) { date } s2: sectionStats(bankId: "${BANK}") { attempts } banks { id } }`,
  },
  {
    name: '4 activity fields of one day, banks and me',
    query: `{ ${aliases(4, `activity(bankId: "${BANK}", days: 1) { date }`)} banks { id } me { id } }`,
    user: true,
  },
  {
    name: '15 aliases of questionStats',
    query: `{ ${aliases(15, `questionStats(questionId: "${BANK}/QID") { attempts question { text } }`)} }`,
  },
];

/** Objects in a response: every JSON object and array element below `data`. */
function objectsIn(value: unknown): number {
  if (Array.isArray(value)) return value.reduce<number>((sum, v) => sum + objectsIn(v), 0);
  if (value && typeof value === 'object') return 1 + Object.values(value).reduce<number>((s, v) => s + objectsIn(v), 0);
  return 0;
}

describe('hostile costs (STAGE=prod, publishable key)', () => {
  const dynamo = useTable();
  let api: TestApi;
  let acme: TenantFixture;
  let token: string;
  let questionId: string;

  const send = (c: CostCase, tenant = acme): Promise<GraphQLResponse> =>
    api.send(
      graphqlEvent(
        { query: c.query.replaceAll(`${BANK}/QID`, questionId), variables: c.variables },
        {
          headers: {
            'x-api-key': tenant.publishable,
            origin: ORIGIN,
            ...(c.user ? { authorization: `Bearer ${token}` } : {}),
          },
        },
      ),
    );
  const writes = () => Object.entries(api.lastCalls()).filter(([command]) => WRITE_COMMANDS.includes(command));

  beforeAll(async () => {
    await importBankFiles(dynamo(), [SHIPPED_BANK]);
    acme = await givenTenant(dynamo(), 'acme', [ORIGIN]);
    token = await acme.token('mallory');
    api = givenApi(dynamo(), { env: { STAGE: 'prod' } });
    const page = await send({ name: 'first question', query: '{ questions(first: 1) { edges { node { id } } } }' });
    questionId = page.data!.questions.edges[0].node.id;
  });

  it.each(REFUSED.map((c) => [c.name, c] as const))('refuses %s', async (_name, c) => {
    const response = await send(c);
    expect([response.status, (response.errors ?? []).map((e) => e.extensions?.code)]).toEqual([
      200,
      ['GRAPHQL_VALIDATION_FAILED'],
    ]);
    expect(response.errors![0].message).toMatch(/^the query costs \d+ points; one request may cost 5000/);
    expect(response.data).toBeUndefined();
    expect(writes()).toEqual([]);
  });

  it.each(HEAVIEST.map((c) => [c.name, c] as const))('admits %s within 25 DynamoDB calls', async (_name, c) => {
    const response = await send(c);
    expect([response.status, response.errors]).toEqual([200, undefined]);
    const calls = Object.values(api.lastCalls()).reduce((sum, n) => sum + n, 0);
    if (process.env.MEASURE_COST) {
      console.log(`${c.name}: ${response.raw.length} bytes, ${objectsIn(response.data)} objects, ${calls} calls`);
    }
    expect(calls).toBeLessThanOrEqual(25);
    expect(response.raw.length).toBeLessThan(1_500_000);
    expect(writes()).toEqual([]);
  });

  it('charges aliases of a cheap stats field by their cost: a second request is over a 5 rps / burst 10 key', async () => {
    const small = await givenTenant(dynamo(), 'small-stats', [ORIGIN], { rps: 5, burst: 10 });
    const stats = HEAVIEST.find((c) => c.name === '15 aliases of questionStats')!;
    const first = await send(stats, small);
    const second = await send(stats, small);
    expect([first.status, first.errors]).toEqual([200, undefined]);
    expect([second.status, second.errors!.map((e) => e.extensions?.code)]).toEqual([429, ['RATE_LIMITED']]);
    expect(second.errors![0].extensions!.retryAfterMs).toBeLessThanOrEqual(1000);
    expect(second.headers['retry-after']).toBe('1');
    // the only write is the rate limiter's report of the key's usage
    expect(writes().filter(([command]) => command !== 'UpdateItemCommand')).toEqual([]);
  });

  it('does not charge a request refused for its cost its estimate', async () => {
    const small = await givenTenant(dynamo(), 'small-refused', [ORIGIN], { rps: 5, burst: 10 });
    for (let i = 0; i < 3; i++) {
      const refused = await send(REFUSED[0], small);
      expect(refused.errors!.map((e) => e.extensions?.code)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    }
    // 3 units used by the refused requests; a 5-unit request still fits the burst of 10
    const page = await send(
      { name: 'five units', query: `{ ${aliases(4, 'questions(first: 100) { edges { node { id } } }')} }` },
      small,
    );
    expect([page.status, page.errors]).toEqual([200, undefined]);
  });

  it('stops a request at its ceiling of DynamoDB calls, sending nothing over it', async () => {
    const ceiling = withCallCeiling(dynamo(), 2);
    const before = dynamo().calls.total();
    const describeTable = async () => {
      const { DescribeTableCommand } = await import('@aws-sdk/client-dynamodb');
      return ceiling.doc.send(new DescribeTableCommand({ TableName: ceiling.tableName }));
    };
    await describeTable();
    await describeTable();
    const third = await describeTable().catch((error: unknown) => error);
    expect(third).toBeInstanceOf(DomainError);
    expect([(third as DomainError).code, (third as DomainError).details]).toEqual([
      'RATE_LIMITED',
      { maxDynamoDBCalls: 2 },
    ]);
    expect(dynamo().calls.total() - before).toBe(2);
  });
});

describe('many requests at once over HTTP', () => {
  const dynamo = useTable();
  let server: http.Server;

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('admits at most 30 of 100 concurrent requests on a 5 rps / burst 10 key', async () => {
    await importBankFiles(dynamo(), [SHIPPED_BANK]);
    const busy = await givenTenant(dynamo(), 'busy', [], { rps: 5, burst: 10 });
    // The API's own handler: a second one on the same app would start its Apollo server twice.
    server = createHttpServer(givenApi(dynamo(), { env: { STAGE: 'prod' } }).handler);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    const ask = () =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': busy.secret },
        body: JSON.stringify({ query: '{ banks { id } }' }),
      });
    // the key is looked up once (and cached), then the 100 start right after a window boundary
    expect((await ask()).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 5));
    const statuses = await Promise.all(
      Array.from({ length: 100 }, async () => {
        const response = await ask();
        const body = (await response.json()) as { errors?: { extensions: { code: string } }[] };
        return response.status === 200 ? 200 : `${response.status} ${body.errors![0].extensions.code}`;
      }),
    );
    const admitted = statuses.filter((status) => status === 200).length;
    expect(admitted).toBeGreaterThanOrEqual(10);
    expect(admitted).toBeLessThanOrEqual(30);
    expect(new Set(statuses.filter((status) => status !== 200))).toEqual(new Set(['429 RATE_LIMITED']));
  });
});
