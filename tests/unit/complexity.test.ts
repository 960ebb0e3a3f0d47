/**
 * src/graphql/complexity.ts computes what graphql-query-complexity's getComplexity computes,
 * without its full TypeInfo walk: the same number for every document, or an error where the
 * library throws one. Both run here over the same schemas, documents, variables and estimators.
 */
import { buildSchema, parse, type GraphQLSchema } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { queryComplexity, type Estimator } from '../../src/graphql/complexity';
import { executableSchema } from '../../src/graphql/server';

const abstractSchema = buildSchema(`
  interface Node { id: ID! }
  type Book implements Node { id: ID! title: String! authors(first: Int = 2): [Author!]! }
  type Author implements Node { id: ID! name: String! books(first: Int!): [Book!]! }
  union Item = Book | Author
  type Query { node(id: ID!): Node items(first: Int = 10): [Item!]! book: Book }
  type Mutation { touch(id: ID!): Node }
`);

const countingEstimator = ({ childComplexity, args }: { childComplexity: number; args: Record<string, unknown> }) =>
  (typeof args.first === 'number' ? args.first : 1) * (childComplexity + 1);
const nanEstimator = () => Number.NaN;

type Outcome = { complexity: number } | { error: true };

function library(
  schema: GraphQLSchema,
  query: string,
  variables?: Record<string, unknown>,
  operationName?: string,
  estimator = countingEstimator,
): Outcome {
  try {
    const estimators = [estimator as ComplexityEstimator];
    return { complexity: getComplexity({ schema, query: parse(query), variables, operationName, estimators }) };
  } catch {
    return { error: true };
  }
}

function ours(
  schema: GraphQLSchema,
  query: string,
  variables?: Record<string, unknown>,
  operationName?: string,
  estimator = countingEstimator,
): Outcome {
  try {
    return {
      complexity: queryComplexity({
        schema,
        query: parse(query),
        variables,
        operationName,
        estimator: estimator as Estimator,
      }),
    };
  } catch {
    return { error: true };
  }
}

describe('query complexity, as graphql-query-complexity computes it', () => {
  // Every row has four entries: a shorter one would hand the test jest's `done` callback.
  it.each<[string, string, Record<string, unknown> | undefined, string | undefined]>([
    [
      'fields and arguments',
      '{ items(first: 3) { ... on Book { title authors { name } } ... on Author { name books(first: 4) { title } } } }',
      undefined,
      undefined,
    ],
    [
      'an interface and inline fragments',
      '{ node(id: "1") { id ... on Book { title } ... on Author { name } } }',
      undefined,
      undefined,
    ],
    [
      'named fragments',
      'query { book { ...B } } fragment B on Book { title authors(first: 5) { ...A } } fragment A on Author { name }',
      undefined,
      undefined,
    ],
    [
      'fragments on abstract types',
      '{ items { ...I } } fragment I on Item { ... on Book { id } } ',
      undefined,
      undefined,
    ],
    [
      'a fragment cycle',
      '{ book { ...B } } fragment B on Book { authors { books(first: 2) { ...B } } }',
      undefined,
      undefined,
    ],
    ['an unknown fragment and field', '{ book { ...Nope nope title } }', undefined, undefined],
    [
      '@include and @skip, literal',
      '{ book { title @skip(if: true) authors @include(if: false) { name } id @include(if: true) } }',
      undefined,
      undefined,
    ],
    [
      '@include and @skip, variables',
      'query Q($a: Boolean!, $b: Boolean = true) { book { title @skip(if: $a) authors @include(if: $b) { name } } }',
      { a: false },
      undefined,
    ],
    ['a missing non-null variable', 'query Q($a: Boolean!) { book { title @skip(if: $a) } }', {}, undefined],
    [
      'a variable of the wrong type',
      'query Q($n: Int) { items(first: $n) { ... on Book { id } } }',
      { n: 'x' },
      undefined,
    ],
    [
      'a variable argument',
      'query Q($n: Int!) { node(id: "1") { ... on Author { books(first: $n) { id } } } }',
      { n: 7 },
      undefined,
    ],
    [
      'meta fields',
      '{ __typename book { __typename } __schema { types { name } } __type(name: "Book") { name } }',
      undefined,
      undefined,
    ],
    ['two operations, one named', 'query A { book { id } } query B { items { ... on Author { id } } }', undefined, 'B'],
    [
      'two operations, none named',
      'query A { book { id } } query B { items { ... on Author { id } } }',
      undefined,
      undefined,
    ],
    ['an operation name and an anonymous operation', '{ book { id } }', undefined, 'A'],
    ['a mutation', 'mutation { touch(id: "1") { id } }', undefined, undefined],
    ['aliases', '{ a: book { id } b: book { title } c: items(first: 2) { ... on Book { id } } }', undefined, undefined],
  ])('%s', (_name, query, variables, operationName) => {
    const expected = library(abstractSchema, query, variables, operationName);
    expect(ours(abstractSchema, query, variables, operationName)).toEqual(expected);
  });

  it('an estimator that gives NaN is an error in both', () => {
    const query = '{ book { id } }';
    expect(library(abstractSchema, query, undefined, undefined, nanEstimator)).toEqual({ error: true });
    expect(ours(abstractSchema, query, undefined, undefined, nanEstimator)).toEqual({ error: true });
  });

  it('the node ceiling (10,000 selections) is an error in both', () => {
    const fields = Array.from({ length: 2000 }, (_, i) => `f${i}: id`).join(' ');
    const query = `{ ${Array.from({ length: 6 }, (_, i) => `b${i}: book { ${fields} }`).join(' ')} }`;
    expect(library(abstractSchema, query)).toEqual({ error: true });
    expect(ours(abstractSchema, query)).toEqual({ error: true });
    const under = `{ b: book { ${fields} } }`;
    expect(ours(abstractSchema, under)).toEqual(library(abstractSchema, under));
  });

  it.each([
    [
      'randomQuestions',
      '{ randomQuestions(input: { bankId: "ml-junior", count: 10 }) { questions { id text options { id text } } } }',
    ],
    [
      'a connection',
      '{ questions(filter: { bankId: "ml-junior" }, first: 50) { edges { node { id section { id title } } } pageInfo { endCursor } } }',
    ],
    ['banks with sections', '{ banks { id sections { id questions(first: 100) { edges { node { id } } } } } }'],
  ])("qbank's schema: %s", (_name, query) => {
    const schema = executableSchema({ described: true });
    expect(ours(schema, query)).toEqual(library(schema, query));
  });
});
