import path from 'node:path';
import { importBankFiles } from '../../src/usecases/import-banks';
import { FIXTURES, SHIPPED_BANK } from '../support/banks';
import { useTable } from '../support/dynamo';
import { givenTenant } from '../support/access';
import { givenApi, type TestApi } from '../support/graphql';
import { givenLearner } from '../support/learner';

const FUNDAMENTALS_BANK = path.resolve(__dirname, '../../seed/banks/ml-fundamentals.en.md');
const TAGGED_BANK = path.join(FIXTURES, 'api/tagged.md');

describe('discovery: tag counts, banks by locale, listed sections', () => {
  const dynamo = useTable();
  let api: TestApi;

  beforeAll(async () => {
    await importBankFiles(dynamo(), [SHIPPED_BANK, FUNDAMENTALS_BANK, TAGGED_BANK]);
    api = givenApi(dynamo());
  });

  it('counts the live questions of each tag, most used first, then by tag', async () => {
    const { data, errors } = await api.query('{ banks { id tags { value count } } }');
    expect(errors).toBeUndefined();
    expect(data!.banks).toEqual([
      {
        id: 'ml-fundamentals',
        tags: [
          { value: 'optimisation', count: 7 },
          { value: 'evaluation', count: 6 },
          { value: 'metrics', count: 6 },
          { value: 'basics', count: 5 },
          { value: 'data', count: 4 },
          { value: 'models', count: 4 },
          { value: 'deep-learning', count: 3 },
          { value: 'generalisation', count: 3 },
          { value: 'linear-models', count: 3 },
          { value: 'regularisation', count: 3 },
          { value: 'clustering', count: 2 },
          { value: 'ensembles', count: 2 },
          { value: 'features', count: 2 },
          { value: 'trees', count: 2 },
          { value: 'dimensionality-reduction', count: 1 },
          { value: 'losses', count: 1 },
          { value: 'probability', count: 1 },
        ],
      },
      { id: 'ml-junior', tags: [] },
      {
        id: 'tagged',
        tags: [
          { value: 'basics', count: 2 },
          { value: 'maths', count: 1 },
          { value: 'nlp', count: 1 },
          { value: 'optimisation', count: 1 },
          { value: 'validation', count: 1 },
          { value: 'vision', count: 1 },
        ],
      },
    ]);
  });

  it('reads tag counts from the catalog the container holds: no call beyond the bank item', async () => {
    await api.query('{ bank(id: "tagged") { tags { value } } }'); // warm
    const { data } = await api.query('{ bank(id: "tagged") { tags { value count } } }');
    expect(data!.bank.tags).toHaveLength(6);
    const withoutTags = await api.query('{ bank(id: "tagged") { title sections { title } } }');
    expect(withoutTags.errors).toBeUndefined();
    const sectionsCalls = api.lastCalls();
    await api.query('{ bank(id: "tagged") { title sections { title } tags { value count } } }');
    expect(api.lastCalls()).toEqual(sectionsCalls);
    expect(sectionsCalls).toEqual({ BatchGetItemCommand: 1 });
    await api.query('{ banks { tags { value count } } }'); // warm every catalog
    // the bank items come with the banks Query: the held catalogs add nothing
    await api.query('{ banks(locale: "en") { id tags { value count } } }');
    expect(api.lastCalls()).toEqual({ QueryCommand: 1 });
    await api.query('{ banks(locale: "en") { id } }');
    expect(api.lastCalls()).toEqual({ QueryCommand: 1 });
  });

  it('filters banks by locale, exactly as stored', async () => {
    const en = await api.query('{ banks(locale: "en") { id locale } }');
    expect(en.data!.banks).toEqual([
      { id: 'ml-fundamentals', locale: 'en' },
      { id: 'tagged', locale: 'en' },
    ]);
    const ru = await api.query('{ banks(locale: "ru") { id } }');
    expect(ru.data!.banks).toEqual([{ id: 'ml-junior' }]);
    const none = await api.query('{ banks(locale: "de") { id } }');
    expect(none.data!.banks).toEqual([]);
    const all = await api.query('{ banks { id } }');
    expect(all.data!.banks.map((bank: { id: string }) => bank.id)).toEqual(['ml-fundamentals', 'ml-junior', 'tagged']);
  });

  it('leaves sections without live questions out of the listing; they stay readable by id', async () => {
    const { data } = await api.query('{ bank(id: "ml-junior") { sections { slug position questionCount } } }');
    expect(data!.bank.sections.map((s: any) => [s.slug, s.position, s.questionCount])).toEqual([
      ['obshchie-voprosy', 1, 25],
      ['generativnye-modeli', 2, 11],
      ['segmentatsiya', 3, 4],
      ['klassifikatsiya', 4, 6],
      ['rabota-s-dannymi', 6, 7],
      ['analitika', 7, 2],
      ['shipping-produkta', 8, 2],
      ['python', 9, 1],
    ]);
    const empty = await api.query(
      '{ section(id: "ml-junior/multimodalnye-modeli") { title position questionCount notes } }',
    );
    expect(empty.data!.section).toEqual({
      title: 'Мультимодальные модели',
      position: 5,
      questionCount: 0,
      notes: [expect.stringContaining('CLIP / DINO')],
    });
  });

  describe('difficulty, kinds and topics', () => {
    it('counts difficulties ("1" to "3") and topics of live questions', async () => {
      const { data } = await api.query('{ banks { id difficulties { value count } topics { value count } } }');
      expect(data!.banks).toEqual([
        {
          id: 'ml-fundamentals',
          difficulties: [
            { value: '1', count: 21 },
            { value: '2', count: 18 },
            { value: '3', count: 2 },
          ],
          topics: [],
        },
        { id: 'ml-junior', difficulties: [], topics: [] },
        {
          id: 'tagged',
          difficulties: [
            { value: '1', count: 1 },
            { value: '2', count: 1 },
            { value: '3', count: 1 },
          ],
          topics: [{ value: 'Architectures', count: 2 }],
        },
      ]);
    });

    it('filters by kinds and difficulty as the questions themselves say', async () => {
      const all = await api.query(
        '{ questions(filter: { bankId: "ml-fundamentals" }, first: 100) { edges { node { id kind difficulty } } } }',
      );
      const nodes = all.data!.questions.edges.map((e: any) => e.node);
      const byKind = (kinds: string[]) => nodes.filter((n: any) => kinds.includes(n.kind)).map((n: any) => n.id);
      const kindCounts = Object.fromEntries(
        ['OPEN', 'SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'TRUE_FALSE'].map((kind) => [kind, byKind([kind]).length]),
      );
      expect(kindCounts).toEqual(KIND_COUNTS);
      const { data } = await api.query(
        `{ choice: questions(filter: { bankId: "ml-fundamentals", kinds: [SINGLE_CHOICE, MULTIPLE_CHOICE] }, first: 100) { totalCount edges { node { id } } }
           hardChoice: questions(filter: { bankId: "ml-fundamentals", kinds: [SINGLE_CHOICE, MULTIPLE_CHOICE, TRUE_FALSE], difficulty: [2, 3] }, first: 100) { totalCount edges { node { id } } }
           easyBasics: questions(filter: { bankId: "ml-fundamentals", difficulty: [1], tags: ["basics"] }, first: 100) { totalCount }
           acrossBanks: questions(filter: { kinds: [OPEN], difficulty: [3] }, first: 100) { totalCount edges { node { id } } } }`,
      );
      expect(data!.choice.edges.map((e: any) => e.node.id)).toEqual(byKind(['SINGLE_CHOICE', 'MULTIPLE_CHOICE']));
      expect(data!.hardChoice.edges.map((e: any) => e.node.id)).toEqual(
        nodes.filter((n: any) => n.kind !== 'OPEN' && (n.difficulty === 2 || n.difficulty === 3)).map((n: any) => n.id),
      );
      expect([data!.choice.totalCount, data!.hardChoice.totalCount, data!.easyBasics.totalCount]).toEqual(
        FILTERED_COUNTS,
      );
      expect(data!.acrossBanks.edges.map((e: any) => e.node.id)).toEqual(ACROSS_BANKS);
    });

    it('refuses a difficulty outside 1–3 and writes nothing; a kind no question has gives an empty result', async () => {
      const bad = await api.query('{ questions(filter: { difficulty: [4] }) { totalCount } }');
      expect(bad.errors!.map((e) => [e.message, e.extensions!.code])).toEqual([
        ['"difficulty" takes 1, 2 or 3, got 4', 'BAD_USER_INPUT'],
      ]);
      const random = await api.query('{ randomQuestions(input: { difficulty: [0] }) { poolSize } }');
      expect(random.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
      const none = await api.query(
        '{ questions(filter: { bankId: "ml-junior", kinds: [TRUE_FALSE] }) { totalCount } }',
      );
      expect(none.data!.questions.totalCount).toBe(0);
    });

    it('samples random sets and quizzes from the filtered pool, with the call counts of unfiltered ones', async () => {
      const input = '{ bankId: "ml-fundamentals", kinds: [SINGLE_CHOICE], difficulty: [1], count: 50, seed: "s" }';
      await api.query(`{ randomQuestions(input: ${input}) { poolSize } }`); // warm
      const { data } = await api.query(
        `{ randomQuestions(input: ${input}) { poolSize questions { kind difficulty } } }`,
      );
      expect(api.lastCalls()).toEqual({ BatchGetItemCommand: 1 });
      expect(data!.randomQuestions.poolSize).toBe(data!.randomQuestions.questions.length);
      expect(data!.randomQuestions.poolSize).toBe(SINGLE_EASY);
      expect(new Set(data!.randomQuestions.questions.map((q: any) => `${q.kind}/${q.difficulty}`))).toEqual(
        new Set(['SINGLE_CHOICE/1']),
      );
      await api.query(
        '{ questions(filter: { bankId: "ml-fundamentals", kinds: [OPEN], difficulty: [2] }) { totalCount } }',
      );
      expect(api.lastCalls()).toEqual({ BatchGetItemCommand: 1 });

      const acme = await givenTenant(dynamo(), 'acme');
      const user = givenLearner(api, acme.secret, 'dora');
      const unfiltered =
        'mutation { startQuiz(input: { bankId: "ml-fundamentals", count: 7 }) { questions { kind difficulty } } }';
      await user.ask(unfiltered); // warm the key
      await user.ask(unfiltered);
      const unfilteredCalls = api.lastCalls();
      const quiz = await user.ask(
        'mutation { startQuiz(input: { bankId: "ml-fundamentals", kinds: [SINGLE_CHOICE], difficulty: [1], count: 50 }) { questions { kind difficulty } } }',
      );
      expect(quiz.errors).toBeUndefined();
      expect(quiz.data!.startQuiz.questions).toHaveLength(SINGLE_EASY);
      expect(new Set(quiz.data!.startQuiz.questions.map((q: any) => `${q.kind}/${q.difficulty}`))).toEqual(
        new Set(['SINGLE_CHOICE/1']),
      );
      expect(api.lastCalls()).toEqual(unfilteredCalls);
      expect(unfilteredCalls).toEqual(START_QUIZ_CALLS);

      const refused = await user.ask(
        'mutation { startQuiz(input: { bankId: "ml-fundamentals", difficulty: [1, 5] }) { id } }',
      );
      expect(refused.errors!.map((e) => [e.message, e.extensions!.code])).toEqual([
        ['"difficulty" takes 1, 2 or 3, got 5', 'BAD_USER_INPUT'],
      ]);
      expect(api.lastCalls().PutItemCommand).toBeUndefined();
    });
  });
});

/** Kinds of ml-fundamentals' 41 questions, as their items say. */
const KIND_COUNTS = { OPEN: 18, SINGLE_CHOICE: 10, MULTIPLE_CHOICE: 6, TRUE_FALSE: 7 };
/** ml-fundamentals: single or multiple choice; any choice of difficulty 2–3; difficulty 1 tagged basics. */
const FILTERED_COUNTS = [16, 11, 4];
/** Open questions of difficulty 3 in every bank, in bank order ("What is attention?" has a derived id). */
const ACROSS_BANKS = ['ml-fundamentals/kernel-trick', 'tagged/1b8763af85a9'];
/** Single-choice questions of difficulty 1 in ml-fundamentals. */
const SINGLE_EASY = 7;
/**
 * A warm startQuiz (UNIFORM, the default) that returns its questions, filtered or not: the put and
 * two BatchGetItems (the catalog check, the questions); a uniform draw reads no learner record.
 */
const START_QUIZ_CALLS = { PutItemCommand: 1, BatchGetItemCommand: 2 };
