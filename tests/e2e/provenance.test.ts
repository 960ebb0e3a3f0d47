import { readFileSync } from 'node:fs';
import { importBankFiles } from '../../src/usecases/import-banks';
import { bankFile, styleFixture } from '../support/banks';
import { useTable } from '../support/dynamo';
import { givenApi, type TestApi } from '../support/graphql';

const FILE_URL = 'https://github.com/example/banks/blob/0a1b2c3/sql/heading.en.md';
const SOURCE = '{ question(id: "heading/pk") { text difficulty sourceUrl retired source { file line url } } }';

describe('question provenance (Lambda handler)', () => {
  const dynamo = useTable();
  let api: TestApi;

  beforeAll(async () => {
    await importBankFiles(dynamo(), [styleFixture('heading.en.md')], { sourceUrl: FILE_URL });
    api = givenApi(dynamo());
  });

  it('gives every question its file, first line and a link to that line', async () => {
    const { data } = await api.query(SOURCE);
    expect(data!.question).toEqual({
      text: 'What is a primary key?',
      difficulty: 2,
      sourceUrl: null,
      retired: false,
      source: { file: 'heading.en.md', line: 16, url: `${FILE_URL}#L16` },
    });
  });

  it('gives the source a question cites, and costs no call beyond the question and its bank', async () => {
    const { data } = await api.query(
      '{ questions(filter: { bankId: "heading" }, first: 3) { edges { node { number sourceUrl source { line } } } } }',
    );
    expect(data!.questions.edges.map((e: any) => e.node)).toEqual([
      { number: '1', sourceUrl: null, source: { line: 12 } },
      { number: '2', sourceUrl: null, source: { line: 16 } },
      { number: '3', sourceUrl: 'https://example.org/windows', source: { line: 29 } },
    ]);
    await api.query(SOURCE);
    expect(api.lastCalls()).toEqual({ BatchGetItemCommand: 1 });
  });

  it('keeps the line a retired question last started on', async () => {
    const source = readFileSync(styleFixture('heading.en.md'), 'utf8');
    const without = source.replace(/#### 2\. What is a primary key\?[\s\S]*?(?=#### 3\.)/, '');
    await importBankFiles(dynamo(), [bankFile('heading.en.md', without)], { sourceUrl: FILE_URL });
    const { data } = await api.query(SOURCE);
    expect(data!.question).toMatchObject({
      retired: true,
      source: { file: 'heading.en.md', line: 16, url: `${FILE_URL}#L16` },
    });
  });
});
