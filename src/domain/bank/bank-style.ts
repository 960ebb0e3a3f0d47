import type { HtmlComment, MarkdownDocument } from './markdown-tree';
import type { SectionOutline } from './outline';
import type { SourceRange } from './source-text';

/**
 * A way of writing questions in Markdown. The list style (one list item per question) is
 * the one banks use today; others (a bold line per question, a heading per question,
 * `<details>` blocks) plug in here. A style only finds where things are: metadata,
 * notes, identity rules, limits and warnings about numbering are the same for every style.
 */
export interface BankStyle {
  readSection(section: SectionOutline, document: MarkdownDocument, warn: WarningSink): SectionDraft;
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
}
