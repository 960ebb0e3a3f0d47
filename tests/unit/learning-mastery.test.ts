import { type Tally, confidence, correctRate, mastery, rankWeakest } from '../../src/domain/learning/mastery';

const tally = (attempts: number, scoreSum: number, correct = 0): Tally => ({ attempts, scoreSum, correct });

describe('mastery', () => {
  it('is the Beta(1, 1) posterior mean (scoreSum + 1) / (attempts + 2)', () => {
    expect(mastery(tally(0, 0))).toBe(0.5);
    expect(mastery(tally(1, 1))).toBe(2 / 3);
    expect(mastery(tally(1, 0))).toBe(1 / 3);
    expect(mastery(tally(4, 2.5))).toBe(3.5 / 6);
    expect(mastery(tally(50, 45))).toBe(46 / 52);
  });

  it('does not let 1 of 1 beat 45 of 50', () => {
    expect(mastery(tally(1, 1))).toBeCloseTo(0.667, 3);
    expect(mastery(tally(50, 45))).toBeCloseTo(0.885, 3);
    expect(mastery(tally(1, 1))).toBeLessThan(mastery(tally(50, 45)));
  });

  it('clamps a drifted score sum into [0, attempts]', () => {
    expect(mastery(tally(2, 2.5))).toBe(mastery(tally(2, 2)));
    expect(mastery(tally(2, -1))).toBe(mastery(tally(2, 0)));
  });
});

describe('confidence', () => {
  it('is 0 with no attempts', () => {
    expect(confidence(tally(0, 0))).toBe(0);
  });

  it('is 1 − sqrt(posterior variance × 12), to 4 decimals', () => {
    // Beta(2, 1): variance 2 / (9 × 4) = 1/18; 1 − sqrt(12/18) = 0.18350...
    expect(confidence(tally(1, 1))).toBe(0.1835);
    expect(confidence(tally(1, 0))).toBe(0.1835);
    // Beta(6, 6): variance 36 / (144 × 13); 1 − sqrt(12 × 36 / 1872) = 0.51962...
    expect(confidence(tally(10, 5))).toBe(0.5196);
    expect(confidence(tally(10, 10))).toBe(0.7345);
    expect(confidence(tally(50, 45))).toBe(0.848);
    expect(confidence(tally(100, 50))).toBe(0.8293);
    expect(confidence(tally(100, 100))).toBe(0.9664);
  });

  it('grows towards 1 with more attempts', () => {
    // Half-scores throughout: Beta(n/2 + 1, n/2 + 1); at n = 1 that is Beta(1.5, 1.5), 1 − sqrt(0.75).
    const values = [0, 1, 10, 100, 10_000].map((n) => confidence(tally(n, n / 2)));
    expect(values).toEqual([0, 0.134, 0.5196, 0.8293, 0.9827]);
  });
});

describe('correctRate', () => {
  it('is correct / attempts, 0 with no attempts', () => {
    expect(correctRate(tally(0, 0, 0))).toBe(0);
    expect(correctRate(tally(4, 2.5, 2))).toBe(0.5);
    expect(correctRate(tally(3, 3, 3))).toBe(1);
  });
});

describe('rankWeakest', () => {
  const topic = (name: string, attempts: number, scoreSum: number) => ({ name, tally: tally(attempts, scoreSum) });
  const names = (topics: { name: string }[]) => topics.map((t) => t.name);

  it('orders by ascending mastery and leaves out topics never attempted', () => {
    const topics = [
      topic('lucky', 1, 1), // 0.667
      topic('solid', 50, 45), // 0.885
      topic('untouched', 0, 0), // 0.5 but no evidence
      topic('shaky', 10, 3), // 0.333
      topic('middling', 4, 2), // 0.5
    ];
    expect(names(rankWeakest(topics, 10))).toEqual(['shaky', 'middling', 'lucky', 'solid']);
  });

  it('breaks a tie by more attempts first, then by input order', () => {
    const topics = [
      topic('a', 1, 0), // 1/3
      topic('b', 4, 1), // 2/6 = 1/3
      topic('c', 1, 0), // 1/3
      topic('d', 7, 2), // 3/9 = 1/3
    ];
    expect(names(rankWeakest(topics, 4))).toEqual(['d', 'b', 'a', 'c']);
  });

  it('returns at most limit topics and leaves the input alone', () => {
    const topics = [topic('x', 2, 2), topic('y', 2, 0), topic('z', 2, 1)];
    const copy = topics.slice();
    expect(names(rankWeakest(topics, 2))).toEqual(['y', 'z']);
    expect(rankWeakest(topics, 0)).toEqual([]);
    expect(rankWeakest(topics, -1)).toEqual([]);
    expect(topics).toEqual(copy);
  });

  it('keeps the extra fields of the topics', () => {
    const [weakest] = rankWeakest([{ section: 'Sorting', tally: tally(3, 1) }], 1);
    expect(weakest).toEqual({ section: 'Sorting', tally: tally(3, 1) });
  });
});
