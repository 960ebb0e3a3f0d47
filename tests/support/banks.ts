/** Bank files for tests: the shipped bank, the shared raw bank, and edited copies in a temp dir. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const SHIPPED_BANK = path.resolve(__dirname, '../../seed/banks/ml-junior.ru.md');
export const SHARED_RAW_BANK = path.resolve(__dirname, '../../../shared/bank/ml-junior.ru.md');
export const FIXTURES = path.resolve(__dirname, '../fixtures');

/** Banks in other Markdown styles, beside the repo (read-only: their licence keeps them out of it). */
export const SHARED_STYLES = path.resolve(__dirname, '../../../shared/bank/styles');
export const SHARED_BOLD_BANK = path.join(SHARED_STYLES, 'bold-lines.theory.en.md');
export const SHARED_HEADING_BANK = path.join(SHARED_STYLES, 'heading-questions.en.md');
export const SHARED_DETAILS_BANK = path.join(SHARED_STYLES, 'details-blocks.ru.md');

/** The project's own small bank per style, with the edge cases of each. */
export const STYLE_FIXTURES = path.join(FIXTURES, 'styles');
export const styleFixture = (name: 'bold.en.md' | 'heading.en.md' | 'details.en.md' | 'list-markers.en.md'): string =>
  path.join(STYLE_FIXTURES, name);

/** Our banks in the shapes public banks add: long answers under question headings, sub-questions under a stem. */
export const SHAPE_FIXTURES = path.join(FIXTURES, 'shapes');
export const LONG_ANSWERS_BANK = path.join(SHAPE_FIXTURES, 'long-answers.en.md');
export const STEMS_BANK = path.join(SHAPE_FIXTURES, 'stems.en.md');

/** Every bank the importer is proven on: the first bank raw and annotated, the style samples, our fixtures. */
export const ALL_SAMPLE_BANKS = [
  SHARED_RAW_BANK,
  SHIPPED_BANK,
  SHARED_BOLD_BANK,
  SHARED_HEADING_BANK,
  SHARED_DETAILS_BANK,
  styleFixture('bold.en.md'),
  styleFixture('heading.en.md'),
  styleFixture('details.en.md'),
  styleFixture('list-markers.en.md'),
  path.join(FIXTURES, 'api/tagged.md'),
  LONG_ANSWERS_BANK,
  STEMS_BANK,
];

const tempDir = mkdtempSync(path.join(os.tmpdir(), 'qbank-test-'));

/** Writes `content` to a fresh file named `name` (the name decides the bank id) and returns its path. */
export function bankFile(name: string, content: string): string {
  const dir = mkdtempSync(path.join(tempDir, 'bank-'));
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

/** The shipped bank with `edit` applied to its text, written under the same file name. */
export function editedShippedBank(edit: (source: string) => string): string {
  const source = readFileSync(SHIPPED_BANK, 'utf8');
  const edited = edit(source);
  if (edited === source) throw new Error('editedShippedBank: the edit changed nothing');
  return bankFile('ml-junior.ru.md', edited);
}
