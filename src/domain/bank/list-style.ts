import type { BankStyle, ItemDraft, SectionDraft } from './bank-style';
import { holdsOnlyComments, isList } from './blocks';
import { commentsWithin, sourceLines, type MarkdownBlock, type MarkdownDocument } from './markdown-tree';
import { metadataComments } from './metadata';
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
        items.push(...block.children.map((item) => draftOf(item, block, document, topics.current())));
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
