// graphql-codegen plugin: emits the merged SDL as a TypeScript string, so the Lambda bundle
// carries the schema without reading files at run time, and the same schema already parsed, so a
// cold start skips parsing 33 KB of SDL — JSON.parse of the AST is several times faster than
// graphql's parser running for the first time (docs/performance.md, "What the cold start does
// less"). Two parsed forms, each read with JSON.parse, without source locations:
//   part 'typedefs' (typedefs.ts): the SDL, and the document without descriptions, which is what
//     a server that answers no introspection builds from (production, by default);
//   part 'described' (schema-document.ts): the document with its descriptions (~43 KB of its
//     99 KB), required only by a server that answers introspection: in the Lambda bundle it is a
//     lazy chunk (esbuild-plugins.js), compiled only when introspection is on.
const { parse, printSchema, visit } = require('graphql');

const HEADER = ['/* eslint-disable */', '// Generated from schema/*.graphql by `npm run codegen`. Do not edit.'];

module.exports = {
  plugin(schema, _documents, config) {
    const sdl = printSchema(schema);
    const document = parse(sdl, { noLocation: true });
    if (config.part === 'described') {
      return [
        ...HEADER,
        "import type { DocumentNode } from 'graphql';",
        '',
        '/** `parse(typeDefs, { noLocation: true })`, precomputed. */',
        `export const schemaDocument: DocumentNode = JSON.parse(${JSON.stringify(JSON.stringify(document))});`,
        '',
      ].join('\n');
    }
    const withoutDescriptions = visit(document, {
      enter: (node) => ('description' in node && node.description ? { ...node, description: undefined } : undefined),
    });
    return [
      ...HEADER,
      "import type { DocumentNode } from 'graphql';",
      '',
      `export const typeDefs = ${JSON.stringify(sdl)};`,
      '',
      '/** `parse(typeDefs, { noLocation: true })` without descriptions, precomputed. */',
      `export const schemaDocumentWithoutDescriptions: DocumentNode = JSON.parse(${JSON.stringify(JSON.stringify(withoutDescriptions))});`,
      '',
    ].join('\n');
  },
};
