/**
 * The HTTP phases of `npm run load`: autocannon drives the server with `{ __typename }` (the
 * floor) or the mixed workload, the responses are tallied, and the server's DynamoDB calls and
 * every process's CPU are measured over the phase.
 */
import autocannon from 'autocannon';
import type { ChildProcess } from 'node:child_process';
import { ask, type ServerStats } from './load-child';
import { processes, withCpu } from './load-cpu';
import type { Fixture } from './load-fixture';
import { interruption } from './load-interrupt';
import { BANK_ID, chooseOperation, OUTCOMES, QUERIES, SETTINGS, type MixedOperation } from './load-settings';
import { summarise, Tally } from './load-tally';

type PhaseKind = 'floor' | 'mixed';

/** What autocannon keeps per request between setupRequest and onResponse. */
interface MixedContext {
  op?: MixedOperation;
}

let attemptNo = 0;

function floorRequest(baseHeaders: Record<string, string>, tally: Tally): autocannon.Request {
  return {
    method: 'POST',
    path: '/graphql',
    headers: baseHeaders,
    body: JSON.stringify({ query: QUERIES.floor }),
    onResponse: (status: number, body: string) => tally.response('floor', status, body),
  };
}

/** Each request a random operation of the mix, for a random learner (x-user-id). */
function mixedRequest(
  baseHeaders: Record<string, string>,
  fixture: Fixture,
  tally: Tally,
  runId: string,
): autocannon.Request {
  return {
    method: 'POST',
    path: '/graphql',
    setupRequest: (req: autocannon.Request, context: MixedContext) => {
      const op = chooseOperation();
      context.op = op;
      tally.built(op);
      const user = `learner-${Math.floor(Math.random() * SETTINGS.users)}`;
      const variables =
        op === 'recordAttempt'
          ? {
              in: {
                questionId: fixture.questions[Math.floor(Math.random() * fixture.questions.length)].id,
                outcome: OUTCOMES[Math.floor(Math.random() * OUTCOMES.length)],
                timeSpentMs: 2_000 + Math.floor(Math.random() * 120_000),
                clientAttemptId: `load-${runId}-${++attemptNo}`,
              },
            }
          : { b: BANK_ID };
      return {
        ...req,
        headers: { ...baseHeaders, 'x-user-id': user },
        body: JSON.stringify({ query: QUERIES[op], variables }),
      };
    },
    onResponse: (status: number, body: string, context: MixedContext) => tally.response(context.op!, status, body),
  };
}

function run(
  url: string,
  phase: PhaseKind,
  seconds: number,
  fixture: Fixture,
  tally: Tally,
  runId: string,
): Promise<autocannon.Result> {
  const baseHeaders = { 'content-type': 'application/json', 'x-api-key': fixture.secretKey };
  const request =
    phase === 'floor' ? floorRequest(baseHeaders, tally) : mixedRequest(baseHeaders, fixture, tally, runId);
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: SETTINGS.connections,
        pipelining: 1,
        duration: seconds,
        timeout: 10,
        requests: [request],
        setupClient: (client: autocannon.Client) =>
          client.on('response', (_status: number, _bytes: number, ms: number) => tally.latency(ms)),
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    interruption.stopCurrent = () => instance.stop();
  }).finally(() => {
    interruption.stopCurrent = null;
    if (interruption.interrupted) throw new Error('interrupted');
  }) as Promise<autocannon.Result>;
}

/** Runs a phase with the server's DynamoDB call counter reset before it and read after it. */
export async function phase(
  child: ChildProcess,
  url: string,
  kind: PhaseKind,
  seconds: number,
  fixture: Fixture,
  runId: string,
) {
  await ask(child, 'resetCalls');
  const tally = new Tally();
  const { value, cpuPercent } = await withCpu(processes(fixture, child), () =>
    run(url, kind, seconds, fixture, tally, runId),
  );
  const result = summarise(value, tally);
  const { calls } = await ask<ServerStats>(child, 'stats');
  const sent = Object.values(calls).reduce((a, b) => a + b, 0);
  return {
    tally,
    result: {
      ...result,
      dynamoCalls: calls,
      dynamoCallsPerRequest: result.requests ? sent / result.requests : 0,
      cpuPercent,
    },
  };
}

/** A phase's tally (for the attempts check) and its figures. */
export type PhaseRun = Awaited<ReturnType<typeof phase>>;
export type MeasuredPhase = PhaseRun['result'];
