import { counterIncrements } from '../../src/domain/attempt-effects';
import { EMPTY_PROFILE, isStrongLearner, type AttemptRecord } from '../../src/domain/attempts';
import { suspectedWrongKey, WRONG_KEY_MIN_STRONG_ATTEMPTS, type OptionCounts } from '../../src/domain/counters';

const attempt = (over: Partial<AttemptRecord>): AttemptRecord => ({
  id: 'a',
  questionId: 'b/q',
  bankId: 'b',
  sectionSlug: 's',
  outcome: 'PARTIAL',
  score: 0.5,
  timeSpentMs: null,
  answer: null,
  quizId: null,
  clientAttemptId: 'c',
  createdAt: '2026-12-01T10:00:00.000Z',
  selectedOptionIds: null,
  grading: null,
  ...over,
});
const firsts = { forQuestion: true, inSection: true, todayInBank: true };
const grading = { correct: false, score: 0.5, correctOptionIds: ['o1', 'o2'], explanation: null };

describe('option counters of an attempt', () => {
  it('adds one graded attempt and one pick per selected option', () => {
    const add = counterIncrements('u', attempt({ selectedOptionIds: ['o1', 'o3'], grading }), firsts).question;
    expect([add.graded, add.strongGraded, add.picks, add.strongPicks]).toEqual([1, 0, { o1: 1, o3: 1 }, {}]);
  });

  it("counts a strong learner's picks twice: among all and among strong learners", () => {
    const add = counterIncrements(
      'u',
      attempt({ selectedOptionIds: ['o2'], grading, byStrongLearner: true }),
      firsts,
    ).question;
    expect([add.graded, add.strongGraded, add.picks, add.strongPicks]).toEqual([1, 1, { o2: 1 }, { o2: 1 }]);
  });

  it('adds nothing to option counters for an open attempt', () => {
    const add = counterIncrements('u', attempt({}), firsts).question;
    expect([add.graded, add.strongGraded, add.picks, add.strongPicks]).toEqual([0, 0, {}, {}]);
  });
});

describe('strong learners', () => {
  it('need at least 5 earlier attempts, at least 70 % of them correct', () => {
    const with_ = (attemptCount: number, correctCount: number) =>
      isStrongLearner({ ...EMPTY_PROFILE, attemptCount, correctCount });
    expect([with_(4, 4), with_(5, 4), with_(5, 3), with_(10, 7), with_(10, 6)]).toEqual([
      false,
      true,
      false,
      true,
      false,
    ]);
  });
});

describe('suspectedWrongKey', () => {
  const options = [
    { id: 'right', correct: true },
    { id: 'lure', correct: false },
    { id: 'other', correct: false },
  ];
  const counts = (strongGraded: number, strongPicks: Record<string, number>): OptionCounts => ({
    graded: 100,
    strongGraded,
    picks: {},
    strongPicks,
  });

  it('flags a distractor strong learners pick more often than every correct option', () => {
    expect(suspectedWrongKey(options, counts(10, { right: 4, lure: 6 }))).toBe(true);
  });
  it('does not flag a tie or a correct option picked most', () => {
    expect(suspectedWrongKey(options, counts(10, { right: 5, lure: 5 }))).toBe(false);
    expect(suspectedWrongKey(options, counts(10, { right: 7, lure: 3 }))).toBe(false);
  });
  it(`needs ${WRONG_KEY_MIN_STRONG_ATTEMPTS} graded attempts by strong learners`, () => {
    expect(suspectedWrongKey(options, counts(9, { lure: 9 }))).toBe(false);
  });
  it('compares with the most picked of several correct options', () => {
    const multi = [...options, { id: 'right2', correct: true }];
    expect(suspectedWrongKey(multi, counts(12, { right: 2, right2: 6, lure: 5 }))).toBe(false);
    expect(suspectedWrongKey(multi, counts(12, { right: 2, right2: 4, lure: 5 }))).toBe(true);
  });
  it('never flags an open question', () => {
    expect(suspectedWrongKey([], counts(50, {}))).toBe(false);
  });
});
