import type { BankStyle, ItemDraft, SectionDraft } from './bank-style';
import { holdsOnlyComments, isList } from './blocks';
import { endsWithQuestionMark, readQuestionMarkers } from './markers';
import {
  commentsWithin,
  sourceLines,
  withoutComments,
  type MarkdownBlock,
  type MarkdownDocument,
} from './markdown-tree';
import { isStemMarker, metadataComments } from './metadata';
import { markdownOfBlocks, outlineByLevelTwo } from './outline';
import { columnsOf, type SourceRange } from './source-text';
import { TopicTrail } from './topics';

/**
 * The style of the first bank: every top-level list item (ordered or bulleted) of a section
 * is a question; its first paragraph asks, everything else in the item answers.
 *
 * Blocks before a section's first list are its description. Prose between or after lists is
 * reported and ignored rather than glued onto the description: it usually introduces the list
 * below it, and read on its own above all the questions it would mislead. Thematic breaks,
 * headings (they set topics) and blocks holding only HTML comments are ignored silently,
 * except a metadata comment: one that lost its item (written unindented below it) is
 * reported, or the question would quietly lose its id.
 *
 * An item can be a stem shared by sub-questions (see subQuestionDrafts): then each item of
 * its nested question lists is a question, and the item itself is none.
 */
export const listStyle: BankStyle = {
  name: 'list',
  rule: 'in the list style, each top-level list item is a question',
  outline: outlineByLevelTwo,
  readSection(section, document, warn) {
    const topics = new TopicTrail(2, warn);
    const description: MarkdownBlock[] = [];
    const items: ItemDraft[] = [];
    for (const block of section.blocks) {
      if (block.type === 'heading') {
        topics.enter(block);
      } else if (isList(block)) {
        for (const item of block.children) items.push(...itemDrafts(item, block, document, topics.current()));
      } else if (block.type === 'html_block' && metadataComments(block.comments).length > 0) {
        warn(block.line, 'a metadata comment outside the list items is ignored: indent it into its item');
      } else if (items.length === 0) {
        description.push(block);
      } else if (block.type !== 'hr' && !holdsOnlyComments(block)) {
        warn(block.line, 'text outside the list items of a section is ignored');
      }
    }
    return { description: markdownOfBlocks(document, description), items } satisfies SectionDraft;
  },
};

function itemDrafts(
  item: MarkdownBlock,
  list: MarkdownBlock,
  document: MarkdownDocument,
  topic: string | null,
): ItemDraft[] {
  const drafts = subQuestionDrafts(item, list, document, topic);
  return drafts.length > 0 ? drafts : [draftOf(item, list, document, topic)];
}

/**
 * Sub-questions under a shared stem:
 *
 *     1. k-means clustering.
 *        - How is k chosen? 👶
 *        - Why can two runs give different clusters? ⭐️
 *
 * An item is a stem when its own first paragraph is not a question (it neither ends with "?"
 * nor carries a difficulty marker, and no metadata comment makes it one) and one of its nested
 * lists is a question list: every item of it reads as a question ("?" at the end or a
 * difficulty marker; task lists are options, never questions). A `<!-- stem -->` comment in
 * the item says so outright (exports write one): then every nested list after the comment
 * holds sub-questions. The stem is the item's content before its first sub-question list;
 * each item of that list, and of later question lists, is a question; any other block after
 * a sub-question (an image, a paragraph, a list that asks nothing) belongs to the
 * sub-question before it. Returns [] for an item that is not a stem.
 */
function subQuestionDrafts(
  item: MarkdownBlock,
  list: MarkdownBlock,
  document: MarkdownDocument,
  topic: string | null,
): ItemDraft[] {
  const children = item.children;
  const marker = children.findIndex((child) => !isList(child) && child.comments.some(isStemMarker));
  const explicit = marker >= 0;
  const isQuestions = (child: MarkdownBlock, at: number): boolean =>
    explicit ? isList(child) && at > marker : isQuestionList(document, child);
  if (!explicit && !readsAsStem(item)) return [];
  const first = children.findIndex((child, at) => at > 0 && isQuestions(child, at));
  // A marker with no nested list after it stays in the item, and the metadata reader reports it.
  if (first < 0) return [];
  const indent = contentIndent(sourceLines(document, item.line, item.line));
  const stem = {
    range: { first: item.line, last: children[first]!.line - 1, indent, markerOnFirstLine: true },
    comments: children.slice(0, first).flatMap(commentsWithin),
    line: item.line,
    number: list.type === 'ordered_list' ? item.info : null,
  };
  const drafts: ItemDraft[] = [];
  children.slice(first).forEach((child, offset) => {
    if (isQuestions(child, first + offset)) {
      for (const nested of child.children) {
        drafts.push({ ...draftOf(nested, child, document, topic), stem: { ...stem, first: drafts.length === 0 } });
      }
      return;
    }
    const owner = drafts[drafts.length - 1]!;
    const tail = owner.answerTail;
    owner.answerTail = { first: tail?.first ?? child.line, last: child.endLine, indent, markerOnFirstLine: false };
    owner.comments = [...owner.comments, ...commentsWithin(child)];
  });
  return drafts;
}

/** An item whose own first paragraph asks nothing and carries no metadata: it may be a stem. */
function readsAsStem(item: MarkdownBlock): boolean {
  const paragraph = questionParagraph(item);
  if (!paragraph || readsAsQuestion(paragraph)) return false;
  const own = item.children.filter((child) => !isList(child)).flatMap(commentsWithin);
  return metadataComments(own).length === 0;
}

const TASK_ITEM = /^[ \t]*[-*+][ \t]+\[[ xX]\]/;

function isQuestionList(document: MarkdownDocument, block: MarkdownBlock): boolean {
  return (
    isList(block) &&
    block.children.length > 0 &&
    block.children.every((item) => {
      const paragraph = questionParagraph(item);
      const isTask = TASK_ITEM.test(sourceLines(document, item.line, item.line));
      return paragraph !== null && !isTask && readsAsQuestion(paragraph);
    })
  );
}

/** Ends with "?" or carries a difficulty marker, once comments are set aside. */
function readsAsQuestion(paragraph: MarkdownBlock): boolean {
  const text = withoutComments(paragraph.inline ?? '');
  return endsWithQuestionMark(text) || readQuestionMarkers(text).difficulty !== null;
}

function draftOf(
  item: MarkdownBlock,
  list: MarkdownBlock,
  document: MarkdownDocument,
  topic: string | null,
): ItemDraft {
  const indent = contentIndent(sourceLines(document, item.line, item.line));
  const question = questionParagraph(item);
  const range = (first: number, last: number): SourceRange | null =>
    first <= last ? { first, last, indent, markerOnFirstLine: first === item.line } : null;
  return {
    line: item.line,
    number: list.type === 'ordered_list' ? item.info : null,
    topic,
    text: question ? range(question.line, question.endLine) : null,
    answer: range(question ? question.endLine + 1 : item.line, item.endLine),
    comments: commentsWithin(item),
  };
}

/** The item's first paragraph; a comment on its own line above it (metadata) may come first. */
function questionParagraph(item: MarkdownBlock): MarkdownBlock | null {
  const first = item.children.find((child) => !holdsOnlyComments(child));
  return first?.type === 'paragraph' ? first : null;
}

const LIST_MARKER = /^([ \t]*(?:\d{1,9}[.)]|[-+*]))([ \t]*)(.?)/;

/**
 * The column where an item's content starts, by CommonMark's rule: after the marker and
 * the spaces that follow it, unless there are none or more than four (then content starts one
 * column after the marker, and extra spaces make indented code).
 */
function contentIndent(firstLine: string): number {
  const match = LIST_MARKER.exec(firstLine);
  if (!match) return 0;
  const afterMarker = columnsOf(match[1]!);
  const spaces = columnsOf(match[1]! + match[2]!) - afterMarker;
  return match[3] === '' || spaces > 4 ? afterMarker + 1 : afterMarker + spaces;
}
