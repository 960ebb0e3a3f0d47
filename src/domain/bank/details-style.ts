import type { BankStyle } from './bank-style';
import { lineAt, type MarkdownBlock, type MarkdownDocument } from './markdown-tree';
import { outlineByLevelTwo } from './outline';
import { SectionCollector } from './section-collector';
import type { SourceRange } from './source-text';
import { TopicTrail } from './topics';

/**
 * Each HTML `<details><summary>Q</summary>A</details>` element is a question with its answer.
 * Inside HTML, text stays text: tags go, but a "<" that opens no tag (`AUC < 0.5`) is kept.
 * `##` headings start sections, deeper ones set topics, as in the list style.
 */
export const detailsStyle: BankStyle = {
  name: 'details',
  rule: 'in the details style, each <details> element with a <summary> is a question',
  outline: outlineByLevelTwo,
  readSection(section, document, warn) {
    const topics = new TopicTrail(2, warn);
    const collector = new SectionCollector(document, warn, true);
    const { blocks } = section;
    for (let i = 0; i < blocks.length; i++) {
      const element = detailsElementAt(document, blocks, i);
      if (blocks[i]!.type === 'heading') {
        topics.enter(blocks[i]!);
      } else if (element) {
        collector.addQuestion(element.blocks, element.summary, element.answer, topics.current());
        i += element.blocks.length - 1;
      } else {
        collector.add(blocks[i]!);
      }
    }
    return collector.finish();
  },
  questionText(markdown) {
    const text = markdown.replace(/<code>([\s\S]*?)<\/code>/gi, '`$1`').replace(TAG, '');
    return { text: text.replace(/\s+/g, ' ').trim(), number: null };
  },
  answerText: unwrapHtmlAnswer,
};

// An HTML tag: "<" right before a letter (or "/" and a letter). "a < b" opens nothing.
const TAG = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/g;

export interface DetailsElement {
  /** The top-level blocks the element spans (more than one when blank lines split it). */
  blocks: MarkdownBlock[];
  summary: SourceRange;
  answer: SourceRange | null;
}

/**
 * The `<details>` element that starts at `blocks[index]`, if it has a `<summary>`. Nested
 * `<details>` (a hint inside an answer) are counted so the element ends at its own closing tag;
 * one never closed ends with the block it starts in.
 */
export function detailsElementAt(
  document: MarkdownDocument,
  blocks: readonly MarkdownBlock[],
  index: number,
): DetailsElement | null {
  const first = blocks[index];
  if (first?.type !== 'html_block' || !/^\s*<details\b/i.test(first.content ?? '')) return null;
  const start = document.lineStarts[first.line - 1]!;
  let depth = 0;
  for (let j = index; j < blocks.length; j++) {
    const source = document.source.slice(start, endOffset(document, blocks[j]!));
    depth = 0;
    for (const tag of source.matchAll(/<(\/?)details\b[^>]*>/gi)) {
      depth += tag[1] === '/' ? -1 : 1;
      if (depth === 0) return elementOf(document, blocks.slice(index, j + 1), start, start + tag.index);
    }
  }
  return elementOf(document, [first], start, endOffset(document, first));
}

function elementOf(
  document: MarkdownDocument,
  blocks: MarkdownBlock[],
  start: number,
  closeAt: number,
): DetailsElement | null {
  const source = document.source.slice(start, closeAt);
  const open = /<summary\b[^>]*>/i.exec(source);
  const close = open && /<\/summary\s*>/i.exec(source.slice(open.index + open[0].length));
  if (!open || !close) return null;
  const textStart = start + open.index + open[0].length;
  const textEnd = textStart + close.index;
  const answerStart = textEnd + close[0].length;
  return {
    blocks,
    summary: rangeOf(document, textStart, textEnd),
    answer: answerStart < closeAt ? rangeOf(document, answerStart, closeAt) : null,
  };
}

function rangeOf(document: MarkdownDocument, start: number, end: number): SourceRange {
  return {
    first: lineAt(document, start),
    last: lineAt(document, Math.max(start, end - 1)),
    indent: 0,
    markerOnFirstLine: false,
    start,
    end,
  };
}

function endOffset(document: MarkdownDocument, block: MarkdownBlock): number {
  return (document.lineStarts[block.endLine] ?? document.source.length + 1) - 1;
}

/**
 * HTML answers come wrapped for the page (`<div> <br />` … `</div>`) and indented with tabs
 * that Markdown would read as code: the wrapper goes, and when the answer is HTML only (no
 * blank line, so no Markdown inside) each line loses its indentation, which HTML ignores.
 */
export function unwrapHtmlAnswer(markdown: string): string {
  let answer = markdown.trim();
  const wrapped = /^<div\b[^>]*>([\s\S]*)<\/div>$/i.exec(answer);
  if (wrapped && !/<\/?div\b/i.test(wrapped[1]!)) answer = wrapped[1]!;
  answer = answer.replace(/^(\s*<br\s*\/?>)+/i, '').trim();
  if (!/\n[ \t]*\n/.test(answer))
    answer = answer
      .split('\n')
      .map((line) => line.trim())
      .join('\n');
  return answer;
}
