import type { WarningSink } from './bank-style';
import { readChoices } from './choices';
import { resolveRelativeLinks } from './links';
import { sourceLines, type MarkdownDocument } from './markdown-tree';
import type { ParsedQuestion } from './types';

export type GradedContent = Pick<ParsedQuestion, 'text' | 'answer' | 'kind' | 'options' | 'explanation' | 'references'>;

/**
 * A question's text and answer as the style found them, read for options, explanation and
 * references (choices.ts), with relative links resolved against the file's URL. Findings are
 * reported on the source line they are about, searched from the question's first line.
 */
export function gradedContent(
  text: string,
  answer: string,
  where: { document: MarkdownDocument; line: number; fileUrl: string | null; warn: WarningSink },
): GradedContent {
  const reading = readChoices(text, answer);
  for (const { snippet, message } of reading.findings) where.warn(lineOf(where.document, where.line, snippet), message);
  const unresolved: string[] = [];
  const resolve = (markdown: string): string => {
    const resolved = resolveRelativeLinks(markdown, where.fileUrl);
    unresolved.push(...resolved.unresolved);
    return resolved.markdown;
  };
  const content: GradedContent = {
    text: resolve(reading.text),
    answer: resolve(reading.answer),
    kind: reading.kind,
    options: reading.options.map((option) => ({ ...option, text: resolve(option.text) })),
    explanation: reading.explanation === null ? null : resolve(reading.explanation),
    references: reading.references.map(resolve),
  };
  for (const target of new Set(unresolved)) {
    where.warn(
      lineOf(where.document, where.line, target),
      `relative link "${target}" is kept as written: --source-url resolves it`,
    );
  }
  return content;
}

/** The first line at or after `from` that holds `snippet` (trimmed); `from` when none does. */
export function lineOf(document: MarkdownDocument, from: number, snippet: string): number {
  const wanted = snippet.trim();
  if (wanted === '') return from;
  for (let line = from; line <= document.lineStarts.length; line++) {
    if (sourceLines(document, line, line).includes(wanted)) return line;
  }
  return from;
}
