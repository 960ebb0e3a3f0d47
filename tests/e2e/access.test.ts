import { importBankFiles } from '../../src/usecases/import-banks';
import { SHIPPED_BANK } from '../support/banks';
import { useTable } from '../support/dynamo';
import { givenTenant, type TenantFixture } from '../support/access';
import { givenApi, graphqlEvent, type TestApi } from '../support/graphql';

const ME = '{ me { id tenantId } }';

describe('tenants, keys and users (STAGE=prod)', () => {
  const dynamo = useTable();
  let acme: TenantFixture;
  let globex: TenantFixture;
  let api: TestApi;
  const ask = (query: string, headers: Record<string, string>) => api.send(graphqlEvent({ query }, { headers }));

  beforeAll(async () => {
    await importBankFiles(dynamo(), [SHIPPED_BANK]);
    acme = await givenTenant(dynamo(), 'acme', ['https://quiz.acme.test']);
    globex = await givenTenant(dynamo(), 'globex');
    api = givenApi(dynamo(), { env: { STAGE: 'prod' } });
  });

  it('serves content to a publishable key from an allowed origin, with CORS headers', async () => {
    const response = await ask('{ bank(id: "ml-junior") { questionCount } }', {
      'x-api-key': acme.publishable,
      origin: 'https://quiz.acme.test',
    });
    expect([response.status, response.data]).toEqual([200, { bank: { questionCount: 58 } }]);
    expect(response.headers['access-control-allow-origin']).toBe('https://quiz.acme.test');
  });

  it('gives secret-key responses no CORS header', async () => {
    const response = await ask('{ banks { id } }', { 'x-api-key': acme.secret, origin: 'https://quiz.acme.test' });
    expect(response.status).toBe(200);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers CORS preflights without running anything', async () => {
    const response = await api.send(
      graphqlEvent(null, { method: 'OPTIONS', headers: { origin: 'https://quiz.acme.test' } }),
    );
    expect(response.status).toBe(204);
    expect(response.headers).toMatchObject({
      'access-control-allow-origin': 'https://quiz.acme.test',
      'access-control-allow-headers': expect.stringContaining('x-api-key'),
    });
    expect(api.lastCalls()).toEqual({});
  });

  it('knows the user from a user token, and from x-user-id with a secret key', async () => {
    const viaToken = await ask(ME, {
      'x-api-key': acme.publishable,
      authorization: `Bearer ${await acme.token('alice')}`,
    });
    expect(viaToken.data).toEqual({ me: { id: 'alice', tenantId: 'acme' } });
    const viaHeader = await ask(ME, { 'x-api-key': globex.secret, 'x-user-id': 'bob' });
    expect(viaHeader.data).toEqual({ me: { id: 'bob', tenantId: 'globex' } });
  });

  it('never lets a tenant act for another tenant’s users, whatever it sends', async () => {
    const globexToken = await globex.token('alice');
    const withAcmeKey = await ask(ME, { 'x-api-key': acme.publishable, authorization: `Bearer ${globexToken}` });
    expect([withAcmeKey.status, withAcmeKey.errors![0].extensions!.code]).toEqual([401, 'UNAUTHENTICATED']);
    // the same user id under two tenants is two different users
    const acmeAlice = await ask(ME, { 'x-api-key': acme.secret, 'x-user-id': 'alice' });
    const globexAlice = await ask(ME, { 'x-api-key': globex.secret, 'x-user-id': 'alice' });
    expect([acmeAlice.data, globexAlice.data]).toEqual([
      { me: { id: 'alice', tenantId: 'acme' } },
      { me: { id: 'alice', tenantId: 'globex' } },
    ]);
  });

  it('keeps every user-scoped operation inside the tenant of the key, whatever user id is sent', async () => {
    const acmeAlice = { 'x-api-key': acme.secret, 'x-user-id': 'alice' };
    const globexAlice = { 'x-api-key': globex.secret, 'x-user-id': 'alice' };
    const questionId = (await ask('{ questions(first: 1) { edges { node { id } } } }', acmeAlice)).data!.questions
      .edges[0].node.id;
    const recorded = await api.send(
      graphqlEvent(
        {
          query: 'mutation($i: RecordAttemptInput!) { recordAttempt(input: $i) { duplicate } }',
          variables: { i: { questionId, outcome: 'INCORRECT', clientAttemptId: 'iso-1' } },
        },
        { headers: acmeAlice },
      ),
    );
    expect(recorded.data).toEqual({ recordAttempt: { duplicate: false } });
    const quiz = await api.send(
      graphqlEvent(
        { query: 'mutation { startQuiz(input: { bankId: "ml-junior", count: 2 }) { id } }' },
        { headers: acmeAlice },
      ),
    );
    const quizId = quiz.data!.startQuiz.id;

    const seenByGlobex = await api.send(
      graphqlEvent(
        {
          query: `{ me { attemptCount } attempts { edges { node { id } } } weakTopics(bankId: "ml-junior") { attempts } dueQuestions(bankId: "ml-junior") { attempts }
                    quiz(id: "${quizId}") { id } randomQuestions(input: { bankId: "ml-junior", count: 1, excludeSeen: true }) { poolSize exhausted } }`,
        },
        { headers: globexAlice },
      ),
    );
    expect(seenByGlobex.data).toEqual({
      me: { attemptCount: 0 },
      attempts: { edges: [] },
      weakTopics: [],
      dueQuestions: [],
      quiz: null,
      randomQuestions: { poolSize: 58, exhausted: false },
    });
    // the same clientAttemptId under another tenant is another attempt, and acme's quiz is unknown there
    const globexAttempt = await api.send(
      graphqlEvent(
        {
          query: 'mutation($i: RecordAttemptInput!) { recordAttempt(input: $i) { duplicate } }',
          variables: { i: { questionId, outcome: 'CORRECT', clientAttemptId: 'iso-1' } },
        },
        { headers: globexAlice },
      ),
    );
    expect(globexAttempt.data).toEqual({ recordAttempt: { duplicate: false } });
    const inForeignQuiz = await api.send(
      graphqlEvent(
        {
          query: 'mutation($i: RecordAttemptInput!) { recordAttempt(input: $i) { duplicate } }',
          variables: { i: { questionId, outcome: 'CORRECT', clientAttemptId: 'iso-2', quizId } },
        },
        { headers: globexAlice },
      ),
    );
    expect(inForeignQuiz.errors!.map((e) => e.extensions!.code)).toEqual(['BAD_USER_INPUT']);
    const acmeMe = await ask('{ me { attemptCount } }', acmeAlice);
    expect(acmeMe.data).toEqual({ me: { attemptCount: 1 } });
  });

  it('refuses user-scoped queries without a user, but serves content', async () => {
    const response = await ask(`${ME.slice(0, -1)} banks { id } }`, { 'x-api-key': acme.secret });
    expect(response.data).toBeNull();
    expect(response.errors!.map((e) => [e.extensions!.code, e.path])).toEqual([['UNAUTHENTICATED', ['me']]]);
  });

  it('lets legitimate deep queries through: the Relay path to a question’s source line, and depth 10', async () => {
    const deep = await ask(
      '{ bank(id: "ml-junior") { sections { questions(first: 1) { edges { node { source { line } } } } } } }',
      { 'x-api-key': acme.secret },
    );
    expect(deep.errors).toBeUndefined();
    expect(deep.data!.bank.sections[0].questions.edges[0].node.source.line).toBe(17);
    const depth10 =
      '{ bank(id: "ml-junior") { sections { questions(first: 1) { edges { node { section { questions(first: 1) { edges { node { id } } } } } } } } } }';
    expect((await ask(depth10, { 'x-api-key': acme.secret })).errors).toBeUndefined();
  });

  it('logs who called and how it went, never the key, the token or the content', async () => {
    const lines: string[] = [];
    const logged = givenApi(dynamo(), { env: { STAGE: 'prod' }, log: (line) => lines.push(line) });
    const token = await acme.token('alice');
    await logged.send(
      graphqlEvent(
        { query: 'query Mine { me { id } question(id: "ml-junior/nope") { text } }' },
        { headers: { 'x-api-key': acme.publishable, authorization: `Bearer ${token}` } },
      ),
    );
    expect(lines.map((line) => JSON.parse(line))).toEqual([
      {
        level: 'info',
        time: expect.any(String),
        message: 'request',
        requestId: expect.any(String),
        tenantId: 'acme',
        keyId: expect.stringMatching(/^[a-z0-9]{16}$/),
        sourceIp: '127.0.0.1',
        operationName: 'Mine',
        durationMs: expect.any(Number),
        status: 200,
        errors: 0,
        code: null,
      },
    ]);
    expect(lines.join('\n')).not.toContain(acme.publishable.slice(23));
    expect(lines.join('\n')).not.toContain(token.split('.')[2]);
  });

  it('costs no DynamoDB call to authenticate on a warm container', async () => {
    await ask('{ question(id: "ml-junior/nope") { id } }', { 'x-api-key': acme.secret });
    await ask('{ question(id: "ml-junior/nope") { id } }', { 'x-api-key': acme.secret });
    expect(api.lastCalls()).toEqual({ BatchGetItemCommand: 1 });
  });
});

describe('rate limiting across instances', () => {
  const dynamo = useTable();

  it('keeps two independent instances sharing one key within the limit plus the documented tolerance', async () => {
    const tenant = await givenTenant(dynamo(), 'busy', [], { rps: 10, burst: 10 });
    const instances = [givenApi(dynamo(), { env: { STAGE: 'prod' } }), givenApi(dynamo(), { env: { STAGE: 'prod' } })];
    const headers = { 'x-api-key': tenant.secret };
    // start right after a window boundary and run for two whole one-second windows
    await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 5));
    const end = Math.floor(Date.now() / 1000) * 1000 + 2000;
    const outcomes = { accepted: 0, limited: 0, retryAfter: new Set<number>() };
    while (Date.now() < end - 20) {
      const responses = await Promise.all(
        instances.map((api) => api.send(graphqlEvent({ query: '{ banks { id } }' }, { headers }))),
      );
      for (const response of responses) {
        if (response.status === 200) outcomes.accepted++;
        else {
          expect([response.status, response.errors![0].extensions!.code]).toEqual([429, 'RATE_LIMITED']);
          expect(response.errors![0].extensions!.retryAfterMs).toBeLessThanOrEqual(1000);
          outcomes.limited++;
        }
      }
    }
    // 2 windows × 10, and at most 50 % more with two instances (src/auth/rate-limiter.ts)
    expect(outcomes.accepted).toBeGreaterThanOrEqual(20);
    expect(outcomes.accepted).toBeLessThanOrEqual(30);
    expect(outcomes.limited).toBeGreaterThan(0);
  });
});
