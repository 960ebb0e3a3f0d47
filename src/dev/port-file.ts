/**
 * One DynamoDB Local per data directory. Whoever starts it (npm start, or the admin or seed CLI
 * when nothing runs) writes `<data dir>/dynamodb-local.json` (its port, its own pid, Java's pid)
 * before Java starts, created exclusively so two starts cannot race, and removes it when it stops
 * it (or exits). Everyone else reads it: a live port is used; a file whose owner is gone and
 * whose port does not answer is stale and replaced.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';

export interface PortFile {
  port: number;
  /** The process that started DynamoDB Local and will stop it. */
  pid: number;
  /** Which tool that is: "npm start", "admin", "seed". */
  owner: string;
  /** When the claim was made (ms): a file from before the machine booted is stale whatever its pid. */
  startedAt?: number;
  /** DynamoDB Local's own (Java) pid, once it runs. */
  javaPid?: number;
}

export const portFilePath = (dataDir: string): string => path.join(dataDir, 'dynamodb-local.json');

export function readPortFile(dataDir: string): PortFile | null {
  let text: string;
  try {
    text = readFileSync(portFilePath(dataDir), 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = JSON.parse(text) as Partial<PortFile>;
    if (Number.isInteger(parsed.port) && Number.isInteger(parsed.pid))
      return { ...parsed, port: parsed.port!, pid: parsed.pid!, owner: String(parsed.owner ?? '?') };
  } catch {
    // A file cut short (its writer killed mid-write) is as stale as one whose port is closed.
  }
  return { port: 0, pid: 0, owner: '?' };
}

/** Creates the file only when there is none: false when another process got there first. */
export function claimPortFile(dataDir: string, entry: PortFile): boolean {
  try {
    writeFileSync(portFilePath(dataDir), `${JSON.stringify(entry)}\n`, { flag: 'wx', mode: 0o600 });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

export function updatePortFile(dataDir: string, entry: PortFile): void {
  writeFileSync(portFilePath(dataDir), `${JSON.stringify(entry)}\n`, { mode: 0o600 });
}

/** Removes the file if it is still this process's (a stale-file takeover may have replaced it). */
export function releasePortFile(dataDir: string, pid = process.pid): void {
  if (readPortFile(dataDir)?.pid === pid) rmSync(portFilePath(dataDir), { force: true });
}

/** Removes a stale file, unless another process has replaced it since it was read (its fresh claim stays). */
export function removeStalePortFile(dataDir: string, stale: PortFile): void {
  if (isDeepStrictEqual(readPortFile(dataDir), stale)) rmSync(portFilePath(dataDir), { force: true });
}

export function isProcessAlive(pid: number): boolean {
  if (!(pid > 0)) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
