import type { WarningSink } from './bank-style';
import { headingLevel, type MarkdownBlock } from './markdown-tree';

/**
 * The deepest heading below the section heading that the blocks so far sit under: it groups
 * the questions after it into a topic, until a heading of the same or a higher level.
 */
export class TopicTrail {
  private readonly headings: { level: number; text: string }[] = [];

  /** Headings deeper than `sectionLevel` are topics; a higher one inside a section is a mistake. */
  constructor(
    private readonly sectionLevel: number,
    private readonly warn: WarningSink,
  ) {}

  enter(heading: MarkdownBlock): void {
    const level = headingLevel(heading) ?? 0;
    while (this.headings.length > 0 && this.headings[this.headings.length - 1]!.level >= level) this.headings.pop();
    if (level > this.sectionLevel) this.headings.push({ level, text: heading.plainText ?? '' });
    else this.warn(heading.line, `a "${'#'.repeat(level)}" heading inside a section is ignored`);
  }

  current(): string | null {
    return this.headings[this.headings.length - 1]?.text || null;
  }
}
