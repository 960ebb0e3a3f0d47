/**
 * Server-side grading of a choice question from the options a learner picked. Single choice
 * and true/false: right or wrong. Multiple choice: partial credit,
 * (right picks − wrong picks) / right options, floored at 0 — so picking everything scores 0,
 * and one of two right options with no wrong pick scores 0.5. The outcome follows the score:
 * 1 is CORRECT, 0 INCORRECT, anything between PARTIAL.
 *
 * recordAttempt grades every attempt on a choice question with it (usecases/record-attempt.ts).
 */
import type { OptionRecord } from './content';
import type { QuestionKind } from './bank/types';
import { badInput } from './errors';

export interface Grading {
  correct: boolean;
  score: number;
  outcome: 'CORRECT' | 'PARTIAL' | 'INCORRECT';
  correctOptionIds: string[];
}

export interface GradedQuestion {
  id: string;
  kind: QuestionKind;
  options: readonly OptionRecord[];
}

/** Throws BAD_USER_INPUT for picks on an open question, unknown or repeated option ids, or no pick at all. */
export function gradeChoice(question: GradedQuestion, selectedOptionIds: readonly string[]): Grading {
  if (question.kind === 'OPEN') throw badInput(`question "${question.id}" is open: it has no options to select`);
  if (selectedOptionIds.length === 0) throw badInput('selectedOptionIds must name at least one option');
  const known = new Map(question.options.map((option) => [option.id, option]));
  const unknown = selectedOptionIds.find((id) => !known.has(id));
  if (unknown !== undefined) throw badInput(`option "${unknown}" is not an option of question "${question.id}"`);
  if (new Set(selectedOptionIds).size !== selectedOptionIds.length)
    throw badInput('selectedOptionIds repeats an option');
  if (question.kind !== 'MULTIPLE_CHOICE' && selectedOptionIds.length > 1)
    throw badInput(`question "${question.id}" takes exactly one option`);
  const correctOptionIds = question.options.filter((option) => option.correct).map((option) => option.id);
  const right = selectedOptionIds.filter((id) => known.get(id)!.correct).length;
  const wrong = selectedOptionIds.length - right;
  const score = Math.max(0, (right - wrong) / correctOptionIds.length);
  const rounded = Math.round(score * 10_000) / 10_000;
  return {
    correct: rounded === 1,
    score: rounded,
    outcome: rounded === 1 ? 'CORRECT' : rounded === 0 ? 'INCORRECT' : 'PARTIAL',
    correctOptionIds,
  };
}
