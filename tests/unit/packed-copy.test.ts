/**
 * packOf: the one rule readers (weakTopics, startQuiz WEAK_TOPICS) and stats:verify use to tell a
 * packed copy they may trust from one they must not (docs/data-model.md, "Packed section sums").
 */
import { packSums } from '../../src/domain/learning/section-aggregate';
import { packOf, parseLearnerItem } from '../../src/store/learner/learner-items';

const key = { PK: 'T#acme#U#ann', SK: 'PACK#bank#alpha' };
const sums = { stAttempts: 3, stCorrect: 2, stScore: 2.5, rp1n: 2, rp1i: 0.25 };
const read = { stAttempts: 3, stCorrect: 2, stScore: 2.5, leeches: 0, reviewed: 0, rp1n: 2, rp1i: 0.25 };
const bin = { rp1t: 0, rp1ii: 0, rp1ti: 0, rp1tti: 0 };
// the first format, as copies written before format 2 hold it (revision in `pr`)
const OLD = '{"a":3,"s":{"stAttempts":3,"stCorrect":2,"stScore":2.5,"rp1n":2,"rp1i":0.25}}';

describe('a packed copy is current', () => {
  it('in format 2 when the revision inside p is the item’s rev', () => {
    expect(packOf({ ...key, rev: 5, p: packSums({ rev: 5, attempts: 3, sums }) })).toEqual({
      rev: 5,
      current: { attempts: 3, sums: { ...read, ...bin } },
    });
  });

  it('in format 2 whatever a pr attribute says: the revision inside p decides', () => {
    const p = packSums({ rev: 5, attempts: 3, sums });
    expect(packOf({ ...key, rev: 5, pr: 4, p }).current).toEqual({ attempts: 3, sums: { ...read, ...bin } });
    expect(packOf({ ...key, rev: 6, pr: 6, p }).current).toBeNull();
  });

  it('in the first format when its pr attribute is the item’s rev', () => {
    expect(packOf({ ...key, rev: 5, pr: 5, p: OLD })).toEqual({
      rev: 5,
      current: { attempts: 3, sums },
    });
  });
});

describe('a packed copy is not current', () => {
  it('in format 2 when rev moved past the revision inside p (an attempt that raced), or is behind it', () => {
    expect(packOf({ ...key, rev: 6, p: packSums({ rev: 5, attempts: 3, sums }) })).toEqual({ rev: 6, current: null });
    expect(packOf({ ...key, rev: 4, p: packSums({ rev: 5, attempts: 3, sums }) })).toEqual({ rev: 4, current: null });
  });

  it('in the first format when pr is another revision, or missing', () => {
    expect(packOf({ ...key, rev: 6, pr: 5, p: OLD })).toEqual({ rev: 6, current: null });
    expect(packOf({ ...key, rev: 5, p: OLD })).toEqual({ rev: 5, current: null });
  });

  it('when p is missing or unreadable, whatever the revisions say', () => {
    for (const p of [undefined, 7, '', '[2,5,3]', '[3,5,3,0,0,0,0,0]', '{"a":3,"s":{"x":"1"}}'])
      expect(packOf({ ...key, rev: 5, pr: 5, p })).toEqual({ rev: 5, current: null });
  });

  it('for the maintenance scan as for readers (parseLearnerItem goes through packOf)', () => {
    expect(parseLearnerItem({ ...key, rev: 6, p: packSums({ rev: 5, attempts: 3, sums }) })).toEqual({
      kind: 'userPack',
      bankId: 'bank',
      section: 'alpha',
      rev: 6,
      current: null,
    });
    expect(parseLearnerItem({ ...key, rev: 5, p: packSums({ rev: 5, attempts: 3, sums }) })).toEqual({
      kind: 'userPack',
      bankId: 'bank',
      section: 'alpha',
      rev: 5,
      current: { attempts: 3, sums: { ...read, ...bin } },
    });
  });
});
