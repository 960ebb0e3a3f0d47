import { exactDelta, exactDifference, exactSum } from '../../src/store/learner/exact-decimal';

describe('exact decimal arithmetic for DynamoDB ADD', () => {
  it('subtracts the shortest decimal forms exactly', () => {
    expect(String(exactDifference(0.3, 0.1))).toBe('0.2');
    expect(String(exactDifference(14873491.171028137, 14873491.17102713))).toBe('0.000001007');
    expect(String(exactDifference(1e-7, 3e-8))).toBe('0.00000007');
    expect(String(exactDifference(5, 5))).toBe('0');
    expect(exactDifference(123, 0)).toBe(123);
    expect(String(exactDifference(0, 0.25))).toBe('-0.25');
  });

  it('adds exactly, so terms added and later taken out leave nothing', () => {
    const terms = [14873491.171028137, 0.1, 2.2355804e-9, 1234.5678];
    let sum = exactSum(undefined, 0);
    for (const term of terms) sum = exactSum(sum, term);
    for (const term of terms) sum = exactSum(sum, exactDifference(0, term));
    expect(String(sum)).toBe('0');
    expect(String(exactSum(0.1, 0.2))).toBe('0.3');
  });

  it('takes fields missing on one side as 0', () => {
    expect(
      Object.fromEntries(
        Object.entries(exactDelta({ a: 1.5, b: 2 }, { b: 0.5, c: 0.25 })).map(([k, v]) => [k, String(v)]),
      ),
    ).toEqual({ a: '1.5', b: '1.5', c: '-0.25' });
  });
});
