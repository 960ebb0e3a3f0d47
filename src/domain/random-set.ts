/**
 * Picks a random question set from a pool: validates the request's bounds, applies the
 * exclusions and the strategy. Pure: the seed decides everything.
 */
import { badInput } from './errors';
import { positionIn, type OrderedQuestion } from './pagination';
import { isSharedPool } from './question-pool';
import { sampleBalanced, sampleWithoutReplacement, seededRandom } from './sampling';

export const MAX_COUNT = 50;
export const MAX_EXCLUDED = 500;
export const MAX_SEED_LENGTH = 128;

export type Strategy = 'UNIFORM' | 'BALANCED';

export interface RandomSetRequest {
  count: number;
  seed: string;
  strategy: Strategy;
  excludeQuestionIds: readonly string[];
}

export function checkRandomSetRequest(request: RandomSetRequest): void {
  const { count, seed, excludeQuestionIds } = request;
  if (!Number.isInteger(count) || count < 1 || count > MAX_COUNT) {
    throw badInput(`"count" must be an integer from 1 to ${MAX_COUNT}, got ${count}`);
  }
  if (seed.length === 0 || seed.length > MAX_SEED_LENGTH) {
    throw badInput(`"seed" must be 1 to ${MAX_SEED_LENGTH} characters long`);
  }
  if (excludeQuestionIds.length > MAX_EXCLUDED) {
    throw badInput(`"excludeQuestionIds" takes at most ${MAX_EXCLUDED} ids, got ${excludeQuestionIds.length}`);
  }
}

export interface RandomSet {
  picks: OrderedQuestion[];
  poolSize: number;
}

export function pickRandomSet(pool: readonly OrderedQuestion[], request: RandomSetRequest): RandomSet {
  checkRandomSetRequest(request);
  const eligible = withoutExcluded(pool, new Set(request.excludeQuestionIds));
  const random = seededRandom(request.seed);
  const picks =
    request.strategy === 'BALANCED'
      ? sampleBalanced(sectionsOf(eligible), request.count, random)
      : sampleWithoutReplacement(eligible, request.count, random);
  return { picks, poolSize: eligible.length };
}

/** The pool without the excluded questions, in order: a shared pool is cut where they stand, not scanned. */
function withoutExcluded(pool: readonly OrderedQuestion[], excluded: ReadonlySet<string>): readonly OrderedQuestion[] {
  if (excluded.size === 0) return pool;
  if (!isSharedPool(pool)) return pool.filter((entry) => !excluded.has(entry.question.id));
  const positions = [...excluded].map((id) => positionIn(pool, id)).filter((at) => at >= 0);
  if (positions.length === 0) return pool;
  positions.sort((a, b) => a - b);
  const kept = [...positions, pool.length].map((at, i) => pool.slice(i === 0 ? 0 : positions[i - 1] + 1, at));
  return ([] as OrderedQuestion[]).concat(...kept);
}

const sectionsByPool = new WeakMap<readonly OrderedQuestion[], readonly (readonly OrderedQuestion[])[]>();

/** The pool's questions grouped by section, in pool order; worked out once for a shared pool. */
export function sectionsOf(pool: readonly OrderedQuestion[]): readonly (readonly OrderedQuestion[])[] {
  if (!isSharedPool(pool)) return groupBySection(pool);
  let groups = sectionsByPool.get(pool);
  if (!groups) sectionsByPool.set(pool, (groups = groupBySection(pool)));
  return groups;
}

function groupBySection(pool: readonly OrderedQuestion[]): OrderedQuestion[][] {
  const groups = new Map<string, OrderedQuestion[]>();
  for (const entry of pool) {
    const key = `${entry.order[0]}/${entry.question.sectionSlug}`;
    const group = groups.get(key);
    if (group) group.push(entry);
    else groups.set(key, [entry]);
  }
  return [...groups.values()];
}
