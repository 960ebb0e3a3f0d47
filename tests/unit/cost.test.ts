import {
  getNamedType,
  isCompositeType,
  isListType,
  isNonNullType,
  isObjectType,
  parse,
  print,
  type GraphQLType,
} from 'graphql';
import { queryComplexity } from '../../src/graphql/complexity';
import { cachedOperationCost, COST_CACHE, COST_LIMITS, costUnits, operationCost } from '../../src/graphql/cost';
import { FIELD_COSTS } from '../../src/graphql/cost-table';
import { executableSchema } from '../../src/graphql/server';

// counted, not changed: the cache tests ask how often the document was walked
jest.mock('../../src/graphql/complexity', () => {
  const actual = jest.requireActual<typeof import('../../src/graphql/complexity')>('../../src/graphql/complexity');
  return { ...actual, queryComplexity: jest.fn(actual.queryComplexity) };
});

const schema = executableSchema({ described: true });
const cost = (query: string, variables?: Record<string, unknown>) => operationCost(schema, parse(query), variables);
const isList = (type: GraphQLType): boolean => isListType(isNonNullType(type) ? type.ofType : type);

const NESTED = `query($n: Int) { ${Array.from(
  { length: 15 },
  (_, i) =>
    `a${i}: questions(first: $n) { edges { node { id section { questions(first: $n) { edges { node { id } } } } } } }`,
).join(' ')} }`;

describe('operation cost', () => {
  it('knows the size of every list of objects in the schema', () => {
    const unsized = Object.values(schema.getTypeMap())
      .filter(isObjectType)
      .filter((type) => !type.name.startsWith('__'))
      .flatMap((type) => Object.values(type.getFields()).map((field) => ({ type, field })))
      .filter(({ field }) => isList(field.type) && isCompositeType(getNamedType(field.type)))
      .map(({ type, field }) => `${type.name}.${field.name}`)
      .filter((name) => !FIELD_COSTS[name]?.size);
    expect(unsized).toEqual([]);
  });

  it('counts a list argument given as a variable like the same literal', () => {
    const literal = cost(NESTED.replace('query($n: Int) ', '').replaceAll('$n', '100'));
    expect(cost(NESTED, { n: 100 })).toBe(literal);
    expect(literal).toBe(15 * (400 + 1 + 100 * (1 + 1 + 1 + 1 + 100 * 2)));
  });

  it.each([
    ['first', '{ questions(first: $n) { edges { node { id } } } }', 401 + 100 * 2],
    [
      'Section.questions first',
      '{ bank(id: "b") { sections { questions(first: $n) { edges { node { id } } } } } }',
      201 + 20 * (1 + 1 + 100 * 2),
    ],
    ['limit', '{ hardestQuestions(bankId: "b", limit: $n) { attempts } }', 1200 + 100],
    ['limit (weakTopics)', '{ weakTopics(bankId: "b", limit: $n) { attempts } }', 400 + 50],
    ['limit (dueQuestions)', '{ dueQuestions(bankId: "b", limit: $n) { due } }', 600 + 100],
    ['days', '{ activity(bankId: "b", days: $n) { date } }', 1000 + 90],
    ['first (attempts)', '{ attempts(first: $n) { edges { node { id } } } }', 401 + 100 * 2],
  ])('reads %s from a variable, at most its maximum', (_name, selection, points) => {
    expect(cost(`query($n: Int) ${selection}`, { n: 100_000 })).toBe(points);
  });

  it('reads count from an input object given as a variable', () => {
    const query = 'query($in: RandomQuestionsInput!) { randomQuestions(input: $in) { questions { id } } }';
    expect(cost(query, { in: { count: 50 } })).toBe(401 + 50);
    expect(cost(query, { in: {} })).toBe(401 + 10);
    const quiz = 'mutation($in: StartQuizInput!) { startQuiz(input: $in) { questions { id } } }';
    expect(cost(quiz, { in: { bankId: 'b', count: 40 } })).toBe(801 + 40);
  });

  it('counts each quiz of a page for its questions, so quiz items nested in myQuizzes are priced', () => {
    const items = '{ items { score question { id } } }';
    // quiz(id): 2 calls, 50 assumed questions, each item an object with its question
    expect(cost(`{ quiz(id: "q") ${items} }`)).toBe(401 + 50 * (1 + 1));
    const page = `query($n: Int) { myQuizzes(first: $n) { edges { node ${items} } } }`;
    expect(cost(page, { n: 2 })).toBe(201 + 2 * 50 * (1 + 1 + 1 + 1));
    expect(cost(page, { n: 1000 })).toBe(201 + 20 * 50 * (1 + 1 + 1 + 1));
    expect(cost('{ myQuizzes { edges { node { id status } } } }')).toBe(201 + 10 * 50 * (1 + 1));
  });

  it('charges a stats field its shard reads', () => {
    expect(cost('{ sectionStats(bankId: "b") { attempts section { title } } }')).toBe(1000 + 20 * 2);
    expect(cost('{ questionStats(questionId: "q") { attempts } }')).toBe(201);
  });

  it('leaves variables that do not fit to execution (BAD_USER_INPUT)', () => {
    expect(cost('query($n: Int) { questions(first: $n) { totalCount } }', { n: 'ten' })).toBeNull();
  });

  it('prices ordinary requests at a few units and the largest at half the default burst', () => {
    const page = cost('{ questions(first: 100) { totalCount edges { node { id text section { title } } } } }')!;
    const stats = cost('{ sectionStats(bankId: "b") { attempts section { title } } }')!;
    const quiz = cost('mutation { startQuiz(input: { bankId: "b", count: 20 }) { id questions { id text } } }')!;
    expect([page, stats, quiz].map(costUnits)).toEqual([2, 3, 2]);
    expect(costUnits(COST_LIMITS.maxPoints)).toBe(10);
  });

  it('estimates a document and its variables once, and answers the same for them after', () => {
    const estimate = jest.mocked(queryComplexity);
    estimate.mockClear();
    const document = parse('query($n: Int) { questions(first: $n) { edges { node { id } } } }');
    const first = cachedOperationCost(schema, document, { n: 100 });
    expect(first).toBe(operationCost(schema, document, { n: 100 }));
    estimate.mockClear();
    expect(cachedOperationCost(schema, document, { n: 100 })).toBe(first);
    expect(estimate).not.toHaveBeenCalled();
    // other variables, another operation name, another document: estimated
    expect(cachedOperationCost(schema, document, { n: 5 })).toBe(operationCost(schema, document, { n: 5 }));
    expect(cachedOperationCost(schema, document, { n: 5 }, 'Other')).toBeNull(); // no such operation
    expect(cachedOperationCost(schema, parse(print(document)), { n: 100 })).toBe(first);
    // { n: 5 } cached and direct, the same text parsed again; no operation `Other` to walk
    expect(estimate).toHaveBeenCalledTimes(3);
    // variables whose JSON is too long are not kept
    estimate.mockClear();
    const long = { n: 100, pad: 'x'.repeat(COST_CACHE.maxKeyLength) };
    cachedOperationCost(schema, document, long);
    cachedOperationCost(schema, document, long);
    expect(estimate).toHaveBeenCalledTimes(2);
  });

  it('keeps at most COST_CACHE.perDocument variable sets of a document, dropping the oldest', () => {
    const estimate = jest.mocked(queryComplexity);
    estimate.mockClear();
    const document = parse('query($n: Int) { questions(first: $n) { edges { node { id } } } }');
    for (let n = 1; n <= COST_CACHE.perDocument + 1; n++) cachedOperationCost(schema, document, { n });
    estimate.mockClear();
    cachedOperationCost(schema, document, { n: COST_CACHE.perDocument + 1 });
    cachedOperationCost(schema, document, { n: 2 });
    expect(estimate).not.toHaveBeenCalled();
    cachedOperationCost(schema, document, { n: 1 });
    expect(estimate).toHaveBeenCalledTimes(1);
  });
});
