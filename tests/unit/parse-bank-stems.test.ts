import { readFileSync } from 'node:fs';
import { parseBank } from '../../src/domain/bank';
import { exportBank } from '../../src/domain/bank/export';
import { STEMS_BANK } from '../support/banks';
import { EMPTY, importInto } from './import.given';
import { bankSource } from './parse-bank.given';

const FILE_URL = 'https://github.com/example/banks/blob/main/stems.en.md';
const questionsOf = (source: string, fileUrl: string | null = null) =>
  parseBank(source, 'test.md', { fileUrl }).sections.flatMap((section) => section.questions);
const shape = (source: string) =>
  questionsOf(source).map(({ stem, text, answer, difficulty, number }) => ({ stem, text, answer, difficulty, number }));

describe('sub-questions under a shared stem (list style)', () => {
  it('reads our stems fixture: each nested question under its stem, the rest as before', () => {
    const bank = parseBank(readFileSync(STEMS_BANK, 'utf8'), 'stems.en.md', { fileUrl: FILE_URL });
    expect(bank.style).toBe('list');
    const graph = 'Given this directed graph.\n\n![graph](https://github.com/example/banks/blob/main/images/dag.png)';
    expect(
      bank.sections.map((section) => [
        section.title,
        section.questions.map(({ stem, text, answer, difficulty, number, explicitId, tags, line }) => ({
          stem,
          text,
          answer,
          difficulty,
          number,
          explicitId,
          tags,
          line,
        })),
      ]),
    ).toEqual([
      [
        'Clustering',
        [
          {
            stem: 'k-means clustering.',
            text: 'How is the number of clusters k chosen?',
            answer: '',
            difficulty: 1,
            number: null,
            explicitId: null,
            tags: [],
            line: 8,
          },
          {
            stem: 'k-means clustering.',
            text: 'Why can two runs on the same data give different clusters?',
            answer: 'Because the initial centroids are random.',
            difficulty: 2,
            number: null,
            explicitId: null,
            tags: [],
            line: 9,
          },
          {
            stem: 'k-means clustering.',
            text: 'Does k-means find clusters of any shape?',
            answer: '',
            difficulty: 3,
            number: null,
            explicitId: null,
            tags: [],
            line: 12,
          },
          {
            stem: null,
            text: 'What is the silhouette score?',
            answer: 'How well each point fits its own cluster compared with the nearest other one.',
            difficulty: null,
            number: '2',
            explicitId: null,
            tags: [],
            line: 13,
          },
        ],
      ],
      [
        'Graphs',
        [
          {
            stem: graph,
            text: 'Is it acyclic?',
            answer: '![cycle check](https://github.com/example/banks/blob/main/images/dag-dfs.png)',
            difficulty: 1,
            number: null,
            explicitId: null,
            tags: [],
            line: 23,
          },
          {
            stem: graph,
            text: 'Give a topological order of its nodes.',
            answer: 'A, B, D, C.',
            difficulty: 2,
            number: null,
            explicitId: 'topo-order',
            tags: ['graphs'],
            line: 27,
          },
          {
            stem: graph,
            text: 'How many edges does a spanning tree of it have?',
            answer: '',
            difficulty: 2,
            number: null,
            explicitId: null,
            tags: [],
            line: 31,
          },
          {
            stem: 'Shortest paths.',
            text: 'Dijkstra on this graph',
            answer: '',
            difficulty: null,
            number: null,
            explicitId: null,
            tags: [],
            line: 33,
          },
          {
            stem: 'Shortest paths.',
            text: 'Bellman-Ford on this graph',
            answer: '',
            difficulty: null,
            number: null,
            explicitId: null,
            tags: [],
            line: 34,
          },
          {
            stem: null,
            text: 'Graph traversal terms.',
            answer: '- Breadth-first search\n- Depth-first search',
            difficulty: null,
            number: '5',
            explicitId: null,
            tags: [],
            line: 35,
          },
        ],
      ],
    ]);
    // Stem numbers 1, 3 and 4 take part in numbering once each: 1, 2, 3, 4, 5 raise no warning.
    expect(bank.warnings).toEqual([]);
  });

  it('keeps relative links in a stem as written without a file URL, and warns once per stem on their line', () => {
    const bank = parseBank(readFileSync(STEMS_BANK, 'utf8'), 'stems.en.md');
    expect(bank.sections[1]!.questions[0]!.stem).toBe('Given this directed graph.\n\n![graph](images/dag.png)');
    expect(bank.warnings).toEqual([
      { line: 21, message: 'relative link "images/dag.png" is kept as written: --source-url resolves it' },
      { line: 25, message: 'relative link "images/dag-dfs.png" is kept as written: --source-url resolves it' },
    ]);
  });

  // The hint list takes another bullet: with the same one it would run on into the next sub-question.
  it('gives every block after a sub-question, up to the next one, to that sub-question', () => {
    const source = bankSource(
      '- Given this table.',
      '',
      '  | a | b |',
      '  |---|---|',
      '  | 1 | 2 |',
      '',
      '  - What is the sum of column a? [E]',
      '',
      '  A hint paragraph.',
      '',
      '  * first step',
      '  * second step',
      '',
      '  - What is the product? [M]',
      '',
      '    Two.',
    );
    expect(shape(source)).toEqual([
      {
        stem: 'Given this table.\n\n| a | b |\n|---|---|\n| 1 | 2 |',
        text: 'What is the sum of column a?',
        answer: 'A hint paragraph.\n\n* first step\n* second step',
        difficulty: 1,
        number: null,
      },
      {
        stem: 'Given this table.\n\n| a | b |\n|---|---|\n| 1 | 2 |',
        text: 'What is the product?',
        answer: 'Two.',
        difficulty: 2,
        number: null,
      },
    ]);
  });

  it('takes "?" alone for a sub-question, and keeps printed numbers of an ordered nested list', () => {
    const source = bankSource('1. Binary search.', '   1. What does it need of its input?', '   2. What is its cost?');
    expect(shape(source)).toEqual([
      { stem: 'Binary search.', text: 'What does it need of its input?', answer: '', difficulty: null, number: '1' },
      { stem: 'Binary search.', text: 'What is its cost?', answer: '', difficulty: null, number: '2' },
    ]);
  });

  it.each([
    ['its own paragraph asks', ['- What is a hash map?', '  - Is lookup O(1)? 👶', '  - Is it ordered? 👶']],
    ['its own paragraph has a difficulty marker', ['- Hash maps. [M]', '  - Is lookup O(1)?', '  - Is it ordered?']],
    ['it carries metadata', ['- Hash maps. <!-- id: maps -->', '  - Is lookup O(1)?', '  - Is it ordered?']],
    ['one nested item asks nothing', ['- Hash maps.', '  - Is lookup O(1)?', '  - buckets and probing']],
    ['its nested list is a task list', ['- Hash maps.', '  - [x] Is lookup O(1)?', '  - [ ] Is it ordered?']],
  ])('leaves an item with a nested list a plain question when %s', (_case, lines) => {
    const [question, ...rest] = questionsOf(bankSource(...lines));
    expect(rest).toEqual([]);
    expect(question!.stem).toBeNull();
  });

  it('takes a <!-- stem --> comment at its word: every nested list after it holds sub-questions', () => {
    const source = bankSource(
      '- Which of these is stable? Consider:',
      '',
      '  - merge sort',
      '  - heap sort',
      '  <!-- stem -->',
      '',
      '  - Merge sort',
      '  - Heap sort',
    );
    expect(shape(source)).toEqual([
      {
        stem: 'Which of these is stable? Consider:\n\n- merge sort\n- heap sort',
        text: 'Merge sort',
        answer: '',
        difficulty: null,
        number: null,
      },
      {
        stem: 'Which of these is stable? Consider:\n\n- merge sort\n- heap sort',
        text: 'Heap sort',
        answer: '',
        difficulty: null,
        number: null,
      },
    ]);
  });

  it('reports a stem marker without sub-questions and metadata on a stem, and ignores both', () => {
    const lone = parseBank(bankSource('- Sorting. <!-- stem -->', '', '  Nothing nested.'), 'test.md');
    expect(lone.sections[0]!.questions.map((q) => [q.text, q.stem])).toEqual([['Sorting.', null]]);
    expect(lone.warnings).toEqual([
      { line: 1, message: 'a stem marker is ignored here: it needs a nested list of sub-questions after it' },
    ]);
    const tagged = parseBank(
      bankSource(
        '- Sorting.',
        '  <!-- stem; tags: algo -->',
        '',
        '  - Is quicksort stable? 👶',
        '  - Is merge sort? 👶',
      ),
      'test.md',
    );
    expect(tagged.sections[0]!.questions.map((q) => [q.stem, q.text, q.tags])).toEqual([
      ['Sorting.', 'Is quicksort stable?', []],
      ['Sorting.', 'Is merge sort?', []],
    ]);
    expect(tagged.warnings).toEqual([
      { line: 2, message: 'metadata on a stem is ignored: write it on each sub-question' },
    ]);
  });

  it('reads options, explanation and references of a choice sub-question', () => {
    const [question] = questionsOf(
      bankSource(
        '- A model with 99 % accuracy on a 1 % positive class.',
        '  - Is it any good? ⭐️',
        '',
        '    - [ ] Yes',
        '    - [x] No',
        '',
        '    Explanation: predicting "negative" always gets 99 %.',
      ),
    );
    expect(question).toMatchObject({
      stem: 'A model with 99 % accuracy on a 1 % positive class.',
      text: 'Is it any good?',
      kind: 'TRUE_FALSE',
      explanation: 'predicting "negative" always gets 99 %.',
    });
  });
});

describe('stems in storage and export', () => {
  const source = readFileSync(STEMS_BANK, 'utf8');
  const first = importInto(EMPTY, source, 'stems.en.md');

  it('stores the stem with the question and hashes it: a stem edit is a new revision of the same ids', () => {
    expect(first.active.filter((q) => q.stem === 'k-means clustering.').map((q) => q.text)).toEqual([
      'How is the number of clusters k chosen?',
      'Why can two runs on the same data give different clusters?',
      'Does k-means find clusters of any shape?',
    ]);
    const edited = importInto(
      first.next,
      source.replace('k-means clustering.', 'The k-means algorithm.'),
      'stems.en.md',
    );
    expect(edited.plan.summary).toEqual({ added: 0, updated: 3, unchanged: 7, retired: 0 });
    expect(edited.active.map((q) => q.id)).toEqual(first.active.map((q) => q.id));
    const changed = edited.active.filter((q) => q.stem === 'The k-means algorithm.');
    expect(changed.map((q) => q.contentHash)).not.toEqual(
      first.active.filter((q) => q.stem === 'k-means clustering.').map((q) => q.contentHash),
    );
  });

  it('exports sub-questions under one marked stem item, and the round trip keeps ids and stems', () => {
    const exported = exportBank({
      bank: first.next.bank,
      catalog: first.next.catalog,
      questions: first.next.questions,
    });
    expect(exported).toContain(
      [
        '- Shortest paths.',
        '  <!-- stem -->',
        '',
        `  - Dijkstra on this graph`,
        `    <!-- id: ${first.active.find((q) => q.text === 'Dijkstra on this graph')!.localId} -->`,
        '',
        `  - Bellman-Ford on this graph`,
        `    <!-- id: ${first.active.find((q) => q.text === 'Bellman-Ford on this graph')!.localId} -->`,
      ].join('\n'),
    );
    const again = importInto(EMPTY, exported, 'stems.en.md');
    // A stem item goes back as a bullet (a known limit of export), so the printed numbers skip.
    expect(again.parsed.warnings.map((w) => w.message)).toEqual([
      'relative link "images/dag.png" is kept as written: --source-url resolves it',
      'relative link "images/dag-dfs.png" is kept as written: --source-url resolves it',
      'numbering skips from 2 to 5',
    ]);
    expect(again.active.map((q) => [q.id, q.stem, q.text, q.answer])).toEqual(
      first.active.map((q) => [q.id, q.stem, q.text, q.answer]),
    );
    expect(importInto(first.next, exported, 'stems.en.md').plan.summary).toMatchObject({ updated: 0, added: 0 });
  });
});
