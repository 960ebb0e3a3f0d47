/** Per-key request counters of the rate limiter, one item per key and second. Only AccessStore uses them. */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { randomBytes } from 'node:crypto';
import type { Dynamo } from '../client';
import { rateWindowKey } from './keys';

/** Rate counters outlive their one-second window by a day, then DynamoDB's TTL drops them. */
const RATE_COUNTER_TTL_S = 86_400;

export class RateCounters {
  /** This container's attribute on rate counters: the sequence number of its last applied report. */
  private readonly reporter = `r${randomBytes(8).toString('base64url')}`;
  private reportSequence = 0;
  private readonly reportsInFlight = new Map<string, Promise<number>>();

  constructor(private readonly dynamo: Dynamo) {}

  /**
   * Adds to a key's counter for one window and returns the window's new total. Safe to retry:
   * each report carries this container's next sequence number, and the counter keeps the last
   * one it applied from each container, so when the SDK resends a report DynamoDB had applied
   * (its answer lost) the resend fails its condition instead of counting twice, and the total
   * comes back with the failure (ALL_OLD) rather than from another call. A container sends the
   * reports of one key one at a time, so they reach DynamoDB in the order of their numbers.
   */
  report(keyId: string, window: number, count: number): Promise<number> {
    const sequence = ++this.reportSequence;
    // The previous report's failure is its own caller's to handle; this one goes after it either way.
    const previous = (this.reportsInFlight.get(keyId) ?? Promise.resolve()).catch(() => undefined);
    const report = previous.then(() => this.sendReport(keyId, window, count, sequence));
    this.reportsInFlight.set(keyId, report);
    const settle = (): void => {
      if (this.reportsInFlight.get(keyId) === report) this.reportsInFlight.delete(keyId);
    };
    report.then(settle, settle);
    return report;
  }

  private async sendReport(keyId: string, window: number, count: number, sequence: number): Promise<number> {
    try {
      const result = await this.dynamo.doc.send(
        new UpdateCommand({
          TableName: this.dynamo.tableName,
          Key: rateWindowKey(keyId, window),
          UpdateExpression: 'ADD requests :n SET expiresAt = if_not_exists(expiresAt, :expires), #reporter = :sequence',
          ConditionExpression: 'attribute_not_exists(#reporter) OR #reporter < :sequence',
          ExpressionAttributeNames: { '#reporter': this.reporter },
          ExpressionAttributeValues: { ':n': count, ':expires': window + RATE_COUNTER_TTL_S, ':sequence': sequence },
          ReturnValues: 'UPDATED_NEW',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return Number(result.Attributes?.requests ?? count);
    } catch (error) {
      // Only this container writes its sequence attribute: a failed condition means this report was applied.
      if (error instanceof ConditionalCheckFailedException) return Number(error.Item?.requests?.N ?? count);
      throw error;
    }
  }
}
