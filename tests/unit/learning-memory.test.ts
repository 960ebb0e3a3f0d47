import { createEmptyCard } from 'ts-fsrs';
import type { Outcome } from '../../src/domain/learning/outcomes';
import {
  LEECH_LAPSES,
  type MemoryState,
  fromCard,
  isLeech,
  retrievability,
  reviewMemory,
  toCard,
} from '../../src/domain/learning/memory';

const at = (iso: string) => new Date(iso);

const replay = (answers: [string, Outcome][], start: MemoryState | null = null): MemoryState[] => {
  const states: MemoryState[] = [];
  let state = start;
  for (const [when, outcome] of answers) {
    state = reviewMemory(state, outcome, at(when));
    states.push(state);
  }
  return states;
};

/**
 * Pinned: ts-fsrs 5 with default weights and learning steps, fuzz off. If these change, every
 * stored schedule would be replayed differently; update them only for a deliberate upgrade.
 */
const HISTORY: [string, Outcome][] = [
  ['2025-01-01T09:00:00Z', 'CORRECT'],
  ['2025-01-01T09:10:00Z', 'CORRECT'],
  ['2025-01-04T09:00:00Z', 'CORRECT'],
  ['2025-01-20T09:00:00Z', 'PARTIAL'],
  ['2025-02-20T09:00:00Z', 'INCORRECT'],
  ['2025-02-20T09:10:00Z', 'CORRECT'],
  ['2025-02-25T09:00:00Z', 'SKIPPED'],
];

const PINNED: MemoryState[] = [
  {
    stability: 2.3065,
    difficulty: 2.11810397,
    due: '2025-01-01T09:10:00.000Z',
    lastReview: '2025-01-01T09:00:00.000Z',
    reps: 1,
    lapses: 0,
    phase: 'LEARNING',
    scheduledDays: 0,
    learningSteps: 1,
    elapsedDays: 0,
  },
  {
    stability: 2.3065,
    difficulty: 2.11121424,
    due: '2025-01-03T09:10:00.000Z',
    lastReview: '2025-01-01T09:10:00.000Z',
    reps: 2,
    lapses: 0,
    phase: 'REVIEW',
    scheduledDays: 2,
    learningSteps: 0,
    elapsedDays: 0,
  },
  {
    stability: 13.8358397,
    difficulty: 2.1043314,
    due: '2025-01-18T09:00:00.000Z',
    lastReview: '2025-01-04T09:00:00.000Z',
    reps: 3,
    lapses: 0,
    phase: 'REVIEW',
    scheduledDays: 14,
    learningSteps: 0,
    elapsedDays: 3,
  },
  {
    stability: 42.34592965,
    difficulty: 4.74371562,
    due: '2025-03-03T09:00:00.000Z',
    lastReview: '2025-01-20T09:00:00.000Z',
    reps: 4,
    lapses: 0,
    phase: 'REVIEW',
    scheduledDays: 42,
    learningSteps: 0,
    elapsedDays: 16,
  },
  {
    stability: 2.60560946,
    difficulty: 8.25752343,
    due: '2025-02-20T09:10:00.000Z',
    lastReview: '2025-02-20T09:00:00.000Z',
    reps: 5,
    lapses: 1,
    phase: 'RELEARNING',
    scheduledDays: 0,
    learningSteps: 0,
    elapsedDays: 31,
  },
  {
    stability: 2.60560946,
    difficulty: 8.24449428,
    due: '2025-02-23T09:10:00.000Z',
    lastReview: '2025-02-20T09:10:00.000Z',
    reps: 6,
    lapses: 1,
    phase: 'REVIEW',
    scheduledDays: 3,
    learningSteps: 0,
    elapsedDays: 0,
  },
  {
    stability: 0.66977237,
    difficulty: 9.40820558,
    due: '2025-02-25T09:10:00.000Z',
    lastReview: '2025-02-25T09:00:00.000Z',
    reps: 7,
    lapses: 2,
    phase: 'RELEARNING',
    scheduledDays: 0,
    learningSteps: 0,
    elapsedDays: 5,
  },
];

describe('reviewMemory', () => {
  it('gives the pinned schedule for a fixed history', () => {
    expect(replay(HISTORY)).toEqual(PINNED);
  });

  it('starts a never-seen question from an empty card at the answer time', () => {
    const first = (outcome: Outcome) => reviewMemory(null, outcome, at('2025-01-01T09:00:00Z'));
    expect(first('CORRECT')).toEqual(PINNED[0]);
    expect(first('PARTIAL')).toEqual({
      stability: 1.2931,
      difficulty: 5.11217071,
      due: '2025-01-01T09:06:00.000Z',
      lastReview: '2025-01-01T09:00:00.000Z',
      reps: 1,
      lapses: 0,
      phase: 'LEARNING',
      scheduledDays: 0,
      learningSteps: 0,
      elapsedDays: 0,
    });
    const forgotten = {
      stability: 0.212,
      difficulty: 6.4133,
      due: '2025-01-01T09:01:00.000Z',
      lastReview: '2025-01-01T09:00:00.000Z',
      reps: 1,
      lapses: 0,
      phase: 'LEARNING',
      scheduledDays: 0,
      learningSteps: 0,
      elapsedDays: 0,
    };
    expect(first('INCORRECT')).toEqual(forgotten);
    expect(first('SKIPPED')).toEqual(forgotten);
  });

  it('replays identically from states that went through JSON (storage)', () => {
    const stored = JSON.parse(JSON.stringify(PINNED[3])) as MemoryState;
    expect(reviewMemory(stored, 'INCORRECT', at(HISTORY[4][0]))).toEqual(PINNED[4]);
  });

  it('leaves the previous state alone', () => {
    const previous = { ...PINNED[2] };
    reviewMemory(previous, 'CORRECT', at('2025-01-20T09:00:00Z'));
    expect(previous).toEqual(PINNED[2]);
  });

  it('reviews an answer stamped before the last review as if at the last review', () => {
    const late = reviewMemory(PINNED[2], 'CORRECT', at('2025-01-02T09:00:00Z'));
    expect(late).toEqual(reviewMemory(PINNED[2], 'CORRECT', at(PINNED[2].lastReview!)));
    expect(late.lastReview).toBe('2025-01-04T09:00:00.000Z');
    expect(late.reps).toBe(4);
  });
});

describe('lapses', () => {
  it('count only a question forgotten in REVIEW, not while (re)learning', () => {
    const learning = reviewMemory(null, 'INCORRECT', at('2025-01-01T09:00:00Z'));
    expect(learning).toMatchObject({ phase: 'LEARNING', lapses: 0 });
    const relearning = reviewMemory(PINNED[4], 'INCORRECT', at('2025-02-20T09:10:00Z'));
    expect(relearning).toMatchObject({ phase: 'RELEARNING', lapses: 1 });
    expect(PINNED[3].phase).toBe('REVIEW');
    expect(PINNED[4]).toMatchObject({ phase: 'RELEARNING', lapses: 1 });
  });

  it('count a skip in REVIEW like a wrong answer', () => {
    expect(reviewMemory(PINNED[5], 'SKIPPED', at('2025-02-25T09:00:00Z'))).toEqual(
      reviewMemory(PINNED[5], 'INCORRECT', at('2025-02-25T09:00:00Z')),
    );
    expect(PINNED[6].lapses).toBe(2);
  });

  it('make a leech at 8', () => {
    expect(LEECH_LAPSES).toBe(8);
    let state = PINNED[5];
    const lapsesSeen: number[] = [];
    const leech: boolean[] = [];
    for (let day = 1; day <= 7; day++) {
      // Forgotten in review, then relearned ten minutes later: one more lapse per day.
      const date = `2025-03-${String(day).padStart(2, '0')}`;
      state = reviewMemory(state, 'INCORRECT', at(`${date}T09:00:00Z`));
      state = reviewMemory(state, 'CORRECT', at(`${date}T09:10:00Z`));
      lapsesSeen.push(state.lapses);
      leech.push(isLeech(state));
    }
    expect(lapsesSeen).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(leech).toEqual([false, false, false, false, false, false, true]);
  });
});

describe('retrievability', () => {
  it('is 0 for a question never reviewed', () => {
    expect(retrievability(fromCard(createEmptyCard(at('2025-01-01T00:00:00Z'))), at('2025-06-01T00:00:00Z'))).toBe(0);
  });

  it('is 1 on the day of a review and falls day by day (pinned, 4 decimals)', () => {
    // Stability 2.60560946 days, reviewed 2025-02-20T09:10Z: about 90% once ~2.6 days have passed.
    const state = PINNED[5];
    const days = [
      '2025-02-20T20:00:00Z',
      '2025-02-21T09:10:00Z',
      '2025-02-22T09:10:00Z',
      '2025-02-23T09:10:00Z',
      '2025-03-22T09:10:00Z',
    ];
    expect(days.map((d) => retrievability(state, at(d)))).toEqual([1, 0.9519, 0.9171, 0.89, 0.6792]);
  });

  it('falls more slowly for a question with higher stability', () => {
    const later = at('2025-03-10T09:00:00Z');
    const stable = { ...PINNED[5], stability: 42.34592965 };
    expect(retrievability(stable, later)).toBeGreaterThan(retrievability(PINNED[5], later));
  });

  it('treats a time before the last review as the review itself', () => {
    expect(retrievability(PINNED[5], at('2025-02-01T00:00:00Z'))).toBe(1);
  });
});

describe('Card conversion', () => {
  it('round-trips a state through a ts-fsrs Card', () => {
    for (const state of PINNED) expect(fromCard(toCard(state))).toEqual(state);
  });

  it('round-trips a Card through a state, including a never-reviewed card', () => {
    const empty = createEmptyCard(at('2025-01-01T00:00:00Z'));
    expect(toCard(fromCard(empty))).toEqual(empty);
    expect(fromCard(empty)).toMatchObject({ phase: 'NEW', lastReview: null, reps: 0, lapses: 0 });
    const reviewed = toCard(PINNED[4]);
    expect(toCard(fromCard(reviewed))).toEqual(reviewed);
    expect(reviewed.last_review).toEqual(at('2025-02-20T09:00:00Z'));
  });
});
