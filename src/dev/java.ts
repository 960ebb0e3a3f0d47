/**
 * DynamoDB Local is a Java program (2.x and later need Java 17). Checking `java -version` before
 * starting it turns "spawn java ENOENT" and a stack trace into a message that says what to
 * install, and where else a DynamoDB Local can come from.
 */
import { spawnSync } from 'node:child_process';
import { LocalSetupError } from './cli-errors';

export const MIN_JAVA = 17;

const INSTALL_LINES = [
  `  Debian/Ubuntu: sudo apt-get install openjdk-${MIN_JAVA}-jre-headless`,
  `  macOS:         brew install --cask temurin@${MIN_JAVA}`,
  `  Windows:       winget install Microsoft.OpenJDK.${MIN_JAVA}`,
  'Or point DYNAMODB_ENDPOINT at a DynamoDB Local running elsewhere, e.g. in a container:',
  '  docker run -d -p 8000:8000 amazon/dynamodb-local && DYNAMODB_ENDPOINT=http://localhost:8000 npm start',
];

/**
 * The major version in `java -version` output: "17.0.15" → 17, "21" → 21, and the pre-9
 * scheme "1.8.0_381" → 8. Null when the output names no version.
 */
export function javaMajorVersion(output: string): number | null {
  const version = /version "([^"]+)"/.exec(output)?.[1];
  if (!version) return null;
  const [first, second] = version.split(/[._+-]/).map(Number);
  const major = first === 1 ? second : first;
  return Number.isInteger(major) ? (major as number) : null;
}

export interface JavaProbe {
  /** The spawn error code (ENOENT when there is no java), or undefined when it ran. */
  errorCode?: string;
  output: string;
}

function probeJava(): JavaProbe {
  // `java -version` writes to stderr; 10 s covers a cold JVM on a slow machine.
  const result = spawnSync('java', ['-version'], { encoding: 'utf8', timeout: 10_000 });
  const errorCode = (result.error as NodeJS.ErrnoException | undefined)?.code;
  return { errorCode, output: `${result.stderr ?? ''}${result.stdout ?? ''}` };
}

/** Throws a LocalSetupError saying what to install when `java` is missing or older than 17. */
export function checkJava(probe: () => JavaProbe = probeJava): void {
  const { errorCode, output } = probe();
  if (errorCode === 'ENOENT') throw missingJava();
  if (errorCode)
    throw new LocalSetupError(
      `cannot run \`java -version\` (${errorCode}); DynamoDB Local needs Java ${MIN_JAVA} or newer.`,
    );
  const major = javaMajorVersion(output);
  // An output we cannot read (an unusual JVM) is given the benefit of the doubt.
  if (major === null || major >= MIN_JAVA) return;
  const version = /version "([^"]+)"/.exec(output)?.[1];
  throw new LocalSetupError(
    [
      `DynamoDB Local needs Java ${MIN_JAVA} or newer; the \`java\` on the PATH is ${version} (Java ${major}). Install a newer one:`,
      ...INSTALL_LINES,
    ].join('\n'),
  );
}

export function missingJava(): LocalSetupError {
  return new LocalSetupError(
    [
      `DynamoDB Local needs Java ${MIN_JAVA} or newer, and there is no \`java\` on the PATH. Install it:`,
      ...INSTALL_LINES,
    ].join('\n'),
  );
}
