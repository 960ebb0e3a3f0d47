import type { BankStyle } from './bank-style';
import { isList } from './blocks';
import { boldStyle, isBoldLine } from './bold-style';
import { detailsElementAt, detailsStyle } from './details-style';
import { headingStyle, questionHeadingLevel } from './heading-style';
import { listStyle } from './list-style';
import { endsWithQuestionMark } from './markers';
import { withoutComments, type MarkdownDocument } from './markdown-tree';
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
 *    line or a `<details>` element, or under a heading ending in "?", up to the next heading.
 * The style with the most wins; on a tie, list, then heading, then bold, then details (the
 * first bank's style first; a heading or bold question whose answer sits in `<details>` is
 * still that style). A file with none of these reads as a list bank.
 *
 * Lists are discounted inside answers because answers are full of them (the bold-line sample
 * has more list items than questions); a numbered heading over a list ("## 1. Python") is
 * taken for a list bank's section, since only "?" makes a heading certainly a question.
 */
export function styleEvidence(document: MarkdownDocument): StyleEvidence {
  const evidence: StyleEvidence = {
    list: 0,
    bold: 0,
    heading: questionHeadingLevel(document.blocks)?.count ?? 0,
    details: 0,
  };
  let inAnswer = false;
  document.blocks.forEach((block, i) => {
    if (block.type === 'heading') {
      inAnswer = endsWithQuestionMark(withoutComments(block.inline ?? ''));
    } else if (isBoldLine(block)) {
      evidence.bold++;
      inAnswer = true;
    } else if (detailsElementAt(document, document.blocks, i)) {
      evidence.details++;
      inAnswer = true;
    } else if (isList(block) && !inAnswer) {
      evidence.list += block.children.length;
    }
  });
  return evidence;
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
