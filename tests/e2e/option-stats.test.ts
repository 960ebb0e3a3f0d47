/**
 * Option statistics (distractor analysis): per-option pick counters written in the attempt's one
 * transaction, served as QuestionStats.options, isolated per tenant, recounted by stats:verify,
 * and the wrong-key signal of strong learners in hardestQuestions.
 */
import path from 'node:path';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { rebuildStats, verifyStats } from '../../src/admin/stats';
import { shardOf } from '../../src/domain/attempt-effects';
import { importBankFiles } from '../../src/usecases/import-banks';
import { givenTenant, type TenantFixture } from '../support/access';
import { useTable } from '../support/dynamo';
import { givenApi, graphqlEvent, type GraphQLResponse, type TestApi } from '../support/graphql';

const ENGLISH_BANK = path.resolve(__dirname, '../../seed/banks/ml-fundamentals.en.md');
const ORIGIN = 'https://quiz.acme.test';
const REGRESSION = 'ml-fundamentals/which-is-regression';
const OPEN = 'ml-fundamentals/data-leakage';
const RECORD = 'mutation($in: RecordAttemptInput!) { recordAttempt(input: $in) { attempt { outcome } } }';
const STATS = `query($q: ID!) {
  questionStats(questionId: $q) { attempts suspectedWrongKey options { option { id text correct } picks pickRate } }
}`;

describe('option statistics', () => {
  const dynamo = useTable();
  let api: TestApi;
  let acme: TenantFixture;
  let other: TenantFixture;
  let spam: string, demand: string, grouping: string;

  const asServer = (tenant: TenantFixture, userId: string, query: string, variables: Record<string, unknown> = {}) =>
    api.send(
      graphqlEvent({ query, variables }, { headers: { 'x-api-key': tenant.secret, 'x-user-id': userId } }),
    ) as Promise<GraphQLResponse<any>>;
  const asBrowser = async (userId: string, query: string, variables: Record<string, unknown>) =>
    api.send(
      graphqlEvent(
        { query, variables },
        {
          headers: {
            'x-api-key': acme.publishable,
            authorization: `Bearer ${await acme.token(userId)}`,
            origin: ORIGIN,
          },
        },
      ),
    ) as Promise<GraphQLResponse<any>>;
  let sent = 0;
  const pick = async (tenant: TenantFixture, userId: string, questionId: string, picks: string[]) => {
    const response = await asServer(tenant, userId, RECORD, {
      in: { questionId, selectedOptionIds: picks, clientAttemptId: `c${++sent}` },
    });
    expect(response.errors).toBeUndefined();
  };
  /** Five CORRECT self-graded attempts: the user counts as a strong learner from then on. */
  const makeStrong = async (tenant: TenantFixture, userId: string) => {
    for (let i = 0; i < 5; i++) {
      const response = await asServer(tenant, userId, RECORD, {
        in: { questionId: OPEN, outcome: 'CORRECT', clientAttemptId: `c${++sent}` },
      });
      expect(response.errors).toBeUndefined();
    }
  };

  beforeAll(async () => {
    await importBankFiles(dynamo(), [ENGLISH_BANK]);
    acme = await givenTenant(dynamo(), 'acme', [ORIGIN]);
    other = await givenTenant(dynamo(), 'other');
    api = givenApi(dynamo(), { env: { STAGE: 'prod' } });
    const question = await asServer(
      acme,
      'reader',
      `{ question(id: "${REGRESSION}") { options(shuffleOptions: false) { id } } }`,
    );
    [spam, demand, grouping] = question.data!.question.options.map((o: any) => o.id);
  });

  it('counts the picks of every option in source order, with pick rates over graded attempts', async () => {
    await pick(acme, 'u1', REGRESSION, [spam]);
    await pick(acme, 'u2', REGRESSION, [demand]);
    await pick(acme, 'u3', REGRESSION, [demand]);
    await pick(acme, 'u1', REGRESSION, [demand]);
    const stats = await asServer(acme, 'reader', STATS, { q: REGRESSION });
    expect(stats.errors).toBeUndefined();
    expect(stats.data!.questionStats).toEqual({
      attempts: 4,
      suspectedWrongKey: false,
      options: [
        { option: { id: spam, text: 'Deciding whether an e-mail is spam', correct: false }, picks: 1, pickRate: 0.25 },
        {
          option: { id: demand, text: "Predicting tomorrow's electricity demand in megawatts", correct: true },
          picks: 3,
          pickRate: 0.75,
        },
        {
          option: { id: grouping, text: 'Grouping customers by purchase history', correct: false },
          picks: 0,
          pickRate: 0,
        },
      ],
    });
    // The counters, the question and its bank in one read.
    expect(api.lastCalls()).toEqual({ BatchGetItemCommand: 1 });
  });

  it('withholds Option.correct from a publishable key that has not answered', async () => {
    const stats = await asBrowser('nobody', STATS, { q: REGRESSION });
    expect(stats.data!.questionStats.options.map((o: any) => [o.picks, o.option.correct])).toEqual([
      [1, null],
      [3, null],
      [0, null],
    ]);
  });

  it('has no options for an open question', async () => {
    await makeStrong(acme, 'open-only');
    const stats = await asServer(acme, 'reader', STATS, { q: OPEN });
    expect(stats.data!.questionStats).toEqual({ attempts: 5, suspectedWrongKey: false, options: [] });
  });

  it("keeps each tenant's option counters apart", async () => {
    await pick(other, 'x1', REGRESSION, [grouping]);
    const mine = await asServer(acme, 'reader', STATS, { q: REGRESSION });
    const theirs = await asServer(other, 'reader', STATS, { q: REGRESSION });
    expect(mine.data!.questionStats.options.map((o: any) => o.picks)).toEqual([1, 3, 0]);
    expect(theirs.data!.questionStats.options.map((o: any) => o.picks)).toEqual([0, 0, 1]);
    expect(theirs.data!.questionStats.options.map((o: any) => o.pickRate)).toEqual([0, 0, 1]);
  });

  it('flags a question whose distractor strong learners pick more often than the key, from 10 of their attempts', async () => {
    const hardest = async () =>
      (
        await asServer(
          acme,
          'reader',
          '{ hardestQuestions(bankId: "ml-fundamentals", minAttempts: 1, limit: 100) { question { id } suspectedWrongKey } }',
        )
      ).data!.hardestQuestions.find((q: any) => q.question.id === REGRESSION).suspectedWrongKey;
    // Weak learners picking the distractor do not count.
    for (let i = 0; i < 12; i++) await pick(acme, `weak${i}`, REGRESSION, [spam]);
    expect(await hardest()).toBe(false);
    for (let i = 0; i < 9; i++) {
      await makeStrong(acme, `strong${i}`);
      await pick(acme, `strong${i}`, REGRESSION, [i < 6 ? spam : demand]);
    }
    // 9 strong attempts: below the minimum sample.
    expect(await hardest()).toBe(false);
    await makeStrong(acme, 'strong9');
    await pick(acme, 'strong9', REGRESSION, [grouping]);
    expect(await hardest()).toBe(true);
    // The bank's 4 counter shards and its catalog check, then one BatchGetItem of the ranked
    // questions' contents (shared by `question` and `suspectedWrongKey`), whatever the limit.
    expect(api.lastCalls()).toEqual({ QueryCommand: 4, BatchGetItemCommand: 2 });
  });

  it('is recounted by stats:verify, which finds a tampered option counter, and stats:rebuild repairs it', async () => {
    expect((await verifyStats(dynamo(), { tenantId: 'acme' })).differences).toEqual([]);
    expect((await verifyStats(dynamo(), { tenantId: 'other' })).differences).toEqual([]);
    const shard = shardOf('u1');
    await dynamo().doc.send(
      new UpdateCommand({
        TableName: dynamo().tableName,
        Key: { PK: `T#acme#STAT#ml-fundamentals#${shard}`, SK: 'Q#which-is-regression' },
        UpdateExpression: 'ADD #p :one',
        ExpressionAttributeNames: { '#p': `pick_${grouping}` },
        ExpressionAttributeValues: { ':one': 5 },
      }),
    );
    const report = await verifyStats(dynamo(), { tenantId: 'acme' });
    expect(report.differences).toEqual([
      expect.objectContaining({
        what: `question.picks.${grouping}`,
        key: REGRESSION,
        stored: 6,
        recounted: 1,
      }),
    ]);
    await rebuildStats(dynamo(), { tenantId: 'acme' });
    expect((await verifyStats(dynamo(), { tenantId: 'acme' })).differences).toEqual([]);
  });
});
