/**
 * Instants given by clients (`since`), checked strictly before they become a key condition. JS's
 * Date.parse takes far more than ISO 8601 — "1" (year 2001), "March 7, 2024", 30 February (as
 * 1 March), expanded years ("+010000-…", "-000001-…") — and an expanded year's sign sorts below
 * every digit, so a bound built from it would silently match everything.
 */
import { badInput } from './errors';

/** `YYYY-MM-DD` (midnight UTC) or `YYYY-MM-DDThh:mm[:ss[.fff]]` with `Z` or `±hh:mm`. */
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-](\d{2}):(\d{2})))?$/;

const daysIn = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The instant as an ISO string (`toISOString`), or BAD_USER_INPUT saying what is accepted. */
export function parseInstant(text: string, name: string): string {
  const match = INSTANT.exec(text);
  const refuse = () =>
    badInput(
      `"${name}" must be an ISO 8601 date (2024-03-07) or date-time with a zone (2024-03-07T09:30:00Z), years 0000 to 9999`,
    );
  if (!match) throw refuse();
  const [year, month, day, hour, minute, second, offsetHours, offsetMinutes] = [1, 2, 3, 4, 5, 6, 9, 10].map((i) =>
    Number(match[i] ?? 0),
  );
  const valid =
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysIn(year, month) &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    offsetHours <= 23 &&
    offsetMinutes <= 59;
  const time = Date.parse(match[4] === undefined ? `${text}T00:00:00Z` : text);
  if (!valid || Number.isNaN(time)) throw refuse();
  const iso = new Date(time).toISOString();
  // An offset can carry a date across year 0000 or 9999, where the ISO form grows a sign.
  if (!/^\d{4}-/.test(iso)) throw refuse();
  return iso;
}
