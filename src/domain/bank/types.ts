/**
 * What the Markdown importer reads out of one bank file, before any identity or storage
 * decisions. Everything here is plain data: the parser has no I/O.
 */

/** A non-fatal finding about the source, reported to the bank author (1-based line). */
export interface ImportWarning {
  line: number;
  message: string;
}

export interface ParsedQuestion {
  /** The id from a `<!-- id: … -->` comment, if the author gave one. */
  explicitId: string | null;
  /** The label printed in the source ("22"), or null for bullet items. Never an identity. */
  number: string | null;
  /** Markdown source of the item's first paragraph, byte for byte, metadata comments removed. */
  text: string;
  /** Markdown source of the rest of the item, de-indented; "" when there is none. */
  answer: string;
  tags: string[];
  /** 1 easy, 2 medium, 3 hard; null when unknown. */
  difficulty: number | null;
  /** Text of the deepest heading below the section heading that the item sits under. */
  topic: string | null;
  /** 1-based line of the item's first line in the file. */
  line: number;
  /** The source the author cites for the question (a trailing `[[src](url)]`), if any. */
  sourceUrl: string | null;
  /** OPEN without options; the choice kinds follow from the options and their marks (choices.ts). */
  kind: QuestionKind;
  /** Task-list items under the question, in source order; [] for an open question. */
  options: ParsedOption[];
  /** The `Explanation:` paragraph after the options (Markdown, label removed), if any. */
  explanation: string | null;
  /** Trailing `[Reference](url)` links after the options: their URLs. */
  references: string[];
  /** The shared prompt of a sub-question (Markdown), or null. */
  stem: string | null;
}

export type QuestionKind = 'OPEN' | 'SINGLE_CHOICE' | 'MULTIPLE_CHOICE' | 'TRUE_FALSE';
export const QUESTION_KINDS: readonly QuestionKind[] = ['OPEN', 'SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'TRUE_FALSE'];

export interface ParsedOption {
  /** The id from an `<!-- option: … -->` comment on the option (exports write one), if any. */
  explicitId: string | null;
  /** Markdown of the option, checkbox and id comment removed. */
  text: string;
  correct: boolean;
}

export interface ParsedSection {
  slug: string;
  title: string;
  /** Markdown between the section heading and its first question; "" when there is none. */
  description: string;
  /** Items marked `<!-- note -->`: remarks about the section, not questions (Markdown). */
  notes: string[];
  line: number;
  questions: ParsedQuestion[];
}

/** The ways of writing questions the importer understands (see style-detection.ts). */
export type StyleName = 'list' | 'bold' | 'heading' | 'details';

export interface ParsedBank {
  id: string;
  title: string;
  description: string;
  locale: string | null;
  level: string | null;
  sections: ParsedSection[];
  warnings: ImportWarning[];
  /** The style the questions were read in: detected from the content, or forced by the caller. */
  style: StyleName;
  /** The file's base name ("theory.md"): questions keep where they came from. */
  sourceFile: string;
}
