import {
  MAX_TIME_MS,
  bucketLowerMs,
  bucketMidMs,
  bucketOf,
  bucketUpperMs,
  histogramOf,
  mergeHistograms,
  quantile,
} from '../../src/domain/learning/time-histogram';

describe('bucketOf', () => {
  it('gives the pinned key for sample times', () => {
    const times = [0, 9, 10, 20, 21, 33, 34, 999, 1000, 5000, 10_000, 30_000, 60_000, 3_600_000];
    expect(times.map(bucketOf)).toEqual([
      'b0',
      'b0',
      'b1',
      'b1',
      'b2',
      'b2',
      'b3',
      'b25',
      'b25',
      'b41',
      'b48',
      'b59',
      'b67',
      'b110',
    ]);
  });

  it('clamps times outside 0..1 hour and rejects NaN', () => {
    expect(bucketOf(-5)).toBe('b0');
    expect(bucketOf(MAX_TIME_MS + 1)).toBe('b110');
    expect(bucketOf(Infinity)).toBe('b110');
    expect(() => bucketOf(NaN)).toThrow(RangeError);
  });

  it('agrees with the bucket edges for every bucket', () => {
    for (let k = 0; k <= 110; k++) {
      const key = `b${k}`;
      expect(bucketOf(bucketLowerMs(key))).toBe(key);
      expect(bucketOf(bucketUpperMs(key) - 0.001)).toBe(key);
      expect(bucketUpperMs(key)).toBe(bucketLowerMs(`b${k + 1}`));
    }
  });
});

describe('bucket edges', () => {
  it('are 100 · (1.1^k − 1) ms, as exact decimals at the low end', () => {
    expect([0, 1, 2, 3, 4].map((k) => bucketLowerMs(`b${k}`))).toEqual([0, 10, 21, 33.1, 46.41]);
    expect(bucketLowerMs('b37')).toBe(3300.394859);
    expect(bucketUpperMs('b37')).toBe(3640.434344);
    expect(bucketMidMs('b37')).toBeCloseTo(3470.4146015, 9);
    expect(bucketMidMs('b0')).toBe(5);
    expect(bucketUpperMs('b110')).toBe(3931669.528717);
  });

  it('are at most 10% of (time + 100 ms) apart: the documented error bound', () => {
    for (let k = 0; k <= 110; k++) {
      const lower = bucketLowerMs(`b${k}`);
      expect(bucketUpperMs(`b${k}`) - lower).toBeLessThanOrEqual(0.1 * (lower + 100) + 1e-5);
    }
  });

  it('reject keys outside the scheme', () => {
    expect(() => bucketUpperMs('37')).toThrow(RangeError);
    expect(() => bucketMidMs('b-1')).toThrow(RangeError);
  });
});

describe('mergeHistograms', () => {
  it('sums counts per bucket and leaves the inputs alone', () => {
    const a = { b1: 2, b5: 1 };
    const b = { b5: 3, b9: 1 };
    expect(mergeHistograms(a, b, {})).toEqual({ b1: 2, b5: 4, b9: 1 });
    expect(a).toEqual({ b1: 2, b5: 1 });
    expect(mergeHistograms()).toEqual({});
  });
});

describe('quantile', () => {
  it('is null for an empty histogram', () => {
    expect(quantile({}, 0.5)).toBeNull();
    expect(quantile({ b3: 0 }, 0.5)).toBeNull();
  });

  it('interpolates inside the bucket: exact results for tiny histograms', () => {
    // One time in b37 (3300.39..3640.43 ms): the median is the bucket middle.
    expect(quantile({ b37: 1 }, 0)).toBe(3300);
    expect(quantile({ b37: 1 }, 0.5)).toBe(3470);
    expect(quantile({ b37: 1 }, 1)).toBe(3640);
    // Two times, in b0 (0..10) and b1 (10..21): rank 1 ends b0; rank 1.8 is 80% into b1.
    expect(quantile({ b0: 1, b1: 1 }, 0.5)).toBe(10);
    expect(quantile({ b0: 1, b1: 1 }, 0.9)).toBe(19);
    // b10 is 159.37..185.31 ms, b20 572.75..640.02 ms: 159.37 + 2/3 × 25.94; 572.75 + 0.6 × 67.27.
    expect(quantile({ b10: 3, b20: 1 }, 0.5)).toBe(177);
    expect(quantile({ b10: 3, b20: 1 }, 0.9)).toBe(613);
  });

  it('does not spill into the next bucket when q × total is a whole number', () => {
    // A q computed by arithmetic: 0.1 × 3 is 0.30000000000000004, and × 10 a hair over rank 3.
    expect(quantile({ b10: 3, b20: 7 }, 0.1 * 3)).toBe(185);
  });

  it('ignores entries that are not buckets or have no positive count', () => {
    expect(quantile({ b37: 1, total: 99, b50: 0, b60: -2 }, 0.5)).toBe(3470);
  });

  it('rejects q outside [0, 1]', () => {
    expect(() => quantile({ b1: 1 }, 1.5)).toThrow(RangeError);
    expect(() => quantile({ b1: 1 }, -0.1)).toThrow(RangeError);
    expect(() => quantile({ b1: 1 }, NaN)).toThrow(RangeError);
  });

  describe('on generated answer times (fixed data)', () => {
    const PHI = 0.6180339887498949;
    const frac = (x: number) => x - Math.floor(x);
    const samples: Record<string, number[]> = {
      skewed: Array.from({ length: 1000 }, (_, i) => Math.round(1500 + 120_000 * frac(i * PHI) ** 2)),
      logUniform: Array.from({ length: 1000 }, (_, i) => Math.round(1000 * 600 ** frac(i * PHI))),
      cluster: Array.from({ length: 1000 }, (_, i) => 30_000 + ((i * 37) % 2000)),
    };
    const nearestRank = (times: number[], q: number) =>
      times.slice().sort((a, b) => a - b)[Math.ceil(q * times.length) - 1];

    it.each(Object.keys(samples))('%s: median and p90 within 10% of the exact value', (name) => {
      const histogram = histogramOf(samples[name]);
      for (const q of [0.5, 0.9]) {
        const exact = nearestRank(samples[name], q);
        expect(Math.abs(quantile(histogram, q)! - exact)).toBeLessThanOrEqual(0.1 * exact);
      }
    });

    it('gives pinned values', () => {
      const pinned = Object.values(samples).map((times) => [
        quantile(histogramOf(times), 0.5),
        quantile(histogramOf(times), 0.9),
      ]);
      expect(pinned).toEqual([
        [31519, 98717], // exact 31402, 98555
        [24454, 316944], // exact 24367, 315113
        [31536, 33022], // exact 30971, 31793
      ]);
    });

    it('is the same from shards merged as from one histogram', () => {
      const times = samples.skewed;
      const shards = [0, 1, 2].map((s) => histogramOf(times.filter((_, i) => i % 3 === s)));
      expect(mergeHistograms(...shards)).toEqual(histogramOf(times));
    });
  });

  it('stays within the bound in the worst case: every time on a bucket edge', () => {
    const edge = bucketLowerMs('b48'); // 8,954.17 ms
    const histogram = histogramOf(Array(100).fill(edge));
    expect(histogram).toEqual({ b48: 100 });
    const worst = quantile(histogram, 1)!;
    expect(worst - edge).toBeLessThanOrEqual(0.1 * (edge + 100) + 0.5);
  });
});
