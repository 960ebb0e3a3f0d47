import { isMap, isScalar, LineCounter, parseDocument, type Pair } from 'yaml';
import { BankFormatError } from '../errors';
import type { ImportWarning } from './types';

export const FRONT_MATTER_KEYS = ['id', 'title', 'locale', 'level', 'description'] as const;
export type FrontMatterKey = (typeof FRONT_MATTER_KEYS)[number];

export interface FrontMatterField {
  value: string;
  /** 1-based line of the key in the file. */
  line: number;
}

export interface FrontMatter {
  fields: Partial<Record<FrontMatterKey, FrontMatterField>>;
  /**
   * The document with the front matter lines blanked out (not removed), so that line numbers
   * found in the Markdown are already file line numbers.
   */
  body: string;
  warnings: ImportWarning[];
}

export const BANK_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
const LOCALE_PATTERN = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const FENCE = /^---[ \t]*$/;
const CLOSING_FENCE = /^(---|\.\.\.)[ \t]*$/;

/** Splits optional YAML front matter (`---` … `---` on the very first line) off a bank file. */
export function readFrontMatter(source: string, fileName: string): FrontMatter {
  const lines = source.split('\n');
  if (!FENCE.test(lines[0] ?? '')) return { fields: {}, body: source, warnings: [] };
  const closing = lines.findIndex((line, index) => index > 0 && CLOSING_FENCE.test(line));
  if (closing < 0) {
    throw new BankFormatError('front matter opened by "---" is never closed by another "---"', 1, fileName);
  }
  const yamlText = lines.slice(1, closing).join('\n');
  const body = '\n'.repeat(closing + 1) + lines.slice(closing + 1).join('\n');
  return { ...readYamlFields(yamlText, fileName), body };
}

/** YAML line 1 is file line 2: the opening `---` sits above it. */
const FIRST_YAML_LINE = 2;

function readYamlFields(yamlText: string, fileName: string): Omit<FrontMatter, 'body'> {
  const lineCounter = new LineCounter();
  const document = parseDocument(yamlText, { lineCounter, uniqueKeys: true });
  const [error] = document.errors;
  if (error) {
    const line = (error.linePos?.[0].line ?? 1) + FIRST_YAML_LINE - 1;
    throw new BankFormatError(`front matter is not valid YAML: ${yamlReason(error.message)}`, line, fileName);
  }
  const result: Omit<FrontMatter, 'body'> = { fields: {}, warnings: [] };
  if (document.contents === null) return result;
  if (!isMap(document.contents)) {
    throw new BankFormatError('front matter must be a list of "key: value" lines', FIRST_YAML_LINE, fileName);
  }
  for (const pair of document.contents.items) {
    const line = lineCounter.linePos(pair.key && isScalar(pair.key) ? (pair.key.range?.[0] ?? 0) : 0).line;
    readField(pair, line + FIRST_YAML_LINE - 1, result, fileName);
  }
  return result;
}

function readField(pair: Pair, line: number, into: Omit<FrontMatter, 'body'>, fileName: string): void {
  const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
  if (!(FRONT_MATTER_KEYS as readonly string[]).includes(key)) {
    into.warnings.push({ line, message: `unknown front matter key "${key}" is ignored` });
    return;
  }
  if (pair.value === null || (isScalar(pair.value) && pair.value.value === null)) return;
  if (!isScalar(pair.value) || typeof pair.value.value === 'object') {
    throw new BankFormatError(`front matter "${key}" must be plain text`, line, fileName);
  }
  const value = String(pair.value.value).trim();
  if (value === '') return;
  checkFieldValue(key as FrontMatterKey, value, line, fileName);
  into.fields[key as FrontMatterKey] = { value, line };
}

function checkFieldValue(key: FrontMatterKey, value: string, line: number, fileName: string): void {
  if (key === 'id' && !BANK_ID_PATTERN.test(value)) {
    throw new BankFormatError(
      `front matter id "${value}" must be lower-case letters, digits and "-" (at most 64, starting with a letter or digit)`,
      line,
      fileName,
    );
  }
  if (key === 'locale' && !LOCALE_PATTERN.test(value)) {
    throw new BankFormatError(
      `front matter locale "${value}" is not a language tag such as "ru" or "en-GB"`,
      line,
      fileName,
    );
  }
}

/** yaml's messages end with its own position and a code excerpt, both relative to the YAML. */
function yamlReason(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}
