/**
 * The attempt load against a real server process (`src/dev/start.ts`) that is killed with
 * SIGKILL once, when half of the attempts are stored, and started again on the same table, as a
 * supervisor would. Requests in flight at the kill are lost mid-way (some after DynamoDB
 * committed them); clients see connection failures until the new process answers, and keep
 * retrying with the same clientAttemptId. Any exit we did not cause is reported.
 */
import { RECORD_ATTEMPT, runAttemptLoad, type LoadOptions, type LoadReport, type Reply } from './attempt-load';
import { startServerProcess, type ServerProcess } from './server-process';

export interface KillRunOptions extends Omit<LoadOptions, 'transport' | 'onStored'> {
  /** Environment of the server: DYNAMODB_ENDPOINT, TABLE_NAME, STAGE, QBANK_DATA_DIR… */
  env: NodeJS.ProcessEnv;
  /** A secret key of the tenant; users are named with x-user-id. */
  apiKey: string;
  /** Kill the server when this many attempts are stored (default: half). */
  killAfter?: number;
  /** Boots tried in a row before giving up (a boot may fail under injected faults). */
  bootTries?: number;
}

export interface KillRunReport {
  load: LoadReport;
  kills: number;
  boots: number;
  /** Boots that exited before serving (the supervisor started another). */
  bootFailures: string[];
  /** Exits of a serving process that we did not cause. */
  unexpectedExits: string[];
  /** From the kill until the restarted server was ready. */
  downtimeMs: number;
}

export async function runWithServerKill(options: KillRunOptions): Promise<KillRunReport> {
  const run: Omit<KillRunReport, 'load'> = { kills: 0, boots: 0, bootFailures: [], unexpectedExits: [], downtimeMs: 0 };
  const supervisor = new Supervisor(options, run);
  let server = await supervisor.boot();
  let restarted: Promise<void> | undefined;
  const killAndRestart = async (): Promise<void> => {
    const killedAt = Date.now();
    run.kills++;
    await supervisor.stop(server, 'SIGKILL');
    server = await supervisor.boot();
    run.downtimeMs = Date.now() - killedAt;
  };
  const killAfter = options.killAfter ?? Math.floor(options.attempts / 2);
  try {
    const load = await runAttemptLoad({
      ...options,
      transport: (userId, input) => post(server.url, options.apiKey, userId, input),
      onStored: (stored) => {
        if (stored === killAfter) restarted = killAndRestart();
      },
    });
    await restarted;
    return { load, ...run };
  } finally {
    await restarted?.catch(() => {});
    await supervisor.stop(server, 'SIGTERM');
  }
}

/** Starts servers, retries a failed boot, and tells the exits it caused from the others. */
class Supervisor {
  private readonly expectedExits = new WeakSet<ServerProcess>();

  constructor(
    private readonly options: KillRunOptions,
    private readonly run: Omit<KillRunReport, 'load'>,
  ) {}

  async boot(): Promise<ServerProcess> {
    for (let tries = 1; ; tries++) {
      this.run.boots++;
      try {
        const server = await startServerProcess(this.options.env);
        void server.exit.then((exit) => {
          if (!this.expectedExits.has(server))
            this.run.unexpectedExits.push(
              `pid ${server.child.pid} exited (${exit.signal ?? exit.code}):\n${server.output().slice(-2000)}`,
            );
        });
        return server;
      } catch (error) {
        // A boot may fail under injected faults (see docs/reliability.md): start another.
        this.run.bootFailures.push((error as Error).message.slice(0, 2000));
        if (tries >= (this.options.bootTries ?? 5)) throw error;
      }
    }
  }

  async stop(server: ServerProcess, signal: NodeJS.Signals): Promise<void> {
    this.expectedExits.add(server);
    server.child.kill(signal);
    await server.exit;
  }
}

/** One recordAttempt over HTTP, as a tenant's server acting for a user (secret key + x-user-id). */
export async function post(
  url: string,
  apiKey: string,
  userId: string,
  input: Record<string, unknown>,
): Promise<Reply> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': apiKey, 'x-user-id': userId },
    body: JSON.stringify({ query: RECORD_ATTEMPT, variables: { input } }),
    signal: AbortSignal.timeout(30_000),
  });
  return { status: response.status, body: await response.text() };
}
