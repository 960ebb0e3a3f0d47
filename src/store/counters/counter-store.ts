/**
 * Reads of the tenant-wide counters, their shards added up here and nowhere else. Every method
 * costs a fixed number of calls: one batched read of a question's shards, or one Query per shard.
 */
import { COUNTER_SHARDS } from '../../domain/attempt-effects';
import {
  addActivityCounts,
  addQuestionCounts,
  addSectionCounts,
  emptyActivityCounts,
  emptyQuestionCounts,
  emptySectionCounts,
  type ActivityCounts,
  type QuestionCounts,
  type SectionCounts,
} from '../../domain/counters';
import type { Item } from '../batch';
import type { Dynamo } from '../client';
import { queryAll } from '../query';
import { read, type Read } from '../request-reads';
import {
  activityCountsFromItem,
  activityPartition,
  COUNTER_PREFIX,
  counterPartition,
  questionCounterKey,
  questionCountsFromItem,
  sectionCountsFromItem,
} from './keys';

const SHARDS = Array.from({ length: COUNTER_SHARDS }, (_, shard) => shard);

/** Adds up the counters of the items by the key each belongs to. */
function sumBy<C>(
  items: readonly Item[],
  keyOf: (item: Item) => string,
  countsOf: (item: Item) => C,
  empty: () => C,
  add: (into: C, more: C) => C,
): Map<string, C> {
  const sums = new Map<string, C>();
  for (const item of items) {
    const key = keyOf(item);
    sums.set(key, add(sums.get(key) ?? empty(), countsOf(item)));
  }
  return sums;
}

export class CounterStore {
  constructor(private readonly dynamo: Dynamo) {}

  /** One question's counters, its shards in one read (to share a round trip with the question's own). */
  questionRead(tenantId: string, bankId: string, localId: string): Read<QuestionCounts> {
    return read(
      SHARDS.map((shard) => questionCounterKey(tenantId, bankId, shard, localId)),
      (items) =>
        items.reduce(
          (sum, item) => (item ? addQuestionCounts(sum, questionCountsFromItem(item)) : sum),
          emptyQuestionCounts(),
        ),
    );
  }

  /** The counters of every question of a bank with any, by local id: one Query per shard. */
  async questionsOfBank(tenantId: string, bankId: string): Promise<Map<string, QuestionCounts>> {
    const items = await this.shardQueries(tenantId, bankId, COUNTER_PREFIX.question);
    return sumBy(
      items,
      (item) => item.SK.slice(COUNTER_PREFIX.question.length),
      questionCountsFromItem,
      emptyQuestionCounts,
      addQuestionCounts,
    );
  }

  /** The counters of every section of a bank with any, by slug: one Query per shard. */
  async sectionsOfBank(tenantId: string, bankId: string): Promise<Map<string, SectionCounts>> {
    const items = await this.shardQueries(tenantId, bankId, COUNTER_PREFIX.section);
    return sumBy(
      items,
      (item) => item.SK.slice(COUNTER_PREFIX.section.length),
      sectionCountsFromItem,
      emptySectionCounts,
      addSectionCounts,
    );
  }

  /** Daily activity of a bank from `fromDay` to `toDay` (days without any left out): one Query per shard. */
  async activity(
    tenantId: string,
    bankId: string,
    fromDay: string,
    toDay: string,
  ): Promise<Map<string, ActivityCounts>> {
    const shards = SHARDS.map((shard) =>
      queryAll(this.dynamo, {
        KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
        ExpressionAttributeValues: {
          ':pk': activityPartition(tenantId, bankId, shard),
          ':from': fromDay,
          ':to': toDay,
        },
      }),
    );
    const items = (await Promise.all(shards)).flat();
    return sumBy(items, (item) => item.SK, activityCountsFromItem, emptyActivityCounts, addActivityCounts);
  }

  private async shardQueries(tenantId: string, bankId: string, prefix: string): Promise<Item[]> {
    const shards = SHARDS.map((shard) =>
      queryAll(this.dynamo, {
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': counterPartition(tenantId, bankId, shard), ':prefix': prefix },
      }),
    );
    return (await Promise.all(shards)).flat();
  }
}
