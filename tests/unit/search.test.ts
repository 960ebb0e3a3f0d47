import { buildSearchIndex, SearchIndex, searchVersionOf, SEARCH_FORMAT } from '../../src/domain/search/search-index';
import {
  checkSearchPageSize,
  decodeSearchCursor,
  encodeSearchCursor,
  parseSearchQuery,
  searchPage,
} from '../../src/domain/search/query';
import { stemsOf, wordsOf } from '../../src/domain/search/text';
import { DomainError } from '../../src/domain/errors';

const q = (localId: string, text: string, answer = '') => ({ localId, text, answer });

describe('search text', () => {
  it('lower-cases, folds ё, splits on anything but letters and digits, and leaves addresses out', () => {
    expect(wordsOf('Ёлка и F1-score: [см.](https://example.com/a?b=1) <https://x.y> http://z.w/q L2')).toEqual([
      'елка',
      'и',
      'f1',
      'score',
      'см',
      'l2',
    ]);
  });

  it('stems Cyrillic words as Russian and Latin words as English, dropping stop words', () => {
    expect(stemsOf('Что такое градиентного спуска и регуляризации?')).toEqual(['градиентн', 'спуск', 'регуляризац']);
    expect(stemsOf('What is the learning rate of gradients?')).toEqual(['learn', 'rate', 'gradient']);
    expect(stemsOf('ReLU x2 батч')).toEqual(['relu', 'x2', 'батч']);
  });
});

describe('search index', () => {
  const index = new SearchIndex(
    buildSearchIndex([
      q('a', 'Что такое градиент?', 'Вектор частных производных.'),
      q('b', 'Как выбрать шаг?', 'Шаг градиентного спуска подбирают по валидации.'),
      q('c', 'Что такое dropout?', 'Регуляризация.'),
      q('d', 'Regularization in linear models', 'L1 and L2 penalties.'),
    ]),
  );
  const search = (query: string) => index.search(parseSearchQuery(query).stems).map((hit) => hit.localId);

  it('finds a stem in the text and the answer, a text hit first', () => {
    expect(search('градиентный')).toEqual(['a', 'b']);
  });

  it('needs every word of the query', () => {
    expect(search('градиентный спуск')).toEqual(['b']);
    expect(search('градиентный dropout')).toEqual([]);
  });

  it('matches longer stems a word begins, and stems a few letters shorter', () => {
    expect(search('регуляр')).toEqual(['c']);
    expect(search('regularizing')).toEqual(['d']);
  });

  it('scores with BM25 and keeps catalog order on equal scores', () => {
    const hits = index.search(['что']);
    expect(hits).toEqual([]);
    const tied = new SearchIndex(buildSearchIndex([q('x', 'Alpha beta'), q('y', 'Alpha beta')])).search(['alpha']);
    expect(tied.map((hit) => hit.localId)).toEqual(['x', 'y']);
    expect(tied[0].score).toBe(tied[1].score);
    expect(tied[0].score).toBeGreaterThan(0);
  });

  it('indexes a choice question’s options and explanation as its answer', () => {
    const withOptions = new SearchIndex(
      buildSearchIndex([
        {
          ...q('m', 'Pick one'),
          options: [{ id: 'o1', text: 'Overfitting', correct: true }],
          explanation: 'Variance dominates.',
        },
      ]),
    );
    expect(withOptions.search(['overfit']).map((hit) => hit.localId)).toEqual(['m']);
    expect(withOptions.search(['varianc']).map((hit) => hit.localId)).toEqual(['m']);
  });

  it('is named by its format and the catalog version, and refuses another format', () => {
    expect(searchVersionOf('abc123')).toBe(`${SEARCH_FORMAT}.abc123`);
    expect(
      () => new SearchIndex(JSON.stringify({ f: SEARCH_FORMAT + 1, ids: [], len: [], terms: [], post: [] })),
    ).toThrow(`search index format ${SEARCH_FORMAT + 1} is not ${SEARCH_FORMAT}`);
  });
});

describe('search query and cursors', () => {
  const bad = (run: () => unknown): string => {
    try {
      run();
    } catch (error) {
      if (error instanceof DomainError && error.code === 'BAD_USER_INPUT') return error.message;
      throw error;
    }
    throw new Error('no error');
  };

  it('refuses empty, wordless, too long and too wordy queries', () => {
    expect(bad(() => parseSearchQuery(' '))).toBe('"query" must not be empty');
    expect(bad(() => parseSearchQuery('—?'))).toBe('"query" has no words to search for (letters or digits)');
    expect(bad(() => parseSearchQuery('x'.repeat(201)))).toBe('"query" must be at most 200 characters, got 201');
    expect(bad(() => parseSearchQuery('a1 a2 a3 a4 a5 a6 a7 a8 a9 a10 a11'))).toBe(
      '"query" must have at most 10 words, got 11',
    );
  });

  it('searches a query of stop words only for the words themselves, deduplicated', () => {
    expect(parseSearchQuery('What is what').stems).toEqual(['what', 'is']);
  });

  it('gives one fingerprint to queries with the same stems', () => {
    expect(parseSearchQuery('Градиентного спуска').fingerprint).toBe(parseSearchQuery('градиентный спуск').fingerprint);
    expect(parseSearchQuery('спуск').fingerprint).not.toBe(parseSearchQuery('градиент').fingerprint);
  });

  it('checks the page size: 1 to 50, 20 by default', () => {
    expect(checkSearchPageSize(undefined)).toBe(20);
    expect(checkSearchPageSize(50)).toBe(50);
    expect(bad(() => checkSearchPageSize(51))).toBe('"first" must be an integer from 1 to 50, got 51');
    expect(bad(() => checkSearchPageSize(1.5))).toBe('"first" must be an integer from 1 to 50, got 1.5');
  });

  it('continues after the cursor’s question, or after its score once that question is gone', () => {
    const query = parseSearchQuery('x');
    const page = (first: number, after: string | null) => searchPage(hits, first, decodeSearchCursor(after, query));
    const hits = [
      { localId: 'a', order: 0, score: 3 },
      { localId: 'b', order: 1, score: 2 },
      { localId: 'c', order: 2, score: 1 },
    ];
    const first = page(1, null);
    expect(first).toEqual({ hits: [hits[0]], hasNextPage: true, hasPreviousPage: false });
    expect(page(5, encodeSearchCursor(query, hits[0]))).toEqual({
      hits: hits.slice(1),
      hasNextPage: false,
      hasPreviousPage: true,
    });
    const gone = encodeSearchCursor(query, { localId: 'z', order: 9, score: 2.5 });
    expect(page(5, gone).hits.map((hit) => hit.localId)).toEqual(['b', 'c']);
    expect(bad(() => decodeSearchCursor(encodeSearchCursor(query, hits[0]), parseSearchQuery('y')))).toBe(
      '"after" is a cursor of another search query',
    );
    expect(bad(() => page(5, 'qc1-not-ours'))).toBe('"after" is not a cursor returned by searchQuestions');
  });
});
