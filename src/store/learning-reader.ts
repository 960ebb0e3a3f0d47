/**
 * Reads of a user's learning records and of tenant-wide counters. Every method costs a fixed
 * number of calls, or pages bounded by the bank's size — never by how many attempts exist.
 */
import { QueryCommand, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import type { AttemptRecord, QuestionStateRecord, UserRef } from '../domain/attempts';
import type { Item } from './batch';
import type { Dynamo } from './client';
import { activityPartition, ATTEMPT_PREFIX, attemptIndexes, COUNTER_SHARDS, counterPartition, dueIndexPartition, statePrefix, userPartition } from './keys';
import { attemptFromItem, stateFromItem } from './learning-items';
import { queryAll } from './query';

/** Whether a due state belongs in the answer. */
export type KeepState = (state: QuestionStateRecord) => boolean;

/** States read beyond `limit` on the first page of due states, for those `keep` drops. */
const DUE_MARGIN = 10;

export interface AttemptPage {
  attempts: AttemptRecord[];
  /** The sort key to continue after, when there is more. */
  next: string | null;
}

export interface AttemptQuery {
  index: 'question' | 'bank' | 'section' | null;
  /** Question, bank or section id, as `index` says. */
  id: string | null;
  since: string | null;
  first: number;
  after: string | null;
}

export class LearningReader {
  constructor(private readonly dynamo: Dynamo) {}

  /** All of the user's question states in a bank: at most one per question of the bank. */
  async states(user: UserRef, bankId: string): Promise<QuestionStateRecord[]> {
    const items = await this.queryAll({
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': userPartition(user.tenantId, user.userId), ':prefix': statePrefix(bankId) },
    });
    return items.map(stateFromItem);
  }

  /**
   * Due states, most overdue first, until `limit` match `keep`. `keep` may still be loading (it
   * needs the bank's catalog): the first page is read meanwhile. Pages are sized from `limit`, not
   * left to DynamoDB's 1 MB (about 2,000 states), so a long history is not read to return 20; a
   * few more than `limit` allow for states `keep` drops (questions since retired, other sections),
   * and each further page is four times the last (DynamoDB still stops a page at 1 MB), so even a
   * filter that drops most states reads the index in a few pages.
   */
  async due(user: UserRef, bankId: string, now: string, limit: number, keep: KeepState | PromiseLike<KeepState>): Promise<QuestionStateRecord[]> {
    let size = limit + DUE_MARGIN;
    const [filter, firstPage] = await Promise.all([keep, this.duePage(user, bankId, now, size, undefined)]);
    const found: QuestionStateRecord[] = [];
    for (let page = firstPage; ; ) {
      for (const item of (page.Items ?? []) as Item[]) {
        const state = stateFromItem(item);
        if (found.length < limit && filter(state)) found.push(state);
      }
      if (!page.LastEvaluatedKey || found.length >= limit) return found;
      size *= 4;
      page = await this.duePage(user, bankId, now, size, page.LastEvaluatedKey);
    }
  }

  /** A page of attempts, newest first: one Query (the index chosen by the filter). */
  async attempts(user: UserRef, query: AttemptQuery): Promise<AttemptPage> {
    const base = userPartition(user.tenantId, user.userId);
    const index = query.index && query.id ? attemptIndexes[query.index](user.tenantId, user.userId, query.id) : null;
    const [pkName, skName] = index ? [`${index.index}PK`, `${index.index}SK`] : ['PK', 'SK'];
    const prefix = index ? '' : ATTEMPT_PREFIX;
    const conditions = [`${pkName} = :pk`, `${skName} BETWEEN :from AND :to`];
    const page = await this.dynamo.doc.send(
      new QueryCommand({
        TableName: this.dynamo.tableName,
        IndexName: index?.index,
        KeyConditionExpression: conditions.join(' AND '),
        ExpressionAttributeValues: {
          ':pk': index ? index.pk : base,
          // ISO timestamps start with a digit: '0' is below all of them (a key value cannot be empty)
          ':from': `${prefix}${query.since ?? '0'}`,
          // before the cursor (exclusive) or the end of the attempts
          ':to': query.after ? `${prefix}${query.after}` : `${prefix}~`,
        },
        ScanIndexForward: false,
        Limit: query.first + 1 + (query.after ? 1 : 0),
      }),
    );
    const attempts = ((page.Items ?? []) as Item[]).map(attemptFromItem).filter((a) => !query.after || `${a.createdAt}#${a.id}` < query.after);
    return { attempts: attempts.slice(0, query.first), next: attempts.length > query.first ? `${attempts[query.first - 1].createdAt}#${attempts[query.first - 1].id}` : null };
  }

  /** Tenant-wide counter items of a bank with the prefix (`Q#` questions, `S#` sections), all shards. */
  async counters(tenantId: string, bankId: string, prefix: 'Q#' | 'S#'): Promise<Item[]> {
    const shards = Array.from({ length: COUNTER_SHARDS }, (_, shard) =>
      this.queryAll({
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': counterPartition(tenantId, bankId, shard), ':prefix': prefix },
      }),
    );
    return (await Promise.all(shards)).flat();
  }

  /** Daily activity counters of a bank from `fromDay` to `toDay`, all shards. */
  async activity(tenantId: string, bankId: string, fromDay: string, toDay: string): Promise<Item[]> {
    const shards = Array.from({ length: COUNTER_SHARDS }, (_, shard) =>
      this.queryAll({
        KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': activityPartition(tenantId, bankId, shard), ':from': fromDay, ':to': toDay },
      }),
    );
    return (await Promise.all(shards)).flat();
  }

  private duePage(user: UserRef, bankId: string, now: string, size: number, startKey: Record<string, unknown> | undefined): Promise<QueryCommandOutput> {
    return this.dynamo.doc.send(
      new QueryCommand({
        TableName: this.dynamo.tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK <= :now',
        ExpressionAttributeValues: { ':pk': dueIndexPartition(user.tenantId, user.userId, bankId), ':now': `${now}#~` },
        ExclusiveStartKey: startKey,
        Limit: size,
      }),
    );
  }

  private queryAll(input: Parameters<typeof queryAll>[1]): Promise<Item[]> {
    return queryAll(this.dynamo, input);
  }
}
