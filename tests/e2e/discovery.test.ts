import path from 'node:path';
import { importBankFiles } from '../../src/usecases/import-banks';
import { FIXTURES, SHIPPED_BANK } from '../support/banks';
import { useTable } from '../support/dynamo';
import { givenApi, type TestApi } from '../support/graphql';

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
});
