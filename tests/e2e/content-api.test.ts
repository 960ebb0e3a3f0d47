import { importBankFiles } from '../../src/usecases/import-banks';
import { FIXTURES, SHIPPED_BANK } from '../support/banks';
import { useTable } from '../support/dynamo';
import { givenApi, type TestApi } from '../support/graphql';
import path from 'node:path';

const TAGGED_BANK = path.join(FIXTURES, 'api/tagged.md');

describe('content API (Lambda handler, API Gateway v2 events)', () => {
  const dynamo = useTable();
  let api: TestApi;

  beforeAll(async () => {
    await importBankFiles(dynamo(), [SHIPPED_BANK, TAGGED_BANK]);
    api = givenApi(dynamo());
    await api.query('{ randomQuestions(input: { count: 1 }) { seed } }'); // warm the catalog cache
  });

  describe('banks and sections', () => {
    it('lists the banks ordered by id with their counts', async () => {
      const { data } = await api.query('{ banks { id slug title locale level questionCount } }');
      expect(data!.banks).toEqual([
        {
          id: 'ml-junior',
          slug: 'ml-junior',
          title: 'Вопросы для собеседования джуниора по ML',
          locale: 'ru',
          level: 'junior',
          questionCount: 58,
        },
        { id: 'tagged', slug: 'tagged', title: 'Tagged sample', locale: 'en', level: 'junior', questionCount: 5 },
      ]);
    });

    it('returns a bank with its sections that have questions, in order', async () => {
      const { data } = await api.query(
        '{ bank(id: "ml-junior") { description sections { id title position questionCount notes } } }',
      );
      expect(data!.bank.description.startsWith('Тут короче самая база, в том числе немного из классики.')).toBe(true);
      expect(data!.bank.sections.map((s: any) => [s.title, s.position, s.questionCount])).toEqual([
        ['Общие вопросы', 1, 25],
        ['Генеративные модели', 2, 11],
        ['Сегментация', 3, 4],
        ['Классификация', 4, 6],
        ['Работа с данными', 6, 7],
        ['Аналитика', 7, 2],
        ['Шиппинг продукта', 8, 2],
        ['Python', 9, 1],
      ]);
      expect(data!.bank.sections[0]).toMatchObject({ id: 'ml-junior/obshchie-voprosy' });
    });

    it('returns a section with its first questions', async () => {
      const { data } = await api.query(
        '{ section(id: "ml-junior/python") { title bank { id } questions(first: 5) { totalCount edges { node { text number position } } } } }',
      );
      expect(data!.section).toEqual({
        title: 'Python',
        bank: { id: 'ml-junior' },
        questions: {
          totalCount: 1,
          edges: [{ node: { text: 'Что может быть ключом в словаре?', number: '54', position: 1 } }],
        },
      });
    });

    it('reads every section’s questions of a bank with one BatchGetItem, after the bank item', async () => {
      const { data } = await api.query(
        '{ bank(id: "ml-junior") { sections { questions(first: 30) { edges { node { id text } } } } } }',
      );
      expect(data!.bank.sections.flatMap((s: any) => s.questions.edges)).toHaveLength(58);
      expect(api.lastCalls()).toEqual({ BatchGetItemCommand: 2 });
      await api.query(
        '{ bank(id: "ml-junior") { title sections { title } } section(id: "ml-junior/python") { title } }',
      );
      expect(api.lastCalls()).toEqual({ BatchGetItemCommand: 1 });
    });

    it('gives null for ids that name nothing', async () => {
      const { data, errors } = await api.query(
        '{ bank(id: "nope") { id } b2: bank(id: "Not A Slug!") { id } section(id: "ml-junior/nope") { id } question(id: "ml-junior/nope") { id } q2: question(id: "garbage") { id } }',
      );
      expect(errors).toBeUndefined();
      expect(data).toEqual({ bank: null, b2: null, section: null, question: null, q2: null });
    });
  });

  describe('question', () => {
    it('keeps the source text byte for byte and resolves its place, bank and section', async () => {
      const page = await api.query(
        '{ questions(filter: { bankId: "ml-junior" }, first: 6) { edges { node { id } } } }',
      );
      const id = page.data!.questions.edges[5].node.id;
      const { data } = await api.query(
        `{ question(id: "${id}") { id text answer number position tags difficulty topic retired bank { id } section { title } } }`,
      );
      expect(data!.question).toEqual({
        id,
        text: 'Что такое эпоха и батч? Что такое `batch size`?',
        answer: '',
        number: '6',
        position: 6,
        tags: [],
        difficulty: null,
        topic: null,
        retired: false,
        bank: { id: 'ml-junior' },
        section: { title: 'Общие вопросы' },
      });
    });

    it('carries metadata from the source: explicit id, tags, difficulty, topic and answer', async () => {
      const { data } = await api.query(
        '{ question(id: "tagged/gradient") { text answer tags difficulty } q2: questions(filter: { bankId: "tagged", tags: ["nlp"] }) { edges { node { text topic difficulty } } } }',
      );
      expect(data!.question).toEqual({
        text: 'What is a gradient?',
        answer: 'The vector of partial derivatives.',
        tags: ['maths', 'optimisation'],
        difficulty: 1,
      });
      expect(data!.q2.edges).toEqual([{ node: { text: 'What is attention?', topic: 'Architectures', difficulty: 3 } }]);
    });

    it('costs one BatchGetItem on a warm container (question and bank together)', async () => {
      await api.query('{ question(id: "tagged/gradient") { id bank { title } section { title } } }');
      expect(api.lastCalls()).toEqual({ BatchGetItemCommand: 1 });
    });
  });

  describe('questions (Relay connection)', () => {
    const PAGE = `query Page($after: String) {
      questions(filter: { bankId: "ml-junior" }, first: 20, after: $after) {
        totalCount
        edges { cursor node { id position section { position } } }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
    }`;

    it('walks all 58 questions in section then position order, each once', async () => {
      const seen: any[] = [];
      let after: string | null = null;
      const pages: any[] = [];
      do {
        const response: { data?: any } = await api.query(PAGE, { after });
        const connection = response.data.questions;
        pages.push(connection.pageInfo);
        seen.push(...connection.edges.map((e: any) => e.node));
        expect(connection.totalCount).toBe(58);
        after = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
      } while (after);
      expect(pages.map((p) => [p.hasNextPage, p.hasPreviousPage])).toEqual([
        [true, false],
        [true, true],
        [false, true],
      ]);
      expect(seen).toHaveLength(58);
      expect(new Set(seen.map((q) => q.id)).size).toBe(58);
      const order = seen.map((q) => q.section.position * 100 + q.position);
      expect(order).toEqual([...order].sort((a, b) => a - b));
    });

    it('filters by sections and tags', async () => {
      const { data } = await api.query(
        '{ a: questions(filter: { sectionIds: ["ml-junior/segmentatsiya", "ml-junior/python"] }) { totalCount } b: questions(filter: { tags: ["BASICS"] }) { totalCount edges { node { text } } } }',
      );
      expect(data!.a.totalCount).toBe(5);
      expect(data!.b).toEqual({
        totalCount: 2,
        edges: [{ node: { text: 'What is a loss function?' } }, { node: { text: 'What is overfitting?' } }],
      });
    });

    it('costs one BatchGetItem for a page of a bank (bank item and questions together), two calls across banks', async () => {
      await api.query(PAGE);
      expect(api.lastCalls()).toEqual({ BatchGetItemCommand: 1 });
      await api.query('{ questions(first: 20) { edges { node { text } } } }');
      expect(api.lastCalls()).toEqual({ QueryCommand: 1, BatchGetItemCommand: 1 });
    });

    it.each([
      ['first: 0', '{ questions(first: 0) { totalCount } }', '"first" must be an integer from 1 to 100, got 0'],
      ['first: 101', '{ questions(first: 101) { totalCount } }', '"first" must be an integer from 1 to 100, got 101'],
      [
        'a malformed cursor',
        '{ questions(after: "bm90LWEtY3Vyc29y") { totalCount } }',
        '"after" is not a cursor returned by this API',
      ],
      ['an unknown bank', '{ questions(filter: { bankId: "nope" }) { totalCount } }', 'unknown bank id "nope"'],
      [
        'an unknown section',
        '{ questions(filter: { sectionIds: ["ml-junior/nope"] }) { totalCount } }',
        'unknown section id "ml-junior/nope"',
      ],
      [
        'a section of another bank',
        '{ questions(filter: { bankId: "tagged", sectionIds: ["ml-junior/python"] }) { totalCount } }',
        'section "ml-junior/python" is not in bank "tagged"',
      ],
      ['an unknown tag', '{ questions(filter: { tags: ["nope"] }) { totalCount } }', 'unknown tag: "nope"'],
    ])('rejects %s with BAD_USER_INPUT and says why', async (_case, query, message) => {
      const response = await api.query(query);
      expect(response.data).toBeNull();
      expect(response.errors!.map((e) => [e.extensions?.code, e.message])).toEqual([['BAD_USER_INPUT', message]]);
    });
  });
});
