import { headingLevel, sourceLines, type MarkdownBlock, type MarkdownDocument } from './markdown-tree';

/**
 * The shape every bank has: an optional `#` title, a preamble (the bank description) and its
 * sections. Which headings start sections is the style's choice: `##` for most styles, the
 * level above the questions for the heading style. What a section holds is up to the style.
 */
export interface BankOutline {
  /** The first `#` heading before the sections, if any: the bank's title. */
  titleHeading: MarkdownBlock | null;
  /** Top-level blocks before the first section, title heading excluded. */
  preamble: MarkdownBlock[];
  sections: SectionOutline[];
}

export interface SectionOutline {
  /** The heading that starts the section; null for the one section of a file without section headings. */
  heading: MarkdownBlock | null;
  /** Top-level blocks between this section's heading and the next one. */
  blocks: MarkdownBlock[];
}

export interface OutlineRule {
  /** Headings of this level start sections; null when the file has none. */
  sectionLevel: number | null;
  /** Whether a `#` heading before the sections is the title (not when `#` headings ask questions). */
  titled: boolean;
}

/**
 * Splits the top-level blocks into title, preamble and sections. A file without section
 * headings is one section, named after the bank by the caller, that starts after the title:
 * what comes before its first question is then the bank's description.
 */
export function outlineBank(blocks: readonly MarkdownBlock[], rule: OutlineRule): BankOutline {
  const preamble: MarkdownBlock[] = [];
  const sections: SectionOutline[] = [];
  for (const block of blocks) {
    const current = sections[sections.length - 1];
    if (rule.sectionLevel !== null && headingLevel(block) === rule.sectionLevel)
      sections.push({ heading: block, blocks: [] });
    else if (current) current.blocks.push(block);
    else preamble.push(block);
  }
  const titleHeading = rule.titled ? (preamble.find((block) => headingLevel(block) === 1) ?? null) : null;
  const untitled = preamble.filter((block) => block !== titleHeading);
  if (sections.length === 0) return { titleHeading, preamble: [], sections: [{ heading: null, blocks: untitled }] };
  return { titleHeading, preamble: untitled, sections };
}

/** The outline of the list, bold and details styles: `##` headings (ATX or setext) start sections. */
export function outlineByLevelTwo(document: MarkdownDocument): BankOutline {
  return outlineBank(document.blocks, { sectionLevel: 2, titled: true });
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
