import { graphql } from 'graphql';
import { parseInstant } from '../../src/graphql/scalars';
import { executableSchema } from '../../src/graphql/server';

describe('DateTime scalar', () => {
  const schema = executableSchema({ described: true });
  const dateTime = schema.getType('DateTime') as import('graphql').GraphQLScalarType;

  it('serialises stored ISO instants unchanged and Dates as ISO UTC', () => {
    expect(dateTime.serialize('2026-12-03T06:45:15.123Z')).toBe('2026-12-03T06:45:15.123Z');
    expect(dateTime.serialize(new Date(Date.UTC(2024, 2, 7, 9, 30)))).toBe('2024-03-07T09:30:00.000Z');
  });

  it('refuses to serialise anything that is not an ISO UTC instant', () => {
    for (const bad of [
      '',
      '2024-03-07',
      '2024-03-07T09:30:00+02:00',
      'yesterday',
      1_700_000_000_000,
      null,
      new Date(NaN),
    ]) {
      expect(() => dateTime.serialize(bad)).toThrow(
        'DateTime cannot represent a value that is not an ISO 8601 UTC instant',
      );
    }
  });

  it('takes zoned ISO 8601 date-times as input and normalises them to UTC', () => {
    expect(parseInstant('2024-03-07T09:30:00Z')).toBe('2024-03-07T09:30:00.000Z');
    expect(parseInstant('2024-03-07T09:30+02:00')).toBe('2024-03-07T07:30:00.000Z');
    expect(parseInstant('2024-02-29T23:59:59.5-01:00')).toBe('2024-03-01T00:59:59.500Z');
    expect(dateTime.parseValue('2024-03-07T09:30:00Z')).toBe('2024-03-07T09:30:00.000Z');
  });

  it('refuses input without a zone, of an impossible day, or not a string, with BAD_USER_INPUT', () => {
    for (const bad of [
      '2024-03-07',
      '2024-03-07T09:30:00',
      '2023-02-29T00:00:00Z',
      '2024-13-01T00:00:00Z',
      '2024-03-07T24:00:00Z',
      ' 2024-03-07T09:30:00Z',
    ]) {
      expect(parseInstant(bad)).toBeNull();
    }
    expect.assertions(6 + 2 * 3);
    for (const bad of ['2024-03-07', 17, null]) {
      try {
        dateTime.parseValue(bad);
      } catch (error) {
        expect((error as { extensions: { code: string } }).extensions.code).toBe('BAD_USER_INPUT');
        expect((error as Error).message).toBe(
          'DateTime expects an ISO 8601 date-time with a zone, e.g. "2026-03-07T09:30:00Z"',
        );
      }
    }
  });

  it('types every instant field of the schema as DateTime', async () => {
    const result = await graphql({
      schema,
      source: `{ __schema { types { name fields { name type { name ofType { name } } } } } }`,
    });
    const instants = (result.data!.__schema as { types: any[] }).types
      .flatMap((t) =>
        (t.fields ?? []).map((f: any) => ({ at: `${t.name}.${f.name}`, type: f.type.name ?? f.type.ofType?.name })),
      )
      .filter((f: { at: string; type: string }) => f.type === 'DateTime')
      .map((f: { at: string }) => f.at)
      .sort();
    expect(instants).toEqual(
      expect.arrayContaining([
        'Attempt.createdAt',
        'Bank.updatedAt',
        'QuestionState.due',
        'QuestionState.lastAttemptAt',
        'Quiz.createdAt',
        'Quiz.expiresAt',
        'User.lastAttemptAt',
      ]),
    );
  });
});
