import type { ItemDraft, SectionDraft, WarningSink } from './bank-style';
import { holdsOnlyComments, isSeparator, rangeOfBlocks } from './blocks';
import { commentsWithin, type MarkdownBlock, type MarkdownDocument } from './markdown-tree';
import { metadataComments } from './metadata';
import { markdownOfBlocks } from './outline';
import type { SourceRange } from './source-text';

interface OpenItem {
  draft: ItemDraft;
  /** Blocks after the question block that answer it, while the answer is open. */
  answer: MarkdownBlock[];
}

/**
 * A section's questions for the styles where a question is a block (a bold line, a heading, a
 * `<details>` element) and its answer is either inside it or the blocks after it. Blocks before
 * the first question are the section's description; blocks after an answer has ended (by a
 * separator) and before the next question are reported and ignored, as in the list style.
 */
export class SectionCollector {
  private readonly description: MarkdownBlock[] = [];
  private readonly items: ItemDraft[] = [];
  private open: OpenItem | null = null;

  /**
   * `separatorsEndAnswers`: in bold-line banks a `<br/>` (or `---`) line ends an answer; in
   * heading banks only the next heading does, and a separator inside an answer stays in it.
   */
  constructor(
    private readonly document: MarkdownDocument,
    private readonly warn: WarningSink,
    private readonly separatorsEndAnswers: boolean,
  ) {}

  /** A question whose answer is the blocks that follow it, until `close()`. */
  openQuestion(question: MarkdownBlock, text: SourceRange, topic: string | null, number: string | null = null): void {
    this.close();
    const draft: ItemDraft = {
      line: question.line,
      number,
      topic,
      text,
      answer: null,
      comments: commentsWithin(question),
    };
    this.open = { draft, answer: [] };
  }

  /** A question that holds its own answer (a `<details>` element spanning `blocks`). */
  addQuestion(
    blocks: readonly MarkdownBlock[],
    text: SourceRange,
    answer: SourceRange | null,
    topic: string | null,
  ): void {
    this.close();
    const comments = blocks.flatMap(commentsWithin);
    this.items.push({ line: blocks[0]!.line, number: null, topic, text, answer, comments });
  }

  /** Any block that is neither a question nor a heading. */
  add(block: MarkdownBlock): void {
    if (this.open && this.separatorsEndAnswers && isSeparator(block)) this.close();
    else if (this.open) this.open.answer.push(block);
    else if (block.type === 'html_block' && metadataComments(block.comments).length > 0) {
      this.warn(block.line, 'a metadata comment outside the questions is ignored: move it next to its question');
    } else if (this.items.length === 0) this.description.push(block);
    else if (!isSeparator(block) && !holdsOnlyComments(block))
      this.warn(block.line, 'text outside the questions of a section is ignored');
  }

  /** Ends the open answer: at a separator, a heading or the next question. */
  close(): void {
    if (!this.open) return;
    const { draft, answer } = this.open;
    while (answer.length > 0 && isSeparator(answer[answer.length - 1]!)) answer.pop();
    draft.answer = rangeOfBlocks(answer);
    draft.comments = [...draft.comments, ...answer.flatMap(commentsWithin)];
    this.items.push(draft);
    this.open = null;
  }

  finish(): SectionDraft {
    this.close();
    const description = this.description.filter((block) => !isSeparator(block));
    return { description: markdownOfBlocks(this.document, description), items: this.items };
  }
}
