/** Bank files for tests: the shipped bank, the shared raw bank, and edited copies in a temp dir. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const SHIPPED_BANK = path.resolve(__dirname, '../../seed/banks/ml-junior.ru.md');
export const SHARED_RAW_BANK = path.resolve(__dirname, '../../../shared/bank/ml-junior.ru.md');
export const FIXTURES = path.resolve(__dirname, '../fixtures');

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
