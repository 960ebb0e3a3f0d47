/**
 * The order options are served in. Source order teaches position ("the answer is usually the
 * second"), so options are shuffled — but reproducibly: the same question in the same quiz, or
 * under the same randomQuestions seed, always shows the same order, so a page reload does not
 * reshuffle what the learner is reading.
 */
import { createHash } from 'node:crypto';
import type { OptionRecord } from './content';

export function shuffledOptions(options: readonly OptionRecord[], questionId: string, seed: string): OptionRecord[] {
  const rank = (option: OptionRecord): string =>
    createHash('sha256').update(`${seed}\n${questionId}\n${option.id}`).digest('hex');
  const ranks = new Map(options.map((option) => [option.id, rank(option)]));
  return [...options].sort((a, b) => (ranks.get(a.id)! < ranks.get(b.id)! ? -1 : 1));
}
