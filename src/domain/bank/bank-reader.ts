import { BankFormatError } from '../errors';
import type { BankStyle, ItemDraft, StemDraft, WarningSink } from './bank-style';
import { gradedContent, lineOf } from './graded-content';
import type { MarkdownDocument } from './markdown-tree';
import { higherDifficulty, readQuestionMarkers } from './markers';
import { itemMetadata, marksNote, metadataComments } from './metadata';
import { resolveRelativeLinks } from './links';
import { numberingWarnings, type NumberedItem } from './numbering';
import type { SectionOutline } from './outline';
import { MAX_SLUG_LENGTH, slugify } from './slug';
import { markdownOf } from './source-text';
import type { ImportWarning, ParsedQuestion, ParsedSection } from './types';

/** A question's text and answer together: bigger is a pasted article, not an interview question. */
export const MAX_QUESTION_CHARACTERS = 10_000;

/**
 * Bank-wide state while reading sections in order, whatever the style: slugs and ids taken,
 * numbering seen, warnings so far. The style says where items are; this turns them into
 * questions and notes with the rules every style shares.
 */
export class BankReader {
  private readonly warnings: ImportWarning[];
  private readonly warn: WarningSink = (line, message) => this.warnings.push({ line, message });
  private readonly slugs = new Set<string>();
  private readonly explicitIds = new Map<string, number>();
  private readonly numbered: NumberedItem[] = [];

  constructor(
    private readonly document: MarkdownDocument,
    private readonly fileName: string,
    private readonly style: BankStyle,
    earlierWarnings: readonly ImportWarning[],
    /** The file's published URL (`--source-url`): relative links resolve against it. */
    private readonly fileUrl: string | null = null,
  ) {
    this.warnings = [...earlierWarnings];
  }

  /**
   * The section, or null when it holds neither questions nor notes (a table of contents, a
   * list of resources): that is not a section of the bank. The one section of a file without
   * section headings is named after the bank.
   */
  readSection(outline: SectionOutline, bankTitle: string): ParsedSection | null {
    const { heading } = outline;
    const line = heading?.line ?? outline.blocks[0]?.line ?? 1;
    const title = heading ? (heading.plainText ?? '') : bankTitle;
    if (title === '') this.fail('a section heading has no text', line);
    const draft = this.style.readSection(outline, this.document, this.warn);
    const section: ParsedSection = { slug: '', title, description: draft.description, notes: [], line, questions: [] };
    for (const item of draft.items) this.readItem(item, section);
    if (section.questions.length === 0 && section.notes.length === 0) {
      if (heading) this.warn(line, `section "${title}" holds no questions: it is not a section of the bank`);
      return null;
    }
    section.slug = this.uniqueSlug(slugify(title), line);
    return section;
  }

  /** All warnings, numbering included, in document order. */
  finish(): ImportWarning[] {
    const all = [...this.warnings, ...numberingWarnings(this.numbered)];
    return all.sort((a, b) => a.line - b.line);
  }

  private readItem(item: ItemDraft, section: ParsedSection): void {
    const found = metadataComments(item.comments);
    const removed = found.map(({ comment }) => comment);
    const rawText = item.text ? markdownOf(this.document, item.text, removed) : '';
    const rawAnswer = [item.answer, item.answerTail]
      .map((range) => (range ? markdownOf(this.document, range, removed) : ''))
      .filter((part) => part !== '')
      .join('\n\n');
    const answer = this.style.answerText && rawAnswer !== '' ? this.style.answerText(rawAnswer) : rawAnswer;
    const asked = this.questionOf(rawText);
    // A stem's printed number is the printed one; its sub-questions' own labels are not numbering.
    if (!item.stem) this.numbered.push({ number: item.number ?? asked.number, line: item.line });
    else if (item.stem.first) this.numbered.push({ number: item.stem.number, line: item.stem.line });
    const isNote = marksNote(found);
    // A note is a remark: its text stays as written, markers and all.
    const text = isNote ? rawText : asked.text;
    this.checkSize(isNote, text, answer, item);
    const metadata = itemMetadata(found, this.fileName, this.warn);
    if (isNote) {
      if (metadata.id !== null) this.warn(metadata.idLine, 'a note has no id: this one is ignored');
      section.notes.push([text, answer].filter((part) => part !== '').join('\n\n'));
      return;
    }
    if (metadata.id !== null) this.claimId(metadata.id, metadata.idLine);
    const where = { document: this.document, line: item.line, fileUrl: this.fileUrl, warn: this.warn };
    section.questions.push({
      explicitId: metadata.id,
      number: item.number ?? asked.number,
      ...gradedContent(text, answer, where),
      stem: item.stem ? this.stemOf(item.stem) : null,
      tags: metadata.tags,
      // An explicit `difficulty:` comment is the author's word; a marker is a convention.
      difficulty: metadata.difficulty ?? asked.difficulty,
      topic: item.topic,
      line: item.line,
      sourceUrl: asked.sourceUrl,
    } satisfies ParsedQuestion);
  }

  /**
   * A sub-question's stem, as Markdown: comments in it that carry metadata are cut (the
   * `<!-- stem -->` marker; ids, tags and difficulties belong on the sub-questions, and are
   * reported), and relative links resolve like the question's. Reported once per stem.
   */
  private stemOf(stem: StemDraft): string {
    const found = metadataComments(stem.comments);
    const removed = found.map(({ comment }) => comment);
    const resolved = resolveRelativeLinks(markdownOf(this.document, stem.range, removed), this.fileUrl);
    if (stem.first) {
      for (const { comment, entries } of found) {
        if (entries.some((entry) => entry.key !== 'stem')) {
          this.warn(comment.line, 'metadata on a stem is ignored: write it on each sub-question');
        }
      }
      for (const target of new Set(resolved.unresolved)) {
        this.warn(
          lineOf(this.document, stem.line, target),
          `relative link "${target}" is kept as written: --source-url resolves it`,
        );
      }
    }
    return resolved.markdown;
  }

  /**
   * Markers around the text are read twice: before the style takes its own wrapping off
   * (`**What is X?** 👶`) and after (`**What is X? 👶**`, `#### 1) [E] What is X?`).
   */
  private questionOf(markdown: string): {
    text: string;
    number: string | null;
    difficulty: number | null;
    sourceUrl: string | null;
  } {
    const outer = readQuestionMarkers(markdown);
    const shaped = this.style.questionText ? this.style.questionText(outer.text) : { text: outer.text, number: null };
    const inner = readQuestionMarkers(shaped.text);
    return {
      text: inner.text,
      number: shaped.number,
      difficulty: higherDifficulty(outer.difficulty, inner.difficulty),
      sourceUrl: outer.sourceUrl ?? inner.sourceUrl,
    };
  }

  private checkSize(isNote: boolean, text: string, answer: string, item: ItemDraft): void {
    const kind = isNote ? 'note' : 'question';
    const length = Array.from(text + answer).length;
    if (length > MAX_QUESTION_CHARACTERS) {
      this.fail(
        `${kind} is longer than ${MAX_QUESTION_CHARACTERS} characters (${length}, text and answer together)`,
        item.line,
      );
    }
    if (isNote && text + answer === '') this.fail('the note is empty', item.line);
    if (!isNote && text === '') {
      this.fail(
        item.text ? 'the question has no text' : 'the list item has no question: it must start with a paragraph',
        item.line,
      );
    }
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
