/** The Markdown bank importer's pure half: bytes → text → ParsedBank, and back to Markdown. No I/O. */
export { decodeBankFile, MAX_BANK_FILE_BYTES } from './decode';
export { parseBank, identityFromFileName, MAX_QUESTION_CHARACTERS, type ParseOptions } from './parse-bank';
export { STYLE_NAMES } from './style-detection';
export { slugify } from './slug';
export type { ImportWarning, ParsedBank, ParsedQuestion, ParsedSection, StyleName } from './types';
