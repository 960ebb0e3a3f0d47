import path from 'node:path';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { importBankFiles } from '../../src/usecases/import-banks';
import { migrateRevisions } from '../../src/store/migrations/revisions';
import { generateBank } from '../harness/generate-bank';
import { SHIPPED_BANK, bankFile } from '../support/banks';
import { useTable, writeCalls } from '../support/dynamo';
import { errorCodes, givenApi, type TestApi } from '../support/graphql';

const ENGLISH_BANK = path.resolve(__dirname, '../../seed/banks/ml-fundamentals.en.md');

const SEARCH = `query($bankId: ID!, $query: String!, $first: Int, $after: String) {
  searchQuestions(bankId: $bankId, query: $query, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor score node { id text } }
  }
}`;

/** A small bank whose words are placed to test stems, fields and ranking. */
const RANKING_BANK = `---
id: ranking
title: Ranking sample
locale: ru
---
## Оптимизация

1. Как выбрать шаг градиентного спуска?

   Подбирают по валидации.

2. Что такое момент?

   Добавка к шагу градиента, которая сглаживает траекторию.

3. Зачем нужен dropout?

   Случайно выключает нейроны.

4. Что такое батч-нормализация?

   Нормирует активации; вместе с dropout её ставят осторожно.

5. Что такое ранняя остановка?

   Остановка обучения, когда валидация перестаёт улучшаться.
`;

const texts = (response: { data?: any }): string[] =>
  response.data!.searchQuestions.edges.map((edge: any) => edge.node.text);

describe('searchQuestions', () => {
  const dynamo = useTable();
  let api: TestApi;
  const search = (variables: Record<string, unknown>) => api.query(SEARCH, { bankId: 'ml-junior', ...variables });

  beforeAll(async () => {
    await importBankFiles(dynamo(), [SHIPPED_BANK, ENGLISH_BANK, bankFile('ranking.ru.md', RANKING_BANK)]);
    api = givenApi(dynamo());
  });

  describe('stems', () => {
    it('finds Russian words by their stem: "градиентный" finds "градиент" and "градиенты"', async () => {
      const response = await search({ query: 'градиентный' });
      expect(response.errors).toBeUndefined();
      expect(texts(response)).toEqual(['Что такое градиент и лосс?', 'Затухающие градиенты.']);
      expect(response.data!.searchQuestions.totalCount).toBe(2);
    });

    it('matches every word of the query, in any form: "градиентный спуск" finds "градиентного спуска"', async () => {
      const response = await search({ bankId: 'ranking', query: 'Градиентный СПУСК' });
      expect(texts(response)).toEqual(['Как выбрать шаг градиентного спуска?']);
    });

    it('finds English words by their stem, in the text and in answers, options and explanations', async () => {
      const overfit = await search({ bankId: 'ml-fundamentals', query: 'overfit' });
      // "overfitting" in the first two questions' texts; in the third one's answer only
      expect(overfit.data!.searchQuestions.edges.map((edge: any) => edge.node.id)).toEqual([
        'ml-fundamentals/reduce-overfitting',
        'ml-fundamentals/overfitting-symptom',
        'ml-fundamentals/high-cardinality',
      ]);
      const weights = await search({ bankId: 'ml-fundamentals', query: 'regularisation weights' });
      expect(texts(weights)).toEqual(['How do L1 and L2 regularisation differ in their effect on the weights?']);
    });

    it('lets a word match longer words it begins, as typed', async () => {
      const response = await search({ bankId: 'ranking', query: 'нормализ' });
      expect(texts(response)).toEqual(['Что такое батч-нормализация?']);
    });

    it('ignores stop words, case and ё', async () => {
      const response = await search({ bankId: 'ranking', query: 'что ОСТАНОВКА и перестает' });
      expect(texts(response)).toEqual(['Что такое ранняя остановка?']);
    });
  });

  describe('ranking', () => {
    it('puts a hit in the question’s text above a hit in an answer', async () => {
      const dropout = await search({ bankId: 'ranking', query: 'dropout' });
      expect(texts(dropout)).toEqual(['Зачем нужен dropout?', 'Что такое батч-нормализация?']);
      const [text, answer] = dropout.data!.searchQuestions.edges.map((edge: any) => edge.score);
      expect(text).toBeGreaterThan(answer);
      expect(answer).toBeGreaterThan(0);
      const gradient = await search({ bankId: 'ranking', query: 'градиент' });
      expect(texts(gradient)).toEqual(['Как выбрать шаг градиентного спуска?', 'Что такое момент?']);
    });
  });

  describe('paging', () => {
    it('pages through the results with opaque cursors, in the order of one query', async () => {
      const all = await search({ bankId: 'ml-fundamentals', query: 'model', first: 50 });
      const ids = all.data!.searchQuestions.edges.map((edge: any) => edge.node.id);
      expect(ids.length).toBeGreaterThan(3);
      const seen: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < ids.length; page++) {
        const response = await search({ bankId: 'ml-fundamentals', query: 'model', first: 2, after });
        const connection = response.data!.searchQuestions;
        seen.push(...connection.edges.map((edge: any) => edge.node.id));
        expect(connection.pageInfo.hasPreviousPage).toBe(after !== null);
        expect(connection.totalCount).toBe(ids.length);
        after = connection.pageInfo.endCursor;
        if (!connection.pageInfo.hasNextPage) break;
      }
      expect(seen).toEqual(ids);
    });

    it('refuses a cursor it did not make, a cursor of another query, and more than 50 a page', async () => {
      const first = await search({ query: 'градиент', first: 1 });
      const cursor = first.data!.searchQuestions.pageInfo.endCursor;
      const responses = await Promise.all([
        search({ query: 'градиент', after: 'bm90LWEtY3Vyc29y' }),
        search({ query: 'градиент', after: Buffer.from('qs1:{"f":1}').toString('base64url') }),
        search({ query: 'лосс', after: cursor }),
        search({ query: 'градиент', first: 51 }),
        search({ query: 'градиент', first: 0 }),
      ]);
      expect(responses.map(errorCodes)).toEqual(Array(5).fill(['BAD_USER_INPUT']));
      expect(responses[2].errors![0].message).toBe('"after" is a cursor of another search query');
      // checked before any read
      await search({ query: 'лосс', after: cursor });
      expect(api.lastCalls()).toEqual({});
    });
  });

  describe('input', () => {
    it('refuses an empty, blank, wordless or too long query and an unknown bank with BAD_USER_INPUT, writing nothing', async () => {
      dynamo().calls.reset();
      const responses = await Promise.all([
        search({ query: '' }),
        search({ query: '   ' }),
        search({ query: '?!…' }),
        search({ query: 'a'.repeat(201) }),
        search({ query: 'один два три четыре пять шесть семь восемь девять десять одиннадцать' }),
        search({ bankId: 'no-such-bank', query: 'градиент' }),
        search({ bankId: 'Not A Bank', query: 'градиент' }),
      ]);
      expect(responses.map(errorCodes)).toEqual(Array(7).fill(['BAD_USER_INPUT']));
      expect(responses.map((r) => r.errors![0].message)).toEqual([
        '"query" must not be empty',
        '"query" must not be empty',
        '"query" has no words to search for (letters or digits)',
        '"query" must be at most 200 characters, got 201',
        '"query" must have at most 10 words, got 11',
        'unknown bank id "no-such-bank"',
        'unknown bank id "Not A Bank"',
      ]);
      expect(writeCalls(dynamo())).toBe(0);
    });

    it('answers a query that matches nothing with an empty page', async () => {
      const response = await search({ query: 'квазикристалл' });
      expect(response.data!.searchQuestions).toEqual({
        totalCount: 0,
        pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
        edges: [],
      });
    });
  });
});

describe('searchQuestions across imports', () => {
  const dynamo = useTable();
  const searchIn = (api: TestApi, bankId: string, query: string, first = 20) =>
    api.query(SEARCH, { bankId, query, first });

  const partitionKeys = async (bankId: string): Promise<string[]> => {
    const { Items } = await dynamo().doc.send(
      new QueryCommand({
        TableName: dynamo().tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': `BANK#${bankId}` },
        ProjectionExpression: 'SK',
      }),
    );
    return (Items ?? []).map((item) => item.SK as string);
  };

  it('never finds a retired question, and keeps one index version once an import has replaced it', async () => {
    const file = bankFile('ranking.ru.md', RANKING_BANK);
    await importBankFiles(dynamo(), [file]);
    const api = givenApi(dynamo());
    expect(texts(await searchIn(api, 'ranking', 'dropout'))).toHaveLength(2);
    const [summary] = await importBankFiles(dynamo(), [
      bankFile(
        'ranking.ru.md',
        RANKING_BANK.replace(/3\. Зачем нужен dropout\?\n\n {3}Случайно выключает нейроны\.\n\n/, ''),
      ),
    ]);
    expect(summary).toMatchObject({ retired: 1 });
    expect(texts(await searchIn(api, 'ranking', 'dropout'))).toEqual(['Что такое батч-нормализация?']);
    const indexParts = (await partitionKeys('ranking')).filter((sk) => sk.startsWith('SEARCH#'));
    expect(indexParts).toHaveLength(1);
    const bankItem = await api.query('{ bank(id: "ranking") { questionCount } }');
    expect(bankItem.data!.bank.questionCount).toBe(4);
  });

  it('answers NOT_FOUND for a bank imported before search, until an import or the migration indexes it', async () => {
    const file = bankFile('ranking.ru.md', RANKING_BANK);
    await importBankFiles(dynamo(), [file]);
    // As stored before search: the bank item names no index.
    await dynamo().doc.send(
      new UpdateCommand({
        TableName: dynamo().tableName,
        Key: { PK: 'BANK#ranking', SK: 'BANK' },
        UpdateExpression: 'REMOVE searchVersion, searchParts',
      }),
    );
    const api = givenApi(dynamo());
    const before = await searchIn(api, 'ranking', 'dropout');
    expect(errorCodes(before)).toEqual(['NOT_FOUND']);
    expect(before.errors![0].extensions).toMatchObject({ reason: 'SEARCH_INDEX_MISSING' });
    expect(before.errors![0].message).toContain('content:migrate-revisions');

    const report = await migrateRevisions(dynamo());
    expect(report).toEqual({ migrated: [], facetsAdded: [], current: 1, indexed: ['ranking'] });
    expect(texts(await searchIn(api, 'ranking', 'dropout'))).toHaveLength(2);
    expect(await migrateRevisions(dynamo())).toEqual({ migrated: [], facetsAdded: [], current: 1, indexed: [] });

    // An unchanged re-import indexes such a bank too, and then writes nothing more.
    await dynamo().doc.send(
      new UpdateCommand({
        TableName: dynamo().tableName,
        Key: { PK: 'BANK#ranking', SK: 'BANK' },
        UpdateExpression: 'REMOVE searchVersion, searchParts',
      }),
    );
    dynamo().calls.reset();
    await importBankFiles(dynamo(), [file]);
    expect(writeCalls(dynamo())).toBe(2); // the index part, the bank item
    expect(texts(await givenApi(dynamo()).query(SEARCH, { bankId: 'ranking', query: 'dropout' }))).toHaveLength(2);
    dynamo().calls.reset();
    await importBankFiles(dynamo(), [file]);
    expect(writeCalls(dynamo())).toBe(0);
  });
});

describe('searchQuestions cost', () => {
  const dynamo = useTable();
  const LARGE = 3000;

  beforeAll(async () => {
    await importBankFiles(dynamo(), [
      bankFile('small.md', generateBank({ id: 'small', questions: 30 }).markdown),
      bankFile('large.md', generateBank({ id: 'large', questions: LARGE }).markdown),
    ]);
  });

  it.each(['small', 'large'])('costs the same DynamoDB calls in the %s bank: 3 cold, 1 warm', async (bankId) => {
    const api = givenApi(dynamo());
    const cold = await api.query(SEARCH, { bankId, query: 'gradient descent', first: 20 });
    expect(cold.errors).toBeUndefined();
    expect(cold.data!.searchQuestions.edges.length).toBeGreaterThan(0);
    // the bank item with its catalog (a Query) beside its index (a Query), as the request names the bank; the page
    expect(api.lastCalls()).toEqual({ BatchGetItemCommand: 1, QueryCommand: 2 });
    const warm = await api.query(SEARCH, {
      bankId,
      query: 'gradient descent',
      first: 20,
      after: cold.data!.searchQuestions.pageInfo.startCursor,
    });
    expect(warm.errors).toBeUndefined();
    // the bank item that confirms the held catalog and index, and the page: one BatchGetItem
    expect(api.lastCalls()).toEqual({ BatchGetItemCommand: 1 });
  });

  it('reads the new catalog and index once after an import, then is warm again', async () => {
    const api = givenApi(dynamo());
    await api.query(SEARCH, { bankId: 'small', query: 'dropout' });
    const edited = generateBank({ id: 'small', questions: 30 }).markdown.replace(
      /^(1\. .*?)(\?| <!--)/m,
      '$1 dropout$2',
    );
    await importBankFiles(dynamo(), [bankFile('small.md', edited)]);
    const after = await api.query(SEARCH, { bankId: 'small', query: 'dropout' });
    expect(after.errors).toBeUndefined();
    // the stale check with the page; the new catalog and index; the page again
    expect(api.lastCalls()).toEqual({ BatchGetItemCommand: 3, QueryCommand: 1 });
    await api.query(SEARCH, { bankId: 'small', query: 'dropout' });
    expect(api.lastCalls()).toEqual({ BatchGetItemCommand: 1 });
  });

  it('finds as many questions in a large bank as its text holds', async () => {
    const api = givenApi(dynamo());
    const bank = generateBank({ id: 'large', questions: LARGE }).markdown;
    const response = await api.query(SEARCH, { bankId: 'large', query: 'focal loss', first: 50 });
    const expected = bank.split('\n').filter((line) => /^\d+\. .*focal loss/i.test(line)).length;
    expect(expected).toBeGreaterThan(50);
    expect(response.data!.searchQuestions.totalCount).toBeGreaterThanOrEqual(expected);
    expect(response.data!.searchQuestions.edges).toHaveLength(50);
  });
});
