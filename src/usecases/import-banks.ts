/**
 * Imports bank files: reads and validates every file first (any error stops the run before a
 * single write), then plans and applies each bank's changes.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { decodeBankFile, parseBank, QUESTION_KINDS } from '../domain/bank';
import type { ImportWarning, ParsedBank, QuestionKind, StyleName } from '../domain/bank/types';
import { BankFormatError } from '../domain/errors';
import { planImport, type ImportPlan } from '../domain/import-plan';
import { sourceUrlOfFile } from '../domain/provenance';
import { applyImportPlan, readExistingBank } from '../store';
import type { Dynamo } from '../store';

export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export interface BankSummary {
  file: string;
  id: string;
  title: string;
  sections: number;
  questions: number;
  notes: number;
  added: number;
  updated: number;
  unchanged: number;
  retired: number;
  warnings: ImportWarning[];
  /** Fields added after the first release come last, so positional consumers keep working. */
  style: StyleName;
  /** Questions of each kind, all four keys present. */
  kinds: Record<QuestionKind, number>;
}

export interface ReadOptions {
  /** Read every file in this style instead of detecting each file's own. */
  style?: StyleName;
  /** Where the files are published: a file URL, or a folder URL ending in "/" (see provenance.ts). */
  sourceUrl?: string;
}

export interface ImportOptions extends ReadOptions {
  dryRun?: boolean;
  now?: () => string;
  /** Items written so far and in all, across the files, for progress display. */
  onProgress?: (done: number, total: number) => void;
}

export async function readBankFiles(
  files: readonly string[],
  options: ReadOptions = {},
): Promise<{ file: string; bank: ParsedBank }[]> {
  const banks: { file: string; bank: ParsedBank }[] = [];
  for (const file of files) {
    const name = path.basename(file);
    try {
      // Check the size before reading, so a huge file is refused without loading it.
      if ((await stat(file)).size > MAX_FILE_BYTES) throw new BankFormatError('file is larger than 5 MB', 0);
      const fileUrl = options.sourceUrl === undefined ? null : sourceUrlOfFile(options.sourceUrl, file);
      const source = decodeBankFile(await readFile(file), name);
      banks.push({ file, bank: parseBank(source, name, { style: options.style, fileUrl }) });
    } catch (error) {
      if (error instanceof BankFormatError) throw new BankFormatError(error.message, error.line, file);
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new BankFormatError('no such file', 0, file);
      throw error;
    }
    const earlier = banks.find((other) => other.bank.id === banks.at(-1)!.bank.id && other.file !== file);
    if (earlier) throw new BankFormatError(`bank id "${earlier.bank.id}" is also the id of ${earlier.file}`, 0, file);
  }
  return banks;
}

export async function importBankFiles(
  dynamo: Dynamo,
  files: readonly string[],
  options: ImportOptions = {},
): Promise<BankSummary[]> {
  const now = options.now ?? (() => new Date().toISOString());
  const banks = await readBankFiles(files, options);
  const plans: ImportPlan[] = [];
  for (const { file, bank } of banks) {
    const sourceUrlBase = options.sourceUrl === undefined ? null : sourceUrlOfFile(options.sourceUrl, file);
    plans.push(planImport(bank, await readExistingBank(dynamo, bank.id), now(), { sourceUrlBase }));
  }

  if (!options.dryRun) {
    const totals = plans.map(() => 0);
    const done = plans.map(() => 0);
    for (const [i, plan] of plans.entries()) {
      await applyImportPlan(dynamo, plan, {
        onProgress: (bankDone, bankTotal) => {
          done[i] = bankDone;
          totals[i] = bankTotal;
          options.onProgress?.(sum(done), sum(totals));
        },
      });
    }
  }
  return banks.map(({ file, bank }, i) => summarise(file, bank, plans[i]));
}

function summarise(file: string, bank: ParsedBank, plan: ImportPlan): BankSummary {
  return {
    file,
    id: bank.id,
    title: bank.title,
    sections: bank.sections.length,
    questions: plan.bank.questionCount,
    notes: bank.sections.reduce((n, section) => n + section.notes.length, 0),
    ...plan.summary,
    warnings: bank.warnings,
    style: bank.style,
    kinds: kindCounts(bank),
  };
}

function kindCounts(bank: ParsedBank): Record<QuestionKind, number> {
  const kinds = Object.fromEntries(QUESTION_KINDS.map((kind) => [kind, 0])) as Record<QuestionKind, number>;
  for (const question of bank.sections.flatMap((section) => section.questions)) kinds[question.kind]++;
  return kinds;
}

const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);
