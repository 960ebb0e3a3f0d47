import { readFileSync, unlinkSync } from 'node:fs';
import os from 'node:os';
import { LocalSetupError, readCliConfig, reportFailure } from '../../src/dev/cli-errors';

describe('reportFailure', () => {
  let written: string[];
  beforeEach(() => {
    written = [];
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
  });
  afterEach(() => jest.restoreAllMocks());

  it('prints a setup problem as it is, with its exit code', () => {
    expect(reportFailure('seed', new LocalSetupError('port 8000 is taken'))).toBe(1);
    expect(reportFailure('seed', new LocalSetupError('PORT must be a number', 2))).toBe(2);
    expect(written).toEqual(['seed: port 8000 is taken\n', 'seed: PORT must be a number\n']);
  });

  it('prints an expected error as one line', () => {
    expect(reportFailure('admin', new Error('no tenant "x"'), () => true)).toBe(1);
    expect(written).toEqual(['admin: no tenant "x"\n']);
  });

  it('prints an unexpected error in one line and a log path, and writes the stack to that log', () => {
    const error = new TypeError('cannot read properties of undefined\nsecond line');
    expect(reportFailure('npm start', error)).toBe(1);
    const [line, where] = written.join('').split('\n');
    expect(line).toBe('npm start: unexpected error: cannot read properties of undefined');
    const file = where!.replace('  full log: ', '');
    expect(file.startsWith(`${os.tmpdir()}/qbank-npm-start-`)).toBe(true);
    expect(written.join('')).toBe(`${line}\n  full log: ${file}\n`);
    const log = readFileSync(file, 'utf8');
    expect(log.split('\n')[0]).toMatch(/^npm start failed at \d{4}-\d\d-\d\dT/);
    expect(log).toContain(error.stack!.split('\n')[1]!);
    unlinkSync(file);
  });
});

describe('readCliConfig', () => {
  it('turns a bad setting into a usage error (exit 2)', () => {
    expect(() => readCliConfig({ PORT: 'abc' })).toThrow(
      new LocalSetupError('PORT must be an integer from 0 to 65535, got "abc"', 2),
    );
    let code: number | undefined;
    try {
      readCliConfig({ PORT: 'abc' });
    } catch (error) {
      code = (error as LocalSetupError).exitCode;
    }
    expect(code).toBe(2);
  });
});
