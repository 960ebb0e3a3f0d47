/**
 * A learner's section aggregates (docs/data-model.md, "Section aggregates"): the reads that
 * weakTopics, startQuiz(WEAK_TOPICS) and excludeSeen make instead of reading every state.
 */
import type { QuestionStateRecord, UserRef } from '../../domain/attempts';
import { type SectionAggregate } from '../../domain/learning/section-aggregate';
import type { Dynamo } from '../client';
import { prefixRange, queryAll } from '../query';
import { read, type Read, type RequestReads } from '../request-reads';
import {
  stateFromItem,
  stateKey,
  userPackPrefix,
  userPartition,
  userSectionKey,
  userSectionPrefix,
  userSeenPrefix,
} from './keys';
import { aggregateFromItem, parseLearnerItem } from './learner-items';

export class SectionStore {
  constructor(
    private readonly dynamo: Dynamo,
    private readonly reads: RequestReads,
  ) {}

  /**
   * The user's section aggregates in a bank, by section slug: one Query of the bank's user-section
   * items (sums only since v3, ~0.3–1.5 KB each: one page). Null when any item predates the
   * aggregates (no `v`): the caller reads the states instead, until stats:rebuild completes them.
   */
  async sectionAggregates(user: UserRef, bankId: string): Promise<Map<string, SectionAggregate> | null> {
    const items = await this.bankRange(user, userSectionPrefix(bankId));
    const aggregates = new Map<string, SectionAggregate>();
    for (const item of items) {
      const parsed = parseLearnerItem(item);
      if (parsed.kind !== 'userSection' || parsed.aggregate === null) return null;
      aggregates.set(parsed.section, parsed.aggregate);
    }
    return aggregates;
  }

  /**
   * The user's section sums in a bank, for weakTopics and startQuiz(WEAK_TOPICS): one Query of the
   * bank's packed-sums items (~0.2–0.4 KB each, one string attribute: DynamoDB's cost follows the
   * attributes it reads, and a section item has up to ~100). A packed copy left stale by two
   * attempts in one section at once is replaced by its section item, read in one BatchGetItem
   * (only then). A bank without the pack marker (items from before the packed copies, until
   * stats:rebuild) is read from its section items; null as sectionAggregates.
   */
  async sectionSums(user: UserRef, bankId: string): Promise<Map<string, SectionAggregate> | null> {
    const items = await this.bankRange(user, userPackPrefix(bankId));
    let marked = false;
    const aggregates = new Map<string, SectionAggregate>();
    const stale: string[] = [];
    for (const item of items) {
      const parsed = parseLearnerItem(item);
      if (parsed.kind === 'userPackMarker') marked = true;
      else if (parsed.kind !== 'userPack') continue;
      else if (parsed.current) aggregates.set(parsed.section, { sums: parsed.current.sums, seen: [] });
      else stale.push(parsed.section);
    }
    if (!marked) return this.sectionAggregates(user, bankId);
    if (stale.length === 0) return aggregates;
    const sectionItems = await this.reads.load(stale.map((section) => userSectionKey(user, bankId, section)));
    for (const [i, item] of sectionItems.entries()) {
      // a copy whose section item is gone (none to read) is no section
      if (!item) continue;
      const aggregate = aggregateFromItem(item);
      if (!aggregate) return null;
      aggregates.set(stale[i], { sums: aggregate.sums, seen: [] });
    }
    return aggregates;
  }

  /**
   * The local ids the user has answered in a bank, from its SEEN# items: one Query of the bank's
   * seen range (its sets and marker). `complete` when the marker is there; without it (items
   * written before the seen items, until stats:rebuild) the caller adds the legacy v2 section
   * items' sets, or reads the states.
   */
  async seenLocalIds(user: UserRef, bankId: string): Promise<{ complete: boolean; seen: string[] }> {
    const items = await this.bankRange(user, userSeenPrefix(bankId));
    let complete = false;
    const seen: string[] = [];
    for (const item of items) {
      const parsed = parseLearnerItem(item);
      if (parsed.kind === 'userSeenMarker') complete = true;
      else if (parsed.kind === 'userSeen') seen.push(...parsed.seen);
    }
    return { complete, seen };
  }

  /** The user's items of one bank range (`SEC#<bank>#`, `PACK#<bank>#`, `SEEN#<bank>#`): one Query, all pages. */
  private bankRange(user: UserRef, prefix: string) {
    const range = prefixRange(prefix);
    return queryAll(this.dynamo, {
      KeyConditionExpression: `PK = :pk AND ${range.condition}`,
      ExpressionAttributeValues: { ':pk': userPartition(user), ...range.values },
    });
  }

  /** The user's states of these questions of a bank (missing ones left out), as a read to batch with others. */
  statesRead(user: UserRef, bankId: string, localIds: readonly string[]): Read<QuestionStateRecord[]> {
    return read(
      localIds.map((localId) => stateKey(user, bankId, localId)),
      (items) => items.flatMap((item) => (item ? [stateFromItem(item)] : [])),
    );
  }

  /** The user's states of these questions of a bank (missing ones left out), through the request's batched reads. */
  async statesOf(user: UserRef, bankId: string, localIds: readonly string[]): Promise<QuestionStateRecord[]> {
    if (localIds.length === 0) return [];
    const items = await this.reads.load(localIds.map((localId) => stateKey(user, bankId, localId)));
    return items.flatMap((item) => (item ? [stateFromItem(item)] : []));
  }
}
