/**
 * clientAttemptId (issue 12 #4): any printable ASCII but whitespace (0x21–0x7E), 1 to 128
 * characters, so the natural retry id `<quizId>:<questionId>` (question ids hold a `/`) works;
 * anything else is BAD_USER_INPUT and writes nothing.
 */
import { importBankFiles } from '../../src/usecases/import-banks';
import { givenTenant, type TenantFixture } from '../support/access';
import { bankFile } from '../support/banks';
import { useTable, WRITE_COMMANDS } from '../support/dynamo';
import { errorCodes, givenApi, type TestApi } from '../support/graphql';
import { givenLearner } from '../support/learner';

const BANK = `---
id: tiny
title: Tiny
---
## Alpha

1. What is a gradient? <!-- id: gradient -->
2. What is a loss? <!-- id: loss -->
`;

const START = `mutation { startQuiz(input: { bankId: "tiny", count: 2 }) { id questions { id } } }`;

/** Every printable ASCII character but the space, in order. */
const PRINTABLE = Array.from({ length: 0x7e - 0x21 + 1 }, (_, i) => String.fromCharCode(0x21 + i)).join('');

describe('clientAttemptId', () => {
  const dynamo = useTable();
  let api: TestApi;
  let acme: TenantFixture;

  beforeAll(async () => {
    await importBankFiles(dynamo(), [bankFile('tiny.md', BANK)]);
    acme = await givenTenant(dynamo(), 'acme');
    api = givenApi(dynamo(), { env: { STAGE: 'prod' } });
  });

  it('takes "<quizId>:<questionId>" and answers its retry with the original attempt', async () => {
    const ada = givenLearner(api, acme.secret, 'ada');
    const quiz = (await ada.ask(START)).data!.startQuiz as { id: string; questions: { id: string }[] };
    const questionId = quiz.questions[0].id;
    const clientAttemptId = `${quiz.id}:${questionId}`;
    expect(clientAttemptId).toMatch(/^[0-9a-f-]{36}:tiny\/(gradient|loss)$/);
    const input = { questionId, quizId: quiz.id, outcome: 'CORRECT', clientAttemptId };

    const first = await ada.record(input);
    expect(first.errors).toBeUndefined();
    expect(first.data!.recordAttempt).toMatchObject({
      duplicate: false,
      attempt: { clientAttemptId, quizId: quiz.id },
    });
    const retry = await ada.record(input);
    expect(retry.data!.recordAttempt).toMatchObject({
      duplicate: true,
      attempt: { id: first.data!.recordAttempt.attempt.id, clientAttemptId },
    });
    expect((await ada.ask('{ me { attemptCount } }')).data).toEqual({ me: { attemptCount: 1 } });
  });

  it.each([
    ['every printable character but the space', PRINTABLE],
    ['one character', '!'],
    ['128 characters', '~'.repeat(128)],
  ])('accepts %s', async (_name, clientAttemptId) => {
    const bob = givenLearner(api, acme.secret, `bob-${clientAttemptId.length}`);
    const recorded = await bob.record({ questionId: 'tiny/loss', outcome: 'PARTIAL', clientAttemptId });
    expect(recorded.errors).toBeUndefined();
    expect(recorded.data!.recordAttempt.attempt.clientAttemptId).toBe(clientAttemptId);
  });

  it.each([
    ['empty', ''],
    ['129 characters', 'a'.repeat(129)],
    ['a space', 'quiz 1'],
    ['a tab', 'quiz\t1'],
    ['a newline', 'quiz\n1'],
    ['DEL (0x7F)', 'quiz\u007f1'],
    ['a control character (0x01)', 'quiz\u00011'],
    ['a non-ASCII letter', 'квиз-1'],
    ['an emoji', 'quiz-🙂'],
    ['a no-break space', 'quiz\u00a01'],
  ])('refuses %s with BAD_USER_INPUT and writes nothing', async (_name, clientAttemptId) => {
    const carol = givenLearner(api, acme.secret, 'carol');
    const refused = await carol.record({ questionId: 'tiny/loss', outcome: 'CORRECT', clientAttemptId });
    expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors![0].message).toBe(
      '"clientAttemptId" must be 1 to 128 printable ASCII characters without spaces (0x21–0x7E)',
    );
    expect(Object.keys(api.lastCalls()).filter((command) => WRITE_COMMANDS.includes(command))).toEqual([]);
  });
});
