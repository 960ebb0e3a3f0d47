import { BankFormatError } from '../errors';
import { BankReader } from './bank-reader';
import { normaliseNewlines } from './decode';
import { readFrontMatter } from './front-matter';
import { parseMarkdown } from './markdown-tree';
import { markdownOfBlocks } from './outline';
import { slugify } from './slug';
import { bankStyle, detectStyle, styleEvidence } from './style-detection';
import type { ParsedBank, ParsedSection, StyleName } from './types';

export { MAX_QUESTION_CHARACTERS } from './bank-reader';

export interface ParseOptions {
  /** Read the questions in this style instead of the one detected from the content. */
  style?: StyleName;
  /** The file's published URL (see provenance.ts): relative links and images resolve against it. */
  fileUrl?: string | null;
}

/**
 * Reads one bank file (already decoded, see decodeBankFile) into plain data. Pure: `fileName`
 * only supplies the default bank id and locale (`ml-junior.ru.md` → `ml-junior`, `ru`), the
 * source file of its questions, and names the file in errors. Throws the first
 * BankFormatError in document order.
 */
export function parseBank(source: string, fileName: string, options: ParseOptions = {}): ParsedBank {
  const frontMatter = readFrontMatter(normaliseNewlines(source), fileName);
  const document = parseMarkdown(frontMatter.body);
  const style = bankStyle(options.style ?? detectStyle(styleEvidence(document)), document);
  const outline = style.outline(document);
  const fromFileName = identityFromFileName(fileName);
  const id = frontMatter.fields.id?.value ?? fromFileName.id;
  const title = frontMatter.fields.title?.value ?? outline.titleHeading?.plainText ?? id;
  const reader = new BankReader(document, fileName, style, frontMatter.warnings, options.fileUrl ?? null);
  const sections = outline.sections
    .map((section) => reader.readSection(section, title))
    .filter((s): s is ParsedSection => s !== null);
  if (sections.length === 0) throw new BankFormatError(`the bank has no questions: ${style.rule}`, 0, fileName);
  let description = markdownOfBlocks(document, outline.preamble);
  // Without section headings, what precedes the first question describes the whole bank.
  if (outline.sections[0]!.heading === null) [description, sections[0]!.description] = [sections[0]!.description, ''];
  return {
    id,
    title,
    description: frontMatter.fields.description?.value ?? description,
    locale: frontMatter.fields.locale?.value ?? fromFileName.locale,
    level: frontMatter.fields.level?.value ?? null,
    sections,
    warnings: reader.finish(),
    style: style.name,
    sourceFile: baseName(fileName),
  };
}

/** `ml-junior.ru.md` → id `ml-junior`, locale `ru`; `python.md` → id `python`, no locale. */
export function identityFromFileName(fileName: string): { id: string; locale: string | null } {
  const base = baseName(fileName).replace(/\.(md|markdown)$/i, '');
  const localised = /^(.+)\.([A-Za-z]{2})$/.exec(base);
  return {
    id: slugify(localised ? localised[1]! : base, 'bank'),
    locale: localised ? localised[2]!.toLowerCase() : null,
  };
}

function baseName(fileName: string): string {
  return fileName.split(/[\\/]/).pop() ?? '';
}
