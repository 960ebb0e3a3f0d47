/**
 * Project scripts as child processes that can really be killed. The `tsx` binary runs the
 * script in a second Node process and relays only catchable signals, so a SIGKILL to it kills
 * the wrapper and leaves the script running as an orphan. Here the script runs in the one
 * process we spawn (`node --import tsx`), so SIGKILL stops it at once, mid-write, like a
 * crashed container.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const OUTPUT_TAIL = 64 * 1024;

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ScriptProcess {
  child: ChildProcess;
  /** Settles when the process has exited. */
  exit: Promise<Exit>;
  /** The last 64 KB of stdout and stderr together. */
  output(): string;
}

/** Runs a TypeScript script of the project (path relative to the repository root). */
export function spawnScript(script: string, args: readonly string[], env: NodeJS.ProcessEnv): ScriptProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT,
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-OUTPUT_TAIL);
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exit = new Promise<Exit>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.once('error', () => resolve({ code: -1, signal: null }));
  });
  return { child, exit, output: () => output };
}

export interface ServerProcess extends ScriptProcess {
  /** http://127.0.0.1:<port>/graphql */
  url: string;
}

/**
 * `src/dev/start.ts` with the given environment (DYNAMODB_ENDPOINT, TABLE_NAME, PORT=0…),
 * resolved once it prints its URL; rejects if it exits first or is not ready in time.
 */
export async function startServerProcess(env: NodeJS.ProcessEnv, timeoutMs = 60_000): Promise<ServerProcess> {
  const started = spawnScript('src/dev/start.ts', [], { PORT: '0', ...env });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      started.child.kill('SIGKILL');
      reject(new Error(`the server was not ready within ${timeoutMs} ms:\n${started.output()}`));
    }, timeoutMs);
    const check = (): void => {
      const match = started.output().match(/API ready at http:\/\/localhost:(\d+)\/graphql/);
      if (!match) return;
      clearTimeout(timer);
      resolve(`http://127.0.0.1:${match[1]}/graphql`);
    };
    started.child.stdout!.on('data', check);
    void started.exit.then((exit) => {
      clearTimeout(timer);
      reject(
        new Error(
          `the server exited (${exit.signal ?? exit.code}) before it was ready:\n${started.output().slice(-2000)}`,
        ),
      );
    });
  });
  return { ...started, url };
}
