/**
 * Hostile values in arguments that reach a DynamoDB key or a key condition (issue 11): each must
 * get its exact answer — an error code, or for a well-formed but empty range an empty page — an
 * HTTP status below 500, and write nothing. tests/e2e/hostile.test.ts holds the shape, HTTP and
 * key cases.
 */
import { importBankFiles } from '../../src/usecases/import-banks';
import { SHIPPED_BANK } from '../support/banks';
import { useTable, WRITE_COMMANDS } from '../support/dynamo';
import { givenTenant, type TenantFixture } from '../support/access';
import { givenApi, graphqlEvent, type GraphQLResponse, type TestApi } from '../support/graphql';

interface Fixtures {
  acme: TenantFixture;
  questionId: string;
  /** A cursor of mallory's one attempt. */
  cursor: string;
}

interface Case {
  name: string;
  /** The one error code expected; null when the answer is data. */
  code: string | null;
  /** With `code: null`, the exact data. */
  data?: unknown;
  query: string;
  variables?: (t: Fixtures) => Record<string, unknown>;
}

const RECORD = 'mutation A($input: RecordAttemptInput!) { recordAttempt(input: $input) { duplicate } }';
const record = (extra: Record<string, unknown>) => (t: Fixtures) => ({
  input: { questionId: t.questionId, outcome: 'CORRECT', clientAttemptId: 'hostile-input', ...extra },
});
const ATTEMPTS =
  'query L($filter: AttemptFilter, $after: String) { attempts(filter: $filter, after: $after) { edges { cursor } } }';
const attemptsSince =
  (since: string, withCursor = false) =>
  (t: Fixtures) => ({
    filter: { since },
    ...(withCursor ? { after: t.cursor } : {}),
  });
const filtered = (filter: Record<string, unknown>) => () => ({ filter });
const long = (n: number, prefix = ''): string => prefix + 'x'.repeat(n - prefix.length);

const CASES: Case[] = [
  // recordAttempt: the quiz id becomes a sort key (DynamoDB takes at most 1,024 bytes)
  {
    name: 'an attempt with a 1,100-character quizId',
    code: 'BAD_USER_INPUT',
    query: RECORD,
    variables: record({ quizId: long(1100) }),
  },
  { name: 'an attempt with an empty quizId', code: 'BAD_USER_INPUT', query: RECORD, variables: record({ quizId: '' }) },
  {
    name: 'an attempt with a quizId that is no quiz id',
    code: 'BAD_USER_INPUT',
    query: RECORD,
    variables: record({ quizId: 'quiz#1' }),
  },
  {
    name: 'an attempt with a 1,100-character questionId',
    code: 'BAD_USER_INPUT',
    query: RECORD,
    variables: record({ questionId: long(1100, 'ml-junior/') }),
  },
  {
    name: 'an attempt with a 200-character clientAttemptId',
    code: 'BAD_USER_INPUT',
    query: RECORD,
    variables: record({ clientAttemptId: long(200) }),
  },
  // attempts(filter, after): since is an instant, the range and the cursor must agree
  {
    name: 'since after the cursor (inverted range)',
    code: null,
    data: { attempts: { edges: [] } },
    query: ATTEMPTS,
    variables: attemptsSince('2999-01-01', true),
  },
  {
    name: 'since in the far future',
    code: null,
    data: { attempts: { edges: [] } },
    query: ATTEMPTS,
    variables: attemptsSince('2999-01-01T00:00:00Z'),
  },
  {
    name: 'since with a five-digit year (+010000)',
    code: 'BAD_USER_INPUT',
    query: ATTEMPTS,
    variables: attemptsSince('+010000-01-01T00:00:00Z'),
  },
  {
    name: 'since with a negative year (-000001)',
    code: 'BAD_USER_INPUT',
    query: ATTEMPTS,
    variables: attemptsSince('-000001-01-01T00:00:00Z'),
  },
  { name: 'since as a bare number', code: 'BAD_USER_INPUT', query: ATTEMPTS, variables: attemptsSince('1') },
  { name: 'since on 30 February', code: 'BAD_USER_INPUT', query: ATTEMPTS, variables: attemptsSince('2024-02-30') },
  {
    name: 'since in a free-text date format',
    code: 'BAD_USER_INPUT',
    query: ATTEMPTS,
    variables: attemptsSince('March 7, 2024'),
  },
  {
    name: 'since of 1,100 characters',
    code: 'BAD_USER_INPUT',
    query: ATTEMPTS,
    variables: attemptsSince(long(1100, '2024-01-01T00:00:00')),
  },
  // attempts(filter): ids that name an index partition (at most 2,048 bytes)
  {
    name: 'an attempts filter with a 3,000-character questionId',
    code: 'BAD_USER_INPUT',
    query: ATTEMPTS,
    variables: filtered({ questionId: long(3000, 'ml-junior/') }),
  },
  {
    name: 'an attempts filter with a 3,000-character sectionId',
    code: 'BAD_USER_INPUT',
    query: ATTEMPTS,
    variables: filtered({ sectionId: long(3000, 'ml-junior/') }),
  },
  {
    name: 'an attempts filter with a 3,000-character bankId',
    code: 'BAD_USER_INPUT',
    query: ATTEMPTS,
    variables: filtered({ bankId: long(3000) }),
  },
  {
    name: 'an attempts filter with an empty questionId',
    code: 'BAD_USER_INPUT',
    query: ATTEMPTS,
    variables: filtered({ questionId: '' }),
  },
  {
    name: 'an attempts filter with a bankId holding #',
    code: 'BAD_USER_INPUT',
    query: ATTEMPTS,
    variables: filtered({ bankId: 'ml-junior#Q' }),
  },
  // other user-scoped and tenant-wide ids
  {
    name: 'a quiz id of 1,100 characters',
    code: null,
    data: { quiz: null },
    query: 'query Q($id: ID!) { quiz(id: $id) { id } }',
    variables: () => ({ id: long(1100) }),
  },
  {
    name: 'weakTopics of a 3,000-character bank id',
    code: 'BAD_USER_INPUT',
    query: 'query W($b: ID!) { weakTopics(bankId: $b) { attempts } }',
    variables: () => ({ b: long(3000) }),
  },
  {
    name: 'dueQuestions with a 3,000-character section id',
    code: 'BAD_USER_INPUT',
    query: 'query D($s: [ID!]) { dueQuestions(bankId: "ml-junior", sectionIds: $s) { due } }',
    variables: () => ({ s: [long(3000, 'ml-junior/')] }),
  },
  {
    name: 'startQuiz in a 3,000-character bank',
    code: 'BAD_USER_INPUT',
    query: 'mutation S($b: ID!) { startQuiz(input: { bankId: $b }) { id } }',
    variables: () => ({ b: long(3000) }),
  },
  {
    name: 'startQuiz with a 3,000-character seed',
    code: 'BAD_USER_INPUT',
    query: 'mutation S($s: String) { startQuiz(input: { bankId: "ml-junior", seed: $s }) { id } }',
    variables: () => ({ s: long(3000) }),
  },
  {
    name: 'questionStats of a 1,100-character question id',
    code: 'BAD_USER_INPUT',
    query: 'query S($q: ID!) { questionStats(questionId: $q) { attempts } }',
    variables: () => ({ q: long(1100, 'ml-junior/') }),
  },
  {
    name: 'sectionStats of a 3,000-character bank id',
    code: 'BAD_USER_INPUT',
    query: 'query S($b: ID!) { sectionStats(bankId: $b) { attempts } }',
    variables: () => ({ b: long(3000) }),
  },
  {
    name: 'activity of a 3,000-character bank id',
    code: 'BAD_USER_INPUT',
    query: 'query S($b: ID!) { activity(bankId: $b) { attempts } }',
    variables: () => ({ b: long(3000) }),
  },
  // content ids
  {
    name: 'question(id) of 1,100 characters',
    code: null,
    data: { question: null },
    query: 'query Q($id: ID!) { question(id: $id) { id } }',
    variables: () => ({ id: long(1100, 'ml-junior/') }),
  },
  {
    name: 'section(id) of 3,000 characters',
    code: null,
    data: { section: null },
    query: 'query Q($id: ID!) { section(id: $id) { id } }',
    variables: () => ({ id: long(3000, 'ml-junior/') }),
  },
  {
    name: 'bank(id) of 3,000 characters',
    code: null,
    data: { bank: null },
    query: 'query Q($id: ID!) { bank(id: $id) { id } }',
    variables: () => ({ id: long(3000) }),
  },
  {
    name: 'questions filtered by a 3,000-character tag',
    code: 'BAD_USER_INPUT',
    query: 'query Q($t: [String!]) { questions(filter: { tags: $t }) { totalCount } }',
    variables: () => ({ t: [long(3000)] }),
  },
];

describe('hostile input values (STAGE=prod)', () => {
  const dynamo = useTable();
  let api: TestApi;
  let fixtures: Fixtures;

  beforeAll(async () => {
    await importBankFiles(dynamo(), [SHIPPED_BANK]);
    const acme = await givenTenant(dynamo(), 'acme');
    api = givenApi(dynamo(), { env: { STAGE: 'prod' } });
    const headers = { 'x-api-key': acme.secret, 'x-user-id': 'mallory' };
    const ask = (query: string, variables?: Record<string, unknown>) =>
      api.send(graphqlEvent({ query, variables }, { headers })) as Promise<GraphQLResponse<any>>;
    const page = await ask('{ questions(first: 1) { edges { node { id } } } }');
    const questionId = page.data!.questions.edges[0].node.id;
    await ask(RECORD, { input: { questionId, outcome: 'CORRECT', clientAttemptId: 'setup' } });
    const listed = await ask('{ attempts { edges { cursor } } }');
    fixtures = { acme, questionId, cursor: listed.data!.attempts.edges[0].cursor };
  });

  it.each(CASES.map((c) => [c.name, c] as const))('answers %s', async (_name, hostile) => {
    const response = await api.send(
      graphqlEvent(
        { query: hostile.query, variables: hostile.variables?.(fixtures) },
        { headers: { 'x-api-key': fixtures.acme.secret, 'x-user-id': 'mallory' } },
      ),
    );
    const codes = [...new Set((response.errors ?? []).map((e) => e.extensions?.code))];
    expect([response.status, codes]).toEqual([200, hostile.code ? [hostile.code] : []]);
    if (hostile.code === null) expect(response.data).toEqual(hostile.data);
    const writes = Object.entries(api.lastCalls()).filter(([command]) => WRITE_COMMANDS.includes(command));
    expect(writes).toEqual([]);
  });
});
