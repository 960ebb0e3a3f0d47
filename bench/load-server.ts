/**
 * The server of `npm run load`, run as a child of bench/load.ts: the app `npm start` serves
 * (createHttpServer(createLambdaHandler(createApp(config)))), configured from the environment
 * the parent sets (STAGE=prod, DYNAMODB_ENDPOINT of the parent's DynamoDB Local, TABLE_NAME),
 * listening on 127.0.0.1 only. It logs as the app always does (one JSON line a request, to
 * stdout, which the parent discards) and counts warn and error lines; over IPC the parent resets
 * and reads the app's DynamoDB call counter (src/store/client.ts) around each phase and reads the
 * log counts at the end. It tells the parent its port over IPC and stops on SIGTERM.
 */
import type { AddressInfo } from 'node:net';
import { createApp } from '../src/app';
import { readConfig } from '../src/config';
import { createLambdaHandler } from '../src/lambda';
import { createHttpServer } from '../src/dev/http-server';
import { createLogger } from '../src/logger';

const counts = { warn: 0, error: 0 };
const firstProblems: string[] = [];

function write(line: string): void {
  const level = line.startsWith('{"level":"error"') ? 'error' : line.startsWith('{"level":"warn"') ? 'warn' : null;
  if (level) {
    counts[level] += 1;
    if (firstProblems.length < 5) firstProblems.push(line);
  }
  process.stdout.write(`${line}\n`);
}

async function main(): Promise<void> {
  if (!process.send) throw new Error('bench/load-server.ts runs as a child of bench/load.ts (it needs an IPC channel)');
  const config = readConfig();
  const app = createApp(config, createLogger(config.logLevel, write));
  const server = createHttpServer(createLambdaHandler(app));
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(config.port, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  process.on('message', (message: { type?: string }) => {
    if (message?.type === 'resetCalls') {
      app.dynamo.calls.reset();
      process.send!({ type: 'resetCalls' });
    }
    if (message?.type === 'stats')
      process.send!({ type: 'stats', counts, firstProblems, calls: Object.fromEntries(app.dynamo.calls.byCommand) });
  });
  const stop = (): void => {
    server.closeAllConnections();
    server.close(() => {
      void app.server.stop().finally(() => process.exit(0));
    });
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  // The parent going away (IPC closed) ends the server too.
  process.once('disconnect', stop);
  process.send({ type: 'listening', port });
}

main().catch((error: Error) => {
  process.stderr.write(`load-server: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
