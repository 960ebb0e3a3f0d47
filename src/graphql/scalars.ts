/**
 * The `DateTime` scalar: an instant as an ISO 8601 UTC string (`2026-12-03T06:45:15.123Z`).
 * Stored instants already have that form (`Date#toISOString`), so serialising passes them
 * through unchanged; inputs take a zone (`Z` or `±hh:mm`) and come out normalised to UTC.
 * A dozen lines instead of graphql-scalars: the Lambda bundle stays small.
 */
import { GraphQLError, Kind, type GraphQLSchema, isScalarType } from 'graphql';

const UTC_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;
const ZONED_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/** An input instant in UTC ISO form, or null when `value` is not a zoned ISO 8601 date-time of a real calendar day. */
export function parseInstant(value: string): string | null {
  const match = ZONED_INSTANT.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

function serialize(value: unknown): string {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
  if (typeof value === 'string' && UTC_INSTANT.test(value) && !Number.isNaN(Date.parse(value))) return value;
  throw new GraphQLError('DateTime cannot represent a value that is not an ISO 8601 UTC instant');
}

function parseInput(value: unknown): string {
  const instant = typeof value === 'string' ? parseInstant(value) : null;
  if (instant === null) {
    throw new GraphQLError('DateTime expects an ISO 8601 date-time with a zone, e.g. "2026-03-07T09:30:00Z"', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return instant;
}

/** Gives the schema's `DateTime` scalar its behaviour (the schema is built from SDL, which only names it). */
export function installScalars(schema: GraphQLSchema): void {
  const dateTime = schema.getType('DateTime');
  if (!isScalarType(dateTime)) throw new Error('the schema has no DateTime scalar');
  dateTime.serialize = serialize;
  dateTime.parseValue = parseInput;
  dateTime.parseLiteral = (ast) => parseInput(ast.kind === Kind.STRING ? ast.value : undefined);
}
