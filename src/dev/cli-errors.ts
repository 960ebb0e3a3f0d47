/**
 * How `npm start`, the seed CLI and the admin CLI fail: a short message with the cause on
 * stderr and exit code 1 (2 for a usage error), never a stack trace. An error nobody expected
 * gets one line, and its stack goes to a log file whose path is printed, so a bug report can
 * still carry everything.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inspect } from 'node:util';
import { readConfig, type Config } from '../config';

/** A problem of this machine or of how the tool was called; the message says how to fix it. */
export class LocalSetupError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
    this.name = 'LocalSetupError';
  }
}

/**
 * Prints the failure for `tool` and returns its exit code. `isExpected` names the error types
 * whose message is already meant for people (a bad bank file, an unknown tenant).
 */
export function reportFailure(
  tool: string,
  error: unknown,
  isExpected: (error: unknown) => boolean = () => false,
): number {
  if (error instanceof LocalSetupError) {
    process.stderr.write(`${tool}: ${error.message}\n`);
    return error.exitCode;
  }
  if (isExpected(error)) {
    process.stderr.write(`${tool}: ${(error as Error).message}\n`);
    return 1;
  }
  const message = error instanceof Error ? error.message : String(error);
  const logFile = writeCrashLog(tool, error);
  const firstLine = message.split('\n')[0] || (error as Error)?.name || 'unknown error';
  process.stderr.write(
    `${tool}: unexpected error: ${firstLine}\n${logFile ? `  full log: ${logFile}` : '  (the full log could not be written)'}\n`,
  );
  return 1;
}

/** Writes the error with its stack and cause chain under the OS temp dir; null if that fails. */
export function writeCrashLog(tool: string, error: unknown): string | null {
  const file = path.join(
    os.tmpdir(),
    `qbank-${tool.replace(/\W+/g, '-')}-${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}.log`,
  );
  try {
    // No argv or environment: either may carry a key.
    const body = [
      `${tool} failed at ${new Date().toISOString()}`,
      `node ${process.version} on ${process.platform}`,
      '',
      inspect(error, { depth: 5 }),
    ];
    writeFileSync(file, `${body.join('\n')}\n`, { mode: 0o600 });
    return file;
  } catch {
    return null;
  }
}

/**
 * Last line of defence: an error thrown outside the CLI's own try (an unhandled 'error' event,
 * a rejected promise nobody awaited) is reported the same way instead of as a Node stack trace.
 */
export function installCrashHandlers(tool: string, isExpected?: (error: unknown) => boolean): void {
  const crash = (error: unknown): void => {
    process.exitCode = reportFailure(tool, error, isExpected);
    process.exit();
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
}

/** The environment's settings; a bad value (PORT=abc) is a usage error, not a crash. */
export function readCliConfig(env?: NodeJS.ProcessEnv): Config {
  try {
    // readConfig reads process.env itself when no environment is given (config.ts is the only reader).
    return readConfig(env);
  } catch (error) {
    throw new LocalSetupError((error as Error).message, 2);
  }
}
