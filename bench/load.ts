/**
 * npm run load: autocannon against the API served over HTTP the way `npm start` serves it, with
 * a mixed learner workload beside the framework's floor (`{ __typename }`) on the same server in
 * the same run.
 *
 * Starts its own DynamoDB Local (in memory), creates the table, imports the shipped banks and
 * creates a tenant with a secret key whose rate limit is far above anything the run can send;
 * then runs bench/load-server.ts as a child process (STAGE=prod, 127.0.0.1, a free port) and
 * drives it from this process with autocannon:
 *
 *   1. warm-up: the mixed workload for LOAD_WARMUP_SECONDS (default 5), not reported;
 *   2. floor:   `{ __typename }` (authentication, Apollo, the Lambda adapter; no DynamoDB call);
 *   3. mixed:   ~70 % randomQuestions(count 10), ~20 % recordAttempt (a unique clientAttemptId
 *               each, over LOAD_USERS users named with x-user-id), ~10 % weakTopics;
 *
 *   4. raw SDK: the same mix as the minimal DynamoDB calls sent straight from this process by
 *               as many concurrent loops (no HTTP, no GraphQL): DynamoDB Local's own ceiling;
 *
 * each for LOAD_SECONDS (default 30) from LOAD_CONNECTIONS (default 50) connections. Every
 * response body is checked for GraphQL errors, and the server's DynamoDB calls are counted per
 * phase. Afterwards the users' profiles are read back: they must count every attempt answered
 * without error (plus at most the requests cut off when a phase ended). Writes bench/load.json;
 * stops the server and DynamoDB Local whatever happens. Loopback only. LOAD_MIX (default
 * 70,20,10) and LOAD_USERS (default 1000) change the workload; LOAD_LOG_LEVEL (default info) the
 * server's logging.
 */
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { stopChild } from '../src/dev/dynamodb-local';
import { ask, startServer, type ServerStats } from './load-child';
import { processes, withCpu } from './load-cpu';
import { countedAttempts, setUp, type Fixture } from './load-fixture';
import { phase } from './load-http';
import { interruption, watchInterrupts } from './load-interrupt';
import { rawPhase } from './load-raw';
import { loadResults, printLoadReport } from './load-report';
import { HOST, SETTINGS } from './load-settings';

const RESULTS_FILE = path.join(__dirname, 'load.json');

/** The four phases against the server (a child process), then the profiles read back. */
async function measure(fixture: Fixture, setChild: (child: ChildProcess) => void) {
  const server = await startServer(fixture);
  const { child } = server;
  setChild(child);
  const url = `http://${HOST}:${server.port}/graphql`;
  const runId = randomUUID().slice(0, 8);
  process.stdout.write(`server (child ${child.pid}) at ${url}; warm-up…\n`);
  const warm = await phase(child, url, 'mixed', SETTINGS.warmupSeconds, fixture, runId);
  process.stdout.write(`floor: { __typename } for ${SETTINGS.seconds} s…\n`);
  const { result: floor } = await phase(child, url, 'floor', SETTINGS.seconds, fixture, runId);
  process.stdout.write(`mixed workload for ${SETTINGS.seconds} s…\n`);
  const mixedPhase = await phase(child, url, 'mixed', SETTINGS.seconds, fixture, runId);
  const log = await ask<ServerStats>(child, 'stats');
  process.stdout.write(`raw SDK calls of the same mix straight to DynamoDB Local for ${SETTINGS.seconds} s…\n`);
  const rawRun = await withCpu(processes(fixture, child), () => rawPhase(fixture, SETTINGS.seconds));
  const raw = { ...rawRun.value, cpuPercent: rawRun.cpuPercent };
  const counted = await countedAttempts(fixture.dynamo);
  return loadResults({ warm, floor, mixedPhase, raw, log, counted });
}

async function main(): Promise<void> {
  process.stdout.write(
    `load: ${SETTINGS.connections} connections, ${SETTINGS.seconds} s per phase after ${SETTINGS.warmupSeconds} s of warm-up; starting DynamoDB Local…\n`,
  );
  const fixture = await setUp();
  let child: ChildProcess | undefined;
  const killChild = (): void => void child?.kill('SIGKILL');
  process.once('exit', killChild);
  try {
    const results = await measure(fixture, (started) => (child = started));
    writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
    const clean = printLoadReport(results, RESULTS_FILE);
    if (!clean || !results.attempts.consistent) process.exitCode = 1;
  } finally {
    if (child) await stopChild(child);
    process.removeListener('exit', killChild);
    fixture.dynamo.doc.destroy();
    await fixture.local.stop();
  }
}

watchInterrupts();
main().catch((error: Error) => {
  process.stderr.write(
    interruption.interrupted
      ? 'load: interrupted; the server and DynamoDB Local are stopped\n'
      : `load: ${error.stack ?? error.message}\n`,
  );
  process.exitCode = interruption.interrupted ? 130 : 1;
});
