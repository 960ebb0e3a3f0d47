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
    const record = await asServer(
      'bob',
      'mutation($in: RecordAttemptInput!) { recordAttempt(input: $in) { duplicate } }',
      {
        in: { questionId: 'ml-fundamentals/clustering-needs-labels', outcome: 'CORRECT', clientAttemptId: 'b1' },
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
