/**
 * Where a question came from: its bank's source file, the line it starts on there, and, when
 * the import was told where the file is published (`--source-url`), a link to that line.
 */
import type { BankRecord } from './content';

export interface QuestionSource {
  file: string;
  line: number;
  url: string | null;
}

/**
 * The URL of one imported file. A base ending in "/" is a folder (a repository's `blob/<ref>/`
 * URL, good for several files at once): the file's base name is appended. Any other base is
 * the file's own URL.
 */
export function sourceUrlOfFile(base: string, file: string): string {
  return base.endsWith('/') ? base + encodeURIComponent(file.split(/[\\/]/).pop() ?? '') : base;
}

/** GitHub, GitLab and most code hosts link to a line with `#L<line>`. */
export function questionSource(bank: Pick<BankRecord, 'sourceFile' | 'sourceUrlBase'>, line: number): QuestionSource {
  return { file: bank.sourceFile ?? '', line, url: bank.sourceUrlBase ? `${bank.sourceUrlBase}#L${line}` : null };
}
