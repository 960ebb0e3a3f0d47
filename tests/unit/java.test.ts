import { checkJava, javaMajorVersion } from '../../src/dev/java';
import { LocalSetupError } from '../../src/dev/cli-errors';

describe('javaMajorVersion', () => {
  it.each([
    ['openjdk version "17.0.15" 2025-04-15\nOpenJDK Runtime Environment (build 17.0.15+6-Debian-1deb12u1)', 17],
    ['openjdk version "21" 2023-09-19', 21],
    ['openjdk version "11.0.2-ea" 2019-01-15', 11],
    ['java version "1.8.0_381"\nJava(TM) SE Runtime Environment (build 1.8.0_381-b09)', 8],
    ['java version "1.7.0_80"', 7],
    ['openjdk version "25-ea" 2025-09-16', 25],
    ['Picked up _JAVA_OPTIONS: -Xmx1g\nopenjdk version "17.0.2" 2022-01-18', 17],
    ['something else entirely', null],
  ])('reads %p as %p', (output, major) => {
    expect(javaMajorVersion(output)).toBe(major);
  });
});

describe('checkJava', () => {
  const messageOf = (probe: Parameters<typeof checkJava>[0]): string | null => {
    try {
      checkJava(probe);
      return null;
    } catch (error) {
      expect(error).toBeInstanceOf(LocalSetupError);
      return (error as Error).message.split('\n')[0]!;
    }
  };

  it('accepts Java 17 and newer, and an output it cannot read', () => {
    expect(messageOf(() => ({ output: 'openjdk version "17.0.15" 2025-04-15' }))).toBeNull();
    expect(messageOf(() => ({ output: 'openjdk version "21.0.1" 2023-10-17' }))).toBeNull();
    expect(messageOf(() => ({ output: 'unreadable' }))).toBeNull();
  });

  it('names what is missing or too old', () => {
    expect(messageOf(() => ({ errorCode: 'ENOENT', output: '' }))).toBe(
      'DynamoDB Local needs Java 17 or newer, and there is no `java` on the PATH. Install it:',
    );
    expect(messageOf(() => ({ output: 'openjdk version "11.0.22" 2024-01-16' }))).toBe(
      'DynamoDB Local needs Java 17 or newer; the `java` on the PATH is 11.0.22 (Java 11). Install a newer one:',
    );
    expect(messageOf(() => ({ errorCode: 'EACCES', output: '' }))).toBe(
      'cannot run `java -version` (EACCES); DynamoDB Local needs Java 17 or newer.',
    );
  });
});
