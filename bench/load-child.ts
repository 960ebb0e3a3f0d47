/**
 * The server of `npm run load` as seen from the load generator: bench/load-server.ts started as
 * a child process (STAGE=prod, a free port on 127.0.0.1) and asked over IPC for its counters.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { Fixture } from './load-fixture';
import { ROOT, SETTINGS, TABLE_NAME } from './load-settings';

export function startServer(fixture: Fixture): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'load-server.ts')], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      STAGE: 'prod',
      TABLE_NAME,
      DYNAMODB_ENDPOINT: fixture.local.endpoint,
      AWS_REGION: 'local',
      PORT: '0',
      LOG_LEVEL: SETTINGS.logLevel,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  const stderr: string[] = [];
  child.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the server did not start within 60 s\n${stderr.join('')}`)),
      60_000,
    );
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code} before listening\n${stderr.join('')}`));
    });
    child.on('message', (message: { type?: string; port?: number }) => {
      if (message?.type !== 'listening') return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({ child, port: message.port! });
    });
  });
}

export interface ServerStats {
  counts: { warn: number; error: number };
  firstProblems: string[];
  /** DynamoDB commands the server sent since the last reset, by command. */
  calls: Record<string, number>;
}

export function ask<T>(child: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not answer "${type}"`)), 10_000);
    const listener = (message: { type?: string }): void => {
      if (message?.type !== type) return;
      clearTimeout(timer);
      child.removeListener('message', listener);
      resolve(message as T);
    };
    child.on('message', listener);
    child.send({ type });
  });
}
