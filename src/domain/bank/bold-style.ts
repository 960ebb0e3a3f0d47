import type { BankStyle } from './bank-style';
import { rangeOfBlocks } from './blocks';
import { withoutComments, type MarkdownBlock } from './markdown-tree';
import { readQuestionMarkers, splitNumberLabel } from './markers';
import { outlineByLevelTwo } from './outline';
import { SectionCollector } from './section-collector';
import { TopicTrail } from './topics';

/**
 * A paragraph of bold text only is a question (`**What is overfitting? 👶**`); the blocks after
 * it are its answer, up to the next question, a heading, or a separator line (`<br/>`, `---`).
 * `##` headings start sections, deeper ones set topics, as in the list style.
 */
export const boldStyle: BankStyle = {
  name: 'bold',
  rule: 'in the bold style, each paragraph of bold text only is a question',
  outline: outlineByLevelTwo,
  readSection(section, document, warn) {
    const topics = new TopicTrail(2, warn);
    const collector = new SectionCollector(document, warn, true);
    for (const block of section.blocks) {
      if (block.type === 'heading') {
        collector.close();
        topics.enter(block);
      } else if (isBoldLine(block)) {
        collector.openQuestion(block, rangeOfBlocks([block])!, topics.current());
      } else {
        collector.add(block);
      }
    }
    return collector.finish();
  },
  questionText(markdown) {
    return splitNumberLabel(unbolded(markdown) ?? markdown);
  },
};

const BOLD = /^(\*\*|__)(?=\S)([\s\S]*?\S)\1$/;

/**
 * A paragraph that is bold text only, once metadata comments, difficulty markers and a source
 * link around it are set aside. A bold label that ends in ":" ("**Answer:**") introduces an
 * answer rather than asking.
 */
export function isBoldLine(block: MarkdownBlock): boolean {
  if (block.type !== 'paragraph') return false;
  const inner = unbolded(readQuestionMarkers(withoutComments(block.inline ?? '')).text);
  return inner !== null && !/:\s*$/.test(readQuestionMarkers(inner).text);
}

/** The text inside `**…**` (or `__…__`) when that is all there is; null otherwise. */
function unbolded(markdown: string): string | null {
  const match = BOLD.exec(markdown.trim());
  if (!match || match[2]!.includes(match[1]!)) return null;
  return match[2]!;
}
