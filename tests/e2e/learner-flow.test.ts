import { importBankFiles } from '../../src/usecases/import-banks';
import { SHIPPED_BANK } from '../support/banks';
import { useTable } from '../support/dynamo';
import { givenTenant, type TenantFixture } from '../support/access';
import { givenApi, type TestApi } from '../support/graphql';
import { givenLearner, type Learner } from '../support/learner';

const sectionQuestions = async (learner: Learner, sectionId: string): Promise<string[]> =>
  (
    await learner.ask(`{ section(id: "${sectionId}") { questions(first: 50) { edges { node { id } } } } }`)
  ).data.section.questions.edges.map((e: any) => e.node.id);

describe('a learner’s flow: quiz, answers, weak topics, due questions', () => {
  const dynamo = useTable();
  let api: TestApi;
  let acme: TenantFixture;

  beforeAll(async () => {
    await importBankFiles(dynamo(), [SHIPPED_BANK]);
    acme = await givenTenant(dynamo(), 'acme');
    api = givenApi(dynamo(), { env: { STAGE: 'prod' } });
  });

  it('ranks the sections I am weakest in first, smoothing small samples', async () => {
    const erin = givenLearner(api, acme.secret, 'erin');
    const general = await sectionQuestions(erin, 'ml-junior/obshchie-voprosy');
    const generative = await sectionQuestions(erin, 'ml-junior/generativnye-modeli');
    const python = await sectionQuestions(erin, 'ml-junior/python');
    const answers: [string, string][] = [
      [general[0], 'CORRECT'],
      [generative[0], 'CORRECT'],
      [generative[1], 'INCORRECT'],
      [generative[2], 'INCORRECT'],
      [python[0], 'INCORRECT'],
    ];
    for (const [i, [questionId, outcome]] of answers.entries())
      await erin.record({ questionId, outcome, clientAttemptId: `e${i}` });
    const weak = await erin.ask(
      '{ weakTopics(bankId: "ml-junior", limit: 5) { section { title } attempts correctRate mastery confidence meanRetrievability leeches } }',
    );
    expect(
      weak.data.weakTopics.map((t: any) => [t.section.title, t.attempts, t.correctRate, t.mastery, t.leeches]),
    ).toEqual([
      ['Python', 1, 0, 0.3333, 0],
      ['Генеративные модели', 3, 0.3333, 0.4, 0],
      ['Общие вопросы', 1, 1, 0.6667, 0],
    ]);
    expect(weak.data.weakTopics[1].confidence).toBeGreaterThan(weak.data.weakTopics[0].confidence);
    expect(weak.data.weakTopics.every((t: any) => t.meanRetrievability === 1)).toBe(true);
  });

  it('starts a quiz of unseen questions first, scores it as I answer, and keeps it mine', async () => {
    const finn = givenLearner(api, acme.secret, 'finn');
    const segmentation = await sectionQuestions(finn, 'ml-junior/segmentatsiya');
    await finn.record({ questionId: segmentation[0], outcome: 'INCORRECT', clientAttemptId: 'f0' });
    const START =
      'mutation($input: StartQuizInput!) { startQuiz(input: $input) { id strategy seed exhausted answered score questions { id } } }';
    const started = await finn.ask(START, {
      input: {
        bankId: 'ml-junior',
        sectionIds: ['ml-junior/segmentatsiya'],
        count: 4,
        strategy: 'NEW_FIRST',
        seed: 's',
      },
    });
    const quiz = started.data.startQuiz;
    expect(quiz).toMatchObject({ strategy: 'NEW_FIRST', seed: 's', exhausted: true, answered: 0, score: null });
    // the three unseen questions first, then the one seen (and failed)
    expect(quiz.questions.map((q: any) => q.id).slice(3)).toEqual([segmentation[0]]);
    expect(
      quiz.questions
        .map((q: any) => q.id)
        .slice(0, 3)
        .sort(),
    ).toEqual(segmentation.slice(1).sort());

    await finn.record({ questionId: quiz.questions[0].id, outcome: 'CORRECT', quizId: quiz.id, clientAttemptId: 'f1' });
    await finn.record({ questionId: quiz.questions[1].id, outcome: 'PARTIAL', quizId: quiz.id, clientAttemptId: 'f2' });
    await finn.record({ questionId: quiz.questions[1].id, outcome: 'CORRECT', quizId: quiz.id, clientAttemptId: 'f3' });
    const read = await finn.ask(`{ quiz(id: "${quiz.id}") { answered score } }`);
    expect(read.data.quiz).toEqual({ answered: 2, score: 0.75 });

    const other = givenLearner(api, acme.secret, 'gina');
    expect((await other.ask(`{ quiz(id: "${quiz.id}") { id } }`)).data.quiz).toBeNull();
    const foreign = await other.record({
      questionId: quiz.questions[0].id,
      outcome: 'CORRECT',
      quizId: quiz.id,
      clientAttemptId: 'g1',
    });
    expect(foreign.errors!.map((e) => [e.extensions!.code, e.message])).toEqual([
      ['BAD_USER_INPUT', `unknown quiz id "${quiz.id}"`],
    ]);
  });

  it('lists due questions, most overdue first, and leaves seen ones out of random sets until the pool runs out', async () => {
    const hana = givenLearner(api, acme.secret, 'hana');
    const python = await sectionQuestions(hana, 'ml-junior/python');
    const shipping = await sectionQuestions(hana, 'ml-junior/shipping-produkta');
    await hana.record({ questionId: python[0], outcome: 'INCORRECT', clientAttemptId: 'h0' });
    // An INCORRECT first answer is due again in a minute: nothing is due yet.
    expect((await hana.ask('{ dueQuestions(bankId: "ml-junior") { question { id } } }')).data.dueQuestions).toEqual([]);

    const RANDOM =
      'query($input: RandomQuestionsInput!) { randomQuestions(input: $input) { exhausted poolSize questions { id } } }';
    const scope = {
      bankId: 'ml-junior',
      sectionIds: ['ml-junior/python', 'ml-junior/shipping-produkta'],
      count: 3,
      excludeSeen: true,
      seed: 'x',
    };
    const fresh = await hana.ask(RANDOM, { input: { ...scope, count: 2 } });
    expect(fresh.data.randomQuestions).toMatchObject({ exhausted: false, poolSize: 2 });
    expect(fresh.data.randomQuestions.questions.map((q: any) => q.id).sort()).toEqual([...shipping].sort());
    const runsOut = await hana.ask(RANDOM, { input: scope });
    expect(runsOut.data.randomQuestions.exhausted).toBe(true);
    expect(runsOut.data.randomQuestions.questions.map((q: any) => q.id)[2]).toBe(python[0]);
  });

  it('pages through my attempts, newest first, filtered by question', async () => {
    const ivan = givenLearner(api, acme.secret, 'ivan');
    const python = await sectionQuestions(ivan, 'ml-junior/python');
    const general = await sectionQuestions(ivan, 'ml-junior/obshchie-voprosy');
    for (let i = 0; i < 5; i++)
      await ivan.record({ questionId: i % 2 ? python[0] : general[i], outcome: 'CORRECT', clientAttemptId: `i${i}` });
    const ATTEMPTS =
      'query($after: String, $filter: AttemptFilter) { attempts(first: 2, after: $after, filter: $filter) { edges { node { clientAttemptId } } pageInfo { hasNextPage endCursor } } }';
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const response: any = await ivan.ask(ATTEMPTS, { after });
      if (response.errors) throw new Error(JSON.stringify(response.errors));
      const page: any = response.data.attempts;
      seen.push(...page.edges.map((e: any) => e.node.clientAttemptId));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(['i4', 'i3', 'i2', 'i1', 'i0']);
    const onPython = await ivan.ask(ATTEMPTS, { filter: { questionId: python[0] } });
    expect(onPython.data.attempts.edges.map((e: any) => e.node.clientAttemptId)).toEqual(['i3', 'i1']);
    const inSection = await ivan.ask(
      '{ attempts(filter: { sectionId: "ml-junior/python" }) { edges { node { clientAttemptId } } } }',
    );
    expect(inSection.data.attempts.edges.map((e: any) => e.node.clientAttemptId)).toEqual(['i3', 'i1']);
  });
});
