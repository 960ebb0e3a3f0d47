import type { ImportWarning } from './types';

export interface NumberedItem {
  /** The printed label ("22"); null for bullets, which take no part in numbering. */
  number: string | null;
  line: number;
}

/**
 * Printed numbers are labels, never identities, so odd numbering is only worth a warning to
 * the author. Over all numbered items of the bank, in document order (notes included, since
 * they carry printed numbers too):
 *  - a number not above the previous one: "numbering restarts at 22 after 25";
 *  - a number seen before: "number 22 is used again (first at line 50)";
 *  - a number beyond the highest so far plus one: "numbering skips from 36 to 38".
 * Resuming after a restart (…, 51, 1, 2, 52) is not a skip: 52 follows the highest, 51.
 */
export function numberingWarnings(items: readonly NumberedItem[]): ImportWarning[] {
  const warnings: ImportWarning[] = [];
  const firstLineOf = new Map<number, number>();
  let previous: number | null = null;
  let highest = 0;
  for (const { number, line } of items) {
    if (number === null) continue;
    const value = Number(number);
    if (previous !== null && value <= previous) {
      warnings.push({ line, message: `numbering restarts at ${value} after ${previous}` });
    } else if (value > highest + 1 && previous !== null) {
      warnings.push({ line, message: `numbering skips from ${highest} to ${value}` });
    }
    const firstLine = firstLineOf.get(value);
    if (firstLine === undefined) firstLineOf.set(value, line);
    else warnings.push({ line, message: `number ${value} is used again (first at line ${firstLine})` });
    previous = value;
    highest = Math.max(highest, value);
  }
  return warnings;
}
