import path from 'node:path';
import { importBankFiles } from '../../src/usecases/import-banks';
import { givenTenant, type TenantFixture } from '../support/access';
import { useTable } from '../support/dynamo';
import { givenApi, graphqlEvent, type GraphQLResponse, type TestApi } from '../support/graphql';

const ENGLISH_BANK = path.resolve(__dirname, '../../seed/banks/ml-fundamentals.en.md');
const ORIGIN = 'https://quiz.acme.test';
const QUESTION = `query($id: ID!, $shuffle: Boolean) {
  question(id: $id) { kind explanation references options(shuffleOptions: $shuffle) { id text correct } }
}`;

describe('graded questions: options served, correctness withheld until answered', () => {
  const dynamo = useTable();
  let api: TestApi;
  let acme: TenantFixture;

  beforeAll(async () => {
    await importBankFiles(dynamo(), [ENGLISH_BANK]);
    acme = await givenTenant(dynamo(), 'acme', [ORIGIN]);
    api = givenApi(dynamo(), { env: { STAGE: 'prod' } });
  });

  const asBrowser = async (userId: string, query: string, variables: Record<string, unknown>) => {
    const headers = {
      'x-api-key': acme.publishable,
      authorization: `Bearer ${await acme.token(userId)}`,
      origin: ORIGIN,
    };
    return api.send(graphqlEvent({ query, variables }, { headers })) as Promise<GraphQLResponse<any>>;
  };
  const asServer = (userId: string, query: string, variables: Record<string, unknown>) =>
    api.send(
      graphqlEvent({ query, variables }, { headers: { 'x-api-key': acme.secret, 'x-user-id': userId } }),
    ) as Promise<GraphQLResponse<any>>;

  /** The question's option ids in source order (read with the secret key, unshuffled). */
  const optionIds = async (id: string): Promise<string[]> =>
    (await asServer('reader', QUESTION, { id, shuffle: false })).data!.question.options.map((o: any) => o.id);

  const RECORD = `mutation($in: RecordAttemptInput!) {
    recordAttempt(input: $in) {
      duplicate
      attempt { outcome score selectedOptionIds }
      grading { correct score correctOptionIds explanation }
    }
  }`;
  const record = (userId: string, input: Record<string, unknown>) => asBrowser(userId, RECORD, { in: input });

  it('grades a single-choice attempt on the server and returns the answer and explanation', async () => {
    const [spam, demand] = await optionIds('ml-fundamentals/which-is-regression');
    const wrong = await record('dora', {
      questionId: 'ml-fundamentals/which-is-regression',
      selectedOptionIds: [spam],
      clientAttemptId: 'd1',
    });
    expect(wrong.errors).toBeUndefined();
    expect(wrong.data!.recordAttempt).toEqual({
      duplicate: false,
      attempt: { outcome: 'INCORRECT', score: 0, selectedOptionIds: [spam] },
      grading: {
        correct: false,
        score: 0,
        correctOptionIds: [demand],
        explanation:
          'regression predicts a continuous quantity; spam filtering is classification\nand customer grouping is clustering.',
      },
    });
    const right = await record('dora', {
      questionId: 'ml-fundamentals/which-is-regression',
      selectedOptionIds: [demand],
      clientAttemptId: 'd2',
    });
    // Warm container: the catalog check, the user's records and the question's revision in one read.
    expect(api.lastCalls()).toEqual({ BatchGetItemCommand: 1, TransactWriteItemsCommand: 1 });
    expect(right.data!.recordAttempt.attempt).toEqual({ outcome: 'CORRECT', score: 1, selectedOptionIds: [demand] });
    expect(right.data!.recordAttempt.grading.correct).toBe(true);
  });

  it('gives partial credit on a multiple-choice question: (right − wrong) / correct options, floored at 0', async () => {
    const [rate, weights, depth, k] = await optionIds('ml-fundamentals/hyperparameters');
    const cases: [string[], string, number, boolean][] = [
      [[rate, depth, k], 'CORRECT', 1, true],
      [[rate, depth], 'PARTIAL', 0.6667, false],
      [[rate, weights], 'INCORRECT', 0, false],
      [[rate, depth, weights], 'PARTIAL', 0.3333, false],
      [[weights], 'INCORRECT', 0, false],
    ];
    for (const [i, [picks, outcome, score, correct]] of cases.entries()) {
      const response = await record('eve', {
        questionId: 'ml-fundamentals/hyperparameters',
        selectedOptionIds: picks,
        clientAttemptId: `e${i}`,
      });
      expect(response.errors).toBeUndefined();
      expect(response.data!.recordAttempt.attempt).toEqual({ outcome, score, selectedOptionIds: picks });
      expect(response.data!.recordAttempt.grading).toEqual({
        correct,
        score,
        correctOptionIds: [rate, depth, k],
        explanation:
          'hyperparameters are set before training and chosen on validation data; weights are what training learns.',
      });
    }
  });

  it('grades true/false questions', async () => {
    const [trueOption, falseOption] = await optionIds('ml-fundamentals/time-series-split');
    const right = await record('fay', {
      questionId: 'ml-fundamentals/time-series-split',
      selectedOptionIds: [falseOption],
      clientAttemptId: 'f1',
    });
    expect(right.data!.recordAttempt.grading).toMatchObject({
      correct: true,
      score: 1,
      correctOptionIds: [falseOption],
    });
    const wrong = await record('fay', {
      questionId: 'ml-fundamentals/time-series-split',
      selectedOptionIds: [trueOption],
      clientAttemptId: 'f2',
    });
    expect(wrong.data!.recordAttempt.attempt).toEqual({
      outcome: 'INCORRECT',
      score: 0,
      selectedOptionIds: [trueOption],
    });
  });

  it('answers a retry with the original grading, and refuses the id for other picks', async () => {
    const [spam, demand] = await optionIds('ml-fundamentals/which-is-regression');
    const input = {
      questionId: 'ml-fundamentals/which-is-regression',
      selectedOptionIds: [demand],
      clientAttemptId: 'g1',
    };
    const first = await record('gus', input);
    const again = await record('gus', input);
    // The idempotency record, then the original attempt and state: no write.
    expect(api.lastCalls()).toEqual({ BatchGetItemCommand: 2 });
    expect(again.data!.recordAttempt).toEqual({ ...first.data!.recordAttempt, duplicate: true });
    const other = await record('gus', { ...input, selectedOptionIds: [spam] });
    expect(other.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(api.lastCalls().TransactWriteItemsCommand).toBeUndefined();
  });

  it('keeps the open-question path: outcome required, no grading, same two calls', async () => {
    const open = await record('hal', {
      questionId: 'ml-fundamentals/data-leakage',
      outcome: 'PARTIAL',
      clientAttemptId: 'h1',
    });
    expect(open.errors).toBeUndefined();
    expect(api.lastCalls()).toEqual({ BatchGetItemCommand: 1, TransactWriteItemsCommand: 1 });
    expect(open.data!.recordAttempt).toEqual({
      duplicate: false,
      attempt: { outcome: 'PARTIAL', score: 0.5, selectedOptionIds: null },
      grading: null,
    });
  });

  it('refuses bad choice input with BAD_USER_INPUT and writes nothing', async () => {
    const [spam, demand] = await optionIds('ml-fundamentals/which-is-regression');
    const [rate] = await optionIds('ml-fundamentals/hyperparameters');
    const choice = 'ml-fundamentals/which-is-regression';
    const bad: [string, Record<string, unknown>, RegExp][] = [
      ['claimed outcome', { questionId: choice, outcome: 'CORRECT' }, /send "selectedOptionIds"/],
      [
        'outcome beside picks',
        { questionId: choice, outcome: 'CORRECT', selectedOptionIds: [demand] },
        /"outcome" is refused/,
      ],
      ['score beside picks', { questionId: choice, score: 1, selectedOptionIds: [demand] }, /"score" is refused/],
      ['unknown option', { questionId: choice, selectedOptionIds: ['nope'] }, /option "nope" is not an option/],
      ["another question's option", { questionId: choice, selectedOptionIds: [rate] }, /is not an option/],
      [
        'repeated option',
        { questionId: 'ml-fundamentals/hyperparameters', selectedOptionIds: [rate, rate] },
        /repeats/,
      ],
      ['two picks on single choice', { questionId: choice, selectedOptionIds: [spam, demand] }, /exactly one option/],
      ['no pick', { questionId: choice, selectedOptionIds: [] }, /at least one option/],
      [
        'picks on an open question',
        { questionId: 'ml-fundamentals/data-leakage', selectedOptionIds: [demand] },
        /is open/,
      ],
      ['neither', { questionId: choice }, /needs "outcome"/],
    ];
    for (const [i, [label, input, message]] of bad.entries()) {
      const response = await record('ivy', { ...input, clientAttemptId: `i${i}` });
      expect([label, response.errors?.[0].extensions?.code]).toEqual([label, 'BAD_USER_INPUT']);
      expect([label, response.errors![0].message]).toEqual([label, expect.stringMatching(message)]);
      expect([label, api.lastCalls().TransactWriteItemsCommand ?? 0]).toEqual([label, 0]);
    }
    const me = await asBrowser('ivy', '{ me { attemptCount } }', {});
    expect(me.data!.me.attemptCount).toBe(0);
  });

  it('gives a publishable key the options but no correctness or explanation before the user answers', async () => {
    const response = await asBrowser('ann', QUESTION, { id: 'ml-fundamentals/which-is-regression', shuffle: false });
    expect(response.errors).toBeUndefined();
    const question = response.data!.question;
    expect(question.kind).toBe('SINGLE_CHOICE');
    expect(question.explanation).toBeNull();
    expect(question.options.map((o: any) => [o.text, o.correct])).toEqual([
      ['Deciding whether an e-mail is spam', null],
      ["Predicting tomorrow's electricity demand in megawatts", null],
      ['Grouping customers by purchase history', null],
    ]);
  });

  it('shows a secret key which options are right and why', async () => {
    const response = await asServer('ann', QUESTION, { id: 'ml-fundamentals/which-is-regression', shuffle: false });
    expect(response.data!.question.options.map((o: any) => o.correct)).toEqual([false, true, false]);
    expect(response.data!.question.explanation).toMatch(/^regression predicts a continuous quantity/);
  });

  it('shuffles options in an order that is stable for the question', async () => {
    const ids = async () =>
      (await asBrowser('ann', QUESTION, { id: 'ml-fundamentals/hyperparameters' })).data!.question.options.map(
        (o: any) => o.text,
      );
    const first = await ids();
    expect(await ids()).toEqual(first);
    expect([...first].sort()).toEqual(
      [
        'The learning rate of gradient descent',
        'The weights of a linear regression',
        'The maximum depth of a decision tree',
        'The number of neighbours k in k-NN',
      ].sort(),
    );
  });

  it('reveals correctness to the user once they have answered, and only to them', async () => {
    const [, falseOption] = await optionIds('ml-fundamentals/clustering-needs-labels');
    const record = await asServer(
      'bob',
      'mutation($in: RecordAttemptInput!) { recordAttempt(input: $in) { duplicate } }',
      {
        in: {
          questionId: 'ml-fundamentals/clustering-needs-labels',
          selectedOptionIds: [falseOption],
          clientAttemptId: 'b1',
        },
      },
    );
    expect(record.errors).toBeUndefined();
    const bob = await asBrowser('bob', QUESTION, { id: 'ml-fundamentals/clustering-needs-labels', shuffle: false });
    expect(bob.data!.question.options.map((o: any) => [o.text, o.correct])).toEqual([
      ['True', false],
      ['False', true],
    ]);
    const ann = await asBrowser('ann', QUESTION, { id: 'ml-fundamentals/clustering-needs-labels', shuffle: false });
    expect(ann.data!.question.options.map((o: any) => o.correct)).toEqual([null, null]);
  });
});
