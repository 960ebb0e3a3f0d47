import { importBankFiles } from '../../src/usecases/import-banks';
import { SHIPPED_BANK } from '../support/banks';
import { useTable } from '../support/dynamo';
import { givenTenant, type TenantFixture } from '../support/access';
import { givenApi, type TestApi } from '../support/graphql';
import { givenLearner } from '../support/learner';

describe('recording attempts', () => {
  const dynamo = useTable();
  let api: TestApi;
  let acme: TenantFixture;
  let ids: string[];

  beforeAll(async () => {
    await importBankFiles(dynamo(), [SHIPPED_BANK]);
    acme = await givenTenant(dynamo(), 'acme');
    api = givenApi(dynamo(), { env: { STAGE: 'prod' } });
    const page = await givenLearner(api, acme.secret, 'x').ask(
      '{ questions(filter: { bankId: "ml-junior" }, first: 30) { edges { node { id } } } }',
    );
    ids = page.data.questions.edges.map((e: any) => e.node.id);
  });

  it('records an attempt, returns the new state, and costs one read and one transaction', async () => {
    const alice = givenLearner(api, acme.secret, 'alice');
    await alice.record({ questionId: ids[0], outcome: 'CORRECT', clientAttemptId: 'warm-up' });
    const response = await alice.record({
      questionId: ids[1],
      outcome: 'PARTIAL',
      timeSpentMs: 42_000,
      clientAttemptId: 'a-1',
    });
    expect(response.errors).toBeUndefined();
    expect(response.data.recordAttempt).toMatchObject({
      duplicate: false,
      attempt: {
        outcome: 'PARTIAL',
        score: 0.5,
        timeSpentMs: 42_000,
        quizId: null,
        clientAttemptId: 'a-1',
        question: { id: ids[1] },
      },
      state: {
        attempts: 1,
        lapses: 0,
        leech: false,
        lastOutcome: 'PARTIAL',
        stability: 1.2931,
        memoryDifficulty: 5.11217071,
        difficulty: 5.11217071,
        question: { id: ids[1] },
      },
    });
    // The question's revision is read with the user's records (for grading), so the payload's
    // `question` fields need no second read.
    expect(api.lastCalls()).toEqual({ BatchGetItemCommand: 1, TransactWriteItemsCommand: 1 });
  });

  it('returns the original attempt for a retry with the same clientAttemptId, however late, and changes nothing', async () => {
    const bob = givenLearner(api, acme.secret, 'bob');
    const first = await bob.record({ questionId: ids[2], outcome: 'INCORRECT', clientAttemptId: 'retry-me' });
    const again = await bob.record({ questionId: ids[2], outcome: 'INCORRECT', clientAttemptId: 'retry-me' });
    expect(again.data.recordAttempt.duplicate).toBe(true);
    expect(again.data.recordAttempt.attempt).toEqual(first.data.recordAttempt.attempt);
    expect(api.lastCalls().TransactWriteItemsCommand).toBeUndefined();
    const me = await bob.ask('{ me { attemptCount } }');
    expect(me.data.me.attemptCount).toBe(1);
  });

  it('refuses the same clientAttemptId for a different attempt', async () => {
    const carol = givenLearner(api, acme.secret, 'carol');
    await carol.record({ questionId: ids[3], outcome: 'CORRECT', clientAttemptId: 'same' });
    const clash = await carol.record({ questionId: ids[3], outcome: 'INCORRECT', clientAttemptId: 'same' });
    expect(clash.errors!.map((e) => [e.extensions!.code, e.message])).toEqual([
      ['BAD_USER_INPUT', '"clientAttemptId" was already used for a different attempt: use a new id for a new attempt'],
    ]);
  });

  it('keeps scores to 6 decimals, so a tiny score cannot make the counters unwritable (regression)', async () => {
    const zed = givenLearner(api, acme.secret, 'zed');
    for (const [i, score] of [1e-40, 5e-324, 0.1234567].entries()) {
      const response = await zed.record({ questionId: ids[5], outcome: 'PARTIAL', score, clientAttemptId: `z${i}` });
      expect([response.errors, response.data?.recordAttempt.attempt.score]).toEqual([undefined, [0, 0, 0.123457][i]]);
    }
    const next = await givenLearner(api, acme.secret, 'yan').record({
      questionId: ids[5],
      outcome: 'CORRECT',
      clientAttemptId: 'y0',
    });
    expect(next.errors).toBeUndefined();
  });

  it('tells me about myself', async () => {
    const dave = givenLearner(api, acme.secret, 'dave');
    for (const [i, outcome] of ['CORRECT', 'INCORRECT', 'CORRECT', 'SKIPPED'].entries())
      await dave.record({ questionId: ids[i], outcome, clientAttemptId: `d${i}` });
    const me = await dave.ask('{ me { id attemptCount correctRate streakDays lastAttemptAt } }');
    expect(me.data.me).toMatchObject({ id: 'dave', attemptCount: 4, correctRate: 0.5, streakDays: 1 });
    expect(Date.now() - Date.parse(me.data.me.lastAttemptAt)).toBeLessThan(60_000);
  });
});
