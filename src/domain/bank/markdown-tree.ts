import MarkdownIt from 'markdown-it';

/**
 * A small block tree of a Markdown document, built from markdown-it tokens. It keeps what
 * the bank styles need and no rendering: block kinds, nesting, 1-based file line ranges, the
 * raw inline source of paragraphs and headings, and where HTML comments sit (metadata rides
 * in them). Styles (list items, bold lines, a heading per question, `<details>` elements)
 * read questions out of this tree and cut the Markdown itself out of the source lines.
 */
export interface MarkdownBlock {
  /**
   * markdown-it's block type without `_open`: 'heading', 'paragraph', 'bullet_list',
   * 'ordered_list', 'list_item', 'blockquote', 'fence', 'code_block', 'html_block', 'hr',
   * 'table', …
   */
  type: string;
  /** HTML tag: 'h2' for a level-2 heading (ATX or setext), 'ol', 'li', … */
  tag: string;
  /** 1-based first line in the file. */
  line: number;
  /** 1-based last line, inclusive (list items include the blank lines that follow them). */
  endLine: number;
  /** Ordered list items: the printed number ("22"); fences: the info string; else "". */
  info: string;
  /** '##' or '-' (setext) for headings, '.' or ')' for ordered items, '-' '*' '+' for bullets. */
  markup: string;
  /** Paragraphs and headings: the raw inline Markdown, as markdown-it collected it. */
  inline: string | null;
  /** HTML blocks and code: their content, without list markers or the block's indentation. */
  content: string | null;
  /** Paragraphs and headings: the text a reader sees (markup dropped, code spans kept). */
  plainText: string | null;
  /** HTML comments in this block itself (not in its children), in source order. */
  comments: HtmlComment[];
  children: MarkdownBlock[];
}

export interface HtmlComment {
  /** The comment exactly as in the source, `<!--` and `-->` included. */
  raw: string;
  /** 1-based line where the comment starts. */
  line: number;
  /** Offsets of the comment in the document source (end exclusive). */
  start: number;
  end: number;
}

export interface MarkdownDocument {
  source: string;
  /** Offset in `source` where each line starts; index 0 is line 1. */
  lineStarts: number[];
  /** The top-level blocks, in source order. */
  blocks: MarkdownBlock[];
}

// The default preset (CommonMark plus tables and strikethrough), with HTML on so that comments
// and `<details>` blocks come out as HTML tokens rather than as paragraph text.
const markdownIt = new MarkdownIt('default', { html: true });

const COMMENT = /<!--[\s\S]*?-->/g;

export function parseMarkdown(source: string): MarkdownDocument {
  const document: MarkdownDocument = { source, lineStarts: lineStartsOf(source), blocks: [] };
  const root = emptyBlock('document', '', 1);
  const open: MarkdownBlock[] = [root];
  for (const token of markdownIt.parse(source, {})) {
    const parent = open[open.length - 1]!;
    if (token.nesting === -1) {
      open.pop();
    } else if (token.type === 'inline') {
      readInline(document, parent, token);
    } else {
      const block = blockOf(token, parent);
      if (block.type === 'html_block') block.comments = commentsIn(document, block.line, block.endLine);
      parent.children.push(block);
      if (token.nesting === 1) open.push(block);
    }
  }
  document.blocks = root.children;
  return document;
}

/** The source of lines `first`..`last` (1-based, inclusive), exactly as in the file. */
export function sourceLines(document: MarkdownDocument, first: number, last: number): string {
  const start = document.lineStarts[first - 1] ?? document.source.length;
  const end = document.lineStarts[last] ?? document.source.length + 1;
  return document.source.slice(start, end - 1);
}

/** All comments in a block and its descendants, in source order; code never holds any. */
export function commentsWithin(block: MarkdownBlock): HtmlComment[] {
  return [...block.comments, ...block.children.flatMap(commentsWithin)];
}

export function withoutComments(text: string): string {
  return text.replace(COMMENT, '');
}

export function headingLevel(block: MarkdownBlock): number | null {
  return block.type === 'heading' ? Number(block.tag.slice(1)) : null;
}

function blockOf(token: MarkdownIt.Token, parent: MarkdownBlock): MarkdownBlock {
  const type = token.type.replace(/_open$/, '');
  // Some inner tokens (table rows) may lack a line map: they sit on their parent's lines.
  const [start, end] = token.map ?? [parent.line - 1, parent.endLine];
  const block = emptyBlock(type, token.tag, start + 1);
  block.endLine = Math.max(start + 1, end);
  block.info = token.info.trim();
  block.markup = token.markup;
  if (token.nesting === 0) block.content = token.content;
  return block;
}

function emptyBlock(type: string, tag: string, line: number): MarkdownBlock {
  return {
    type,
    tag,
    line,
    endLine: line,
    info: '',
    markup: '',
    inline: null,
    content: null,
    plainText: null,
    comments: [],
    children: [],
  };
}

function readInline(document: MarkdownDocument, block: MarkdownBlock, token: MarkdownIt.Token): void {
  const children = token.children ?? [];
  block.inline = token.content;
  block.plainText = plainTextOf(children);
  const inlineComments = children.filter((child) => child.type === 'html_inline' && child.content.startsWith('<!--'));
  block.comments = matchComments(commentsIn(document, block.line, block.endLine), inlineComments);
}

/**
 * markdown-it does not say where inline tokens sit, so the comments found in the block's
 * source are paired, in order, with the html_inline comment tokens; a match that pairs with
 * none is only comment-like text, such as the inside of a code span.
 */
function matchComments(found: HtmlComment[], tokens: MarkdownIt.Token[]): HtmlComment[] {
  const matched: HtmlComment[] = [];
  let next = 0;
  for (const comment of found) {
    const token = tokens[next];
    if (token && sameWords(comment.raw, token.content)) {
      matched.push(comment);
      next++;
    }
  }
  return matched;
}

function sameWords(a: string, b: string): boolean {
  return a.split(/\s+/).join(' ') === b.split(/\s+/).join(' ');
}

function commentsIn(document: MarkdownDocument, first: number, last: number): HtmlComment[] {
  const offset = document.lineStarts[first - 1] ?? 0;
  const text = sourceLines(document, first, last);
  return Array.from(text.matchAll(COMMENT), (match) => {
    const start = offset + (match.index ?? 0);
    return { raw: match[0], line: lineAt(document, start), start, end: start + match[0].length };
  });
}

function plainTextOf(tokens: MarkdownIt.Token[]): string {
  const parts = tokens.map((token) => {
    if (token.type === 'text' || token.type === 'code_inline') return token.content;
    if (token.type === 'softbreak' || token.type === 'hardbreak') return ' ';
    if (token.type === 'image') return plainTextOf(token.children ?? []);
    return '';
  });
  return parts.join('').replace(/\s+/g, ' ').trim();
}

function lineStartsOf(source: string): number[] {
  const starts = [0];
  for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** The 1-based line that holds `offset` of the source. */
export function lineAt(document: MarkdownDocument, offset: number): number {
  let low = 0;
  let high = document.lineStarts.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (document.lineStarts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return low + 1;
}
