/**
 * Seeded sampling for random question sets. The generator is sfc32 seeded from SHA-256 of the
 * seed string: the same seed and pool give the same picks on every machine and Node version.
 */
import { createHash } from 'node:crypto';

export type Random = () => number;

export function seededRandom(seed: string): Random {
  const digest = createHash('sha256').update(seed, 'utf8').digest();
  let a = digest.readUInt32LE(0);
  let b = digest.readUInt32LE(4);
  let c = digest.readUInt32LE(8);
  let d = digest.readUInt32LE(12);
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  // Discard the first outputs: sfc32 mixes its state over the first few rounds.
  for (let i = 0; i < 12; i++) next();
  return next;
}

/** A uniformly random integer in [0, bound). */
const below = (bound: number, random: Random): number => Math.floor(random() * bound);

/** Uniform sample without replacement, in pick order (a partial Fisher–Yates shuffle). */
export function sampleWithoutReplacement<T>(items: readonly T[], count: number, random: Random): T[] {
  const pool = items.slice();
  const take = Math.min(count, pool.length);
  for (let i = 0; i < take; i++) {
    const j = i + below(pool.length - i, random);
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, take);
}

/**
 * Spreads `count` picks as evenly as possible over the groups: each gets ⌊count/k⌋, the
 * remainder goes to randomly chosen groups, and a group too small to fill its share passes the
 * shortfall to the others. Within a group picks are uniform; the result is shuffled.
 */
export function sampleBalanced<T>(groups: readonly (readonly T[])[], count: number, random: Random): T[] {
  const quotas = balancedQuotas(
    groups.map((group) => group.length),
    count,
    random,
  );
  const picks = groups.flatMap((group, i) => sampleWithoutReplacement(group, quotas[i], random));
  return sampleWithoutReplacement(picks, picks.length, random);
}

export function balancedQuotas(sizes: readonly number[], count: number, random: Random): number[] {
  const quotas = sizes.map(() => 0);
  let remaining = Math.min(
    count,
    sizes.reduce((sum, size) => sum + size, 0),
  );
  while (remaining > 0) {
    const open = sizes.map((_size, i) => i).filter((i) => quotas[i] < sizes[i]);
    const share = Math.floor(remaining / open.length);
    if (share > 0) {
      for (const i of open) {
        const add = Math.min(share, sizes[i] - quotas[i]);
        quotas[i] += add;
        remaining -= add;
      }
      continue;
    }
    for (const i of sampleWithoutReplacement(open, remaining, random)) quotas[i] += 1;
    remaining = 0;
  }
  return quotas;
}
