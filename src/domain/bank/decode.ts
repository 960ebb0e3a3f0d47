import { BankFormatError } from '../errors';

/** Bank files are small documents; anything bigger is a mistake or an abuse of the importer. */
export const MAX_BANK_FILE_BYTES = 5 * 1024 * 1024;

/**
 * Turns the bytes of a bank file into the text the parser reads: checked size, strict UTF-8
 * (a silently replaced byte would change a question's text and so its derived identity),
 * no byte order mark, `\n` line ends.
 */
export function decodeBankFile(bytes: Uint8Array, fileName: string): string {
  if (bytes.length > MAX_BANK_FILE_BYTES) {
    throw new BankFormatError('file is larger than 5 MB', 0, fileName);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const line = lineOfOffset(bytes, firstInvalidUtf8Offset(bytes));
    throw new BankFormatError('file is not valid UTF-8 (first bad byte on this line)', line, fileName);
  }
  return normaliseNewlines(text);
}

/** Strips a leading byte order mark and turns CRLF (and lone CR) line ends into LF. */
export function normaliseNewlines(text: string): string {
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return withoutBom.replace(/\r\n?/g, '\n');
}

function lineOfOffset(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/**
 * TextDecoder only says "invalid"; this finds where, following the well-formed byte
 * sequences of the Unicode standard (table 3-7), so overlongs and surrogates count as bad.
 */
function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const length = wellFormedSequenceLength(bytes, i);
    if (length === 0) return i;
    i += length;
  }
  return bytes.length;
}

/** Length of the well-formed UTF-8 sequence starting at `i`, or 0 when there is none. */
function wellFormedSequenceLength(bytes: Uint8Array, i: number): number {
  const lead = bytes[i]!;
  if (lead < 0x80) return 1;
  const rule = SECOND_BYTE_RANGES.find(([low, high]) => lead >= low && lead <= high);
  if (!rule) return 0;
  const [, , length, secondLow, secondHigh] = rule;
  const second = bytes[i + 1];
  if (second === undefined || second < secondLow || second > secondHigh) return 0;
  for (let k = 2; k < length; k++) {
    const next = bytes[i + k];
    if (next === undefined || next < 0x80 || next > 0xbf) return 0;
  }
  return length;
}

/** [lead low, lead high, sequence length, second byte low, second byte high] */
const SECOND_BYTE_RANGES: ReadonlyArray<readonly [number, number, number, number, number]> = [
  [0xc2, 0xdf, 2, 0x80, 0xbf],
  [0xe0, 0xe0, 3, 0xa0, 0xbf],
  [0xe1, 0xec, 3, 0x80, 0xbf],
  [0xed, 0xed, 3, 0x80, 0x9f],
  [0xee, 0xef, 3, 0x80, 0xbf],
  [0xf0, 0xf0, 4, 0x90, 0xbf],
  [0xf1, 0xf3, 4, 0x80, 0xbf],
  [0xf4, 0xf4, 4, 0x80, 0x8f],
];
