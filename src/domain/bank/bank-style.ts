import type { HtmlComment, MarkdownDocument } from './markdown-tree';
import type { BankOutline, SectionOutline } from './outline';
import type { SourceRange } from './source-text';
import type { StyleName } from './types';

/**
 * A way of writing questions in Markdown: a list item per question (the first bank's), a bold
 * line per question, a heading per question, or `<details>` blocks. A style only finds where
 * things are: its outline (title, description, sections) and, in each section, where every
 * question's text and answer lie. Metadata comments, difficulty markers, source links, notes,
 * identity, limits and numbering warnings are the same for every style (parse-bank.ts).
 */
export interface BankStyle {
  readonly name: StyleName;
  /** What makes a question in this style, for messages: "each top-level list item is a question". */
  readonly rule: string;
  outline(document: MarkdownDocument): BankOutline;
  readSection(section: SectionOutline, document: MarkdownDocument, warn: WarningSink): SectionDraft;
  /**
   * The question's text out of the Markdown it is asked with (metadata comments and outer
   * markers already gone): a bold line loses its `**`, a heading its printed number.
   */
  questionText?(markdown: string): LabelledText;
  /** The answer out of the Markdown found for it, when the style wraps answers (HTML). */
  answerText?(markdown: string): string;
}

export interface LabelledText {
  text: string;
  /** A printed number found in the text ("1)" → "1"), or null. */
  number: string | null;
}

export type WarningSink = (line: number, message: string) => void;

export interface SectionDraft {
  /** Markdown shown under the section heading, before its questions; "" when none. */
  description: string;
  /** Questions and notes, in source order. */
  items: ItemDraft[];
}

/** A question or a section note, as found in the source, before its metadata is read. */
export interface ItemDraft {
  /** 1-based first line of the item. */
  line: number;
  /** The printed label ("22"), or null when the item has none. */
  number: string | null;
  topic: string | null;
  /** Where the question text is; null when the item has no text to ask. */
  text: SourceRange | null;
  /** Where the rest of the item is; null when nothing follows the text. */
  answer: SourceRange | null;
  /** Every HTML comment inside the item: metadata rides in some of them. */
  comments: HtmlComment[];
  /**
   * A sub-question's blocks that follow its own list item inside the stem item (an image
   * between two sub-questions), at the stem item's indentation; absent when there are none.
   */
  answerTail?: SourceRange | null;
  /** A sub-question's shared prompt (list-style.ts); absent for a standalone question. */
  stem?: StemDraft;
}

/** The part of a stem item before its first sub-question, shared by all of them. */
export interface StemDraft {
  range: SourceRange;
  /** Comments in the stem's blocks: a `<!-- stem -->` marker, metadata that is ignored there. */
  comments: HtmlComment[];
  /** 1-based first line of the stem item. */
  line: number;
  /** The stem item's printed label: numbered once, with its first sub-question. */
  number: string | null;
  /** Whether this is the stem's first sub-question (it reports what is wrong with the stem). */
  first: boolean;
}
