import { buildASTSchema, parse, printSchema, validateSchema, visit } from 'graphql';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

import { schemaDocument } from '../../src/graphql/generated/schema-document';
import { schemaTable, typeDefs } from '../../src/graphql/generated/typedefs';
import { schemaFromTable } from '../../src/graphql/schema-table';
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
    expect(validateSchema(executableSchema({ described: true }))).toEqual([]);
    expect(validateSchema(executableSchema({ described: false }))).toEqual([]);
    expect(validateSchema(buildASTSchema(parse(typeDefs)))).toEqual([]);
  });

  it('is the same schema, built from its table, when no introspection will read the descriptions', () => {
    const stripped = visit(parse(typeDefs, { noLocation: true }), {
      enter: (node) => ('description' in node && node.description ? { ...node, description: undefined } : undefined),
    });
    const fromDocument = buildASTSchema(stripped);
    const fromTable = schemaFromTable(schemaTable);
    expect(Object.keys(fromTable.getTypeMap())).toEqual(Object.keys(fromDocument.getTypeMap()));
    expect(printSchema(fromTable)).toBe(printSchema(fromDocument));
    expect(validateSchema(fromTable)).toEqual([]);
    const described = printSchema(executableSchema({ described: true }));
    const bare = printSchema(executableSchema({ described: false }));
    expect(described).toBe(printSchema(buildASTSchema(parse(typeDefs))));
    expect(bare).toBe(printSchema(fromDocument));
    expect(bare).not.toMatch(/^\s*"/m); // no description line
    expect(bare).toContain('difficulty: Float! @deprecated(reason: "Renamed to `memoryDifficulty`');
    expect(bare).toContain('shuffleOptions: Boolean = true');
    expect(bare).toContain('strategy: SamplingStrategy = UNIFORM');
    expect(described.length - bare.length).toBeGreaterThan(20_000);
  });
});
