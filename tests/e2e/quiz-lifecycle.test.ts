/**
 * A quiz's lifecycle (issue 12 #5): the user's quizzes listed newest first, a quiz's items with
 * their answers, finishQuiz/abandonQuiz and the attempts they then refuse, attempts by quiz — each
 * in a fixed number of DynamoDB calls, each invisible to other users and tenants.
 */
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { QUIZ_LIFETIME_DAYS } from '../../src/domain/attempts';
import { planAttempt } from '../../src/domain/attempt-effects';
import { CatalogCache, requestStores } from '../../src/store';
import { quizKey } from '../../src/store/quizzes/keys';
import { attemptInput } from '../../src/usecases/record-attempt';
import { importBankFiles } from '../../src/usecases/import-banks';
import { givenTenant, type TenantFixture } from '../support/access';
import { bankFile } from '../support/banks';
import { useTable, WRITE_COMMANDS } from '../support/dynamo';
import { givenApi, graphqlEvent, type TestApi } from '../support/graphql';
import { givenLearner, type Learner } from '../support/learner';

const BANK = `---
id: tiny
title: Tiny
---
## Alpha

1. What is a gradient? <!-- id: gradient -->
2. What is a loss? <!-- id: loss -->

## Beta

1. What is overfitting? <!-- id: overfitting -->
`;

const START = 'mutation { startQuiz(input: { bankId: "tiny", count: 3 }) { id createdAt questions { id } } }';
const LIST = `query($first: Int, $after: String, $status: QuizStatus) {
  myQuizzes(first: $first, after: $after, status: $status) {
    edges { cursor node { id status } }
    pageInfo { hasNextPage hasPreviousPage endCursor }
  }
}`;
const FINISH = 'mutation($id: ID!) { finishQuiz(id: $id) { id status finishedAt abandonedAt answered } }';
const ABANDON = 'mutation($id: ID!) { abandonQuiz(id: $id) { id status finishedAt abandonedAt answered } }';
const ITEMS = `query($id: ID!) { quiz(id: $id) { answered score items {
  position answered outcome score question { id } attempt { id outcome clientAttemptId quizId }
} } }`;
const BY_QUIZ = `query($quizId: ID, $first: Int, $after: String) {
  attempts(first: $first, after: $after, filter: { quizId: $quizId }) {
    edges { cursor node { clientAttemptId quizId question { id } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface StartedQuiz {
  id: string;
  createdAt: string;
  questions: string[];
}

const errorOf = (response: { errors?: { message: string; extensions?: Record<string, unknown> }[] }) =>
  response.errors?.map(({ message, extensions }) => ({ message, ...extensions }));

describe('quiz lifecycle', () => {
  const dynamo = useTable();
  let api: TestApi;
  let acme: TenantFixture;
  let globex: TenantFixture;

  const start = async (learner: Learner): Promise<StartedQuiz> => {
    const started = await learner.ask(START);
    expect(started.errors).toBeUndefined();
    const quiz = started.data.startQuiz;
    return { id: quiz.id, createdAt: quiz.createdAt, questions: quiz.questions.map((q: { id: string }) => q.id) };
  };
  const answer = (learner: Learner, quiz: StartedQuiz, index: number, outcome: string, clientAttemptId: string) =>
    learner.record({ questionId: quiz.questions[index], outcome, quizId: quiz.id, clientAttemptId });
  const writes = () => Object.keys(api.lastCalls()).filter((command) => WRITE_COMMANDS.includes(command));
  const storedQuiz = async (userId: string, quizId: string) =>
    (
      await dynamo().doc.send(
        new GetCommand({ TableName: dynamo().tableName, Key: quizKey({ tenantId: 'acme', userId }, quizId) }),
      )
    ).Item;

  beforeAll(async () => {
    await importBankFiles(dynamo(), [bankFile('tiny.md', BANK)]);
    acme = await givenTenant(dynamo(), 'acme');
    globex = await givenTenant(dynamo(), 'globex');
    api = givenApi(dynamo(), { env: { STAGE: 'prod' } });
  });

  describe('myQuizzes', () => {
    it('lists my unexpired quizzes newest first, page by page, in one Query each', async () => {
      const ann = givenLearner(api, acme.secret, 'ann');
      const quizzes = [await start(ann), await start(ann), await start(ann), await start(ann)];
      // one of them past its expiry (TTL has not deleted it yet): left out by the key condition
      const expiredAt = new Date(Date.now() - (QUIZ_LIFETIME_DAYS + 1) * 86_400_000).toISOString();
      await dynamo().doc.send(
        new UpdateCommand({
          TableName: dynamo().tableName,
          Key: quizKey({ tenantId: 'acme', userId: 'ann' }, quizzes[0].id),
          UpdateExpression: 'SET createdAt = :at, GSI2SK = :sort, GSI3SK = :sort, expiresAt = :expires',
          ExpressionAttributeValues: {
            ':at': expiredAt,
            ':sort': `${expiredAt}#${quizzes[0].id}`,
            ':expires': Math.floor(Date.parse(expiredAt) / 1000) + QUIZ_LIFETIME_DAYS * 86_400,
          },
        }),
      );

      const first = await ann.ask(LIST, { first: 2 });
      expect(first.errors).toBeUndefined();
      expect(api.lastCalls()).toEqual({ QueryCommand: 1 });
      expect(first.data.myQuizzes.edges.map((e: any) => e.node)).toEqual([
        { id: quizzes[3].id, status: 'IN_PROGRESS' },
        { id: quizzes[2].id, status: 'IN_PROGRESS' },
      ]);
      expect(first.data.myQuizzes.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });

      const second = await ann.ask(LIST, { first: 2, after: first.data.myQuizzes.pageInfo.endCursor });
      expect(api.lastCalls()).toEqual({ QueryCommand: 1 });
      expect(second.data.myQuizzes.edges.map((e: any) => e.node.id)).toEqual([quizzes[1].id]);
      expect(second.data.myQuizzes.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    });

    it('filters by status, and refuses cursors and sizes it did not hand out', async () => {
      const bo = givenLearner(api, acme.secret, 'bo');
      const [a, b, c] = [await start(bo), await start(bo), await start(bo)];
      expect((await bo.ask(FINISH, { id: a.id })).errors).toBeUndefined();
      expect((await bo.ask(ABANDON, { id: b.id })).errors).toBeUndefined();
      const ids = async (status: string) => {
        const page = await bo.ask(LIST, { status });
        expect(api.lastCalls()).toEqual({ QueryCommand: 1 });
        return page.data.myQuizzes.edges.map((e: any) => e.node);
      };
      expect(await ids('FINISHED')).toEqual([{ id: a.id, status: 'FINISHED' }]);
      expect(await ids('ABANDONED')).toEqual([{ id: b.id, status: 'ABANDONED' }]);
      expect(await ids('IN_PROGRESS')).toEqual([{ id: c.id, status: 'IN_PROGRESS' }]);

      const forged = Buffer.from('qz1:not-a-sort-key').toString('base64url');
      for (const variables of [{ after: forged }, { after: 'x'.repeat(300) }, { first: 0 }, { first: 21 }]) {
        const refused = await bo.ask(LIST, variables);
        expect(refused.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
        expect(api.lastCalls()).toEqual({});
      }
    });

    it('needs a user', async () => {
      const anonymous = await api.send(
        graphqlEvent({ query: '{ myQuizzes { edges { cursor } } }' }, { headers: { 'x-api-key': acme.secret } }),
      );
      expect(anonymous.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    });
  });

  describe('Quiz.items', () => {
    it('gives each question with whether and how the quiz answered it, in one BatchGetItem', async () => {
      const cy = givenLearner(api, acme.secret, 'cy');
      const quiz = await start(cy);
      expect((await answer(cy, quiz, 0, 'PARTIAL', 'c-1')).errors).toBeUndefined();
      const first = (await cy.ask('{ attempts(first: 1) { edges { node { id } } } }')).data.attempts.edges[0].node.id;
      // a later attempt at the same question does not change the item: the quiz counts its first answer
      expect((await answer(cy, quiz, 0, 'CORRECT', 'c-2')).errors).toBeUndefined();
      expect((await answer(cy, quiz, 2, 'INCORRECT', 'c-3')).errors).toBeUndefined();

      await cy.ask('{ quiz(id: "00000000-0000-4000-8000-000000000000") { id } }'); // a fresh request
      const read = await cy.ask(ITEMS, { id: quiz.id });
      expect(read.errors).toBeUndefined();
      expect(read.data.quiz).toEqual({
        answered: 2,
        score: 0.25,
        items: [
          {
            position: 1,
            answered: true,
            outcome: 'PARTIAL',
            score: 0.5,
            question: { id: quiz.questions[0] },
            attempt: { id: first, outcome: 'PARTIAL', clientAttemptId: 'c-1', quizId: quiz.id },
          },
          {
            position: 2,
            answered: false,
            outcome: null,
            score: null,
            question: { id: quiz.questions[1] },
            attempt: null,
          },
          {
            position: 3,
            answered: true,
            outcome: 'INCORRECT',
            score: 0,
            question: { id: quiz.questions[2] },
            attempt: expect.objectContaining({ outcome: 'INCORRECT', clientAttemptId: 'c-3' }),
          },
        ],
      });
      // the quiz, then its items' attempts and questions together
      expect(api.lastCalls()).toEqual({ BatchGetItemCommand: 2 });
    });
  });

  describe('finishQuiz and abandonQuiz', () => {
    it('finishes with unanswered questions, once: a repeat returns the quiz unchanged', async () => {
      const di = givenLearner(api, acme.secret, 'di');
      const quiz = await start(di);
      await answer(di, quiz, 1, 'CORRECT', 'd-1');
      const finished = await di.ask(FINISH, { id: quiz.id });
      expect(finished.errors).toBeUndefined();
      expect(api.lastCalls()).toEqual({ UpdateItemCommand: 1 });
      const { finishedAt } = finished.data.finishQuiz;
      expect(Date.now() - Date.parse(finishedAt)).toBeLessThan(60_000);
      expect(finished.data.finishQuiz).toEqual({
        id: quiz.id,
        status: 'FINISHED',
        finishedAt,
        abandonedAt: null,
        answered: 1,
      });

      const again = await di.ask(FINISH, { id: quiz.id });
      expect(again.data.finishQuiz).toEqual(finished.data.finishQuiz);
      // the conditional update that did not apply, and the quiz read back
      expect(api.lastCalls()).toEqual({ UpdateItemCommand: 1, BatchGetItemCommand: 1 });
      expect((await di.ask(`{ quiz(id: "${quiz.id}") { status finishedAt } }`)).data.quiz).toEqual({
        status: 'FINISHED',
        finishedAt,
      });
    });

    it('abandons once, and refuses to finish an abandoned quiz or abandon a finished one, changing nothing', async () => {
      const ed = givenLearner(api, acme.secret, 'ed');
      const [kept, dropped] = [await start(ed), await start(ed)];
      const abandoned = await ed.ask(ABANDON, { id: dropped.id });
      const { abandonedAt } = abandoned.data.abandonQuiz;
      expect(abandoned.data.abandonQuiz).toEqual({
        id: dropped.id,
        status: 'ABANDONED',
        finishedAt: null,
        abandonedAt,
        answered: 0,
      });
      expect((await ed.ask(ABANDON, { id: dropped.id })).data.abandonQuiz).toEqual(abandoned.data.abandonQuiz);

      const finishDropped = await ed.ask(FINISH, { id: dropped.id });
      expect(errorOf(finishDropped)).toEqual([
        {
          message: `quiz "${dropped.id}" was abandoned at ${abandonedAt}: it cannot be finished as well`,
          code: 'BAD_USER_INPUT',
          reason: 'QUIZ_CLOSED',
          status: 'ABANDONED',
        },
      ]);
      await ed.ask(FINISH, { id: kept.id });
      const before = await storedQuiz('ed', kept.id);
      const abandonKept = await ed.ask(ABANDON, { id: kept.id });
      expect(errorOf(abandonKept)).toEqual([
        {
          message: `quiz "${kept.id}" was finished at ${before!.finishedAt}: it cannot be abandoned as well`,
          code: 'BAD_USER_INPUT',
          reason: 'QUIZ_CLOSED',
          status: 'FINISHED',
        },
      ]);
      expect(await storedQuiz('ed', kept.id)).toEqual(before);
    });

    it('refuses new attempts naming a closed quiz, writing nothing; retries of earlier ones are still answered', async () => {
      const flo = givenLearner(api, acme.secret, 'flo');
      for (const close of [FINISH, ABANDON]) {
        const quiz = await start(flo);
        const earlier = {
          questionId: quiz.questions[0],
          outcome: 'CORRECT',
          quizId: quiz.id,
          clientAttemptId: `${quiz.id}-1`,
        };
        expect((await flo.record(earlier)).errors).toBeUndefined();
        const closed = await flo.ask(close, { id: quiz.id });
        const status = closed.data[close === FINISH ? 'finishQuiz' : 'abandonQuiz'].status;
        const me = (await flo.ask('{ me { attemptCount } }')).data.me.attemptCount;

        for (const [index, clientAttemptId] of [
          [1, `${quiz.id}-2`], // an unanswered question
          [0, `${quiz.id}-3`], // an answered one (no answer entry to write: the quiz is checked all the same)
        ] as const) {
          const refused = await answer(flo, quiz, index, 'INCORRECT', clientAttemptId);
          expect(refused.errors?.map((e) => e.extensions)).toEqual([
            { code: 'BAD_USER_INPUT', reason: 'QUIZ_CLOSED', status },
          ]);
          expect(refused.errors![0].message).toMatch(
            `: it takes no new attempts (record the attempt without quizId, or start a new quiz)`,
          );
          expect(writes()).toEqual([]);
        }
        expect((await flo.record(earlier)).data.recordAttempt.duplicate).toBe(true);
        expect((await flo.ask('{ me { attemptCount } }')).data.me.attemptCount).toBe(me);
      }
    });

    it('needs an id of a quiz of mine: unknown, malformed or expired ids are NOT_FOUND', async () => {
      const gus = givenLearner(api, acme.secret, 'gus');
      const quiz = await start(gus);
      await dynamo().doc.send(
        new UpdateCommand({
          TableName: dynamo().tableName,
          Key: quizKey({ tenantId: 'acme', userId: 'gus' }, quiz.id),
          UpdateExpression: 'SET expiresAt = :past',
          ExpressionAttributeValues: { ':past': Math.floor(Date.now() / 1000) - 1 },
        }),
      );
      for (const id of [quiz.id, '00000000-0000-4000-8000-000000000000', 'x'.repeat(1100)]) {
        const refused = await gus.ask(FINISH, { id });
        expect(errorOf(refused)).toEqual([
          {
            message: `no quiz "${id}" of this user: unknown, someone else's, or expired`,
            code: 'NOT_FOUND',
          },
        ]);
        expect(refused.data).toBeNull();
      }
      // an id that cannot be a quiz id never reaches a key
      expect(api.lastCalls()).toEqual({});
      expect((await storedQuiz('gus', quiz.id))!.status).toBe('IN_PROGRESS');
    });
  });

  describe('attempts of one quiz', () => {
    it('lists every attempt naming the quiz, newest first, in one Query', async () => {
      const hal = givenLearner(api, acme.secret, 'hal');
      const quiz = await start(hal);
      const other = await start(hal);
      await answer(hal, quiz, 0, 'INCORRECT', 'h-1');
      await answer(hal, other, 0, 'CORRECT', 'h-2');
      await answer(hal, quiz, 0, 'CORRECT', 'h-3');
      await hal.record({ questionId: quiz.questions[1], outcome: 'CORRECT', clientAttemptId: 'h-4' }); // no quiz
      await answer(hal, quiz, 2, 'PARTIAL', 'h-5');
      // an attempt in a quiz still costs one read and one transaction (its copy under the quiz rides in
      // it); the payload's question comes from that read, as for any attempt (learning.test.ts)
      expect(api.lastCalls()).toEqual({ BatchGetItemCommand: 1, TransactWriteItemsCommand: 1 });

      const first = await hal.ask(BY_QUIZ, { quizId: quiz.id, first: 2 });
      expect(first.errors).toBeUndefined();
      expect(first.data.attempts.edges.map((e: any) => e.node)).toEqual([
        { clientAttemptId: 'h-5', quizId: quiz.id, question: { id: quiz.questions[2] } },
        { clientAttemptId: 'h-3', quizId: quiz.id, question: { id: quiz.questions[0] } },
      ]);
      expect(first.data.attempts.pageInfo.hasNextPage).toBe(true);
      // the Query, then the attempts' questions
      expect(api.lastCalls()).toEqual({ QueryCommand: 1, BatchGetItemCommand: 1 });
      const rest = await hal.ask(BY_QUIZ, { quizId: quiz.id, after: first.data.attempts.pageInfo.endCursor });
      expect(rest.data.attempts.edges.map((e: any) => e.node.clientAttemptId)).toEqual(['h-1']);
      expect(rest.data.attempts.pageInfo.hasNextPage).toBe(false);

      const malformed = await hal.ask(BY_QUIZ, { quizId: 'quiz#1' });
      expect(errorOf(malformed)).toEqual([
        {
          message: '"filter.quizId" is not a quiz id (the lower-case UUID startQuiz returned)',
          code: 'BAD_USER_INPUT',
        },
      ]);
    });
  });

  describe('isolation', () => {
    it('keeps a quiz invisible and untouchable to another user and another tenant', async () => {
      const ivy = givenLearner(api, acme.secret, 'ivy');
      const quiz = await start(ivy);
      await answer(ivy, quiz, 0, 'CORRECT', 'i-1');
      const strangers = [givenLearner(api, acme.secret, 'jo'), givenLearner(api, globex.secret, 'ivy')];
      for (const stranger of strangers) {
        await start(stranger);
        const listed = await stranger.ask(LIST);
        expect(listed.data.myQuizzes.edges.map((e: any) => e.node.id)).not.toContain(quiz.id);
        expect(listed.data.myQuizzes.edges).toHaveLength(1);
        expect((await stranger.ask(`{ quiz(id: "${quiz.id}") { id } }`)).data.quiz).toBeNull();
        for (const close of [FINISH, ABANDON])
          expect((await stranger.ask(close, { id: quiz.id })).errors?.map((e) => e.extensions?.code)).toEqual([
            'NOT_FOUND',
          ]);
        expect((await stranger.ask(BY_QUIZ, { quizId: quiz.id })).data.attempts.edges).toEqual([]);
      }
      expect((await storedQuiz('ivy', quiz.id))!.status).toBe('IN_PROGRESS');
      expect((await ivy.ask(BY_QUIZ, { quizId: quiz.id })).data.attempts.edges).toHaveLength(1);
    });
  });

  describe('a finish racing attempts', () => {
    it('cancels an attempt whose quiz was closed between its read and its write (the transaction checks the quiz)', async () => {
      const lee = givenLearner(api, acme.secret, 'lee');
      const quiz = await start(lee);
      await answer(lee, quiz, 0, 'CORRECT', 'l-1');
      const user = { tenantId: 'acme', userId: 'lee' };
      const stores = requestStores(dynamo(), new CatalogCache(dynamo()));
      const catalog = (await stores.content.catalog('tiny'))!;
      // both read while the quiz is open: an unanswered question (the answer entry's condition) and an answered one (the check)
      const planned = [];
      for (const [index, clientAttemptId] of [
        [1, 'l-2'],
        [0, 'l-3'],
      ] as const) {
        const questionId = quiz.questions[index];
        const localId = questionId.split('/')[1];
        const target = {
          bankId: 'tiny',
          localId,
          sectionSlug: catalog.question(localId)!.sectionSlug,
          questionId,
          clientAttemptId,
          quizId: quiz.id,
        };
        const input = attemptInput({ questionId, outcome: 'CORRECT', quizId: quiz.id, clientAttemptId });
        const [context] = await stores.reads.consistent([stores.learner.attemptContext(user, target)]);
        if (context.kind !== 'new') throw new Error('expected a new attempt');
        planned.push(planAttempt('lee', input, target, context.current, new Date()));
      }
      expect(planned.map((effects) => effects.quizAnswer !== null)).toEqual([true, false]);
      expect((await lee.ask(FINISH, { id: quiz.id })).errors).toBeUndefined();
      for (const effects of planned)
        await expect(stores.learner.recordAttempt(user, effects)).rejects.toThrow(
          'attempt conflict: another attempt of the same user committed since this one read its records (quiz ConditionalCheckFailed)',
        );
      expect((await lee.ask('{ me { attemptCount } }')).data.me.attemptCount).toBe(1);
      expect((await lee.ask(BY_QUIZ, { quizId: quiz.id })).data.attempts.edges).toHaveLength(1);
    });

    it('ends consistent: every attempt either counted in the quiz or refused with nothing written', async () => {
      const kim = givenLearner(api, acme.secret, 'kim');
      for (let round = 0; round < 3; round++) {
        const quiz = await start(kim);
        const before = (await kim.ask('{ me { attemptCount } }')).data.me.attemptCount;
        const [finished, ...attempts] = await Promise.all([
          kim.ask(FINISH, { id: quiz.id }),
          ...quiz.questions.map((_, i) => answer(kim, quiz, i, 'CORRECT', `k-${round}-${i}`)),
        ]);
        expect(finished.errors).toBeUndefined();
        const recorded = attempts.filter((a) => !a.errors);
        for (const refused of attempts.filter((a) => a.errors))
          expect(refused.errors!.map((e) => e.extensions)).toEqual([
            { code: 'BAD_USER_INPUT', reason: 'QUIZ_CLOSED', status: 'FINISHED' },
          ]);
        const ids = recorded.map((a) => a.data.recordAttempt.attempt.id).sort();
        const read = await kim.ask(ITEMS, { id: quiz.id });
        expect(read.data.quiz.answered).toBe(recorded.length);
        expect(read.data.quiz.items.flatMap((item: any) => (item.attempt ? [item.attempt.id] : [])).sort()).toEqual(
          ids,
        );
        const byQuiz = await kim.ask(BY_QUIZ, { quizId: quiz.id });
        expect(byQuiz.data.attempts.edges.length).toBe(recorded.length);
        expect((await kim.ask('{ me { attemptCount } }')).data.me.attemptCount).toBe(before + recorded.length);
      }
    });
  });
});
