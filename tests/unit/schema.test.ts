import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const ROOT = path.resolve(__dirname, '../..');

describe('generated GraphQL code', () => {
  // graphql-codegen is ESM inside; its own --check mode compares without writing.
  it('matches schema/*.graphql (run `npm run codegen` after editing the schema)', async () => {
    const run = promisify(execFile)(
      path.join(ROOT, 'node_modules/.bin/graphql-codegen'),
      ['--config', 'codegen.ts', '--check'],
      { cwd: ROOT },
    );
    await expect(run).resolves.toBeDefined();
  });
});
