/** The Markdown bank importer's pure half: bytes → text → ParsedBank, and back to Markdown. No I/O. */
export { decodeBankFile, MAX_BANK_FILE_BYTES } from './decode';
export { parseBank, identityFromFileName, MAX_QUESTION_CHARACTERS, type ParseOptions } from './parse-bank';
export { STYLE_NAMES } from './style-detection';
export { slugify } from './slug';
export { QUESTION_KINDS } from './types';
export type {
  ImportWarning,
  ParsedBank,
  ParsedOption,
  ParsedQuestion,
  ParsedSection,
  QuestionKind,
  StyleName,
} from './types';
