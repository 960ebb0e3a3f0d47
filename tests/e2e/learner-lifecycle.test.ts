/**
 * What happens to a learner's records when the bank or time moves on (issue 11 #8 and #11): a
 * retry is answered from its idempotency record before any other check, so a question retired
 * since, or a quiz expired since, still gives `duplicate: true`; retired questions leave mastery;
 * quizzes expire.
 */
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { verifyStats } from '../../src/admin/stats';
import { QUIZ_LIFETIME_DAYS } from '../../src/domain/attempts';
import { quizKey } from '../../src/store/quizzes/keys';
import { importBankFiles } from '../../src/usecases/import-banks';
import { givenTenant, type TenantFixture } from '../support/access';
import { bankFile } from '../support/banks';
import { useTable, WRITE_COMMANDS } from '../support/dynamo';
import { givenApi, type TestApi } from '../support/graphql';
import { givenLearner } from '../support/learner';

const BANK = (withFirst: boolean) => `---
id: tiny
title: Tiny
---
## Alpha

${withFirst ? '1. What is a gradient? <!-- id: gradient -->\n' : ''}2. What is a loss? <!-- id: loss -->

## Beta

1. What is overfitting? <!-- id: overfitting -->
`;

const writes = (api: TestApi) => Object.keys(api.lastCalls()).filter((command) => WRITE_COMMANDS.includes(command));

describe('learner records over time', () => {
  const dynamo = useTable();
  let api: TestApi;
  let acme: TenantFixture;

  beforeAll(async () => {
    await importBankFiles(dynamo(), [bankFile('tiny.md', BANK(true))]);
    acme = await givenTenant(dynamo(), 'acme');
    api = givenApi(dynamo(), { env: { STAGE: 'prod' } });
  });

  it('answers a retry from its record after the question was retired, and leaves retired questions out of mastery', async () => {
    const ada = givenLearner(api, acme.secret, 'ada');
    const first = { questionId: 'tiny/gradient', outcome: 'INCORRECT', clientAttemptId: 'r-1' };
    const recorded = await ada.record(first);
    expect(recorded.errors).toBeUndefined();
    await ada.record({ questionId: 'tiny/loss', outcome: 'CORRECT', clientAttemptId: 'r-2' });
    await ada.record({ questionId: 'tiny/overfitting', outcome: 'CORRECT', clientAttemptId: 'r-3' });
    const weak = '{ weakTopics(bankId: "tiny") { section { id } attempts mastery } me { attemptCount } }';
    expect((await ada.ask(weak)).data).toEqual({
      weakTopics: [
        { section: { id: 'tiny/alpha' }, attempts: 2, mastery: 0.5 },
        { section: { id: 'tiny/beta' }, attempts: 1, mastery: 0.6667 },
      ],
      me: { attemptCount: 3 },
    });

    await importBankFiles(dynamo(), [bankFile('tiny.md', BANK(false))]); // retires tiny/gradient

    const retry = await ada.record(first);
    expect(retry.errors).toBeUndefined();
    expect(retry.data.recordAttempt).toMatchObject({
      duplicate: true,
      attempt: { id: recorded.data.recordAttempt.attempt.id, outcome: 'INCORRECT', question: { id: 'tiny/gradient' } },
      state: { attempts: 1, lastOutcome: 'INCORRECT' },
    });
    expect(writes(api)).toEqual([]);

    const fresh = await ada.record({ ...first, clientAttemptId: 'r-4' });
    expect([fresh.errors?.map((e) => [e.extensions?.code, e.message]), writes(api)]).toEqual([
      [['BAD_USER_INPUT', 'question "tiny/gradient" is unknown or retired: it takes no new attempts']],
      [],
    ]);

    // Alpha's mastery now counts loss only: (1 + 1) / (1 + 2). The history and `me` keep every attempt.
    expect((await ada.ask(weak)).data).toEqual({
      weakTopics: [
        { section: { id: 'tiny/alpha' }, attempts: 1, mastery: 0.6667 },
        { section: { id: 'tiny/beta' }, attempts: 1, mastery: 0.6667 },
      ],
      me: { attemptCount: 3 },
    });
    expect((await verifyStats(dynamo(), { tenantId: 'acme' })).differences).toEqual([]);
  });

  it('costs one BatchGetItem and one TransactWriteItems for an attempt on a warm container, the retry check included', async () => {
    const bo = givenLearner(api, acme.secret, 'bo');
    await bo.record({ questionId: 'tiny/loss', outcome: 'CORRECT', clientAttemptId: 'warm' });
    const response = await bo.record({ questionId: 'tiny/overfitting', outcome: 'PARTIAL', clientAttemptId: 'b-1' });
    expect(response.errors).toBeUndefined();
    // The question's revision (read for grading) also serves the answer's `question` fields.
    expect(api.lastCalls()).toEqual({ BatchGetItemCommand: 1, TransactWriteItemsCommand: 1 });
    const minimal = await bo.ask(
      'mutation($in: RecordAttemptInput!) { recordAttempt(input: $in) { duplicate attempt { id } } }',
      { in: { questionId: 'tiny/loss', outcome: 'PARTIAL', clientAttemptId: 'b-2' } },
    );
    expect(minimal.errors).toBeUndefined();
    expect(api.lastCalls()).toEqual({ BatchGetItemCommand: 1, TransactWriteItemsCommand: 1 });
  });

  it(`expires quizzes ${QUIZ_LIFETIME_DAYS} days after creation: gone for readers and new answers, retries still answered`, async () => {
    const cy = givenLearner(api, acme.secret, 'cy');
    const started = await cy.ask(
      'mutation { startQuiz(input: { bankId: "tiny", count: 2 }) { id createdAt expiresAt questions { id } } }',
    );
    expect(started.errors).toBeUndefined();
    const quiz = started.data.startQuiz;
    expect(Date.parse(quiz.expiresAt) - Date.parse(quiz.createdAt)).toBe(QUIZ_LIFETIME_DAYS * 86_400_000);
    const key = quizKey({ tenantId: 'acme', userId: 'cy' }, quiz.id);
    const item = (await dynamo().doc.send(new GetCommand({ TableName: dynamo().tableName, Key: key }))).Item!;
    // The table's TTL attribute, in epoch seconds.
    expect(item.expiresAt).toBe(Math.floor(Date.parse(quiz.expiresAt) / 1000));

    const answer = { questionId: quiz.questions[0].id, outcome: 'CORRECT', quizId: quiz.id, clientAttemptId: 'q-1' };
    expect((await cy.record(answer)).errors).toBeUndefined();

    // Time passes: the quiz is past its expiry, and DynamoDB's TTL has not deleted it yet.
    await dynamo().doc.send(
      new UpdateCommand({
        TableName: dynamo().tableName,
        Key: key,
        UpdateExpression: 'SET expiresAt = :past',
        ExpressionAttributeValues: { ':past': Math.floor(Date.now() / 1000) - 1 },
      }),
    );
    expect((await cy.ask('query($id: ID!) { quiz(id: $id) { id } }', { id: quiz.id })).data).toEqual({ quiz: null });
    const retry = await cy.record(answer);
    expect(retry.data.recordAttempt.duplicate).toBe(true);
    const late = await cy.record({ ...answer, questionId: quiz.questions[1].id, clientAttemptId: 'q-2' });
    expect(late.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(late.errors?.[0].message).toMatch(
      new RegExp(
        `^quiz "${quiz.id}" expired at .* \\(quizzes last ${QUIZ_LIFETIME_DAYS} days\\): record the attempt without quizId, or start a new quiz$`,
      ),
    );
    expect(writes(api)).toEqual([]);
  });
});
