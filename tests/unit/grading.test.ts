import { DomainError } from '../../src/domain/errors';
import { gradeChoice, type GradedQuestion } from '../../src/domain/grading';

const single: GradedQuestion = {
  id: 'b/single',
  kind: 'SINGLE_CHOICE',
  options: [
    { id: 'a', text: 'A', correct: false },
    { id: 'b', text: 'B', correct: true },
    { id: 'c', text: 'C', correct: false },
  ],
};
const multiple: GradedQuestion = {
  id: 'b/multiple',
  kind: 'MULTIPLE_CHOICE',
  options: [
    { id: 'a', text: 'A', correct: true },
    { id: 'b', text: 'B', correct: true },
    { id: 'c', text: 'C', correct: false },
    { id: 'd', text: 'D', correct: false },
  ],
};
const codeOf = (grade: () => unknown): string => {
  try {
    grade();
  } catch (error) {
    if (error instanceof DomainError) return `${error.code}: ${error.message}`;
    throw error;
  }
  throw new Error('expected a DomainError');
};

describe('gradeChoice', () => {
  it('grades a single choice right or wrong', () => {
    expect(gradeChoice(single, ['b'])).toEqual({
      correct: true,
      score: 1,
      outcome: 'CORRECT',
      correctOptionIds: ['b'],
    });
    expect(gradeChoice(single, ['a'])).toEqual({
      correct: false,
      score: 0,
      outcome: 'INCORRECT',
      correctOptionIds: ['b'],
    });
  });

  it('gives multiple choice partial credit: (right − wrong) / right options, floored at 0', () => {
    const score = (ids: string[]) => [gradeChoice(multiple, ids).score, gradeChoice(multiple, ids).outcome];
    expect(score(['a', 'b'])).toEqual([1, 'CORRECT']);
    expect(score(['a'])).toEqual([0.5, 'PARTIAL']);
    expect(score(['a', 'b', 'c'])).toEqual([0.5, 'PARTIAL']);
    expect(score(['a', 'c'])).toEqual([0, 'INCORRECT']);
    expect(score(['a', 'b', 'c', 'd'])).toEqual([0, 'INCORRECT']);
    expect(score(['c', 'd'])).toEqual([0, 'INCORRECT']);
  });

  it('refuses options on an open question, unknown, repeated or too many options, and no pick', () => {
    expect(codeOf(() => gradeChoice({ id: 'b/open', kind: 'OPEN', options: [] }, ['a']))).toBe(
      'BAD_USER_INPUT: question "b/open" is open: it has no options to select',
    );
    expect(codeOf(() => gradeChoice(single, ['zz']))).toBe(
      'BAD_USER_INPUT: option "zz" is not an option of question "b/single"',
    );
    expect(codeOf(() => gradeChoice(multiple, ['a', 'a']))).toBe('BAD_USER_INPUT: selectedOptionIds repeats an option');
    expect(codeOf(() => gradeChoice(single, ['a', 'b']))).toBe(
      'BAD_USER_INPUT: question "b/single" takes exactly one option',
    );
    expect(codeOf(() => gradeChoice(single, []))).toBe(
      'BAD_USER_INPUT: selectedOptionIds must name at least one option',
    );
  });
});
