/**
 * The DynamoDB that local tools talk to: DYNAMODB_ENDPOINT when set; otherwise the one DynamoDB
 * Local of the data directory (.data/, or QBANK_DATA_DIR): the one its port file names when that
 * answers (e.g. the one `npm start` runs), else one started here and stopped again by whoever
 * started it. Two never run on the same files: the port file is claimed before Java starts.
 */
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Config } from '../config';
import { createDynamo, type Dynamo } from '../store';
import { ensureTable } from '../store/table';
import { LocalSetupError } from './cli-errors';
import { isPortOpen, startDynamoDbLocal } from './dynamodb-local';
import {
  claimPortFile,
  isProcessAlive,
  portFilePath,
  readPortFile,
  releasePortFile,
  removeStalePortFile,
  updatePortFile,
  type PortFile,
} from './port-file';

/** A DynamoDB Local answers ListTables in milliseconds; a program that never answers HTTP would hang. */
const PROBE_TIMEOUT_MS = 5_000;

export interface LocalDynamo {
  dynamo: Dynamo;
  endpoint: string;
  /** True when this process started DynamoDB Local (and so must stop it). */
  started: boolean;
  stop(): Promise<void>;
}

export interface ConnectOptions {
  /** Told when DynamoDB Local has to be started (it takes a few seconds). */
  onStarting?: (message: string) => void;
  /** The tool connecting, named in the port file when it starts DynamoDB Local ("npm start", "admin", "seed"). */
  owner?: string;
  /** npm start: refuse a data directory whose DynamoDB Local another process runs, rather than share it. */
  exclusive?: boolean;
  /** How long to wait for a DynamoDB Local that another process is starting on the directory (30 s). */
  waitForStartMs?: number;
}

interface Endpoint {
  endpoint: string;
  started: boolean;
  stop(): Promise<void>;
}

const noStop = async (): Promise<void> => {};

export async function connectLocalDynamo(config: Config, options: ConnectOptions = {}): Promise<LocalDynamo> {
  const { endpoint, started, stop } = config.dynamodbEndpoint
    ? { endpoint: config.dynamodbEndpoint, started: false, stop: noStop }
    : await localEndpoint(config, options);
  const dynamo = createDynamo({ tableName: config.tableName, region: config.region, endpoint });
  try {
    await dynamo.doc.send(new ListTablesCommand({ Limit: 1 }), { abortSignal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    await ensureTable(dynamo);
  } catch (error) {
    await stop();
    dynamo.doc.destroy();
    throw new LocalSetupError(unusableMessage(config, endpoint, started, error));
  }
  return { dynamo, endpoint, started, stop };
}

/**
 * The data directory's running DynamoDB Local (its port file), or one started here. A file whose
 * port answers is used; one whose owner is alive but whose port does not answer yet is being
 * started (waited for, up to waitForStartMs); anything else is stale and replaced.
 */
async function localEndpoint(config: Config, options: ConnectOptions): Promise<Endpoint> {
  const dataDir = config.localDataDir;
  mkdirSync(dataDir, { recursive: true });
  const deadline = Date.now() + (options.waitForStartMs ?? 30_000);
  for (;;) {
    const entry = readPortFile(dataDir);
    if (entry) {
      if (entry.port > 0 && (await isPortOpen(entry.port))) {
        if (options.exclusive) throw new LocalSetupError(inUse(dataDir, entry));
        return { endpoint: `http://127.0.0.1:${entry.port}`, started: false, stop: noStop };
      }
      if (isStarting(entry, Date.now())) {
        if (options.exclusive || Date.now() >= deadline) throw new LocalSetupError(notAnswering(dataDir, entry));
        await new Promise((resolve) => setTimeout(resolve, 200));
        continue;
      }
      removeStalePortFile(dataDir, entry); // stale: its owner is gone and its port does not answer
    }
    const port = config.localDynamoPort;
    // Something on the port without a port file: a DynamoDB Local of its own (a container, an older npm start).
    if (await isPortOpen(port)) return { endpoint: `http://127.0.0.1:${port}`, started: false, stop: noStop };
    const claim: PortFile = { port, pid: process.pid, owner: options.owner ?? 'qbank', startedAt: Date.now() };
    if (!claimPortFile(dataDir, claim)) continue; // another process claimed the directory first: use theirs
    const release = (): void => releasePortFile(dataDir);
    process.once('exit', release);
    try {
      options.onStarting?.(`starting DynamoDB Local on port ${port}…`);
      const local = await startDynamoDbLocal({ port, dbPath: path.join(dataDir, 'dynamodb') });
      updatePortFile(dataDir, { ...claim, javaPid: local.pid });
      return {
        endpoint: local.endpoint,
        started: true,
        // The file goes once Java has exited, so nobody starts another on files still in use.
        stop: async () => {
          await local.stop();
          process.removeListener('exit', release);
          release();
        },
      };
    } catch (error) {
      process.removeListener('exit', release);
      release();
      throw error;
    }
  }
}

/** The owner still runs (and the file is from since the machine booted: a pid before a reboot is someone else's). */
const ownerAlive = (entry: PortFile): boolean =>
  isProcessAlive(entry.pid) && (entry.startedAt ?? 0) >= Date.now() - os.uptime() * 1000;

/** How long a claim without a running Java counts as a start in progress. */
export const START_CLAIM_MS = 60_000;

/**
 * A file whose port does not answer is a start in progress only while its owner runs, Java has
 * not come up yet (no javaPid) and the claim is recent; anything else is stale (a Java that died,
 * an owner that is gone) and replaced.
 */
export const isStarting = (entry: PortFile, now: number): boolean =>
  entry.javaPid === undefined && (entry.startedAt ?? 0) > now - START_CLAIM_MS && ownerAlive(entry);

function inUse(dataDir: string, entry: PortFile): string {
  const who = ownerAlive(entry)
    ? `${entry.owner} (pid ${entry.pid})`
    : `a DynamoDB Local whose ${entry.owner} is gone${entry.javaPid ? ` (java pid ${entry.javaPid})` : ''}`;
  return [
    `the data directory ${dataDir} is in use: ${who} runs DynamoDB Local on it, on port ${entry.port}.`,
    'Stop that first (two DynamoDB Locals must not share one database), or set QBANK_DATA_DIR to another directory.',
  ].join('\n');
}

function notAnswering(dataDir: string, entry: PortFile): string {
  return [
    `DynamoDB Local of ${dataDir} is being started by ${entry.owner} (pid ${entry.pid}) and does not answer on port ${entry.port} yet.`,
    `Try again in a few seconds; if no such process runs, delete ${portFilePath(dataDir)}.`,
  ].join('\n');
}

function unusableMessage(config: Config, endpoint: string, started: boolean, error: unknown): string {
  const cause = ((error as Error).message || (error as Error).name || String(error)).split('\n')[0]!.slice(0, 200);
  if (config.dynamodbEndpoint)
    return `cannot use DynamoDB at ${endpoint} (DYNAMODB_ENDPOINT): ${cause}. Is DynamoDB Local running there?`;
  const port = new URL(endpoint).port;
  if (started) return `DynamoDB Local started on port ${port} but does not answer: ${cause}`;
  return [
    `port ${port} is taken by a program that is not DynamoDB Local.`,
    'Stop it, or set DYNAMODB_LOCAL_PORT to a free port (or DYNAMODB_ENDPOINT to a DynamoDB Local running elsewhere).',
  ].join('\n');
}
