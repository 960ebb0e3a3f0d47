/**
 * Per-learner, per-section aggregates (issue 14 #4): each attempt moves its section's sums in its
 * own transaction, so weakTopics reads O(sections) items whatever the history; stats:verify
 * checks the sums against the replayed states and stats:rebuild completes items written before
 * the aggregates existed.
 */
import { DeleteCommand, GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { rebuildStats, verifyStats } from '../../src/admin/stats';
import type { QuestionStateRecord } from '../../src/domain/attempts';
import { aggregateOf } from '../../src/domain/learning/section-aggregate';
import { reviewMemory } from '../../src/domain/learning/memory';
import { batchWrite } from '../../src/store/batch';
import {
  stateToItem,
  userSectionKey,
  userSectionToItem,
  userSeenKey,
  userPackKey,
  userPackMarkerKey,
  userSeenMarkerKey,
  userPackMarkerToItem,
  userPackToItem,
  userSeenMarkerToItem,
  userSeenToItem,
} from '../../src/store/learner/keys';
import { importBankFiles } from '../../src/usecases/import-banks';
import { givenTenant, type TenantFixture } from '../support/access';
import { bankFile } from '../support/banks';
import { useTable } from '../support/dynamo';
import { givenApi, type TestApi } from '../support/graphql';
import { givenLearner, type Learner } from '../support/learner';

const SECTIONS = ['alpha', 'beta', 'gamma'];
const PER_SECTION = 110;

/** A bank of 3 sections × 110 questions (`<section>-<n>`); `drop` leaves questions out (retires them), `move` puts one in another section. */
const BANK = (drop: string[] = [], move: Record<string, string> = {}) =>
  `---\nid: agg\ntitle: Aggregates\n---\n` +
  SECTIONS.map(
    (section) =>
      `## ${section[0].toUpperCase()}${section.slice(1)}\n\n` +
      [
        ...Array.from({ length: PER_SECTION }, (_, i) => `${section}-${i}`).filter(
          (id) => !drop.includes(id) && !(id in move),
        ),
        ...Object.entries(move)
          .filter(([, to]) => to === section)
          .map(([id]) => id),
      ]
        .map((id, i) => `${i + 1}. What is ${id}? <!-- id: ${id} -->`)
        .join('\n') +
      '\n',
  ).join('\n');

const WEAK =
  '{ weakTopics(bankId: "agg", limit: 10) { section { id } attempts correctRate mastery confidence meanRetrievability leeches } }';

describe('section aggregates', () => {
  const dynamo = useTable();
  let api: TestApi;
  let acme: TenantFixture;

  const sectionItem = async (userId: string, section: string) =>
    (
      await dynamo().doc.send(
        new GetCommand({
          TableName: dynamo().tableName,
          Key: userSectionKey({ tenantId: 'acme', userId }, 'agg', section),
        }),
      )
    ).Item;

  const seenItem = async (userId: string, section: string) =>
    (
      await dynamo().doc.send(
        new GetCommand({
          TableName: dynamo().tableName,
          Key: userSeenKey({ tenantId: 'acme', userId }, 'agg', section),
        }),
      )
    ).Item;

  /** Takes the aggregates off a user's section items and deletes the seen items, as data written before them looks. */
  async function strip(userId: string): Promise<void> {
    const user = { tenantId: 'acme', userId };
    const sideKeys = [
      userSeenMarkerKey(user, 'agg'),
      userPackMarkerKey(user, 'agg'),
      ...SECTIONS.flatMap((section) => [userSeenKey(user, 'agg', section), userPackKey(user, 'agg', section)]),
    ];
    for (const Key of sideKeys) await dynamo().doc.send(new DeleteCommand({ TableName: dynamo().tableName, Key }));
    for (const section of SECTIONS) {
      const item = await sectionItem(userId, section);
      if (!item) continue;
      const names = Object.keys(item).filter((name) => !['PK', 'SK', 'attempts'].includes(name));
      await dynamo().doc.send(
        new UpdateCommand({
          TableName: dynamo().tableName,
          Key: userSectionKey({ tenantId: 'acme', userId }, 'agg', section),
          UpdateExpression: `REMOVE ${names.map((_, i) => `#n${i}`).join(', ')}`,
          ExpressionAttributeNames: Object.fromEntries(names.map((name, i) => [`#n${i}`, name])),
        }),
      );
    }
  }

  async function answer(learner: Learner, answers: [string, string][], prefix: string): Promise<void> {
    for (const [i, [localId, outcome]] of answers.entries()) {
      const response = await learner.record({
        questionId: `agg/${localId}`,
        outcome,
        clientAttemptId: `${prefix}${i}`,
      });
      expect(response.errors).toBeUndefined();
    }
  }

  const ANSWERS: [string, string][] = [
    ['alpha-0', 'CORRECT'],
    ['alpha-1', 'INCORRECT'],
    ['alpha-1', 'CORRECT'],
    ['alpha-2', 'PARTIAL'],
    ['beta-0', 'INCORRECT'],
    ['beta-0', 'INCORRECT'],
    ['beta-1', 'SKIPPED'],
    ['gamma-5', 'CORRECT'],
    ['gamma-5', 'CORRECT'],
    ['gamma-5', 'INCORRECT'],
  ];

  beforeAll(async () => {
    await importBankFiles(dynamo(), [bankFile('agg.md', BANK())]);
    acme = await givenTenant(dynamo(), 'acme');
    // A held catalog confirmed by a bank item read of this container within a minute is used
    // without asking again (production: a second; the last test checks the checked path).
    api = givenApi(dynamo(), { env: { STAGE: 'prod' }, config: { catalogTrustMs: 60_000 } });
  }, 60_000);

  it('moves the sums in the attempt’s own transaction: one BatchGetItem and one TransactWriteItems', async () => {
    const ann = givenLearner(api, acme.secret, 'ann');
    await answer(ann, ANSWERS.slice(0, 1), 'w');
    await answer(ann, ANSWERS.slice(1, 2), 'x');
    expect(api.lastCalls()).toEqual({ BatchGetItemCommand: 1, TransactWriteItemsCommand: 1 });
    const item = await sectionItem('ann', 'alpha');
    expect(item).toMatchObject({ attempts: 2, v: 3, stAttempts: 2, stCorrect: 1, stScore: 1, reviewed: 2, leeches: 0 });
    expect(item!.seen).toBeUndefined();
    expect(await seenItem('ann', 'alpha')).toEqual({
      ...userSeenKey({ tenantId: 'acme', userId: 'ann' }, 'agg', 'alpha'),
      seen: new Set(['alpha-0', 'alpha-1']),
    });
  });

  it('gives the weak topics the states give: tallies and leeches exactly, mean retrievability within the measured error', async () => {
    const bea = givenLearner(api, acme.secret, 'bea');
    await answer(bea, ANSWERS, 'b');
    const fromAggregates = (await bea.ask(WEAK)).data.weakTopics;
    // the learner's section items, sums only; the attempts just read the bank item that confirms the catalog
    expect(api.lastCalls()).toEqual({ QueryCommand: 1 });
    expect((await verifyStats(dynamo(), { tenantId: 'acme' })).differences).toEqual([]);

    await strip('bea'); // items without aggregates: weakTopics reads every state instead
    const fromStates = (await bea.ask(WEAK)).data.weakTopics;
    // the packed copies (no marker), the section items (no aggregates), then every state
    expect(api.lastCalls()).toEqual({ QueryCommand: 3 });
    const exact = ({ meanRetrievability: _r, ...rest }: any) => rest;
    expect(fromAggregates.map(exact)).toEqual(fromStates.map(exact));
    expect(fromAggregates.map((t: any) => t.section.id)).toEqual(['agg/beta', 'agg/alpha', 'agg/gamma']);
    const seenFromItems = await bea.ask(
      '{ randomQuestions(input: { bankId: "agg", count: 50, excludeSeen: true, seed: "u" }) { questions { id } } }',
    );
    for (const [i, topic] of fromAggregates.entries())
      expect(Math.abs(topic.meanRetrievability - fromStates[i].meanRetrievability)).toBeLessThan(0.055);

    // excludeSeen and startQuiz(WEAK_TOPICS) work from the states too while the items lack aggregates
    const answered = new Set(ANSWERS.map(([localId]) => `agg/${localId}`));
    const unseen = await bea.ask(
      '{ randomQuestions(input: { bankId: "agg", count: 50, excludeSeen: true, seed: "u" }) { questions { id } } }',
    );
    expect(unseen.data.randomQuestions.questions.filter((q: any) => answered.has(q.id))).toEqual([]);
    // the same draw from the items' `seen` sets as from the states
    expect(unseen.data.randomQuestions.questions).toEqual(seenFromItems.data.randomQuestions.questions);
    // the seen range holds no marker, the section items' Query finds no aggregates, then the states Query
    expect(api.lastCalls()).toEqual({ QueryCommand: 3, BatchGetItemCommand: 1 });
    const quiz = await bea.ask(
      'mutation { startQuiz(input: { bankId: "agg", count: 5, strategy: WEAK_TOPICS }) { id } }',
    );
    expect(quiz.errors).toBeUndefined();
  });

  it('stats:verify names the items without aggregates and stats:rebuild completes them', async () => {
    const cal = givenLearner(api, acme.secret, 'cal');
    await answer(cal, ANSWERS, 'c');
    const before = (await cal.ask(WEAK)).data.weakTopics;
    await strip('cal');
    const differences = (await verifyStats(dynamo(), { tenantId: 'acme' })).differences;
    expect(differences.filter((d) => d.key.startsWith('cal '))).toEqual(
      SECTIONS.map((section) => ({
        tenant: 'acme',
        what: 'userSection.v',
        key: `cal agg/${section}`,
        stored: null,
        recounted: 'complete',
      })),
    );
    await rebuildStats(dynamo(), { tenantId: 'acme' });
    expect((await verifyStats(dynamo(), { tenantId: 'acme' })).differences).toEqual([]);
    expect(await sectionItem('cal', 'gamma')).toMatchObject({ attempts: 3, v: 3, stAttempts: 3, stCorrect: 2 });
    expect((await seenItem('cal', 'gamma'))!.seen).toEqual(new Set(['gamma-5']));
    const after = (await cal.ask(WEAK)).data.weakTopics;
    expect(api.lastCalls()).toEqual({ QueryCommand: 1 });
    expect(after).toEqual(before);
  });

  it('takes retired questions out, and a question moved to another section out of its old one', async () => {
    // A container that checks its catalog on every weakTopics (no trust window), as one does once
    // its window has passed: the import below is seen at once.
    const checking = givenApi(dynamo(), { env: { STAGE: 'prod' }, config: { catalogTrustMs: 0 } });
    const dee = givenLearner(checking, acme.secret, 'dee');
    await answer(dee, ANSWERS, 'd');
    await dee.ask(WEAK);
    expect(checking.lastCalls()).toEqual({ QueryCommand: 1, BatchGetItemCommand: 1 }); // the section items beside the check
    await importBankFiles(dynamo(), [bankFile('agg.md', BANK(['alpha-1'], { 'beta-1': 'gamma' }))]);
    // the trusting container still answers from the catalog it confirmed a moment ago
    const trusted = (await givenLearner(api, acme.secret, 'dee').ask(WEAK)).data.weakTopics;
    expect(trusted.find((t: any) => t.section.id === 'agg/alpha').attempts).toBe(4); // alpha-1 not yet retired
    await dee.ask(WEAK); // the check finds the new version: the new catalog is read
    const topics = (await dee.ask(WEAK)).data.weakTopics;
    // a catalog with retired questions is always checked: the retired question's state is read in the
    // same BatchGetItem as the bank item, beside the section items' Query
    expect(checking.lastCalls()).toEqual({ QueryCommand: 1, BatchGetItemCommand: 1 });
    const alpha = topics.find((t: any) => t.section.id === 'agg/alpha');
    expect([alpha.attempts, alpha.correctRate]).toEqual([2, 0.5]); // alpha-0 CORRECT, alpha-2 PARTIAL

    await answer(dee, [['beta-1', 'CORRECT']], 'moved');
    expect(checking.lastCalls()).toEqual({ BatchGetItemCommand: 1, TransactWriteItemsCommand: 1 });
    expect((await seenItem('dee', 'beta'))!.seen).toEqual(new Set(['beta-0']));
    expect((await seenItem('dee', 'gamma'))!.seen).toEqual(new Set(['beta-1', 'gamma-5']));
    const moved = (await dee.ask(WEAK)).data.weakTopics;
    expect(moved.find((t: any) => t.section.id === 'agg/beta').attempts).toBe(2);
    expect(moved.find((t: any) => t.section.id === 'agg/gamma').attempts).toBe(5);
    expect((await verifyStats(dynamo(), { tenantId: 'acme' })).differences).toEqual([]);
    await importBankFiles(dynamo(), [bankFile('agg.md', BANK())]);
  });

  it('on a catalog of 20 sections, reads only the user’s section items: one Query', async () => {
    const many = Array.from({ length: 20 }, (_, i) => `s${i}`);
    const wide = `---\nid: wide\ntitle: Wide\n---\n${many.map((slug) => `## ${slug}\n\n1. What is ${slug}? <!-- id: ${slug}-q -->\n`).join('\n')}`;
    await importBankFiles(dynamo(), [bankFile('wide.md', wide)]);
    const eve = givenLearner(api, acme.secret, 'eve');
    for (const [i, outcome] of ['INCORRECT', 'CORRECT'].entries()) {
      const response = await eve.record({ questionId: `wide/s${i}-q`, outcome, clientAttemptId: `e${i}` });
      expect(response.errors).toBeUndefined();
    }
    const ask = '{ weakTopics(bankId: "wide") { section { id } attempts mastery } }';
    await eve.ask(ask);
    const topics = await eve.ask(ask);
    expect(api.lastCalls()).toEqual({ QueryCommand: 1 });
    expect(topics.data.weakTopics).toEqual([
      { section: { id: 'wide/s0' }, attempts: 1, mastery: 0.3333 },
      { section: { id: 'wide/s1' }, attempts: 1, mastery: 0.6667 },
    ]);
  });

  it('costs the same calls for 10 and for 300 states', async () => {
    const now = Date.now();
    for (const [userId, count] of [
      ['ten', 10],
      ['many', 300],
    ] as const) {
      const states: QuestionStateRecord[] = Array.from({ length: count }, (_, i) => {
        const section = SECTIONS[i % 3];
        return {
          questionId: `agg/${section}-${Math.floor(i / 3)}`,
          bankId: 'agg',
          sectionSlug: section,
          memory: reviewMemory(null, i % 4 ? 'CORRECT' : 'INCORRECT', new Date(now - (i + 1) * 3_600_000)),
          attempts: 1,
          correct: i % 4 ? 1 : 0,
          scoreSum: i % 4 ? 1 : 0,
          lastOutcome: i % 4 ? 'CORRECT' : 'INCORRECT',
          lastAttemptAt: new Date(now - (i + 1) * 3_600_000).toISOString(),
        };
      });
      const user = { tenantId: 'acme', userId };
      const sectionItems = SECTIONS.flatMap((section) => {
        const own = states.filter((s) => s.sectionSlug === section);
        const aggregate = aggregateOf(own.map((state) => ({ localId: state.questionId.split('/')[1], state })));
        return [
          userSectionToItem(user, 'agg', section, own.length, aggregate, 1),
          userPackToItem(user, 'agg', section, { attempts: own.length, sums: aggregate.sums }, 1),
          userSeenToItem(user, 'agg', section, aggregate.seen)!,
        ];
      });
      sectionItems.push(userSeenMarkerToItem(user, 'agg'), userPackMarkerToItem(user, 'agg'));
      await batchWrite(
        dynamo(),
        [...states.map((s) => stateToItem(user, s)), ...sectionItems].map((Item) => ({ PutRequest: { Item } })),
        { concurrency: 4 },
      );
    }
    const calls: Record<string, number>[] = [];
    const answers: any[] = [];
    for (const userId of ['ten', 'many', 'ten', 'many']) {
      const response = await givenLearner(api, acme.secret, userId).ask(WEAK);
      expect(response.errors).toBeUndefined();
      answers.push(response.data.weakTopics);
      calls.push(api.lastCalls());
    }
    // warm: the user's 3 section items in one Query (the catalog confirmed within the trust window)
    expect(calls.slice(2)).toEqual([{ QueryCommand: 1 }, { QueryCommand: 1 }]);
    expect(answers[3].map((t: any) => t.attempts)).toEqual([100, 100, 100]);

    // startQuiz: WEAK_TOPICS weighs the sections by their items (one Query), UNIFORM reads no learner
    // record, NEW_FIRST still reads the states (it ranks questions); excludeSeen reads the `seen` sets.
    // (startQuiz's two BatchGetItems: the catalog check, then the picked questions for the answer.)
    const START = 'mutation($in: StartQuizInput!) { startQuiz(input: $in) { questions { id } } }';
    const RANDOM =
      '{ randomQuestions(input: { bankId: "agg", count: 5, excludeSeen: true, seed: "s" }) { exhausted questions { id } } }';
    const costs: Record<string, Record<string, number>[]> = {};
    for (const userId of ['ten', 'many', 'ten', 'many']) {
      const learner = givenLearner(api, acme.secret, userId);
      for (const strategy of ['WEAK_TOPICS', 'UNIFORM', 'NEW_FIRST']) {
        const response = await learner.ask(START, { in: { bankId: 'agg', count: 5, strategy, seed: 'q' } });
        expect(response.errors).toBeUndefined();
        (costs[strategy] ??= []).push(api.lastCalls());
      }
      const random = await learner.ask(RANDOM);
      expect(random.data.randomQuestions.exhausted).toBe(false);
      (costs.excludeSeen ??= []).push(api.lastCalls());
    }
    expect(Object.fromEntries(Object.entries(costs).map(([name, calls]) => [name, calls.slice(2)]))).toEqual({
      WEAK_TOPICS: [
        { QueryCommand: 1, BatchGetItemCommand: 2, PutItemCommand: 1 },
        { QueryCommand: 1, BatchGetItemCommand: 2, PutItemCommand: 1 },
      ],
      UNIFORM: [
        { BatchGetItemCommand: 2, PutItemCommand: 1 },
        { BatchGetItemCommand: 2, PutItemCommand: 1 },
      ],
      NEW_FIRST: [
        { QueryCommand: 1, BatchGetItemCommand: 2, PutItemCommand: 1 },
        { QueryCommand: 1, BatchGetItemCommand: 2, PutItemCommand: 1 },
      ],
      excludeSeen: [
        { QueryCommand: 1, BatchGetItemCommand: 1 },
        { QueryCommand: 1, BatchGetItemCommand: 1 },
      ],
    });
    // the cold path's Query reads 3 items, not 300 states
    const page = await dynamo().doc.send(
      new QueryCommand({
        TableName: dynamo().tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)',
        ExpressionAttributeValues: { ':pk': 'T#acme#U#many', ':p': 'SEC#agg#' },
      }),
    );
    expect(page.Count).toBe(3);
  });
});
