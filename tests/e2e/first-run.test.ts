/**
 * The first five minutes on a new machine: no Java, a Java that is too old, ports already taken.
 * Each must end within seconds with exit code 1 and a message that says what to do, never a
 * Node stack trace.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { SHIPPED_BANK } from '../support/banks';
import { baseEnv, runCommand, runScript, type Finished } from '../support/processes';

const INSTALL = [
  '  Debian/Ubuntu: sudo apt-get install openjdk-17-jre-headless',
  '  macOS:         brew install --cask temurin@17',
  '  Windows:       winget install Microsoft.OpenJDK.17',
  'Or point DYNAMODB_ENDPOINT at a DynamoDB Local running elsewhere, e.g. in a container:',
  '  docker run -d -p 8000:8000 amazon/dynamodb-local && DYNAMODB_ENDPOINT=http://localhost:8000 npm start',
];
const NO_JAVA = [
  'DynamoDB Local needs Java 17 or newer, and there is no `java` on the PATH. Install it:',
  ...INSTALL,
].join('\n');
const OLD_JAVA = [
  'DynamoDB Local needs Java 17 or newer; the `java` on the PATH is 1.8.0_381 (Java 8). Install a newer one:',
  ...INSTALL,
].join('\n');

/** A directory for PATH holding node, npm and sh (what `npm start` needs) and nothing else. */
function pathWithoutJava(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'qbank-nojava-'));
  const npm = realpathSync(spawnSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' }).stdout.trim());
  symlinkSync(process.execPath, path.join(dir, 'node'));
  symlinkSync(npm, path.join(dir, 'npm'));
  symlinkSync(realpathSync('/bin/sh'), path.join(dir, 'sh'));
  return dir;
}

/** The same, plus a `java` that reports Java 8 the way Oracle's 1.8 does (on stderr). */
function pathWithJava8(): string {
  const dir = pathWithoutJava();
  const java = path.join(dir, 'java');
  writeFileSync(
    java,
    "#!/bin/sh\necho 'java version \"1.8.0_381\"' >&2\necho 'Java(TM) SE Runtime Environment (build 1.8.0_381-b09)' >&2\n",
  );
  chmodSync(java, 0o755);
  return dir;
}

/** Local tools without DYNAMODB_ENDPOINT (which the suite sets), on ports and a data dir of their own. */
function localEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = baseEnv({
    QBANK_DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'qbank-first-run-')),
    TABLE_NAME: 'qbank-first-run',
    ...extra,
  });
  delete env.DYNAMODB_ENDPOINT;
  return env;
}

async function timed(run: () => Promise<Finished>): Promise<Finished & { ms: number }> {
  const started = Date.now();
  const finished = await run();
  return { ...finished, ms: Date.now() - started };
}

/** Listens on a free port with a plain HTTP server that is not DynamoDB. */
async function squatter(): Promise<{ port: number; close(): Promise<void> }> {
  const server = http.createServer((_req, res) => res.end('hello'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('npm start without Java', () => {
  it('exits 1 within seconds, naming Java and how to install it, without a stack trace', async () => {
    const result = await timed(() =>
      runCommand('npm', ['start'], localEnv({ PATH: pathWithoutJava(), PORT: '0', DYNAMODB_LOCAL_PORT: '1' })),
    );
    expect([result.code, result.stderr]).toEqual([1, `npm start: ${NO_JAVA}\n`]);
    expect(result.stdout).not.toContain('    at ');
    expect(result.ms).toBeLessThan(15_000);
  });
});

describe('a Java older than 17', () => {
  it.each([
    ['npm start', 'src/dev/start.ts', [], 'npm start'],
    ['the seed CLI', 'seed/cli.ts', [SHIPPED_BANK], 'seed'],
    ['the admin CLI', 'src/admin/cli.ts', ['key:list', '--tenant', 'local'], 'admin'],
  ])('stops %s with the version it found and how to get a newer one', async (_name, script, args, tool) => {
    const result = await timed(() =>
      runScript(script, args as string[], localEnv({ PATH: pathWithJava8(), PORT: '0', DYNAMODB_LOCAL_PORT: '1' })),
    );
    expect([result.code, result.stdout, result.stderr]).toEqual([1, '', `${tool}: ${OLD_JAVA}\n`]);
    expect(result.ms).toBeLessThan(15_000);
  });
});

describe('ports already taken', () => {
  it('says which port the API cannot have, before starting DynamoDB Local', async () => {
    const taken = await squatter();
    try {
      const result = await timed(() =>
        runScript('src/dev/start.ts', [], localEnv({ PATH: pathWithoutJava(), PORT: String(taken.port) })),
      );
      const message = `npm start: port ${taken.port} is taken (another npm start?). Stop that process, or set PORT to a free port, e.g. PORT=${taken.port + 1} npm start.\n`;
      expect([result.code, result.stdout, result.stderr]).toEqual([1, '', message]);
      expect(result.ms).toBeLessThan(15_000);
    } finally {
      await taken.close();
    }
  });

  it('says that the DynamoDB Local port is held by another program', async () => {
    const taken = await squatter();
    try {
      const result = await runScript(
        'seed/cli.ts',
        [SHIPPED_BANK],
        localEnv({ DYNAMODB_LOCAL_PORT: String(taken.port) }),
      );
      const message = [
        `seed: port ${taken.port} is taken by a program that is not DynamoDB Local.`,
        'Stop it, or set DYNAMODB_LOCAL_PORT to a free port (or DYNAMODB_ENDPOINT to a DynamoDB Local running elsewhere).',
        '',
      ].join('\n');
      expect([result.code, result.stdout, result.stderr]).toEqual([1, '', message]);
    } finally {
      await taken.close();
    }
  });
});
