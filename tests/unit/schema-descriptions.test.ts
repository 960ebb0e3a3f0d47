import {
  buildASTSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
  parse,
  type GraphQLNamedType,
} from 'graphql';
import { typeDefs } from '../../src/graphql/generated/typedefs';

/** Every element of the built schema a frontend reads that has no description, as `Type`, `Type.field`, `Type.field(arg)` or `Enum.VALUE`. */
function undescribed(type: GraphQLNamedType): string[] {
  const missing: string[] = [];
  const described = (text: string | null | undefined) => (text ?? '').trim().length > 0;
  if (!described(type.description)) missing.push(type.name);
  if (isObjectType(type) || isInterfaceType(type)) {
    for (const field of Object.values(type.getFields())) {
      if (!described(field.description)) missing.push(`${type.name}.${field.name}`);
      for (const arg of field.args) {
        if (!described(arg.description)) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    }
  } else if (isInputObjectType(type)) {
    for (const field of Object.values(type.getFields())) {
      if (!described(field.description)) missing.push(`${type.name}.${field.name}`);
    }
  } else if (isEnumType(type)) {
    for (const value of type.getValues()) {
      if (!described(value.description)) missing.push(`${type.name}.${value.name}`);
    }
  }
  return missing;
}

describe('schema descriptions', () => {
  const schema = buildASTSchema(parse(typeDefs));
  const types = Object.values(schema.getTypeMap()).filter((t) => !isIntrospectionType(t) && !isSpecifiedScalarType(t));

  it('describe every type, field, argument and enum value (a frontend reads the schema alone)', () => {
    expect(types.flatMap(undescribed)).toEqual([]);
  });

  it('gives one meaning per name: the FSRS difficulty is memoryDifficulty, the old name deprecated', () => {
    const state = schema.getType('QuestionState') as import('graphql').GraphQLObjectType;
    const { memoryDifficulty, difficulty } = state.getFields();
    expect([String(memoryDifficulty.type), memoryDifficulty.deprecationReason]).toEqual(['Float!', undefined]);
    expect(difficulty.deprecationReason).toBe(
      'Renamed to `memoryDifficulty` (FSRS, 1–10), distinct from `Question.difficulty` (1–3). Removed in the next release.',
    );
  });

  it('checks what the schema holds: the root types and their operations are among the checked elements', () => {
    const names = types.map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(['Query', 'Mutation', 'Quiz', 'Attempt', 'QuestionState']));
    expect(Object.keys(schema.getQueryType()!.getFields())).toEqual(expect.arrayContaining(['banks', 'questionStats']));
  });
});
