/**
 * npm run chaos -- [--attempts 1000] [--clients 20] [--import-kills 6] [--seed chaos] [--no-faults] [--json]
 *
 * The full reliability run (the CI variant is tests/e2e/faults.test.ts and
 * tests/e2e/import-atomicity.test.ts): its own in-memory DynamoDB Local behind the fault proxy
 * (10 % throttling, 5 % 500s, 2 % resets, 5 % latency spikes), then
 *  1. `--attempts` recordAttempts from `--clients` clients through an in-process server;
 *  2. the same against a server process SIGKILLed half-way and restarted;
 *  3. `--import-kills` imports of a 3,000-question bank SIGKILLed at seeded random write calls,
 *     each followed by every query of the bank and a rerun.
 * Prints what was injected and what was stored; exit 1 if any guarantee was broken. Figures are
 * recorded in docs/reliability.md.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { importBankFiles } from '../../src/usecases/import-banks';
import { createKey, createTenant } from '../../src/usecases/tenants';
import { createApp } from '../../src/app';
import { readConfig } from '../../src/config';
import { createLambdaHandler } from '../../src/lambda';
import { createLogger } from '../../src/logger';
import { AccessStore } from '../../src/store';
import { readExistingBank } from '../../src/store';
import { createDynamo, type Dynamo } from '../../src/store/client';
import { ensureTable } from '../../src/store/table';
import { quantile, runAttemptLoad, type LoadReport } from './attempt-load';
import { runImportKills, type ImportKill } from './chaos-imports';
import { verifyRun, type RunVerdict } from './chaos-checks';
import { startDynamoDbLocal } from '../../src/dev/dynamodb-local';
import { startFaultProxy, type FaultProxy, type FaultStats } from './fault-proxy';
import { createHttpServer } from '../../src/dev/http-server';
import { post, runWithServerKill } from './server-kill-run';

const RATES = { throttle: 0.1, serverError: 0.05, reset: 0.02, latency: 0.05 };
const SHIPPED_BANK = path.resolve(__dirname, '../../seed/banks/ml-junior.ru.md');
const IMPORT_SHAPE = { questions: 3000, sections: 10, turnover: 300 };

interface Args {
  attempts: number;
  clients: number;
  importKills: number;
  seed: string;
  json: boolean;
  /** Without injected faults: the baseline the figures are compared with. */
  faults: boolean;
}

interface Section {
  name: string;
  faults: FaultStats;
  load: LoadReport;
  verdict: RunVerdict;
  extra?: Record<string, unknown>;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { attempts: 1000, clients: 20, importKills: 6, seed: 'chaos', json: false, faults: true };
  for (let i = 0; i < argv.length; i++) {
    const [name, value] = [argv[i], argv[i + 1]];
    if (name === '--json') args.json = true;
    else if (name === '--no-faults') args.faults = false;
    else if (name === '--seed' && value) args.seed = argv[++i];
    else if ((name === '--attempts' || name === '--clients') && Number(value) >= 1)
      args[name.slice(2) as 'attempts' | 'clients'] = Number(argv[++i]);
    else if (name === '--import-kills' && Number(value) >= 0) args.importKills = Number(argv[++i]);
    else
      throw new Error(
        `usage: npm run chaos -- [--attempts N] [--clients N] [--import-kills N] [--seed S] [--no-faults] [--json] (got "${name}")`,
      );
  }
  return args;
}

async function givenTenantKey(dynamo: Dynamo, id: string): Promise<string> {
  const store = new AccessStore(dynamo);
  await createTenant(store, { id, name: `Chaos ${id}` });
  // Far above what the run sends: this run is about faults, not the rate limiter.
  return (await createKey(store, { tenantId: id, kind: 'secret', rateLimit: { rps: 100_000, burst: 100_000 } })).key;
}

/** A proxy per run, so each run's decisions start from its own seed. */
const faultsFor = (upstream: string, args: Args, run: string): Promise<FaultProxy> =>
  startFaultProxy({
    upstream,
    seed: `${args.seed}/${run}`,
    rates: args.faults ? RATES : {},
    latencyMs: { min: 20, max: 120 },
  });

async function inProcessRun(dynamo: Dynamo, upstream: string, args: Args, questionIds: string[]): Promise<Section> {
  const tenant = 'chaos-in-process';
  const apiKey = await givenTenantKey(dynamo, tenant);
  const proxy = await faultsFor(upstream, args, 'in-process');
  const config = readConfig({
    STAGE: 'prod',
    LOG_LEVEL: 'error',
    DYNAMODB_ENDPOINT: proxy.endpoint,
    TABLE_NAME: dynamo.tableName,
    AWS_REGION: 'local',
  });
  // What the masked failures were, from the server's own log (its only error lines).
  const causes: Record<string, number> = {};
  const app = createApp(
    config,
    createLogger('error', (line) => {
      const { error } = JSON.parse(line) as { error?: { name?: string; message?: string; stack?: string } };
      // Some errors carry no message (AttemptConflict): their first stack frame says where they came from.
      const where = error?.message
        ? error.message.slice(0, 120)
        : (error?.stack
            ?.split('\n')[1]
            ?.trim()
            .replace(/\(.*\//, '(') ?? '');
      const cause = `${error?.name ?? 'unknown'}: ${where}`;
      causes[cause] = (causes[cause] ?? 0) + 1;
    }),
  );
  const server = createHttpServer(createLambdaHandler(app));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  try {
    const load = await runAttemptLoad({
      ...args,
      seed: `${args.seed}/in-process`,
      questionIds,
      transport: (userId, input) => post(url, apiKey, userId, input),
    });
    return {
      name: 'in-process server',
      faults: proxy.stats(),
      load,
      verdict: await verifyRun(dynamo, tenant, load),
      extra: { 'masked failures by cause': JSON.stringify(causes) },
    };
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    app.dynamo.doc.destroy();
    await proxy.stop();
  }
}

async function killedServerRun(dynamo: Dynamo, upstream: string, args: Args, questionIds: string[]): Promise<Section> {
  const tenant = 'chaos-killed';
  const apiKey = await givenTenantKey(dynamo, tenant);
  const proxy = await faultsFor(upstream, args, 'killed');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'qbank-chaos-'));
  const env = {
    ...process.env,
    DYNAMODB_ENDPOINT: proxy.endpoint,
    TABLE_NAME: dynamo.tableName,
    STAGE: 'prod',
    LOG_LEVEL: 'silent',
    QBANK_DATA_DIR: dataDir,
  };
  try {
    const run = await runWithServerKill({ ...args, seed: `${args.seed}/killed`, questionIds, env, apiKey });
    const extra = {
      kills: run.kills,
      boots: run.boots,
      bootFailures: run.bootFailures.length,
      unexpectedExits: run.unexpectedExits.length,
      downtimeMs: run.downtimeMs,
    };
    const verdict = await verifyRun(dynamo, tenant, run.load);
    verdict.problems.push(...run.unexpectedExits.map((exit) => `server died on its own: ${exit}`));
    // A boot that fails under faults is retried like a supervisor would, but it is worth seeing why.
    for (const failure of run.bootFailures)
      process.stderr.write(`chaos: a boot failed and was retried: ${failure.split('\n').slice(0, 2).join(' ')}\n`);
    return {
      name: 'server process, SIGKILLed half-way and restarted',
      faults: proxy.stats(),
      load: run.load,
      verdict,
      extra,
    };
  } finally {
    await proxy.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const ms = (values: number[]): string => `p50 ${quantile(values, 0.5)} ms, p99 ${quantile(values, 0.99)} ms`;

function formatSection({ name, faults, load, verdict, extra }: Section): string {
  const i = faults.injected;
  return [
    `== ${name}`,
    `${load.attempts} attempts in ${(load.elapsedMs / 1000).toFixed(1)} s: ${load.requests} requests, ${load.clientRetries} client retries (${load.failures.masked} masked 500s, ${load.failures.network} without an answer), ${load.duplicates} answered duplicate: true`,
    `DynamoDB requests ${faults.requests} ${JSON.stringify(faults.byOperation)}; DynamoDB's own errors ${JSON.stringify(faults.upstreamErrors)}`,
    `injected: ${i.throttle} throttles, ${i.serverError} 500s, ${i.reset} resets (${faults.afterForward} of the 500s and resets after DynamoDB applied the request), ${i.latency} latency spikes`,
    `latency per request ${ms(load.requestMs)}; per attempt until stored ${ms(load.attemptMs)}`,
    `stored attempts ${verdict.storedAttempts} (${verdict.distinctClientAttemptIds} distinct clientAttemptIds); stats:verify ${verdict.statsDifferences} differences; leaks ${load.leaks.length}; unexpected answers ${load.unexpected.length}`,
    ...(extra
      ? [
          Object.entries(extra)
            .map(([k, v]) => `${k} ${v}`)
            .join(', '),
        ]
      : []),
    verdict.problems.length === 0 ? 'OK' : `PROBLEMS:\n  ${verdict.problems.slice(0, 30).join('\n  ')}`,
  ].join('\n');
}

function formatImports(kills: ImportKill[]): string {
  const lines = kills.map((k) => {
    const served =
      k.structure.length === 0
        ? `bank, count, listing and pools are v${k.expected}`
        : `NOT v${k.expected}: ${k.structure.join('; ')}`;
    const texts =
      k.texts.length === 0
        ? 'texts too'
        : `BUT ${k.texts[0]}${k.unpublished ? `; question(id) answers ${k.unpublished} of 10 unpublished new questions` : ''}`;
    const rerun =
      k.rerunExit === 0 && k.afterRerun.length === 0
        ? 'rerun: complete'
        : `rerun: exit ${k.rerunExit}, ${k.afterRerun.join('; ')}`;
    return `kill at write ${k.killAt}/${k.writes} (${k.phase}): ${served}, ${texts}; ${rerun}`;
  });
  return [`== imports of a ${IMPORT_SHAPE.questions}-question bank killed at random points`, ...lines].join('\n');
}

const importProblems = (kills: ImportKill[]): number =>
  kills.filter(
    (k) => k.structure.length + k.texts.length + k.unpublished + k.afterRerun.length > 0 || k.rerunExit !== 0,
  ).length;

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const local = await startDynamoDbLocal();
  try {
    const dynamo = createDynamo({ tableName: 'qbank-chaos', region: 'local', endpoint: local.endpoint });
    await ensureTable(dynamo);
    await importBankFiles(dynamo, [SHIPPED_BANK]);
    const questionIds = (await readExistingBank(dynamo, 'ml-junior')).questions.map((q) => q.id);
    const sections = [
      await inProcessRun(dynamo, local.endpoint, args, questionIds),
      await killedServerRun(dynamo, local.endpoint, args, questionIds),
    ];
    const imports =
      args.importKills > 0
        ? await runImportKills(dynamo, local.endpoint, IMPORT_SHAPE, args.importKills, args.seed)
        : [];
    if (args.json) {
      const summary = sections.map(({ load, ...rest }) => ({
        ...rest,
        load: { ...load, recorded: load.recorded.size, requestMs: ms(load.requestMs), attemptMs: ms(load.attemptMs) },
      }));
      process.stdout.write(`${JSON.stringify({ attempts: summary, imports }, null, 2)}\n`);
    } else {
      process.stdout.write(
        `${[...sections.map(formatSection), ...(imports.length ? [formatImports(imports)] : [])].join('\n\n')}\n`,
      );
    }
    return sections.every((s) => s.verdict.problems.length === 0) && importProblems(imports) === 0 ? 0 : 1;
  } finally {
    await local.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    process.stderr.write(`chaos: ${error.stack ?? error.message}\n`);
    process.exit(1);
  },
);
