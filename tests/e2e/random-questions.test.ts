import { importBankFiles } from '../../src/usecases/import-banks';
import { SHIPPED_BANK, editedShippedBank } from '../support/banks';
import { useTable } from '../support/dynamo';
import { givenApi, type TestApi } from '../support/graphql';

const RANDOM = `query Random($input: RandomQuestionsInput!) {
  randomQuestions(input: $input) { seed poolSize strategy questions { id text section { id } } }
}`;

describe('randomQuestions', () => {
  const dynamo = useTable();
  let api: TestApi;
  const random = async (input: Record<string, unknown>) => {
    const response = await api.query(RANDOM, { input: { bankId: 'ml-junior', ...input } });
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data!.randomQuestions;
  };

  beforeAll(async () => {
    await importBankFiles(dynamo(), [SHIPPED_BANK]);
    api = givenApi(dynamo());
  });

  it('returns the same set in the same order for the same seed', async () => {
    const first = await random({ count: 10, seed: 'replay-me' });
    const again = await random({ count: 10, seed: 'replay-me' });
    expect(again.questions.map((q: any) => q.id)).toEqual(first.questions.map((q: any) => q.id));
    expect(first).toMatchObject({ seed: 'replay-me', poolSize: 58, strategy: 'UNIFORM' });
    expect(new Set(first.questions.map((q: any) => q.id)).size).toBe(10);
  });

  it('keeps a seed’s set stable across releases (sfc32 over SHA-256 of the seed)', async () => {
    const set = await random({ count: 3, seed: 'qbank' });
    expect(set.questions.map((q: any) => q.text)).toEqual(PINNED_QBANK_SEED);
  });

  it('makes up a seed when none is given, and that seed replays the set', async () => {
    const first = await random({ count: 5 });
    expect(first.seed).toMatch(/^[A-Za-z0-9_-]{12}$/);
    const replay = await random({ count: 5, seed: first.seed });
    expect(replay.questions).toEqual(first.questions);
  });

  it('returns the whole pool, shuffled, when it is smaller than count', async () => {
    const set = await random({ count: 50, sectionIds: ['ml-junior/segmentatsiya'], seed: 's' });
    expect(set.poolSize).toBe(4);
    expect(set.questions.map((q: any) => q.text).sort()).toEqual(
      [
        'Назови известные тебе архитектуры.',
        'Назови метрики, которые знаешь.',
        'U‑Net или трансформер?',
        'U‑Net. Почему он так хорошо работает?',
      ].sort(),
    );
  });

  it('leaves out excluded questions, and ignores excluded ids that name nothing', async () => {
    const all = await random({ count: 50, seed: 'x' });
    const excluded = all.questions.slice(0, 40).map((q: any) => q.id);
    const rest = await random({ count: 50, seed: 'x', excludeQuestionIds: [...excluded, 'ml-junior/gone', 'junk'] });
    expect(rest.poolSize).toBe(18);
    expect(rest.questions.filter((q: any) => excluded.includes(q.id))).toEqual([]);
  });

  it('BALANCED spreads the picks evenly over the chosen sections', async () => {
    const sections = [
      'ml-junior/obshchie-voprosy',
      'ml-junior/generativnye-modeli',
      'ml-junior/klassifikatsiya',
      'ml-junior/rabota-s-dannymi',
    ];
    const set = await random({ count: 12, sectionIds: sections, strategy: 'BALANCED', seed: 'b' });
    const perSection = sections.map((id) => set.questions.filter((q: any) => q.section.id === id).length);
    expect(perSection).toEqual([3, 3, 3, 3]);
  });

  it('BALANCED gives a small section all it has and the rest to the others', async () => {
    const sections = ['ml-junior/python', 'ml-junior/obshchie-voprosy', 'ml-junior/generativnye-modeli'];
    const set = await random({ count: 9, sectionIds: sections, strategy: 'BALANCED', seed: 'c' });
    expect(sections.map((id) => set.questions.filter((q: any) => q.section.id === id).length)).toEqual([1, 4, 4]);
  });

  it('costs one BatchGetItem on a warm container: the bank item (version check) and the picks together', async () => {
    await random({ count: 10 });
    await random({ count: 10 });
    expect(api.lastCalls()).toEqual({ BatchGetItemCommand: 1 });
  });

  it('sees a re-import at once: a replaced catalog costs one Query and one more BatchGetItem', async () => {
    const before = await random({ count: 50, seed: 'fresh' });
    await importBankFiles(dynamo(), [editedShippedBank((s) => s.replace('42.  Что такое Top‑K?\n', ''))]);
    const after = await random({ count: 50, seed: 'fresh' });
    expect(api.lastCalls()).toEqual({ BatchGetItemCommand: 2, QueryCommand: 1 });
    expect([before.poolSize, after.poolSize]).toEqual([58, 57]);
    expect(after.questions.map((q: any) => q.text)).not.toContain('Что такое Top‑K?');
    await importBankFiles(dynamo(), [SHIPPED_BANK]);
  });

  it.each([
    ['count 0', { count: 0 }, '"count" must be an integer from 1 to 50, got 0'],
    ['count 51', { count: 51 }, '"count" must be an integer from 1 to 50, got 51'],
    ['an empty seed', { seed: '' }, '"seed" must be 1 to 128 characters long'],
    ['a 129-character seed', { seed: 'x'.repeat(129) }, '"seed" must be 1 to 128 characters long'],
    [
      '501 excluded ids',
      { excludeQuestionIds: Array.from({ length: 501 }, (_, i) => `ml-junior/q${i}`) },
      '"excludeQuestionIds" takes at most 500 ids, got 501',
    ],
    ['an unknown bank', { bankId: 'nope' }, 'unknown bank id "nope"'],
    ['an unknown section', { sectionIds: ['ml-junior/nope'] }, 'unknown section id "ml-junior/nope"'],
  ])('rejects %s with BAD_USER_INPUT', async (_case, input, message) => {
    const response = await api.query(RANDOM, { input: { bankId: 'ml-junior', ...input } });
    expect(response.errors!.map((e) => [e.extensions?.code, e.message])).toEqual([['BAD_USER_INPUT', message]]);
  });

  it('rejects an unknown strategy before running anything', async () => {
    const response = await api.query(RANDOM, { input: { strategy: 'SHUFFLE' } });
    expect(response.status).toBe(200);
    expect(response.errors!.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(api.lastCalls()).toEqual({});
  });
});

const PINNED_QBANK_SEED = [
  'Что такое эпоха и батч? Что такое `batch size`?',
  't‑SNE, PCA.',
  'Стратегии аугментации данных. Назови библиотеки.',
];
