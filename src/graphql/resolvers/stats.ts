/**
 * Tenant-wide aggregates: sums over the sharded counters that every attempt adds to. They hold
 * no per-user data, so any key of the tenant may read them.
 */
import { badInput } from '../../domain/errors';
import { isBankId, parseGlobalId } from '../../domain/ids';
import { quantile, type TimeHistogram } from '../../domain/learning/time-histogram';
import { utcDay } from '../../domain/learning/streak';
import type { Item } from '../../store/batch';
import { COUNTER_SHARDS, questionCounterKey } from '../../store/keys';
import type { GraphQLContext } from '../context';
import type { QueryResolvers, QuestionStatsResolvers } from '../generated/types';
import type { QuestionStatsModel, SectionStatsModel } from '../models';
import { questionModel } from './attempts';
import { requireTenant } from './user';

const OUTCOME_FIELDS = ['correct', 'partial', 'incorrect', 'skipped'] as const;
const num = (item: Item, name: string): number => Number(item[name] ?? 0);

/** Adds the shards of one question's counters into its statistics. */
export function questionStatsOf(questionId: string, shards: readonly Item[]): QuestionStatsModel {
  const total = (name: string) => shards.reduce((sum, item) => sum + num(item, name), 0);
  const histogram: TimeHistogram = {};
  for (const item of shards) for (const [name, value] of Object.entries(item)) if (/^b\d+$/.test(name)) histogram[name] = (histogram[name] ?? 0) + Number(value);
  const attempts = total('attempts');
  const [correct, partial, incorrect, skipped] = OUTCOME_FIELDS.map(total);
  const rate = (value: number) => (attempts === 0 ? 0 : Math.round((value / attempts) * 10_000) / 10_000);
  return {
    questionId,
    attempts,
    correct,
    partial,
    incorrect,
    skipped,
    successRate: rate(correct),
    meanScore: rate(total('scoreSum')),
    medianTimeMs: quantile(histogram, 0.5),
    p90TimeMs: quantile(histogram, 0.9),
    uniqueUsers: total('uniqueUsers'),
  };
}

const bounded = (value: number | null | undefined, fallback: number, min: number, max: number, name: string): number => {
  const n = value ?? fallback;
  if (!Number.isInteger(n) || n < min || n > max) throw badInput(`"${name}" must be an integer from ${min} to ${max}, got ${n}`);
  return n;
};

async function catalogOf(context: GraphQLContext, bankId: string) {
  const catalog = isBankId(bankId) ? await context.content.catalog(bankId) : null;
  if (!catalog) throw badInput(`unknown bank id "${bankId}"`);
  return catalog;
}

/** Counter items grouped by the entity after the prefix (`Q#<localId>`, `S#<section>`). */
function groupCounters(items: readonly Item[]): Map<string, Item[]> {
  const groups = new Map<string, Item[]>();
  for (const item of items) {
    const key = item.SK.slice(2);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

export const statsQueries: Pick<QueryResolvers, 'questionStats' | 'sectionStats' | 'hardestQuestions' | 'activity'> = {
  questionStats: async (_parent, { questionId }, context) => {
    const tenantId = requireTenant(context);
    const ref = parseGlobalId(questionId);
    if (!ref) throw badInput(`unknown question id "${questionId}"`);
    // Started in the same tick, the bank, the question and the counter shards share one BatchGetItem.
    const keys = Array.from({ length: COUNTER_SHARDS }, (_, shard) => questionCounterKey(tenantId, ref.bankId, shard, ref.localId));
    const [stored, counters] = await Promise.all([context.content.question(ref.bankId, ref.localId), context.content.loadItems(keys)]);
    if (!stored) throw badInput(`unknown question id "${questionId}"`);
    return questionStatsOf(questionId, counters.filter((item): item is Item => item !== null));
  },

  sectionStats: async (_parent, { bankId }, context) => {
    const tenantId = requireTenant(context);
    const [catalog, items] = await Promise.all([catalogOf(context, bankId), context.learning.counters(tenantId, bankId, 'S#')]);
    const groups = groupCounters(items);
    return catalog.activeSections.map((section): SectionStatsModel => {
      const shards = groups.get(section.slug) ?? [];
      const attempts = shards.reduce((sum, item) => sum + num(item, 'attempts'), 0);
      const correct = shards.reduce((sum, item) => sum + num(item, 'correct'), 0);
      return { section: { catalog, section }, attempts, successRate: attempts === 0 ? 0 : Math.round((correct / attempts) * 10_000) / 10_000, uniqueUsers: shards.reduce((sum, item) => sum + num(item, 'uniqueUsers'), 0) };
    });
  },

  hardestQuestions: async (_parent, { bankId, limit, minAttempts }, context) => {
    const tenantId = requireTenant(context);
    const size = bounded(limit, 10, 1, 100, 'limit');
    const floor = bounded(minAttempts, 5, 1, 1_000_000, 'minAttempts');
    const [catalog, items] = await Promise.all([catalogOf(context, bankId), context.learning.counters(tenantId, bankId, 'Q#')]);
    return [...groupCounters(items)]
      .filter(([localId]) => catalog.question(localId))
      .map(([localId, shards]) => questionStatsOf(`${bankId}/${localId}`, shards))
      .filter((stats) => stats.attempts >= floor)
      .sort((a, b) => a.successRate - b.successRate || a.meanScore - b.meanScore || b.attempts - a.attempts || a.questionId.localeCompare(b.questionId))
      .slice(0, size);
  },

  activity: async (_parent, { bankId, days }, context) => {
    const tenantId = requireTenant(context);
    const span = bounded(days, 30, 1, 90, 'days');
    await catalogOf(context, bankId);
    const today = new Date();
    const dates = Array.from({ length: span }, (_, i) => utcDay(new Date(today.getTime() - (span - 1 - i) * 86_400_000)));
    const items = await context.learning.activity(tenantId, bankId, dates[0], dates[dates.length - 1]);
    return dates.map((date) => {
      const shards = items.filter((item) => item.SK === date);
      return { date, attempts: shards.reduce((sum, item) => sum + num(item, 'attempts'), 0), activeUsers: shards.reduce((sum, item) => sum + num(item, 'activeUsers'), 0) };
    });
  },
};

export const QuestionStats: QuestionStatsResolvers = {
  question: (stats, _args, context) => questionModel(context, stats.questionId),
};
