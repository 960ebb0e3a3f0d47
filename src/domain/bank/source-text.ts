import { sourceLines, type HtmlComment, type MarkdownDocument } from './markdown-tree';

/**
 * A run of source lines holding a piece of Markdown (a question's text, its answer), and how
 * to take it out of its list item: questions keep the author's Markdown byte for byte, only
 * shifted left by the item's indentation.
 */
export interface SourceRange {
  /** 1-based first and last line, inclusive. */
  first: number;
  last: number;
  /** Columns of leading whitespace to remove from each line (the item's content indentation). */
  indent: number;
  /** The first line starts with the list marker: its first `indent` columns go, whatever they hold. */
  markerOnFirstLine: boolean;
  /**
   * Offsets in the document source where the range starts and ends inside its first and last
   * lines (a heading's text without its `#`s, the inside of a `<summary>`); whole lines when absent.
   */
  start?: number;
  end?: number;
}

const TAB_STOP = 4;

/**
 * The Markdown in `range`, de-indented, with the `removed` comments cut out. A line that held
 * nothing but removed comments disappears, and so does a blank line it leaves doubled.
 * Leading blank lines and trailing whitespace are trimmed; leading spaces of the first
 * line are kept, because they can make it indented code.
 */
export function markdownOf(document: MarkdownDocument, range: SourceRange, removed: readonly HtmlComment[]): string {
  const kept: string[] = [];
  let afterRemovedLine = false;
  for (let line = range.first; line <= range.last; line++) {
    const { text: original, offset } = clippedLine(document, range, line);
    const cut = cutComments(offset, original, removed);
    if (cut !== original && cut.trim() === '') {
      afterRemovedLine = true;
      continue;
    }
    const isBlank = cut.trim() === '';
    if (!(isBlank && afterRemovedLine && kept.length > 0 && kept[kept.length - 1]!.trim() === '')) {
      const text = cut === original ? original : cut.trimEnd();
      kept.push(dedent(text, range.indent, range.markerOnFirstLine && line === range.first));
    }
    afterRemovedLine = false;
  }
  return kept
    .join('\n')
    .replace(/^(\s*\n)+/, '')
    .trimEnd();
}

/** One line of the range, cut to the range's start and end offsets, and where it starts. */
function clippedLine(document: MarkdownDocument, range: SourceRange, line: number): { text: string; offset: number } {
  const lineStart = document.lineStarts[line - 1] ?? document.source.length;
  const lineEnd = lineStart + sourceLines(document, line, line).length;
  const from = Math.min(lineEnd, Math.max(lineStart, range.start ?? lineStart));
  const to = Math.max(from, Math.min(lineEnd, range.end ?? lineEnd));
  return { text: document.source.slice(from, to), offset: from };
}

/** Columns taken by `text` when it starts at column 0 (tabs advance to the next stop of 4). */
export function columnsOf(text: string): number {
  let column = 0;
  for (const char of text) column += char === '\t' ? TAB_STOP - (column % TAB_STOP) : 1;
  return column;
}

/**
 * Removes `indent` columns from the start of a line: only whitespace, unless the line starts
 * with a list marker that goes too. A tab that straddles the cut leaves its remaining spaces.
 */
function dedent(line: string, indent: number, markerToo: boolean): string {
  let column = 0;
  let index = 0;
  while (index < line.length && column < indent) {
    const char = line[index]!;
    if (char === '\t') column += TAB_STOP - (column % TAB_STOP);
    else if (char === ' ' || markerToo) column += 1;
    else break;
    index++;
  }
  return ' '.repeat(Math.max(0, column - indent)) + line.slice(index);
}

function cutComments(offset: number, text: string, removed: readonly HtmlComment[]): string {
  const end = offset + text.length;
  let result = text;
  // From the right, so that earlier cuts do not shift later offsets.
  for (const comment of [...removed].sort((a, b) => b.start - a.start)) {
    const from = Math.max(comment.start, offset);
    const to = Math.min(comment.end, end);
    if (from < to) result = result.slice(0, from - offset) + result.slice(to - offset);
  }
  return result;
}
