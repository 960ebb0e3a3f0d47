/**
 * Stable option ids, like question ids: an explicit `<!-- option: … -->` id wins; otherwise an
 * option keeps the id of the stored option with the same text, then of the most similar one
 * (an edited option), and a new option gets an id derived from its text. So re-ordering the
 * options or fixing a typo in one keeps every id, and the picks counted against them.
 */
import { createHash } from 'node:crypto';
import type { ParsedOption } from './bank/types';
import type { OptionRecord } from './content';
import { normalizeText, textSimilarity } from './identity';
import { EDIT_SIMILARITY } from './question-matching';

export function optionRecords(options: readonly ParsedOption[], prior: readonly OptionRecord[]): OptionRecord[] {
  const ids: (string | null)[] = options.map((option) => option.explicitId);
  const claimed = new Set(ids.filter((id): id is string => id !== null));
  const norms = options.map((option) => normalizeText(option.text));
  const priorNorms = prior.map((option) => normalizeText(option.text));
  const claim = (i: number, j: number): void => {
    if (ids[i] !== null || claimed.has(prior[j]!.id)) return;
    ids[i] = prior[j]!.id;
    claimed.add(prior[j]!.id);
  };
  norms.forEach((norm, i) => priorNorms.forEach((priorNorm, j) => norm === priorNorm && claim(i, j)));
  const pairs = norms.flatMap((norm, i) =>
    priorNorms.map((priorNorm, j) => ({ i, j, score: textSimilarity(norm, priorNorm) })),
  );
  pairs.sort((a, b) => b.score - a.score || a.i - b.i);
  for (const { i, j, score } of pairs) if (score >= EDIT_SIMILARITY) claim(i, j);
  return options.map((option, i) => {
    let id = ids[i];
    for (let occurrence = 1; id === null || (ids[i] === null && claimed.has(id)); occurrence++) {
      id = derivedOptionId(norms[i]!, occurrence);
    }
    claimed.add(id);
    return { id, text: option.text, correct: option.correct };
  });
}

function derivedOptionId(normalizedText: string, occurrence: number): string {
  return 'o' + createHash('sha256').update(`${normalizedText}\n${occurrence}`).digest('hex').slice(0, 7);
}
