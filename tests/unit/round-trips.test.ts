import { roundTrips } from '../support/round-trips';

const call = (startedAt: number, endedAt: number) => ({ command: 'X', startedAt, endedAt });

describe('round trips of timed calls', () => {
  it('counts calls in flight together as one round and a call after an answer as the next', () => {
    expect(roundTrips([])).toBe(0);
    expect(roundTrips([call(0, 5)])).toBe(1);
    expect(roundTrips([call(0, 5), call(1, 6)])).toBe(1);
    expect(roundTrips([call(0, 5), call(5, 9)])).toBe(2);
    // a call sent after the short one answered, while the long one is still out: still round 2
    expect(roundTrips([call(0, 20), call(0, 3), call(4, 10)])).toBe(2);
    // three in a chain, given out of order
    expect(roundTrips([call(10, 15), call(0, 4), call(5, 9)])).toBe(3);
    // a late call that starts after the first round but in parallel with the second
    expect(roundTrips([call(0, 4), call(5, 9), call(6, 12), call(13, 14)])).toBe(3);
  });
});
