import { Rating } from 'ts-fsrs';
import { OUTCOMES, defaultScore, fsrsRating, isOutcome } from '../../src/domain/learning/outcomes';

describe('OUTCOMES', () => {
  it('lists the four self-graded outcomes', () => {
    expect(OUTCOMES).toEqual(['CORRECT', 'PARTIAL', 'INCORRECT', 'SKIPPED']);
  });

  it('recognises outcomes by name and nothing else', () => {
    expect(OUTCOMES.every(isOutcome)).toBe(true);
    expect(isOutcome('correct')).toBe(false);
    expect(isOutcome('EASY')).toBe(false);
  });
});

describe('defaultScore', () => {
  it('scores CORRECT 1, PARTIAL 0.5, INCORRECT and SKIPPED 0', () => {
    expect(OUTCOMES.map(defaultScore)).toEqual([1, 0.5, 0, 0]);
  });
});

describe('fsrsRating', () => {
  it('is the mapping documented to users', () => {
    expect(fsrsRating('CORRECT')).toBe(Rating.Good);
    expect(fsrsRating('PARTIAL')).toBe(Rating.Hard);
    expect(fsrsRating('INCORRECT')).toBe(Rating.Again);
    expect(fsrsRating('SKIPPED')).toBe(Rating.Again);
  });

  it('never rates Easy', () => {
    expect(OUTCOMES.map(fsrsRating)).not.toContain(Rating.Easy);
  });
});
