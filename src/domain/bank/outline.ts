import { headingLevel, sourceLines, type MarkdownBlock, type MarkdownDocument } from './markdown-tree';

/**
 * The shape every bank style shares: an optional `#` title, a preamble (the bank description)
 * and one section per level-2 heading (ATX `##` or setext). What a section holds is up to
 * the style.
 */
export interface BankOutline {
  /** The first `#` heading before the sections, if any: the bank's title. */
  titleHeading: MarkdownBlock | null;
  /** Top-level blocks before the first section, title heading excluded. */
  preamble: MarkdownBlock[];
  sections: SectionOutline[];
}

export interface SectionOutline {
  heading: MarkdownBlock;
  /** Top-level blocks between this section's heading and the next one. */
  blocks: MarkdownBlock[];
}

export function outlineBank(blocks: readonly MarkdownBlock[]): BankOutline {
  const preamble: MarkdownBlock[] = [];
  const sections: SectionOutline[] = [];
  for (const block of blocks) {
    const current = sections[sections.length - 1];
    if (headingLevel(block) === 2) sections.push({ heading: block, blocks: [] });
    else if (current) current.blocks.push(block);
    else preamble.push(block);
  }
  const titleHeading = preamble.find((block) => headingLevel(block) === 1) ?? null;
  return { titleHeading, preamble: preamble.filter((block) => block !== titleHeading), sections };
}

/**
 * The Markdown of some top-level blocks, one blank line between them. Thematic breaks are
 * dropped: in banks they only separate the description from the sections, or sections from
 * each other.
 */
export function markdownOfBlocks(document: MarkdownDocument, blocks: readonly MarkdownBlock[]): string {
  return blocks
    .filter((block) => block.type !== 'hr')
    .map((block) => sourceLines(document, block.line, block.endLine).trim())
    .filter((markdown) => markdown !== '')
    .join('\n\n');
}
