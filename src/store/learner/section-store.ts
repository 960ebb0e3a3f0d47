/**
 * A learner's section aggregates (docs/data-model.md, "Section aggregates"): the reads that
 * weakTopics, startQuiz(WEAK_TOPICS) and excludeSeen make instead of reading every state.
 */
import type { QuestionStateRecord, UserRef } from '../../domain/attempts';
import { AGGREGATE_FIELDS, type SectionAggregate } from '../../domain/learning/section-aggregate';
import type { Dynamo } from '../client';
import { queryAll } from '../query';
import { read, type Read, type RequestReads } from '../request-reads';
import { parseLearnerItem, stateFromItem, stateKey, userPartition, userSectionPrefix } from './keys';

export class SectionStore {
  constructor(
    private readonly dynamo: Dynamo,
    private readonly reads: RequestReads,
  ) {}

  /**
   * The user's section aggregates in a bank, by section slug: one Query of the bank's user-section
   * items (one page: an item is ~250 bytes plus ~10 bytes per seen question, so a bank would need
   * ~100,000 answered questions to pass 1 MB). Null when any item predates the aggregates (no
   * `v`): the caller reads the states instead, until stats:rebuild completes the items.
   */
  async sectionAggregates(
    user: UserRef,
    bankId: string,
    part: 'sums' | 'seen' = 'sums',
  ): Promise<Map<string, SectionAggregate> | null> {
    // only what the caller needs: the sums without the `seen` set, or the set alone
    const names = ['SK', 'v', ...(part === 'sums' ? ['attempts', ...AGGREGATE_FIELDS] : ['seen'])];
    const items = await queryAll(this.dynamo, {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': userPartition(user), ':prefix': userSectionPrefix(bankId) },
      ProjectionExpression: names.map((_, i) => `#p${i}`).join(', '),
      ExpressionAttributeNames: Object.fromEntries(names.map((name, i) => [`#p${i}`, name])),
    });
    const aggregates = new Map<string, SectionAggregate>();
    for (const item of items) {
      const parsed = parseLearnerItem(item);
      if (parsed.kind !== 'userSection' || parsed.aggregate === null) return null;
      aggregates.set(parsed.section, parsed.aggregate);
    }
    return aggregates;
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
