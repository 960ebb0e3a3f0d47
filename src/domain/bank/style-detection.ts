import type { BankStyle } from './bank-style';
import { holdsOnlyComments, isList, isSeparator } from './blocks';
import { boldStyle, isBoldLine } from './bold-style';
import { detailsElementAt, detailsStyle } from './details-style';
import { headingStyle, isQuestionLevel, questionHeadingLevel } from './heading-style';
import { listStyle } from './list-style';
import { endsWithQuestionMark } from './markers';
import { headingLevel, withoutComments, type MarkdownBlock, type MarkdownDocument } from './markdown-tree';
import type { StyleName } from './types';

export const STYLE_NAMES: readonly StyleName[] = ['list', 'bold', 'heading', 'details'];

/** How many questions each style would see at the top level of a document. */
export type StyleEvidence = Record<StyleName, number>;

/**
 * Detection rule, per file, over the top-level blocks (code blocks are opaque, so a `#` line
 * inside one never counts):
 *  - details: `<details>` elements with a `<summary>`;
 *  - bold: paragraphs of bold text only (not labels ending in ":");
 *  - heading: headings that read as questions (ending in "?" or numbered "1)", "3."), at the
 *    level where they are most numerous;
 *  - list: items of top-level lists, except lists inside another style's answer: after a bold
 *    line or a `<details>` element, or under a heading that asks (below), up to the next
 *    heading of the same or a higher level (sub-headings stay inside the answer).
 * The style with the most wins; on a tie, list, then heading, then bold, then details (the
 * first bank's style first; a heading or bold question whose answer sits in `<details>` is
 * still that style). A file with none of these reads as a list bank.
 *
 * Lists are discounted inside answers because answers are full of them (the bold-line sample
 * has more list items than questions). A heading asks when it ends in "?", or when it is a
 * numbered heading at the question level, every heading of that level reads as a question,
 * and what it frames is an article (headingFramesAnswer): a numbered heading over a list of
 * questions ("## 1. Python" then "- What is a list?") is a list bank's section, one over prose,
 * sub-headings and code is a question.
 */
export function styleEvidence(document: MarkdownDocument): StyleEvidence {
  const questionLevel = questionHeadingLevel(document.blocks);
  const evidence: StyleEvidence = { list: 0, bold: 0, heading: questionLevel?.count ?? 0, details: 0 };
  const framed = questionLevel !== null && isQuestionLevel(document.blocks, questionLevel.level);
  // The level of the heading whose answer the blocks are in; 0 for a bold line or `<details>`.
  let answerLevel: number | null = null;
  document.blocks.forEach((block, i) => {
    const level = headingLevel(block);
    if (level !== null) {
      if (answerLevel !== null && answerLevel > 0 && level > answerLevel) return;
      const asks =
        endsWithQuestionMark(withoutComments(block.inline ?? '')) ||
        (framed && level === questionLevel.level && headingFramesAnswer(document.blocks, i));
      answerLevel = asks ? level : null;
    } else if (isBoldLine(block)) {
      evidence.bold++;
      answerLevel = 0;
    } else if (detailsElementAt(document, document.blocks, i)) {
      evidence.details++;
      answerLevel = 0;
    } else if (isList(block) && answerLevel === null) {
      evidence.list += block.children.length;
    }
  });
  return evidence;
}

/**
 * Whether what follows the heading at `index` (up to the next heading of its level or higher)
 * is an answer rather than a list bank's section: it holds code, a sub-heading, or prose (a
 * paragraph, a table, a quote, HTML) after a list — an article's shape, where a list bank's
 * section holds a description and lists — and fewer than half of its list items end in "?"
 * (those would be questions, under a numbered section heading and its topics).
 */
export function headingFramesAnswer(blocks: readonly MarkdownBlock[], index: number): boolean {
  const level = headingLevel(blocks[index]!)!;
  const next = blocks.findIndex((block, at) => at > index && (headingLevel(block) ?? Infinity) <= level);
  const body = blocks.slice(index + 1, next < 0 ? blocks.length : next);
  let afterList = false;
  let articleShaped = false;
  for (const block of body) {
    if (block.type === 'fence' || block.type === 'code_block' || block.type === 'heading') articleShaped = true;
    else if (isList(block)) afterList = true;
    else if (afterList && !isSeparator(block) && !holdsOnlyComments(block)) articleShaped = true;
  }
  const items = body.filter(isList).flatMap((list) => list.children);
  const asking = items.filter((item) => {
    const paragraph = item.children.find((child) => child.type === 'paragraph');
    return paragraph !== undefined && endsWithQuestionMark(withoutComments(paragraph.inline ?? ''));
  });
  return articleShaped && asking.length * 2 < Math.max(items.length, 1);
}

const TIE_ORDER: readonly StyleName[] = ['list', 'heading', 'bold', 'details'];

export function detectStyle(evidence: StyleEvidence): StyleName {
  return TIE_ORDER.reduce((best, name) => (evidence[name] > evidence[best] ? name : best));
}

/** The style object for a document: the heading style reads its levels from the document. */
export function bankStyle(name: StyleName, document: MarkdownDocument): BankStyle {
  if (name === 'heading') return headingStyle(document);
  return { list: listStyle, bold: boldStyle, details: detailsStyle }[name];
}
