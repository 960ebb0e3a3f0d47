import { BankFormatError } from '../../src/domain/errors';
import { parseBank } from '../../src/domain/bank';

/** A bank source from its lines, so tests can name line numbers: element i is line i + 1. */
export function bankSource(...lines: string[]): string {
  return lines.join('\n') + '\n';
}

/** Parses a source that must fail, and returns the BankFormatError it fails with. */
export function formatErrorOf(source: string, fileName = 'test.md'): BankFormatError {
  try {
    parseBank(source, fileName);
  } catch (error) {
    if (error instanceof BankFormatError) return error;
    throw error;
  }
  throw new Error('expected parseBank to throw a BankFormatError');
}

export function onlyQuestion(source: string) {
  const bank = parseBank(source, 'test.md');
  const questions = bank.sections.flatMap((section) => section.questions);
  if (questions.length !== 1) throw new Error(`expected one question, found ${questions.length}`);
  return questions[0]!;
}
