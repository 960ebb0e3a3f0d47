// graphql-codegen plugin: emits the merged SDL as a TypeScript string, so the Lambda bundle
// carries the schema without reading files at run time, and the same schema already parsed, so a
// cold start skips parsing 33 KB of SDL — JSON.parse of the AST is several times faster than
// graphql's parser running for the first time (docs/performance.md, "What the cold start does
// less"). Two parsed forms, each read with JSON.parse, without source locations:
//   part 'typedefs' (typedefs.ts): the SDL, and the schema without descriptions as a table
//     (src/graphql/schema-table.ts), which is what a server that answers no introspection builds
//     from (production, by default);
//   part 'described' (schema-document.ts): the document with its descriptions (~43 KB of its
//     99 KB), required only by a server that answers introspection: in the Lambda bundle it is a
//     lazy chunk (esbuild-plugins.js), compiled only when introspection is on.
const {
  buildASTSchema,
  isEnumType,
  isInputObjectType,
  isObjectType,
  isScalarType,
  parse,
  printSchema,
  specifiedDirectives,
  visit,
} = require('graphql');

/** The table of src/graphql/schema-table.ts (its comment says the layout), types in document order. */
function schemaTable(document) {
  const schema = buildASTSchema(document);
  const inputs = (list) =>
    list.map((input) => [
      input.name,
      String(input.type),
      ...(input.defaultValue === undefined ? [] : [input.defaultValue]),
    ]);
  const types = document.definitions.map(({ name: { value: name } }) => {
    const type = schema.getType(name);
    if (isScalarType(type)) return ['S', name];
    if (isEnumType(type))
      return [
        'E',
        name,
        type.getValues().map((v) => [v.name, ...(v.deprecationReason == null ? [] : [v.deprecationReason])]),
      ];
    if (isInputObjectType(type)) return ['I', name, inputs(Object.values(type.getFields()))];
    if (isObjectType(type) && type.getInterfaces().length === 0)
      return [
        'O',
        name,
        Object.values(type.getFields()).map((field) => [
          field.name,
          String(field.type),
          field.args.length === 0 ? 0 : inputs(field.args),
          ...(field.deprecationReason == null ? [] : [field.deprecationReason]),
        ]),
      ];
    throw new Error(`typedefs-plugin: ${name} is of a kind src/graphql/schema-table.ts does not build yet`);
  });
  if (schema.getSubscriptionType() || schema.getDirectives().length !== specifiedDirectives.length)
    throw new Error('typedefs-plugin: subscriptions and directives of our own are not in the schema table yet');
  return [schema.getQueryType().name, schema.getMutationType()?.name ?? null, types];
}

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
      "import type { SchemaTable } from '../schema-table';",
      '',
      `export const typeDefs = ${JSON.stringify(sdl)};`,
      '',
      '/** The schema without descriptions, as the table src/graphql/schema-table.ts builds from. */',
      `export const schemaTable: SchemaTable = JSON.parse(${JSON.stringify(JSON.stringify(schemaTable(withoutDescriptions)))});`,
      '',
    ].join('\n');
  },
};
