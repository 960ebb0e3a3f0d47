/**
 * The back-off of recordAttempt after losing a race with another attempt of the same user:
 * exponential, fully jittered, capped, and short enough in all to fit the Lambda's 10 s timeout.
 */
import { CONFLICT_ROUNDS, conflictBackoffMs } from '../../src/usecases/record-attempt';
import { AttemptConflict } from '../../src/store';

describe('conflictBackoffMs', () => {
  it('doubles its ceiling each round from 10 ms and caps it at 150 ms', () => {
    const ceilings = [1, 2, 3, 4, 5, 6, 40].map((round) => conflictBackoffMs(round, () => 1));
    expect(ceilings).toEqual([10, 20, 40, 80, 150, 150, 150]);
  });

  it('draws uniformly below the ceiling (full jitter)', () => {
    expect([0, 0.25, 0.5].map((r) => conflictBackoffMs(4, () => r))).toEqual([0, 20, 40]);
  });

  it('sleeps at most 5.4 s over all 40 rounds (none after the last)', () => {
    expect(CONFLICT_ROUNDS).toBe(40);
    const worst = Array.from({ length: CONFLICT_ROUNDS - 1 }, (_, i) => conflictBackoffMs(i + 1, () => 1)).reduce(
      (sum, ms) => sum + ms,
      0,
    );
    expect(worst).toBe(5400);
  });
});

describe('AttemptConflict', () => {
  it('says what conflicted, and after how many rounds when it gives up', () => {
    const conflict = new AttemptConflict('profile ConditionalCheckFailed');
    expect([conflict.name, conflict.message]).toEqual([
      'AttemptConflict',
      'attempt conflict: another attempt of the same user committed since this one read its records (profile ConditionalCheckFailed)',
    ]);
    expect(new AttemptConflict('profile ConditionalCheckFailed', 30).message).toBe(
      'attempt conflict: lost 30 rounds in a row to other attempts of the same user (last: profile ConditionalCheckFailed)',
    );
  });
});
