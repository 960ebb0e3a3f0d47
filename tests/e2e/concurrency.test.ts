/**
 * Many learners recording attempts at once, through the Lambda handler on two "containers":
 * retries of the same clientAttemptId (in flight and late) and users racing themselves with two
 * different attempts. Afterwards nothing is lost or counted twice: exactly one attempt per
 * clientAttemptId, every retry answered with the original, and every aggregate equal to a
 * recount from the stored attempts (stats:verify).
 *
 * Users racing themselves have a test of their own, and the last test forces the worst
 * interleaving of such a race (a torn read) to prove it is caught.
 */
import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { storedAttempts as storedAttemptsOf } from '../harness/chaos-checks';
import { importBankFiles } from '../../src/usecases/import-banks';
import { verifyStats } from '../../src/admin/stats';
import { OUTCOMES } from '../../src/domain/learning/outcomes';
import { profileKey } from '../../src/store/learner/keys';
import { givenTenant, type TenantFixture } from '../support/access';
import { SHIPPED_BANK } from '../support/banks';
import { useTable } from '../support/dynamo';
import { givenApi, type GraphQLResponse, type TestApi } from '../support/graphql';
import { givenLearner } from '../support/learner';

const USERS = 50;
const ATTEMPTS_PER_USER = 20;
const TENANT = 'race';

interface Sent {
  userId: string;
  questionId: string;
  clientAttemptId: string;
  /** 'retry' for every request after the first one sent with that clientAttemptId. */
  role: 'first' | 'retry';
  response: GraphQLResponse;
}

describe('recording attempts concurrently', () => {
  const dynamo = useTable();
  let apis: TestApi[];
  let tenant: TenantFixture;
  let questions: string[];
  const sent: Sent[] = [];

  beforeAll(async () => {
    await importBankFiles(dynamo(), [SHIPPED_BANK]);
    tenant = await givenTenant(dynamo(), TENANT);
    // Two containers: a retry often lands on another instance than its original.
    apis = [givenApi(dynamo(), { env: { STAGE: 'prod' } }), givenApi(dynamo(), { env: { STAGE: 'prod' } })];
    const page = await givenLearner(apis[0], tenant.secret, 'setup').ask(
      '{ questions(filter: { bankId: "ml-junior" }, first: 100) { edges { node { id section { id } } } } }',
    );
    const bySection = new Map<string, string[]>();
    for (const { node } of page.data!.questions.edges)
      bySection.set(node.section.id, [...(bySection.get(node.section.id) ?? []), node.id]);
    // Two questions from each of the first three sections.
    questions = [...bySection.values()].slice(0, 3).flatMap((ids) => ids.slice(0, 2));
    expect(questions).toHaveLength(6);
  });

  async function writer(u: number): Promise<void> {
    const userId = `learner-${u}`;
    const own = givenLearner(apis[u % 2], tenant.secret, userId);
    const other = givenLearner(apis[(u + 1) % 2], tenant.secret, userId);
    const send = async (learner: typeof own, input: Record<string, unknown>, role: Sent['role']): Promise<void> => {
      const response = await learner.record(input);
      sent.push({
        userId,
        questionId: input.questionId as string,
        clientAttemptId: input.clientAttemptId as string,
        role,
        response,
      });
    };
    const inputOf = (i: number): Record<string, unknown> => {
      const outcome = OUTCOMES[(u + i) % 4];
      return {
        questionId: questions[(u * 7 + i * 3) % questions.length],
        outcome,
        // Some custom scores, so sums are decimals that floats do not add exactly.
        ...((u + i) % 7 === 0 ? { score: ((u + i) % 10) / 10 } : {}),
        ...((u * i) % 5 === 0 ? {} : { timeSpentMs: 500 + ((u * 997 + i * 131) % 120_000) }),
        clientAttemptId: `${userId}-${i}`,
      };
    };
    const late: Record<string, unknown>[] = [];
    for (let i = 0; i < ATTEMPTS_PER_USER; i++) {
      const input = inputOf(i);
      if (i === 2 || i === 12) {
        // The same attempt twice at once, the retry on the other container.
        await Promise.all([send(own, input, 'first'), send(other, input, 'retry')]);
      } else if (i === 7) {
        await send(own, input, 'first');
        await send(other, input, 'retry');
      } else if (i === 17) {
        await send(own, input, 'first');
        late.push(input);
      } else {
        await send(own, input, 'first');
      }
    }
    for (const input of late) await send(other, input, 'retry');
  }

  const storedAttempts = (tenantId = TENANT) => storedAttemptsOf(dynamo(), tenantId);

  it(
    `stores exactly one attempt per clientAttemptId and keeps every aggregate equal to a recount (${USERS} writers × ${ATTEMPTS_PER_USER})`,
    async () => {
      await Promise.all(Array.from({ length: USERS }, (_, u) => writer(u)));

      const failed = sent.filter((s) => s.response.errors);
      expect(
        failed.map((s) => [
          s.userId,
          s.clientAttemptId,
          s.response.errors![0].message,
          s.response.errors![0].extensions?.code,
        ]),
      ).toEqual([]);

      // Exactly one stored attempt per distinct clientAttemptId.
      const distinct = new Map<string, Sent[]>();
      for (const s of sent)
        distinct.set(`${s.userId} ${s.clientAttemptId}`, [
          ...(distinct.get(`${s.userId} ${s.clientAttemptId}`) ?? []),
          s,
        ]);
      expect(distinct.size).toBe(USERS * ATTEMPTS_PER_USER);
      const stored = await storedAttempts();
      expect(stored.size).toBe(distinct.size);
      expect([...stored.values()].filter((ids) => ids.length !== 1)).toEqual([]);

      // Whichever request came first recorded it; every other one is a duplicate of that attempt.
      let retries = 0;
      for (const [key, responses] of distinct) {
        const payloads = responses.map((s) => s.response.data!.recordAttempt);
        expect([key, payloads.filter((p) => !p.duplicate).length]).toEqual([key, 1]);
        const original = payloads.find((p) => !p.duplicate)!;
        for (const p of payloads)
          expect([key, p.attempt.id, p.attempt.createdAt]).toEqual([
            key,
            original.attempt.id,
            original.attempt.createdAt,
          ]);
        expect([key, stored.get(key)]).toEqual([key, [original.attempt.id]]);
        retries += responses.length - 1;
      }
      expect(retries).toBe(USERS * 4);
      expect(sent.filter((s) => s.role === 'retry')).toHaveLength(USERS * 4);

      // Every aggregate equals the recount from the stored attempts.
      const report = await verifyStats(dynamo(), { tenantId: TENANT });
      expect(report.differences).toEqual([]);
      expect(report.attempts).toBe(distinct.size);

      // And the public figures match the requests sent, exactly.
      const firsts = [...distinct.values()].map((responses) => responses[0]);
      const reader = givenLearner(apis[0], tenant.secret, 'reader');
      for (const questionId of [questions[0], questions[3]]) {
        const stats = await reader.ask('query($q: ID!) { questionStats(questionId: $q) { attempts uniqueUsers } }', {
          q: questionId,
        });
        const onQuestion = firsts.filter((s) => s.questionId === questionId);
        expect([questionId, stats.data!.questionStats]).toEqual([
          questionId,
          { attempts: onQuestion.length, uniqueUsers: new Set(onQuestion.map((s) => s.userId)).size },
        ]);
      }
      const plain = await givenLearner(apis[0], tenant.secret, 'learner-3').ask('{ me { attemptCount } }');
      expect(plain.data!.me.attemptCount).toBe(ATTEMPTS_PER_USER);
      const activity = await reader.ask('{ activity(bankId: "ml-junior", days: 2) { attempts } }');
      expect(activity.data!.activity.reduce((sum: number, day: { attempts: number }) => sum + day.attempts, 0)).toBe(
        distinct.size,
      );
    },
    240_000, // typically 25–35 s here (DynamoDB Local runs one transaction at a time, ~25 ms each); generous for a loaded CI machine
  );

  it('stores both of two different attempts a user sends at once (the loser reads again and retries)', async () => {
    const self = await givenTenant(dynamo(), 'self');
    const racers = ['racer-0', 'racer-1', 'racer-2', 'racer-3', 'racer-4'];
    const responses: GraphQLResponse[] = [];
    await Promise.all(
      racers.map(async (userId, u) => {
        for (let pair = 0; pair < 2; pair++) {
          const inputs = [0, 1].map((k) => ({
            questionId: questions[(u + pair + k) % questions.length],
            outcome: OUTCOMES[(u + k) % 4],
            timeSpentMs: 1000 * (k + 1),
            clientAttemptId: `${userId}-${pair}-${k}`,
          }));
          responses.push(
            ...(await Promise.all(inputs.map((input, k) => givenLearner(apis[k], self.secret, userId).record(input)))),
          );
        }
      }),
    );
    expect(responses.filter((r) => r.errors).map((r) => r.errors)).toEqual([]);
    expect(responses.map((r) => r.data!.recordAttempt.duplicate)).toEqual(Array(20).fill(false));
    expect(new Set(responses.map((r) => r.data!.recordAttempt.attempt.id)).size).toBe(20);
    const stored = await storedAttempts('self');
    expect([stored.size, [...stored.values()].every((ids) => ids.length === 1)]).toEqual([20, true]);
    for (const userId of racers)
      expect(
        (await givenLearner(apis[0], self.secret, userId).ask('{ me { attemptCount } }')).data!.me.attemptCount,
      ).toBe(4);
    const attempts = await Promise.all(
      questions.map(
        async (q) =>
          (
            await givenLearner(apis[0], self.secret, 'reader').ask(
              'query($q: ID!) { questionStats(questionId: $q) { attempts } }',
              { q },
            )
          ).data!.questionStats.attempts,
      ),
    );
    expect(attempts.reduce((sum, n) => sum + n, 0)).toBe(20);
  });

  /*
   * Regression: the user's records are read with one BatchGetItem, which DynamoDB does not
   * isolate from a TransactWriteItems as a unit. This forces an attempt to read the *new*
   * profile with an *old* state and markers; every record the attempt rewrites is conditioned on
   * what it read, so its transaction is cancelled and it is planned again from a fresh read.
   */
  it("a torn read of a user's records (new profile, old state) is caught: no update lost, no user counted twice", async () => {
    const torn = await givenTenant(dynamo(), 'torn');
    const [containerA, containerB] = [
      givenApi(dynamo(), { env: { STAGE: 'prod' } }),
      givenApi(dynamo(), { env: { STAGE: 'prod' } }),
    ];
    const profile = profileKey({ tenantId: 'torn', userId: 'tess' });
    let readTheRest!: () => void;
    const restRead = new Promise<void>((resolve) => (readTheRest = resolve));
    let aCommitted!: () => void;
    const committed = new Promise<void>((resolve) => (aCommitted = resolve));
    const doc = containerB.app.dynamo.doc;
    const send = doc.send.bind(doc) as (command: unknown) => Promise<any>;
    let armed = true;
    (doc as { send: unknown }).send = async (command: unknown) => {
      const keys: { PK: string; SK: string }[] | undefined =
        command instanceof BatchGetCommand
          ? (command.input.RequestItems?.[dynamo().tableName]?.Keys as any)
          : undefined;
      if (!armed || !keys?.some((k) => k.PK === profile.PK && k.SK === profile.SK)) return send(command);
      armed = false;
      const isProfile = (k: { PK: string; SK: string }) => k.PK === profile.PK && k.SK === profile.SK;
      const table = dynamo().tableName;
      const rest = await send(
        new BatchGetCommand({ RequestItems: { [table]: { Keys: keys.filter((k) => !isProfile(k)) } } }),
      );
      readTheRest();
      await committed;
      const fresh = await send(new BatchGetCommand({ RequestItems: { [table]: { Keys: keys.filter(isProfile) } } }));
      return {
        ...rest,
        Responses: { [table]: [...(rest.Responses?.[table] ?? []), ...(fresh.Responses?.[table] ?? [])] },
      };
    };
    const input = (clientAttemptId: string, outcome: string) => ({
      questionId: questions[0],
      outcome,
      timeSpentMs: 2000,
      clientAttemptId,
    });
    const b = givenLearner(containerB, torn.secret, 'tess').record(input('b', 'INCORRECT'));
    await restRead;
    const a = await givenLearner(containerA, torn.secret, 'tess').record(input('a', 'CORRECT'));
    aCommitted();
    const responses = [a, await b];
    expect(responses.map((r) => [r.errors, r.data?.recordAttempt.duplicate])).toEqual([
      [undefined, false],
      [undefined, false],
    ]);
    expect((await verifyStats(dynamo(), { tenantId: 'torn' })).differences).toEqual([]);
  });
});
