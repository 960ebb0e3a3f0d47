/**
 * Exact decimal differences of JavaScript numbers, for DynamoDB's ADD: DynamoDB adds decimals
 * exactly, so an attempt that adds `after − before` computed exactly (each double taken at its
 * shortest decimal form) leaves sums that telescope exactly: a state's terms added and later
 * taken out leave nothing behind, as a double subtraction's rounding would.
 */
import { NumberValue } from '@aws-sdk/lib-dynamodb';

/** DynamoDB keeps 38 significant digits. */
const MAX_DIGITS = 38;

interface Decimal {
  /** The value is mantissa · 10^exponent. */
  mantissa: bigint;
  exponent: number;
}

function decimalOf(x: number | string): Decimal {
  const [coefficient, power] = x.toString().toLowerCase().split('e');
  const negative = coefficient.startsWith('-');
  const [whole, fraction = ''] = (negative ? coefficient.slice(1) : coefficient).split('.');
  const mantissa = BigInt(whole + fraction) * (negative ? -1n : 1n);
  return { mantissa, exponent: Number(power ?? 0) - fraction.length };
}

function render({ mantissa, exponent }: Decimal): string {
  if (mantissa === 0n) return '0';
  const sign = mantissa < 0n ? '-' : '';
  const digits = (mantissa < 0n ? -mantissa : mantissa).toString();
  if (exponent >= 0) return sign + digits + '0'.repeat(exponent);
  const padded = digits.padStart(-exponent + 1, '0');
  const point = padded.length + exponent;
  const fraction = padded.slice(point).replace(/0+$/, '');
  return sign + padded.slice(0, point) + (fraction ? `.${fraction}` : '');
}

/** after − before, exactly, as a DynamoDB number (the double difference if it needs more than 38 digits). */
export function exactDifference(after: number, before: number): NumberValue | number {
  if (before === 0) return after;
  const a = decimalOf(after);
  const b = decimalOf(before);
  const exponent = Math.min(a.exponent, b.exponent);
  const mantissa =
    a.mantissa * 10n ** BigInt(a.exponent - exponent) - b.mantissa * 10n ** BigInt(b.exponent - exponent);
  const digits = (mantissa < 0n ? -mantissa : mantissa).toString().replace(/0+$/, '').length;
  if (digits > MAX_DIGITS) return after - before;
  return NumberValue.from(render({ mantissa, exponent }));
}

/** The fields of `after − before` (a field missing from one is 0 there), each exact. */
export function exactDelta(
  after: Record<string, number>,
  before: Record<string, number> | null,
): Record<string, NumberValue | number> {
  const fields = new Set([...Object.keys(after), ...Object.keys(before ?? {})]);
  return Object.fromEntries(
    [...fields].map((field) => [field, exactDifference(after[field] ?? 0, before?.[field] ?? 0)]),
  );
}

/** a + b, exactly (each a number, or a DynamoDB number as sent): what DynamoDB's ADD stores. */
export function exactSum(a: number | NumberValue | undefined, b: number | NumberValue): NumberValue {
  const x = decimalOf(String(a ?? 0));
  const y = decimalOf(String(b));
  const exponent = Math.min(x.exponent, y.exponent);
  const mantissa =
    x.mantissa * 10n ** BigInt(x.exponent - exponent) + y.mantissa * 10n ** BigInt(y.exponent - exponent);
  return NumberValue.from(render({ mantissa, exponent }));
}
