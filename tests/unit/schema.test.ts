import { buildASTSchema, parse, validateSchema } from 'graphql';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

import { schemaDocument, typeDefs } from '../../src/graphql/generated/typedefs';
import { executableSchema } from '../../src/graphql/server';

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

  // A cold start builds the schema from the parsed document without validating it (server.ts):
  // the checks it skips run here, where the schema changes.
  it('is a valid schema, parsed exactly as the SDL reads', () => {
    expect(schemaDocument).toEqual(JSON.parse(JSON.stringify(parse(typeDefs, { noLocation: true }))));
    expect(() => buildASTSchema(parse(typeDefs))).not.toThrow(); // full SDL validation
    expect(validateSchema(executableSchema())).toEqual([]);
    expect(validateSchema(buildASTSchema(parse(typeDefs)))).toEqual([]);
  });
});
