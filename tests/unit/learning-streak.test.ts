import { currentStreak, daysBetween, extendStreak, utcDay } from '../../src/domain/learning/streak';

describe('utcDay', () => {
  it('is the UTC calendar day, whatever the offset the instant was written with', () => {
    expect(utcDay(new Date('2025-03-09T00:00:00Z'))).toBe('2025-03-09');
    expect(utcDay(new Date('2025-03-09T23:59:59.999Z'))).toBe('2025-03-09');
    expect(utcDay(new Date('2025-03-09T23:30:00-02:00'))).toBe('2025-03-10');
    expect(utcDay(new Date('2025-01-01T00:30:00+01:00'))).toBe('2024-12-31');
  });
});

describe('daysBetween', () => {
  it('counts calendar days across months, leap years and years', () => {
    expect(daysBetween('2025-01-31', '2025-02-01')).toBe(1);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-02-28', '2025-03-01')).toBe(1);
    expect(daysBetween('2024-12-31', '2025-01-01')).toBe(1);
    expect(daysBetween('2025-01-01', '2024-12-31')).toBe(-1);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
  });

  it('rejects strings that are not days', () => {
    expect(() => daysBetween('2025-02-30', '2025-03-01')).toThrow(RangeError);
    expect(() => daysBetween('2025-3-1', '2025-03-01')).toThrow(RangeError);
    expect(() => daysBetween('2025-03-01T00:00:00Z', '2025-03-01')).toThrow(RangeError);
  });
});

describe('extendStreak', () => {
  it('starts at 1 with the first answer', () => {
    expect(extendStreak({ lastDay: null, streak: 0 }, '2025-05-05')).toEqual({ lastDay: '2025-05-05', streak: 1 });
  });

  it('changes nothing on the same day', () => {
    expect(extendStreak({ lastDay: '2025-05-05', streak: 4 }, '2025-05-05')).toEqual({
      lastDay: '2025-05-05',
      streak: 4,
    });
  });

  it('adds one on the next day, across month, year and leap-day boundaries', () => {
    expect(extendStreak({ lastDay: '2025-01-31', streak: 4 }, '2025-02-01')).toEqual({
      lastDay: '2025-02-01',
      streak: 5,
    });
    expect(extendStreak({ lastDay: '2024-12-31', streak: 9 }, '2025-01-01')).toEqual({
      lastDay: '2025-01-01',
      streak: 10,
    });
    expect(extendStreak({ lastDay: '2024-02-28', streak: 1 }, '2024-02-29')).toEqual({
      lastDay: '2024-02-29',
      streak: 2,
    });
    expect(extendStreak({ lastDay: '2024-02-29', streak: 2 }, '2024-03-01')).toEqual({
      lastDay: '2024-03-01',
      streak: 3,
    });
    expect(extendStreak({ lastDay: '2025-02-28', streak: 7 }, '2025-03-01')).toEqual({
      lastDay: '2025-03-01',
      streak: 8,
    });
  });

  it('starts over at 1 after a gap', () => {
    expect(extendStreak({ lastDay: '2024-02-28', streak: 6 }, '2024-03-01')).toEqual({
      lastDay: '2024-03-01',
      streak: 1,
    });
    expect(extendStreak({ lastDay: '2024-12-30', streak: 6 }, '2025-01-01')).toEqual({
      lastDay: '2025-01-01',
      streak: 1,
    });
  });

  it('changes nothing for a day before the last one (late retry, clock skew)', () => {
    expect(extendStreak({ lastDay: '2025-01-01', streak: 3 }, '2024-12-31')).toEqual({
      lastDay: '2025-01-01',
      streak: 3,
    });
    expect(extendStreak({ lastDay: '2025-03-01', streak: 3 }, '2025-01-15')).toEqual({
      lastDay: '2025-03-01',
      streak: 3,
    });
  });

  it('counts a week of daily answers as 7, with repeats on the same day', () => {
    let state: { lastDay: string | null; streak: number } = { lastDay: null, streak: 0 };
    for (const day of [
      '2024-12-29',
      '2024-12-29',
      '2024-12-30',
      '2024-12-31',
      '2025-01-01',
      '2025-01-02',
      '2025-01-02',
      '2025-01-03',
      '2025-01-04',
    ]) {
      state = extendStreak(state, day);
    }
    expect(state).toEqual({ lastDay: '2025-01-04', streak: 7 });
  });
});

describe('currentStreak', () => {
  const state = { lastDay: '2024-12-31', streak: 12 };

  it('is the streak when the last answer was today or yesterday', () => {
    expect(currentStreak(state, '2024-12-31')).toBe(12);
    expect(currentStreak(state, '2025-01-01')).toBe(12);
  });

  it('is 0 once a whole day was missed', () => {
    expect(currentStreak(state, '2025-01-02')).toBe(0);
    expect(currentStreak({ lastDay: '2024-02-28', streak: 3 }, '2024-03-01')).toBe(0);
    expect(currentStreak({ lastDay: '2025-02-28', streak: 3 }, '2025-03-01')).toBe(3);
  });

  it('is 0 before the first answer', () => {
    expect(currentStreak({ lastDay: null, streak: 0 }, '2025-01-01')).toBe(0);
  });

  it('counts a last day after today (clock skew) as alive', () => {
    expect(currentStreak(state, '2024-12-30')).toBe(12);
  });
});
