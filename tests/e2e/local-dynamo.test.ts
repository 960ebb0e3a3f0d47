/**
 * One DynamoDB Local per data directory: whoever starts it writes the directory's port file;
 * the admin and seed CLIs use the running one, a stale file is replaced, and npm start refuses a
 * directory another process's DynamoDB Local is using. One real Java start.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { readConfig } from '../../src/config';
import { freePort, isPortOpen } from '../../src/dev/dynamodb-local';
import { connectLocalDynamo, isStarting, START_CLAIM_MS, type LocalDynamo } from '../../src/dev/local-dynamo';
import { portFilePath } from '../../src/dev/port-file';

describe('one DynamoDB Local per data directory', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'qbank-port-file-'));
  const file = portFilePath(dataDir);
  let port: number;
  let first: LocalDynamo | undefined;
  const config = () =>
    readConfig({ QBANK_DATA_DIR: dataDir, DYNAMODB_LOCAL_PORT: String(port), TABLE_NAME: 'qbank-port-file' });
  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => 'connected',
      (error: Error) => `${error.name}: ${error.message}`,
    );

  beforeAll(async () => {
    port = await freePort();
  });
  afterAll(async () => {
    await first?.stop();
  });

  it('replaces a stale file (owner gone, port closed), starts one and writes its port and owner', async () => {
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    const closed = await freePort();
    writeFileSync(file, JSON.stringify({ port: closed, pid: gone, owner: 'npm start', startedAt: Date.now() }));
    first = await connectLocalDynamo(config(), { owner: 'seed' });
    expect([first.started, first.endpoint]).toEqual([true, `http://127.0.0.1:${port}`]);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      port,
      pid: process.pid,
      owner: 'seed',
      startedAt: expect.any(Number),
      javaPid: expect.any(Number),
    });
  }, 60_000);

  it('lets the CLIs use the running one, whatever port they were told, and npm start refuse the directory', async () => {
    const other = await freePort();
    const second = await connectLocalDynamo(
      readConfig({ QBANK_DATA_DIR: dataDir, DYNAMODB_LOCAL_PORT: String(other), TABLE_NAME: 'qbank-port-file' }),
      { owner: 'admin' },
    );
    expect([second.started, second.endpoint]).toEqual([false, `http://127.0.0.1:${port}`]);
    const { TableNames } = await second.dynamo.doc.send(new ListTablesCommand({}));
    expect(TableNames).toEqual(['qbank-port-file']);
    await second.stop();
    second.dynamo.doc.destroy();
    expect([await isPortOpen(port), await isPortOpen(other), existsSync(file)]).toEqual([true, false, true]);

    expect(await refusal(connectLocalDynamo(config(), { owner: 'npm start', exclusive: true }))).toBe(
      [
        `LocalSetupError: the data directory ${dataDir} is in use: seed (pid ${process.pid}) runs DynamoDB Local on it, on port ${port}.`,
        'Stop that first (two DynamoDB Locals must not share one database), or set QBANK_DATA_DIR to another directory.',
      ].join('\n'),
    );
  });

  it('removes the file once its DynamoDB Local has stopped', async () => {
    await first!.stop();
    first!.dynamo.doc.destroy();
    first = undefined;
    expect([await isPortOpen(port), existsSync(file)]).toEqual([false, false]);
  });

  it('waits for one a live process is starting, and never starts a second on the same files', async () => {
    writeFileSync(file, JSON.stringify({ port, pid: process.pid, owner: 'npm start', startedAt: Date.now() }));
    const message = [
      `LocalSetupError: DynamoDB Local of ${dataDir} is being started by npm start (pid ${process.pid}) and does not answer on port ${port} yet.`,
      `Try again in a few seconds; if no such process runs, delete ${file}.`,
    ].join('\n');
    const started = Date.now();
    expect(await refusal(connectLocalDynamo(config(), { owner: 'admin', waitForStartMs: 500 }))).toBe(message);
    expect(Date.now() - started).toBeGreaterThanOrEqual(500);
    expect(await refusal(connectLocalDynamo(config(), { owner: 'npm start', exclusive: true }))).toBe(message);
    expect([await isPortOpen(port), JSON.parse(readFileSync(file, 'utf8')).pid]).toEqual([false, process.pid]);
  });

  it('counts a closed port as a start in progress only for a live owner, before Java runs, within a minute', () => {
    const now = Date.now();
    const gone = spawnSync(process.execPath, ['-e', '']).pid!;
    const claim = { port, pid: process.pid, owner: 'npm start', startedAt: now - 1_000 };
    expect([
      isStarting(claim, now),
      isStarting({ ...claim, javaPid: 4242 }, now), // its Java died: stale
      isStarting({ ...claim, pid: gone }, now), // its owner is gone: stale
      isStarting({ ...claim, startedAt: now - START_CLAIM_MS - 1 }, now), // a start that never finished
      isStarting({ ...claim, startedAt: now - os.uptime() * 1000 - 60_000 }, now), // from before the last boot
      isStarting({ port, pid: process.pid, owner: '?' }, now), // no claim time
    ]).toEqual([true, false, false, false, false, false]);
  });
});
