import { balancedQuotas, sampleBalanced, sampleWithoutReplacement, seededRandom } from '../../src/domain/sampling';

describe('seededRandom', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    const take = (seed: string) => Array.from({ length: 5 }, seededRandom(seed));
    expect(take('a')).toEqual(take('a'));
    expect(take('a')).not.toEqual(take('b'));
    expect(take('a').every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('is pinned: changing the generator would change every replayed set', () => {
    const random = seededRandom('qbank');
    expect(Array.from({ length: 3 }, () => Math.floor(random() * 1000))).toEqual(PINNED);
  });
});

describe('sampleWithoutReplacement', () => {
  const items = Array.from({ length: 20 }, (_, i) => i);

  it('picks count distinct items', () => {
    const picks = sampleWithoutReplacement(items, 7, seededRandom('x'));
    expect(picks).toHaveLength(7);
    expect(new Set(picks).size).toBe(7);
  });

  it('returns the whole pool when count is larger, and leaves the input alone', () => {
    const copy = items.slice();
    expect(sampleWithoutReplacement(items, 50, seededRandom('y')).sort((a, b) => a - b)).toEqual(items);
    expect(items).toEqual(copy);
  });

  it('is uniform: each item is picked about count/n of the time', () => {
    const hits = new Array(10).fill(0);
    for (let run = 0; run < 5000; run++)
      for (const pick of sampleWithoutReplacement(
        hits.map((_, i) => i),
        3,
        seededRandom(`u${run}`),
      ))
        hits[pick]++;
    // expected 1500 each; 5 standard deviations (~ 5 × 32) of slack
    for (const count of hits) expect(Math.abs(count - 1500)).toBeLessThan(165);
  });
});

describe('balancedQuotas', () => {
  it('splits evenly and gives the remainder to distinct groups', () => {
    const quotas = balancedQuotas([10, 10, 10, 10], 10, seededRandom('q'));
    expect(quotas.reduce((a, b) => a + b)).toBe(10);
    expect([...quotas].sort()).toEqual([2, 2, 3, 3]);
  });

  it('passes the shortfall of small groups to the others', () => {
    expect(balancedQuotas([1, 0, 20, 20], 9, seededRandom('q'))).toEqual([1, 0, 4, 4]);
  });

  it('never asks more than the groups hold', () => {
    expect(balancedQuotas([2, 3], 50, seededRandom('q'))).toEqual([2, 3]);
  });
});

describe('sampleBalanced', () => {
  it('takes the quota from each group', () => {
    const groups = [['a1', 'a2', 'a3'], ['b1', 'b2', 'b3'], ['c1']];
    const picks = sampleBalanced(groups, 5, seededRandom('s'));
    expect(picks).toHaveLength(5);
    expect(picks.filter((p) => p.startsWith('c'))).toEqual(['c1']);
    expect(picks.filter((p) => p.startsWith('a'))).toHaveLength(2);
    expect(picks.filter((p) => p.startsWith('b'))).toHaveLength(2);
  });
});

const PINNED = [93, 929, 826];
