import { importBankFiles } from '../../src/usecases/import-banks';
import type { AttemptRecord, QuestionStateRecord } from '../../src/domain/attempts';
import { reviewMemory } from '../../src/domain/learning/memory';
import { batchWrite } from '../../src/store/batch';
import { aggregateOf } from '../../src/domain/learning/section-aggregate';
import {
  attemptToItem,
  profileToItem,
  stateToItem,
  userSectionToItem,
  userPackMarkerToItem,
  userPackToItem,
  userSeenMarkerToItem,
  userSeenToItem,
} from '../../src/store/learner/keys';
import { SHIPPED_BANK } from '../support/banks';
import { useTable } from '../support/dynamo';
import { givenTenant, type TenantFixture } from '../support/access';
import { givenApi, graphqlEvent, type TestApi } from '../support/graphql';
import { givenLearner, type Learner } from '../support/learner';

describe('tenant-wide statistics', () => {
  const dynamo = useTable();
  let api: TestApi;
  let acme: TenantFixture;
  let ids: string[];

  beforeAll(async () => {
    await importBankFiles(dynamo(), [SHIPPED_BANK]);
    acme = await givenTenant(dynamo(), 'acme');
    api = givenApi(dynamo(), { env: { STAGE: 'prod' } });
    const page = await givenLearner(api, acme.secret, 'x').ask(
      '{ section(id: "ml-junior/segmentatsiya") { questions { edges { node { id } } } } }',
    );
    ids = page.data.section.questions.edges.map((e: any) => e.node.id);
    const plan: [string, number, string, number][] = [
      ['u1', 0, 'CORRECT', 10_000],
      ['u1', 0, 'INCORRECT', 20_000],
      ['u2', 0, 'PARTIAL', 30_000],
      ['u3', 0, 'SKIPPED', 40_000],
      ['u3', 1, 'CORRECT', 5_000],
      ['u2', 1, 'CORRECT', 5_000],
    ];
    for (const [i, [user, q, outcome, timeSpentMs]] of plan.entries()) {
      const response = await givenLearner(api, acme.secret, user).record({
        questionId: ids[q],
        outcome,
        timeSpentMs,
        clientAttemptId: `s${i}`,
      });
      expect(response.errors).toBeUndefined();
    }
  });

  it('counts a question’s attempts, outcomes, time and users exactly', async () => {
    // any key of the tenant may read aggregates: here a publishable one, with no user
    const response = await api.send(
      graphqlEvent(
        {
          query: `{ questionStats(questionId: "${ids[0]}") { attempts correct partial incorrect skipped successRate meanScore medianTimeMs p90TimeMs uniqueUsers question { id } } }`,
        },
        { headers: { 'x-api-key': acme.publishable } },
      ),
    );
    expect(response.data!.questionStats).toEqual({
      attempts: 4,
      correct: 1,
      partial: 1,
      incorrect: 1,
      skipped: 1,
      successRate: 0.25,
      meanScore: 0.375,
      medianTimeMs: expect.any(Number),
      p90TimeMs: expect.any(Number),
      uniqueUsers: 3,
      question: { id: ids[0] },
    });
    // a log-scale histogram: within 10 % of the nearest-rank median (20 s) and p90 (40 s)
    const { medianTimeMs, p90TimeMs } = response.data!.questionStats;
    expect([Math.abs(medianTimeMs - 20_000) <= 2_000, Math.abs(p90TimeMs - 40_000) <= 4_000]).toEqual([true, true]);
  });

  it('sums sections, ranks the hardest questions, and charts activity by day', async () => {
    const ops = await givenLearner(api, acme.secret, 'ops').ask(`{
      sectionStats(bankId: "ml-junior") { section { id } attempts successRate uniqueUsers }
      hardestQuestions(bankId: "ml-junior", minAttempts: 2) { question { id } attempts successRate }
      activity(bankId: "ml-junior", days: 2) { date attempts activeUsers }
    }`);
    expect(ops.data.sectionStats.find((s: any) => s.section.id === 'ml-junior/segmentatsiya')).toEqual({
      section: { id: 'ml-junior/segmentatsiya' },
      attempts: 6,
      successRate: 0.5,
      uniqueUsers: 3,
    });
    expect(ops.data.sectionStats.find((s: any) => s.section.id === 'ml-junior/python')).toEqual({
      section: { id: 'ml-junior/python' },
      attempts: 0,
      successRate: 0,
      uniqueUsers: 0,
    });
    expect(ops.data.hardestQuestions).toEqual([
      { question: { id: ids[0] }, attempts: 4, successRate: 0.25 },
      { question: { id: ids[1] }, attempts: 2, successRate: 1 },
    ]);
    const today = new Date().toISOString().slice(0, 10);
    expect(ops.data.activity.map((d: any) => d.date)).toEqual([
      new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
      today,
    ]);
    expect(ops.data.activity[1]).toEqual({ date: today, attempts: 6, activeUsers: 3 });
  });

  it('answers every tenant-wide aggregate to a publishable key with no user, as to a secret key', async () => {
    const query = `{
      sectionStats(bankId: "ml-junior") { section { id } attempts successRate uniqueUsers }
      hardestQuestions(bankId: "ml-junior", minAttempts: 2) { question { id } attempts successRate }
      activity(bankId: "ml-junior", days: 2) { date attempts activeUsers }
      questionStats(questionId: "${ids[0]}") { attempts uniqueUsers }
    }`;
    const viaPublishable = await api.send(graphqlEvent({ query }, { headers: { 'x-api-key': acme.publishable } }));
    const viaSecret = await api.send(graphqlEvent({ query }, { headers: { 'x-api-key': acme.secret } }));
    expect(viaPublishable.errors).toBeUndefined();
    expect(viaPublishable.data).toEqual(viaSecret.data);
    expect(viaPublishable.data!.questionStats).toEqual({ attempts: 4, uniqueUsers: 3 });
    expect(viaPublishable.data!.hardestQuestions.map((q: any) => q.question.id)).toEqual([ids[0], ids[1]]);
  });

  it('never mixes tenants: another tenant sees zero', async () => {
    const globex = await givenTenant(dynamo(), 'globex');
    const other = await givenLearner(api, globex.secret, 'u1').ask(
      `{ questionStats(questionId: "${ids[0]}") { attempts uniqueUsers } me { attemptCount } attempts { edges { node { id } } } }`,
    );
    expect(other.data).toEqual({
      questionStats: { attempts: 0, uniqueUsers: 0 },
      me: { attemptCount: 0 },
      attempts: { edges: [] },
    });
  });
});

describe('cost: the same DynamoDB calls for 10 and for 2,000 attempts', () => {
  const dynamo = useTable();
  let api: TestApi;
  let acme: TenantFixture;
  let questionIds: string[];

  /** Writes a user's history straight into the table, with every due date in the past. */
  async function givenHistory(userId: string, attempts: number): Promise<void> {
    const past = new Date(Date.now() - 30 * 86_400_000);
    const records: AttemptRecord[] = Array.from({ length: attempts }, (_, i) => ({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      questionId: questionIds[i % questionIds.length],
      bankId: 'ml-junior',
      sectionSlug: 'obshchie-voprosy',
      outcome: i % 3 ? 'CORRECT' : 'INCORRECT',
      score: i % 3 ? 1 : 0,
      timeSpentMs: 1000,
      answer: null,
      quizId: null,
      clientAttemptId: `h${i}`,
      createdAt: new Date(past.getTime() + i * 1000).toISOString(),
    }));
    const states: QuestionStateRecord[] = [...new Set(records.map((r) => r.questionId))].map((questionId, i) => ({
      questionId,
      bankId: 'ml-junior',
      sectionSlug: 'obshchie-voprosy',
      memory: reviewMemory(null, 'INCORRECT', new Date(past.getTime() + i * 60_000)),
      attempts: 1,
      correct: 0,
      scoreSum: 0,
      lastOutcome: 'INCORRECT',
      lastAttemptAt: past.toISOString(),
    }));
    const aggregate = aggregateOf(states.map((state) => ({ localId: state.questionId.split('/')[1], state })));
    const items = [
      ...records.map((r) => attemptToItem({ tenantId: 'acme', userId }, r)),
      ...states.map((s) => stateToItem({ tenantId: 'acme', userId }, s)),
      // the section's item, aggregates included, its packed copy and seen item and the bank's
      // markers, as the attempts would have left them
      userSectionToItem({ tenantId: 'acme', userId }, 'ml-junior', 'obshchie-voprosy', attempts, aggregate, 1),
      userPackToItem(
        { tenantId: 'acme', userId },
        'ml-junior',
        'obshchie-voprosy',
        { attempts, sums: aggregate.sums },
        1,
      ),
      userSeenToItem({ tenantId: 'acme', userId }, 'ml-junior', 'obshchie-voprosy', aggregate.seen)!,
      userSeenMarkerToItem({ tenantId: 'acme', userId }, 'ml-junior'),
      userPackMarkerToItem({ tenantId: 'acme', userId }, 'ml-junior'),
      profileToItem(
        { tenantId: 'acme', userId },
        {
          attemptCount: attempts,
          correctCount: 0,
          scoreSum: 0,
          lastAttemptAt: past.toISOString(),
          lastDay: null,
          streak: 0,
          version: 1,
        },
      ),
    ];
    await batchWrite(
      dynamo(),
      items.map((Item) => ({ PutRequest: { Item } })),
      { concurrency: 8 },
    );
  }

  beforeAll(async () => {
    await importBankFiles(dynamo(), [SHIPPED_BANK]);
    acme = await givenTenant(dynamo(), 'acme');
    api = givenApi(dynamo(), { env: { STAGE: 'prod' } });
    const page = await givenLearner(api, acme.secret, 'x').ask(
      '{ section(id: "ml-junior/obshchie-voprosy") { questions(first: 25) { edges { node { id } } } } }',
    );
    questionIds = page.data.section.questions.edges.map((e: any) => e.node.id);
    await givenHistory('small', 10);
    await givenHistory('big', 2000);
  }, 60_000);

  const OPERATIONS: Record<string, string> = {
    me: '{ me { attemptCount correctRate streakDays lastAttemptAt } }',
    attempts: '{ attempts(first: 20) { edges { node { id outcome } } } }',
    attemptsOfQuestion: 'query($q: ID) { attempts(first: 20, filter: { questionId: $q }) { edges { node { id } } } }',
    weakTopics: '{ weakTopics(bankId: "ml-junior") { mastery attempts } }',
    dueQuestions: '{ dueQuestions(bankId: "ml-junior", limit: 5) { due question { id } } }',
    randomExcludeSeen:
      '{ randomQuestions(input: { bankId: "ml-junior", count: 10, excludeSeen: true, seed: "c" }) { exhausted questions { id } } }',
    questionStats: 'query($q: ID!) { questionStats(questionId: $q) { attempts } }',
    sectionStats: '{ sectionStats(bankId: "ml-junior") { attempts } }',
    hardestQuestions: '{ hardestQuestions(bankId: "ml-junior") { attempts } }',
    activity: '{ activity(bankId: "ml-junior", days: 7) { attempts } }',
  };

  /** DynamoDB calls of each operation on a warm container. */
  const WARM_CALLS: Record<string, number> = {
    me: 1,
    attempts: 1,
    attemptsOfQuestion: 1,
    weakTopics: 1, // the held catalog's bank item and the user's items of its sections, in one BatchGetItem (was 2: a Query of every state beside the check)
    dueQuestions: 2, // the due Query, then the questions and the bank item (the held catalog's version) in one BatchGetItem
    randomExcludeSeen: 2, // the seen items' Query, then the questions and the held catalog's check in one BatchGetItem (was 3: the check went alone)
    questionStats: 1, // the bank, the question and its 4 counter shards in one BatchGetItem
    sectionStats: 5,
    hardestQuestions: 5,
    activity: 5,
  };

  it.each(Object.keys(OPERATIONS))('%s', async (name) => {
    const calls: Record<string, number>[] = [];
    for (const user of ['small', 'big', 'small', 'big']) {
      const learner: Learner = givenLearner(api, acme.secret, user);
      const response = await learner.ask(OPERATIONS[name], { q: questionIds[0] });
      expect(response.errors).toBeUndefined();
      calls.push(api.lastCalls());
    }
    // warm (second round): identical for both users
    expect(calls[3]).toEqual(calls[2]);
    expect(Object.values(calls[3]).reduce((a, b) => a + b, 0)).toBe(WARM_CALLS[name]);
  });

  it('lists due questions most overdue first, whatever the history size', async () => {
    const due = await givenLearner(api, acme.secret, 'big').ask(
      '{ dueQuestions(bankId: "ml-junior", limit: 3) { due question { id } } }',
    );
    expect(due.data.dueQuestions.map((d: any) => d.question.id)).toEqual(questionIds.slice(0, 3));
    const dues = due.data.dueQuestions.map((d: any) => d.due);
    expect(dues).toEqual([...dues].sort());
  });
});
