/**
 * The raw-SDK phase of `npm run load`: DynamoDB Local's own ceiling for the same mix, with no
 * HTTP server and no GraphQL in the way.
 */
import { performance } from 'node:perf_hooks';
import { parseGlobalId } from '../src/domain/ids';
import { batchGet } from '../src/store/batch';
import { bankKey, questionKey } from '../src/store/content/keys';
import { statePrefix, userPartition } from '../src/store/learner/keys';
import { TransactionCancelled } from '../src/store/transaction';
import { queryAll } from '../src/store/query';
import type { Fixture } from './load-fixture';
import { interruption } from './load-interrupt';
import { BANK_ID, chooseOperation, RAW_TENANT, SETTINGS, type MixedOperation } from './load-settings';
import { rawAttempt } from './scale-raw';
import { percentile } from './stats';

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)];

/** What the recordAttempt loops went through: transactions sent, and cancelled items by reason. */
interface AttemptRetries {
  transactions: number;
  cancelled: Map<string, number>;
}

/** Each operation's minimal SDK calls, for a user of the raw tenant. */
function rawOperations(
  fixture: Fixture,
  retries: AttemptRetries,
): Record<MixedOperation, (user: string) => Promise<unknown>> {
  const { dynamo } = fixture;
  const { cancelled } = retries;
  const questionKeys = fixture.questions.map((q) => {
    const ref = parseGlobalId(q.id)!;
    return questionKey(ref.bankId, ref.localId, q.revision);
  });
  return {
    randomQuestions: () =>
      batchGet(dynamo, [bankKey(BANK_ID), ...Array.from({ length: 10 }, () => pick(questionKeys))]),
    weakTopics: (user) =>
      Promise.all([
        queryAll(dynamo, {
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
          ExpressionAttributeValues: {
            ':pk': userPartition({ tenantId: RAW_TENANT, userId: user }),
            ':prefix': statePrefix(BANK_ID),
          },
        }),
        batchGet(dynamo, [bankKey(BANK_ID)]),
      ]),
    recordAttempt: async (user) => {
      const question = pick(fixture.questions);
      for (let round = 1; ; round++) {
        retries.transactions += 1;
        try {
          return await rawAttempt(dynamo, { tenantId: RAW_TENANT, userId: user, bankId: BANK_ID, question });
        } catch (error) {
          if (!(error instanceof TransactionCancelled) || round >= 10) throw error;
          for (const { name, code } of error.items)
            cancelled.set(`${name}: ${code}`, (cancelled.get(`${name}: ${code}`) ?? 0) + 1);
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * round));
        }
      }
    },
  };
}

/**
 * DynamoDB Local's own ceiling for the same mix: LOAD_CONNECTIONS concurrent loops in this
 * process sending each operation's minimal SDK calls straight to DynamoDB Local — no HTTP
 * server, no GraphQL — for the same time. randomQuestions: one BatchGetItem of 10 questions and
 * the bank item; weakTopics: the user's states Query beside a BatchGetItem of the bank item;
 * recordAttempt: bench/scale-raw.ts (one BatchGetItem, one TransactWriteItems), for users of a
 * tenant of its own, retried like the app does (up to 10 rounds) when the transaction is
 * cancelled, with the cancelled items counted by reason.
 */
export async function rawPhase(fixture: Fixture, seconds: number) {
  const latencies: Record<MixedOperation, number[]> = { randomQuestions: [], recordAttempt: [], weakTopics: [] };
  const retries: AttemptRetries = { transactions: 0, cancelled: new Map() };
  let errors = 0;
  const firstErrors: string[] = [];
  const ops = rawOperations(fixture, retries);
  const start = performance.now();
  const deadline = start + seconds * 1000;
  const worker = async (): Promise<void> => {
    while (performance.now() < deadline && !interruption.interrupted) {
      const op = chooseOperation();
      const t = performance.now();
      try {
        await ops[op](`learner-${Math.floor(Math.random() * SETTINGS.users)}`);
        latencies[op].push(performance.now() - t);
      } catch (error) {
        errors += 1;
        if (firstErrors.length < 5) firstErrors.push(`${op}: ${(error as Error).message}`);
      }
    }
  };
  await Promise.all(Array.from({ length: SETTINGS.connections }, worker));
  if (interruption.interrupted) throw new Error('interrupted');
  const elapsed = (performance.now() - start) / 1000;
  const all = Object.values(latencies).flat();
  const recorded = latencies.recordAttempt.length;
  return {
    requests: all.length,
    durationSeconds: elapsed,
    reqPerSec: all.length / elapsed,
    p50Ms: all.length ? percentile(all, 50) : 0,
    p99Ms: all.length ? percentile(all, 99) : 0,
    errors,
    firstErrors,
    byOperation: Object.fromEntries(
      Object.entries(latencies).map(([op, values]) => [
        op,
        {
          requests: values.length,
          p50Ms: values.length ? percentile(values, 50) : 0,
          p99Ms: values.length ? percentile(values, 99) : 0,
        },
      ]),
    ),
    transactWritesPerRecordedAttempt: recorded ? retries.transactions / recorded : 0,
    cancelledItems: Object.fromEntries([...retries.cancelled].sort((a, b) => b[1] - a[1])),
  };
}

export type RawPhaseResult = Awaited<ReturnType<typeof rawPhase>>;
