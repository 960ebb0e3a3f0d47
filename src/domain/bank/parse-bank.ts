import { BankFormatError } from '../errors';
import type { BankStyle, ItemDraft, WarningSink } from './bank-style';
import { normaliseNewlines } from './decode';
import { readFrontMatter, type FrontMatter } from './front-matter';
import { listStyle } from './list-style';
import { parseMarkdown, type MarkdownDocument } from './markdown-tree';
import { itemMetadata, marksNote, metadataComments } from './metadata';
import { numberingWarnings, type NumberedItem } from './numbering';
import { markdownOfBlocks, outlineBank, type SectionOutline } from './outline';
import { MAX_SLUG_LENGTH, slugify } from './slug';
import { markdownOf } from './source-text';
import type { ImportWarning, ParsedBank, ParsedQuestion, ParsedSection } from './types';

/** A question's text and answer together: bigger is a pasted article, not an interview question. */
export const MAX_QUESTION_CHARACTERS = 10_000;

/**
 * Reads one bank file (already decoded, see decodeBankFile) into plain data. Pure: `fileName`
 * only supplies the default bank id and locale (`ml-junior.ru.md` → `ml-junior`, `ru`) and
 * names the file in errors. Throws the first BankFormatError in document order.
 */
export function parseBank(source: string, fileName: string): ParsedBank {
  const frontMatter = readFrontMatter(normaliseNewlines(source), fileName);
  const document = parseMarkdown(frontMatter.body);
  const outline = outlineBank(document.blocks);
  if (outline.sections.length === 0) {
    throw new BankFormatError('the bank has no sections: start each section with a "## " heading', 0, fileName);
  }
  const reader = new BankReader(document, fileName, listStyle, frontMatter.warnings);
  const sections = outline.sections.map((section) => reader.readSection(section));
  const fromFileName = identityFromFileName(fileName);
  const id = frontMatter.fields.id?.value ?? fromFileName.id;
  return {
    id,
    title: frontMatter.fields.title?.value ?? outline.titleHeading?.plainText ?? id,
    description: frontMatter.fields.description?.value ?? markdownOfBlocks(document, outline.preamble),
    locale: frontMatter.fields.locale?.value ?? fromFileName.locale,
    level: frontMatter.fields.level?.value ?? null,
    sections,
    warnings: reader.finish(),
  };
}

/** `ml-junior.ru.md` → id `ml-junior`, locale `ru`; `python.md` → id `python`, no locale. */
export function identityFromFileName(fileName: string): { id: string; locale: string | null } {
  const base = (fileName.split(/[\\/]/).pop() ?? '').replace(/\.(md|markdown)$/i, '');
  const localised = /^(.+)\.([A-Za-z]{2})$/.exec(base);
  return {
    id: slugify(localised ? localised[1]! : base, 'bank'),
    locale: localised ? localised[2]!.toLowerCase() : null,
  };
}

/** Bank-wide state while reading sections in order: slugs and ids taken, warnings so far. */
class BankReader {
  private readonly warnings: ImportWarning[];
  private readonly warn: WarningSink = (line, message) => this.warnings.push({ line, message });
  private readonly slugs = new Set<string>();
  private readonly explicitIds = new Map<string, number>();
  private readonly numbered: NumberedItem[] = [];

  constructor(
    private readonly document: MarkdownDocument,
    private readonly fileName: string,
    private readonly style: BankStyle,
    frontMatterWarnings: FrontMatter['warnings'],
  ) {
    this.warnings = [...frontMatterWarnings];
  }

  readSection(outline: SectionOutline): ParsedSection {
    const { heading } = outline;
    const title = heading.plainText ?? '';
    if (title === '') throw new BankFormatError('a section heading has no text', heading.line, this.fileName);
    const draft = this.style.readSection(outline, this.document, this.warn);
    const section: ParsedSection = {
      slug: this.uniqueSlug(slugify(title), heading.line),
      title,
      description: draft.description,
      notes: [],
      line: heading.line,
      questions: [],
    };
    for (const item of draft.items) this.readItem(item, section);
    return section;
  }

  /** All warnings, numbering included, in document order. */
  finish(): ImportWarning[] {
    const all = [...this.warnings, ...numberingWarnings(this.numbered)];
    return all.sort((a, b) => a.line - b.line);
  }

  private readItem(item: ItemDraft, section: ParsedSection): void {
    this.numbered.push(item);
    const found = metadataComments(item.comments);
    const removed = found.map(({ comment }) => comment);
    const text = item.text ? markdownOf(this.document, item.text, removed) : '';
    const answer = item.answer ? markdownOf(this.document, item.answer, removed) : '';
    const isNote = marksNote(found);
    const kind = isNote ? 'note' : 'question';
    const length = Array.from(text + answer).length;
    if (length > MAX_QUESTION_CHARACTERS) {
      this.fail(`${kind} is longer than ${MAX_QUESTION_CHARACTERS} characters (${length}, text and answer together)`, item.line);
    }
    if (isNote ? text + answer === '' : text === '') {
      this.fail(isNote ? 'the note is empty' : 'the list item has no question: it must start with a paragraph', item.line);
    }
    const metadata = itemMetadata(found, this.fileName, this.warn);
    if (isNote) {
      if (metadata.id !== null) this.warn(metadata.idLine, 'a note has no id: this one is ignored');
      section.notes.push([text, answer].filter((part) => part !== '').join('\n\n'));
      return;
    }
    if (metadata.id !== null) this.claimId(metadata.id, metadata.idLine);
    const { id: explicitId, tags, difficulty } = metadata;
    const question: ParsedQuestion = { explicitId, number: item.number, text, answer, tags, difficulty, topic: item.topic, line: item.line };
    section.questions.push(question);
  }

  private claimId(id: string, line: number): void {
    const firstLine = this.explicitIds.get(id);
    if (firstLine !== undefined) this.fail(`id "${id}" is already used at line ${firstLine}`, line);
    this.explicitIds.set(id, line);
  }

  /** Two sections with the same slug keep both: the later one gets "-2", "-3", … */
  private uniqueSlug(base: string, line: number): string {
    let slug = base;
    for (let n = 2; this.slugs.has(slug); n++) {
      const suffix = `-${n}`;
      slug = base.slice(0, MAX_SLUG_LENGTH - suffix.length).replace(/-+$/, '') + suffix;
    }
    if (slug !== base) this.warn(line, `section slug "${base}" is already taken: this section gets "${slug}"`);
    this.slugs.add(slug);
    return slug;
  }

  private fail(message: string, line: number): never {
    throw new BankFormatError(message, line, this.fileName);
  }
}
