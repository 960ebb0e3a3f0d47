import { prefixRange } from '../../src/store/query';

describe('prefixRange', () => {
  it('is a BETWEEN from the prefix to the prefix and U+FFFF', () => {
    expect(prefixRange('SEEN#agg#')).toEqual({
      condition: 'SK BETWEEN :lo AND :hi',
      values: { ':lo': 'SEEN#agg#', ':hi': 'SEEN#agg#\uffff' },
    });
  });

  it('takes the keys that start with the prefix and no other', () => {
    const { values } = prefixRange('SEC#agg#');
    const inRange = (sk: string) => sk >= values[':lo'] && sk <= values[':hi'];
    const keys = [
      'SEC#agg#',
      'SEC#agg#alpha',
      'SEC#agg#zz-9',
      'SEC#agg',
      'SEC#agh#a',
      'SEC#ag#a',
      'SEEN#agg#a',
      'SEC#agg$',
    ];
    expect(keys.filter(inRange)).toEqual(['SEC#agg#', 'SEC#agg#alpha', 'SEC#agg#zz-9']);
  });

  it('keeps the section and seen ranges apart (neither prefix starts the other)', () => {
    const sec = prefixRange('SEC#agg#').values;
    const seen = prefixRange('SEEN#agg#').values;
    expect(sec[':hi'] < seen[':lo']).toBe(true);
  });
});
