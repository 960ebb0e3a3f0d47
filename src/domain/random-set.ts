/**
 * Picks a random question set from a pool: validates the request's bounds, applies the
 * exclusions and the strategy. Pure: the seed decides everything.
 */
import { badInput } from './errors';
import type { OrderedQuestion, QuestionPool } from './question-pool';
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

export function pickRandomSet(pool: QuestionPool, request: RandomSetRequest): RandomSet {
  checkRandomSetRequest(request);
  const eligible = pool.without(new Set(request.excludeQuestionIds));
  const random = seededRandom(request.seed);
  const picks =
    request.strategy === 'BALANCED'
      ? sampleBalanced(eligible.sections, request.count, random)
      : sampleWithoutReplacement(eligible.entries, request.count, random);
  return { picks, poolSize: eligible.size };
}
