import type { BankStyle } from './bank-style';
import { headingTextRange } from './blocks';
import { headingLevel, withoutComments, type MarkdownBlock, type MarkdownDocument } from './markdown-tree';
import { endsWithQuestionMark, looksLikeQuestion, readQuestionMarkers, splitNumberLabel } from './markers';
import { outlineBank, type OutlineRule } from './outline';
import { SectionCollector } from './section-collector';
import { TopicTrail } from './topics';

/**
 * One heading per question (`#### 1) What is a data lake?`, `## 3. …`). Every heading at the
 * question level asks; what follows it up to the next heading of the same or a higher level
 * answers, deeper headings included. Higher headings are sections: the highest level above
 * the questions starts sections, the levels in between set topics, and a single `#` heading
 * that comes first is the bank title. Without such headings the bank is one section.
 */
export function headingStyle(document: MarkdownDocument): BankStyle {
  const layout = headingLayout(document.blocks);
  const { questionLevel } = layout;
  return {
    name: 'heading',
    rule: `in the heading style, each "${'#'.repeat(questionLevel)}" heading is a question`,
    outline: (doc) => outlineBank(doc.blocks, layout),
    readSection(section, doc, warn) {
      const topics = new TopicTrail(layout.sectionLevel ?? 1, warn);
      const collector = new SectionCollector(doc, warn, false);
      for (const block of section.blocks) {
        const level = headingLevel(block);
        if (level === questionLevel) {
          collector.openQuestion(block, headingTextRange(doc, block), topics.current());
        } else if (level !== null && level < questionLevel) {
          collector.close();
          topics.enter(block);
        } else {
          collector.add(block);
        }
      }
      return collector.finish();
    },
    questionText: splitNumberLabel,
  };
}

interface HeadingLayout extends OutlineRule {
  questionLevel: number;
}

function headingLayout(blocks: readonly MarkdownBlock[]): HeadingLayout {
  const headings = blocks.filter((block) => block.type === 'heading');
  const questionLevel = questionHeadingLevel(blocks)?.level ?? Math.max(1, ...headings.map((h) => headingLevel(h)!));
  const topLevel = headings.filter((heading) => headingLevel(heading) === 1);
  const titled = questionLevel > 1 && topLevel.length === 1 && headings[0] === topLevel[0];
  const above = headings
    .filter((h) => headingLevel(h)! < questionLevel && !(titled && h === topLevel[0]))
    .map((h) => headingLevel(h)!);
  return { questionLevel, sectionLevel: above.length > 0 ? Math.min(...above) : null, titled };
}

/**
 * The level where the headings that read as questions (ending in "?", or starting with a
 * printed number) are most numerous, and how many there are; on a tie, the deeper level, as
 * questions are the finest grain of a bank. Null when no heading reads as a question.
 *
 * One exception: numbered headings whose numbers start again under each heading of a
 * shallower level, none of them ending in "?", are the outline of long answers ("## 1.
 * Decorators" over "### 1. Syntax", "### 2. Use"): when every heading of that shallower level
 * reads as a question, it is the question level.
 */
export function questionHeadingLevel(blocks: readonly MarkdownBlock[]): { level: number; count: number } | null {
  const counts = new Map<number, number>();
  for (const block of blocks) {
    if (block.type === 'heading' && readsAsQuestion(block)) {
      const level = headingLevel(block)!;
      counts.set(level, (counts.get(level) ?? 0) + 1);
    }
  }
  let best: { level: number; count: number } | null = null;
  for (const [level, count] of counts) {
    if (!best || count > best.count || (count === best.count && level > best.level)) best = { level, count };
  }
  if (!best) return null;
  for (let level = 1; level < best.level; level++) {
    if (isQuestionLevel(blocks, level) && isAnswerOutline(blocks, level, best.level)) {
      return { level, count: counts.get(level)! };
    }
  }
  return best;
}

function readsAsQuestion(heading: MarkdownBlock): boolean {
  return looksLikeQuestion(withoutComments(heading.inline ?? ''));
}

/** At least two headings at `level`, and every one of them reads as a question. */
export function isQuestionLevel(blocks: readonly MarkdownBlock[], level: number): boolean {
  const headings = blocks.filter((block) => headingLevel(block) === level);
  return headings.length >= 2 && headings.every(readsAsQuestion);
}

/** No heading at `lower` asks with "?", and their printed numbers start again under a new `upper` heading. */
function isAnswerOutline(blocks: readonly MarkdownBlock[], upper: number, lower: number): boolean {
  let previous: number | null = null;
  let newUpper = false;
  let restarts = false;
  for (const block of blocks) {
    const level = headingLevel(block);
    if (level === upper) newUpper = true;
    if (level !== lower) continue;
    const text = withoutComments(block.inline ?? '');
    if (endsWithQuestionMark(text)) return false;
    const number = splitNumberLabel(readQuestionMarkers(text).text).number;
    if (number === null) continue;
    if (newUpper && previous !== null && Number(number) <= previous) restarts = true;
    previous = Number(number);
    newUpper = false;
  }
  return restarts;
}
