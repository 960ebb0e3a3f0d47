/**
 * Stable question identity. Explicit ids win. Otherwise an id is derived once, from the bank,
 * the section and the normalised text, and then kept: the import plan matches edited and moved
 * questions to their old ids, so attempts recorded against them are never orphaned.
 */
import { createHash } from 'node:crypto';

/** Case, Markdown emphasis, dash variants and spacing do not change what a question is. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[*_`~]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function derivedLocalId(bankId: string, sectionSlug: string, normalizedText: string, occurrence = 1): string {
  return createHash('sha256')
    .update(`${bankId}\n${sectionSlug}\n${normalizedText}\n${occurrence}`)
    .digest('hex')
    .slice(0, 12);
}

/** Dice coefficient over character bigrams: 1 for equal texts, near 0 for unrelated ones. */
export function textSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const counts = new Map<string, number>();
  for (let i = 0; i < a.length - 1; i++) counts.set(a.slice(i, i + 2), (counts.get(a.slice(i, i + 2)) ?? 0) + 1);
  let shared = 0;
  for (let i = 0; i < b.length - 1; i++) {
    const bigram = b.slice(i, i + 2);
    const left = counts.get(bigram) ?? 0;
    if (left > 0) {
      shared++;
      counts.set(bigram, left - 1);
    }
  }
  return (2 * shared) / (a.length - 1 + b.length - 1);
}

export const contentHash = (value: unknown): string =>
  createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 24);
