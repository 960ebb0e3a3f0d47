/**
 * The schema from a table instead of a document: what a server that answers no introspection
 * builds (src/graphql/server.ts; production, by default). codegen writes the table
 * (src/graphql/generated/typedefs.ts, `schemaTable`) from the schema without descriptions, and
 * this builds the same GraphQLSchema that graphql's buildASTSchema builds from that schema's
 * document — the same types, fields, arguments, defaults and deprecations, in the same order
 * (tests/unit/schema.test.ts prints both and compares) — without interpreting the ~56 KB
 * document's AST: a cold start's construction was mostly buildASTSchema running for the first
 * time (docs/performance.md, "What the cold start does less"). Types carry no `astNode`.
 *
 * The table (JSON): `[query, mutation, types]`; each type `[kind, name, members]`:
 *   'S' scalar:       no members;
 *   'E' enum:         `[value, deprecationReason?][]` (each value's internal value is its name);
 *   'I' input object: `[name, type, default?][]`;
 *   'O' object:       `[name, type, args, deprecationReason?][]`, args `[name, type, default?][]`.
 * A type is its name with GraphQL's `[…]` and `!` (`[Question!]!`); a default is its value as
 * the schema holds it (an enum default by its name); 0 stands for "no arguments".
 */
import {
  GraphQLBoolean,
  GraphQLEnumType,
  GraphQLFloat,
  GraphQLID,
  GraphQLInputObjectType,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLScalarType,
  GraphQLSchema,
  GraphQLString,
  type GraphQLFieldConfigArgumentMap,
  type GraphQLInputFieldConfigMap,
  type GraphQLNamedType,
  type GraphQLType,
} from 'graphql';

type Input = [name: string, type: string, defaultValue?: unknown];
type Field = [name: string, type: string, args: Input[] | 0, deprecationReason?: string];
export type TableType =
  | ['S', string]
  | ['E', string, [value: string, deprecationReason?: string][]]
  | ['I', string, Input[]]
  | ['O', string, Field[]];
export type SchemaTable = [query: string, mutation: string | null, types: TableType[]];

const SPECIFIED: Record<string, GraphQLNamedType> = {
  ID: GraphQLID,
  String: GraphQLString,
  Int: GraphQLInt,
  Float: GraphQLFloat,
  Boolean: GraphQLBoolean,
};

export function schemaFromTable([query, mutation, types]: SchemaTable): GraphQLSchema {
  const named = new Map<string, GraphQLNamedType>(Object.entries(SPECIFIED));
  const typeOf = (ref: string): GraphQLType => {
    if (ref.endsWith('!')) return new GraphQLNonNull(typeOf(ref.slice(0, -1)) as never);
    if (ref.startsWith('[')) return new GraphQLList(typeOf(ref.slice(1, -1)));
    const type = named.get(ref);
    if (!type) throw new Error(`schema table: unknown type ${ref}`);
    return type;
  };
  const inputs = (list: Input[]): GraphQLFieldConfigArgumentMap & GraphQLInputFieldConfigMap =>
    Object.fromEntries(
      list.map(([name, type, defaultValue]) => [
        name,
        { type: typeOf(type) as never, ...(defaultValue === undefined ? {} : { defaultValue }) },
      ]),
    );
  for (const type of types) named.set(type[1], namedType(type, typeOf, inputs));
  return new GraphQLSchema({
    query: named.get(query) as GraphQLObjectType,
    mutation: mutation === null ? null : (named.get(mutation) as GraphQLObjectType),
    types: types.map(([, name]) => named.get(name)!),
    assumeValid: true,
  });
}

function namedType(
  type: TableType,
  typeOf: (ref: string) => GraphQLType,
  inputs: (list: Input[]) => GraphQLFieldConfigArgumentMap & GraphQLInputFieldConfigMap,
): GraphQLNamedType {
  switch (type[0]) {
    case 'S':
      return new GraphQLScalarType({ name: type[1] });
    case 'E':
      return new GraphQLEnumType({
        name: type[1],
        values: Object.fromEntries(type[2].map(([value, deprecationReason]) => [value, { value, deprecationReason }])),
      });
    case 'I':
      return new GraphQLInputObjectType({ name: type[1], fields: () => inputs(type[2]) });
    case 'O':
      return new GraphQLObjectType({
        name: type[1],
        fields: () =>
          Object.fromEntries(
            type[2].map(([name, ref, args, deprecationReason]) => [
              name,
              { type: typeOf(ref) as never, args: args === 0 ? {} : inputs(args), deprecationReason },
            ]),
          ),
      });
  }
}
