/**
 * What each field of the schema costs, in points: the DynamoDB calls its resolver makes, and how
 * many objects a list or a page holds. `src/graphql/cost.ts` adds them up over an operation
 * with its variables; the figures come from docs/data-model.md ("Access patterns and their
 * cost"), where each is measured by a test.
 */

/** One DynamoDB call (a BatchGetItem of up to 100 items, a Query page, an UpdateItem…). */
export const CALL_POINTS = 200;
/** One object in the response (a question, an edge, a section, a stats row…); scalars are free. */
export const OBJECT_POINTS = 1;

/**
 * How many elements a list field returns, or how many a page holds for a field that returns a
 * connection or a set (the whole wrapper is multiplied, so `edges` inside it is not again).
 *
 * - `arg`: an argument (a dotted path into an input object), with the resolver's default and
 *   maximum: a larger value is refused by the resolver, so it never returns more than `max`.
 * - `assumed`: a list without an argument, sized by the content (sections of a bank, banks).
 * - `sizedAbove`: the list of a connection or a set, already counted by the field returning it.
 */
export type ListSize =
  | {
      arg: string;
      default: number;
      max: number;
      /** What each element counts for: a page of quizzes stands for each quiz's questions (Quiz.items is sized here). */
      each?: number;
    }
  | { assumed: number }
  | { sizedAbove: true };

export interface FieldCost {
  /** DynamoDB calls the resolver makes, at most (on a warm container). */
  calls?: number;
  size?: ListSize;
}

/** Sections a bank is assumed to have (the shipped bank has 9) and banks a deployment serves. */
export const ASSUMED_SECTIONS = 20;
export const ASSUMED_BANKS = 10;
/** Distinct tags (or topics) a bank is assumed to have (the shipped English bank has 17 tags). */
export const ASSUMED_TAGS = 50;
/** `count` of a quiz: 1 to 50. */
const QUIZ_QUESTIONS = 50;
/** Options of a choice question: banks write two to six; more are rare. */
export const ASSUMED_OPTIONS = 8;

const first = (defaultSize: number, max: number): ListSize => ({ arg: 'first', default: defaultSize, max });
const limit = (defaultSize: number, max: number): ListSize => ({ arg: 'limit', default: defaultSize, max });
const sizedAbove: ListSize = { sizedAbove: true };

/**
 * Fields not named here cost their objects only: no call of their own (a field of a loaded item,
 * a catalog lookup, or a DataLoader read batched into a call counted above it).
 */
export const FIELD_COSTS: Readonly<Record<string, FieldCost>> = {
  'Query.banks': { calls: 1, size: { assumed: ASSUMED_BANKS } },
  'Query.bank': { calls: 1 },
  'Query.section': { calls: 1 },
  'Query.question': { calls: 1 },
  // across banks: a Query of the bank items, then the page
  'Query.questions': { calls: 2, size: first(20, 100) },
  // with excludeSeen: the states Query, then the picks
  'Query.randomQuestions': { calls: 2, size: { arg: 'input.count', default: 10, max: 50 } },
  // warm: the bank item and the page in one BatchGetItem (cold: + bank item, catalog, index)
  'Query.searchQuestions': { calls: 1, size: first(20, 50) },
  'Query.me': { calls: 1 },
  // the Query, then the attempts' questions
  'Query.attempts': { calls: 2, size: first(20, 100) },
  'Query.weakTopics': { calls: 2, size: limit(5, 50) },
  // the due Query (repeated while a filter leaves too few), then the questions
  'Query.dueQuestions': { calls: 3, size: limit(20, 100) },
  'Query.quiz': { calls: 2, size: { assumed: QUIZ_QUESTIONS } },
  // one Query of the user's quiz index; like quiz(id), each quiz counts for its questions (and items)
  'Query.myQuizzes': { calls: 1, size: { ...first(10, 20), each: QUIZ_QUESTIONS } },
  // the bank item, the question and its 4 counter shards in one BatchGetItem
  'Query.questionStats': { calls: 1 },
  // one Query per counter shard (4) and the catalog
  'Query.sectionStats': { calls: 5, size: { assumed: ASSUMED_SECTIONS } },
  // the shard Queries and the catalog, then the questions
  'Query.hardestQuestions': { calls: 6, size: limit(10, 100) },
  'Query.activity': { calls: 5, size: { arg: 'days', default: 30, max: 90 } },
  // one read and one transaction (again only when another attempt of the user won the race),
  // then the question of the payload
  'Mutation.recordAttempt': { calls: 3 },
  // the states Query, the catalog and the put, then the questions
  'Mutation.startQuiz': { calls: 4, size: { arg: 'input.count', default: 10, max: 50 } },
  // the conditional UpdateItem, and the quiz read back when it did not apply (a repeat, a refusal)
  'Mutation.finishQuiz': { calls: 2 },
  'Mutation.abandonQuiz': { calls: 2 },
  'Quiz.items': { size: sizedAbove },
  'Bank.sections': { size: { assumed: ASSUMED_SECTIONS } },
  // counted from the bank's catalog, read with the bank item (batched with the request's others)
  'Bank.tags': { size: { assumed: ASSUMED_TAGS } },
  'Bank.topics': { size: { assumed: ASSUMED_TAGS } },
  'Bank.difficulties': { size: { assumed: 3 } },
  // one BatchGetItem for the pages of every section of the request together: counted by objects
  'Section.questions': { size: first(20, 100) },
  // The user's states ride in the request's batched reads when `correct` is asked (one BatchGetItem a page).
  'Question.options': { size: { assumed: ASSUMED_OPTIONS } },
  // The question's options from the same batched, cached question read as QuestionStats.question.
  'QuestionStats.options': { size: { assumed: ASSUMED_OPTIONS } },
  'Section.notes': {},
  'Question.tags': {},
  'QuestionConnection.edges': { size: sizedAbove },
  'QuestionSearchConnection.edges': { size: sizedAbove },
  'AttemptConnection.edges': { size: sizedAbove },
  'QuestionSet.questions': { size: sizedAbove },
  'Quiz.questions': { size: sizedAbove },
  'QuizConnection.edges': { size: sizedAbove },
};
