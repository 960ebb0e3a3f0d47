import { sourceLines, withoutComments, type MarkdownBlock, type MarkdownDocument } from './markdown-tree';
import type { SourceRange } from './source-text';

/** Small questions about top-level blocks that several styles ask. */

export function isList(block: MarkdownBlock): boolean {
  return block.type === 'ordered_list' || block.type === 'bullet_list';
}

export function holdsOnlyComments(block: MarkdownBlock): boolean {
  return block.type === 'html_block' && withoutComments(block.content ?? '').trim() === '';
}

/** A `<br/>` on a line of its own: bold-line banks separate questions with it. */
export function isLineBreak(block: MarkdownBlock): boolean {
  return block.type === 'html_block' && /^\s*(<br\s*\/?>\s*)+$/i.test(block.content ?? '');
}

/** Blocks that only separate things: they end an answer and are never part of one's end. */
export function isSeparator(block: MarkdownBlock): boolean {
  return block.type === 'hr' || isLineBreak(block);
}

/** The whole lines of some consecutive top-level blocks; null when there are none. */
export function rangeOfBlocks(blocks: readonly MarkdownBlock[]): SourceRange | null {
  const first = blocks[0];
  const last = blocks[blocks.length - 1];
  return first && last ? { first: first.line, last: last.endLine, indent: 0, markerOnFirstLine: false } : null;
}

const ATX_OPENING = /^ {0,3}#{1,6}(?:[ \t]+|$)/;
const ATX_CLOSING = /(?:[ \t]+#+)?[ \t]*$/;

/** Where a heading's text is: after the `#`s and before a closing `#` run, or above a setext underline. */
export function headingTextRange(document: MarkdownDocument, heading: MarkdownBlock): SourceRange {
  if (!heading.markup.startsWith('#')) {
    return {
      first: heading.line,
      last: Math.max(heading.line, heading.endLine - 1),
      indent: 0,
      markerOnFirstLine: false,
    };
  }
  const lineStart = document.lineStarts[heading.line - 1] ?? 0;
  const line = sourceLines(document, heading.line, heading.line);
  const start = lineStart + (ATX_OPENING.exec(line)?.[0].length ?? 0);
  const closing = ATX_CLOSING.exec(line.slice(start - lineStart));
  const end = start + (closing ? closing.index : line.length - (start - lineStart));
  return { first: heading.line, last: heading.line, indent: 0, markerOnFirstLine: false, start, end };
}
