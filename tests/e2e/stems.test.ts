import { importBankFiles } from '../../src/usecases/import-banks';
import { LONG_ANSWERS_BANK, STEMS_BANK } from '../support/banks';
import { useTable } from '../support/dynamo';
import { givenApi, type TestApi } from '../support/graphql';

const BASE = 'https://github.com/example/banks/blob/main/';
const QUESTION = '{ question(id: "stems/topo-order") { text answer stem difficulty tags } }';

describe('sub-questions and long answers through the API', () => {
  const dynamo = useTable();
  let api: TestApi;

  beforeAll(async () => {
    const summaries = await importBankFiles(dynamo(), [STEMS_BANK, LONG_ANSWERS_BANK], { sourceUrl: BASE });
    expect(
      summaries.map(({ id, style, sections, questions, kinds, warnings }) => ({
        id,
        style,
        sections,
        questions,
        open: kinds.OPEN,
        warnings: warnings.length,
      })),
    ).toEqual([
      { id: 'stems', style: 'list', sections: 2, questions: 10, open: 10, warnings: 0 },
      { id: 'long-answers', style: 'heading', sections: 1, questions: 3, open: 3, warnings: 0 },
    ]);
    api = givenApi(dynamo());
    await api.query('{ randomQuestions(input: { count: 1 }) { seed } }'); // warm the catalog cache
  });

  it('serves a sub-question with its stem as Markdown, relative images resolved against --source-url', async () => {
    const { data, errors } = await api.query(QUESTION);
    expect(errors).toBeUndefined();
    expect(data!.question).toEqual({
      text: 'Give a topological order of its nodes.',
      answer: 'A, B, D, C.',
      stem: `Given this directed graph.\n\n![graph](${BASE}images/dag.png)`,
      difficulty: 2,
      tags: ['graphs'],
    });
  });

  it('serves null for a question without a stem, and stems in section listings', async () => {
    const { data } = await api.query(
      '{ section(id: "stems/clustering") { questions(first: 10) { edges { node { stem text } } } } }',
    );
    expect(data!.section.questions.edges.map((edge: any) => [edge.node.stem, edge.node.text])).toEqual([
      ['k-means clustering.', 'How is the number of clusters k chosen?'],
      ['k-means clustering.', 'Why can two runs on the same data give different clusters?'],
      ['k-means clustering.', 'Does k-means find clusters of any shape?'],
      [null, 'What is the silhouette score?'],
    ]);
  });

  it('costs the same DynamoDB calls with or without the stem: it rides on the question item', async () => {
    await api.query(QUESTION);
    const withStem = api.lastCalls();
    await api.query('{ question(id: "stems/topo-order") { text answer difficulty tags } }');
    expect(withStem).toEqual(api.lastCalls());
    expect(withStem).toEqual({ BatchGetItemCommand: 1 });
  });

  it('serves a long answer with its sub-headings', async () => {
    const { data } = await api.query(
      '{ questions(filter: { bankId: "long-answers" }, first: 3) { edges { node { number text stem answer } } } }',
    );
    const nodes = data!.questions.edges.map((edge: any) => edge.node);
    expect(nodes.map((node: any) => [node.number, node.text, node.stem])).toEqual([
      ['1', 'Decorators', null],
      ['2', 'What is the GIL?', null],
      ['3', 'Generators', null],
    ]);
    expect(nodes[1].answer).toBe(
      '### Short answer\n\nA lock that lets one thread run Python bytecode at a time.\n\n### Consequences\n\n- threads do not speed up CPU-bound code\n- I/O-bound threads still overlap',
    );
  });
});
