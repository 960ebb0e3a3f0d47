/**
 * The operations the scale bench measures, each as its GraphQL request through the handler and
 * the minimal raw SDK calls that give the same answer: content operations per bank, learning
 * operations per (bank, learner).
 */
import { BatchGetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { parseGlobalId } from '../src/domain/ids';
import { batchGet, type Item, type Key } from '../src/store/batch';
import type { Dynamo } from '../src/store/client';
import { COUNTER_SHARDS } from '../src/domain/attempt-effects';
import { bankKey, questionKey } from '../src/store/content/keys';
import { questionCounterKey } from '../src/store/counters/keys';
import { dueIndexPartition, userPackPrefix, userPartition } from '../src/store/learner/keys';
import { prefixRange, queryAll } from '../src/store/query';
import { RAW_TENANT, TENANT, type BankFixture, type ScaleFixture, type UserFixture } from './scale-fixture';
import type { BankQuestion } from './scale-history';
import type { ScaleOperation } from './scale-measure';
import { rawAttempt } from './scale-raw';

/** The item holding a question's published content. */
function contentKey(question: BankQuestion): Key {
  const ref = parseGlobalId(question.id)!;
  return questionKey(ref.bankId, ref.localId, question.revision);
}

function sampleKeys(questions: readonly BankQuestion[], n: number): Key[] {
  const picked = new Set<number>();
  while (picked.size < Math.min(n, questions.length)) picked.add(Math.floor(Math.random() * questions.length));
  return [...picked].map((i) => contentKey(questions[i]));
}

function contentOperations(raw: Dynamo, bank: BankFixture, headers: Record<string, string>): ScaleOperation[] {
  const variables = () => ({ b: bank.bankId });
  return [
    {
      operation: 'randomQuestions',
      query: 'query($b: ID!) { randomQuestions(input: { bankId: $b, count: 10 }) { seed questions { id text } } }',
      variables,
      headers,
      // Ten different questions each call, as the handler's random sets are.
      raw: async () => {
        await raw.doc.send(
          new BatchGetCommand({ RequestItems: { [raw.tableName]: { Keys: sampleKeys(bank.questions, 10) } } }),
        );
      },
    },
    {
      operation: 'questions',
      query:
        'query($b: ID!) { questions(filter: { bankId: $b }, first: 20) { edges { node { id text } } pageInfo { hasNextPage endCursor } } }',
      variables,
      headers,
      // The page: the bank's first 20 questions, in one BatchGetItem. (A Query returns items in
      // key order, which is not the bank's order, so it cannot serve a page; see performance.md.)
      raw: async () => {
        await raw.doc.send(
          new BatchGetCommand({
            RequestItems: { [raw.tableName]: { Keys: bank.questions.slice(0, 20).map(contentKey) } },
          }),
        );
      },
    },
    {
      // Two words that every generated bank holds in hundreds of questions (its concepts repeat).
      operation: 'searchQuestions',
      query:
        'query($b: ID!) { searchQuestions(bankId: $b, query: "gradient descent", first: 20) { totalCount edges { score node { id text } } } }',
      variables,
      headers,
      // The floor: the page's 20 questions by key in one BatchGetItem, as if the matches were
      // known without an index (DynamoDB itself has no full-text search but a Scan).
      raw: async () => {
        await raw.doc.send(
          new BatchGetCommand({
            RequestItems: { [raw.tableName]: { Keys: bank.questions.slice(0, 20).map(contentKey) } },
          }),
        );
      },
    },
  ];
}

/** The packed copies of the user's section sums in the bank (one Query page): what the ranking needs. */
async function rawSections(raw: Dynamo, userId: string, bankId: string): Promise<void> {
  // the same key condition as the handler's (SectionStore.sectionSums)
  const range = prefixRange(userPackPrefix(bankId));
  await queryAll(raw, {
    KeyConditionExpression: `PK = :pk AND ${range.condition}`,
    ExpressionAttributeValues: { ':pk': userPartition({ tenantId: TENANT, userId }), ...range.values },
  });
}

/** The raw twin's attempts: round-robin over the questions of its history (the states exist, as for the handler's learner). */
function rawRecordAttempt(
  raw: Dynamo,
  bankId: string,
  userId: string,
  attempted: readonly BankQuestion[],
): () => Promise<void> {
  let next = 0;
  return () =>
    rawAttempt(raw, { tenantId: RAW_TENANT, userId, bankId, question: attempted[next++ % attempted.length] });
}

function learningOperations(
  raw: Dynamo,
  bank: BankFixture,
  user: UserFixture,
  secretKey: string,
  run: string,
): ScaleOperation[] {
  const headers = { 'x-api-key': secretKey, 'x-user-id': user.userId };
  const { bankId } = bank;
  const u = user.userId;
  const asked = user.attempted[0];
  const askedRef = parseGlobalId(asked.id)!;
  const byId = new Map(bank.questions.map((q) => [q.id, q]));
  let attemptNo = 0;
  let choiceNo = 0;
  // Self-graded attempts go to open questions; choice questions are graded from picks (their own row).
  const openAttempted = user.attempted.filter((q) => !q.optionIds);
  const choices = bank.questions.filter((q) => q.optionIds).slice(0, 50);
  let rawChoiceNo = 0;
  return [
    {
      operation: 'weakTopics',
      query:
        'query($b: ID!) { weakTopics(bankId: $b, limit: 5) { section { id title } attempts correctRate mastery confidence meanRetrievability leeches } }',
      variables: () => ({ b: bankId }),
      headers,
      // The packed copies of the user's section sums in the bank (one Query): what the ranking needs.
      raw: () => rawSections(raw, u, bankId),
      rawChecked: async () => {
        await Promise.all([rawSections(raw, u, bankId), batchGet(raw, [bankKey(bankId)])]);
      },
    },
    {
      operation: 'dueQuestions',
      query:
        'query($b: ID!) { dueQuestions(bankId: $b, limit: 20) { due retrievability lapses question { id text } } }',
      variables: () => ({ b: bankId }),
      headers,
      // The 20 most overdue states (one Query on GSI1 with Limit), then their questions' text (one BatchGetItem).
      raw: async () => {
        const page = await raw.doc.send(
          new QueryCommand({
            TableName: raw.tableName,
            IndexName: 'GSI1',
            KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK <= :now',
            ExpressionAttributeValues: {
              ':pk': dueIndexPartition({ tenantId: TENANT, userId: u }, bankId),
              ':now': `${new Date().toISOString()}#~`,
            },
            Limit: 20,
          }),
        );
        const keys = ((page.Items ?? []) as Item[]).map((item) => contentKey(byId.get(item.questionId as string)!));
        if (keys.length > 0)
          await raw.doc.send(new BatchGetCommand({ RequestItems: { [raw.tableName]: { Keys: keys } } }));
      },
    },
    {
      operation: 'questionStats',
      query:
        'query($q: ID!) { questionStats(questionId: $q) { attempts successRate meanScore medianTimeMs p90TimeMs uniqueUsers } }',
      variables: () => ({ q: asked.id }),
      headers: { 'x-api-key': secretKey },
      // The question (does it exist?) and its 4 counter shards: one BatchGetItem of 5 keys.
      raw: async () => {
        const keys = [
          contentKey(asked),
          ...Array.from({ length: COUNTER_SHARDS }, (_, shard) =>
            questionCounterKey(TENANT, bankId, shard, askedRef.localId),
          ),
        ];
        await raw.doc.send(new BatchGetCommand({ RequestItems: { [raw.tableName]: { Keys: keys } } }));
      },
    },
    {
      // Last: it adds to the history (N becomes N + the calls measured).
      operation: 'recordAttempt',
      query:
        'mutation($in: RecordAttemptInput!) { recordAttempt(input: $in) { duplicate attempt { id createdAt } state { due retrievability lapses attempts } } }',
      variables: () => {
        const question = openAttempted[attemptNo % openAttempted.length];
        return {
          in: {
            questionId: question.id,
            outcome: 'CORRECT',
            timeSpentMs: 30_000,
            clientAttemptId: `bench-${run}-${u}-${attemptNo++}`,
          },
        };
      },
      headers,
      raw: rawRecordAttempt(raw, bankId, u, openAttempted),
    },
    {
      // A choice question, graded by the server: the picks cycle through its options. The raw
      // twin reads the same records plus the question's content, grades and plans the same way.
      operation: 'recordAttempt (choice)',
      query:
        'mutation($in: RecordAttemptInput!) { recordAttempt(input: $in) { duplicate attempt { id createdAt } grading { correct score correctOptionIds } state { due retrievability lapses attempts } } }',
      variables: () => {
        const n = choiceNo++;
        const question = choices[n % choices.length];
        return {
          in: {
            questionId: question.id,
            selectedOptionIds: [question.optionIds![n % question.optionIds!.length]],
            timeSpentMs: 30_000,
            clientAttemptId: `bench-${run}-${u}-choice-${n}`,
          },
        };
      },
      headers,
      raw: () => {
        const n = rawChoiceNo++;
        const question = choices[n % choices.length];
        return rawAttempt(raw, {
          tenantId: RAW_TENANT,
          userId: u,
          bankId,
          question,
          selectedOptionIds: [question.optionIds![n % question.optionIds!.length]],
        });
      },
    },
  ];
}

/** The operations measured for a bank: content ones (user null) and, per learner, learning ones. */
export function scaleOperations(
  fixture: ScaleFixture,
  bank: BankFixture,
  user: UserFixture | null,
  run: string,
): ScaleOperation[] {
  return user
    ? learningOperations(fixture.raw, bank, user, fixture.secretKey, run)
    : contentOperations(fixture.raw, bank, { 'x-api-key': fixture.secretKey });
}
