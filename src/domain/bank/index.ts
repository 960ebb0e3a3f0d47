/** The Markdown bank importer's pure half: bytes → text → ParsedBank. No I/O. */
export { decodeBankFile, MAX_BANK_FILE_BYTES } from './decode';
export { parseBank, identityFromFileName, MAX_QUESTION_CHARACTERS } from './parse-bank';
export { slugify } from './slug';
export type { ImportWarning, ParsedBank, ParsedQuestion, ParsedSection } from './types';
