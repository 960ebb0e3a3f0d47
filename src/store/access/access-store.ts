/** Tenants, API keys and rate counters in DynamoDB. */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { randomBytes } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { queryAll } from '../query';
import type { ApiKeyRecord, TenantRecord, TrustedIssuer } from '../../domain/access';
import { DomainError } from '../../domain/errors';
import { batchGet, type Item } from '../batch';
import type { Dynamo } from '../client';
import {
  accessVersionOf,
  apiKeyFromItem,
  apiKeyKey,
  apiKeyToItem,
  rateWindowKey,
  tenantFromItem,
  tenantKey,
  tenantKeysIndex,
  tenantToItem,
} from './keys';

/** Rate counters outlive their one-second window by a day, then DynamoDB's TTL drops them. */
const RATE_COUNTER_TTL_S = 86_400;

export class AccessStore {
  /** This container's attribute on rate counters: the sequence number of its last applied report. */
  private readonly reporter = `r${randomBytes(8).toString('base64url')}`;
  private reportSequence = 0;
  private readonly reportsInFlight = new Map<string, Promise<number>>();

  constructor(private readonly dynamo: Dynamo) {}

  async createTenant(tenant: TenantRecord): Promise<void> {
    await this.putNew(tenantToItem(tenant), tenantFromItem, `tenant "${tenant.id}" already exists`);
  }

  async tenant(tenantId: string): Promise<TenantRecord | null> {
    const [item] = await batchGet(this.dynamo, [tenantKey(tenantId)]);
    return item ? tenantFromItem(item) : null;
  }

  /**
   * Puts a new user-token secret first and keeps the newest old one, so tokens in use still
   * verify; with `revokePrevious` the new secret is the only one (a leaked secret stops at once).
   */
  async rotateUserTokenSecret(
    tenantId: string,
    secret: string,
    options: { revokePrevious?: boolean } = {},
  ): Promise<void> {
    const tenant = await this.tenant(tenantId);
    if (!tenant) throw new DomainError('NOT_FOUND', `no tenant "${tenantId}"`);
    await this.dynamo.doc.send(
      new UpdateCommand({
        TableName: this.dynamo.tableName,
        Key: tenantKey(tenantId),
        UpdateExpression: 'SET userTokenSecrets = :secrets',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: {
          ':secrets': options.revokePrevious ? [secret] : [secret, tenant.userTokenSecrets[0]],
        },
      }),
    );
  }

  /**
   * Changes a tenant's allowed origins and issuers: `change` sees the tenant as stored (read
   * strongly consistent) and returns the new lists; the write is conditional on nobody having
   * changed them since (an `accessVersion` counter), and a lost race reads and applies again.
   * The changed tenant is returned.
   */
  async updateTenantAccess(
    tenantId: string,
    change: (tenant: TenantRecord) => { allowedOrigins: string[]; issuers: TrustedIssuer[] },
  ): Promise<TenantRecord> {
    for (let attempt = 1; ; attempt++) {
      const { Item: item } = await this.dynamo.doc.send(
        new GetCommand({ TableName: this.dynamo.tableName, Key: tenantKey(tenantId), ConsistentRead: true }),
      );
      if (!item) throw new DomainError('NOT_FOUND', `no tenant "${tenantId}"`);
      const tenant = tenantFromItem(item as Item);
      const next = change(tenant);
      const version = accessVersionOf(item as Item);
      try {
        await this.dynamo.doc.send(
          new UpdateCommand({
            TableName: this.dynamo.tableName,
            Key: tenantKey(tenantId),
            UpdateExpression: 'SET allowedOrigins = :origins, issuers = :issuers, accessVersion = :next',
            ConditionExpression:
              version === undefined
                ? 'attribute_exists(PK) AND attribute_not_exists(accessVersion)'
                : 'accessVersion = :read',
            ExpressionAttributeValues: {
              ':origins': next.allowedOrigins,
              ':issuers': next.issuers,
              ':next': (version ?? 0) + 1,
              ...(version === undefined ? {} : { ':read': version }),
            },
          }),
        );
        return { ...tenant, ...next };
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException) || attempt >= 3) throw error;
      }
    }
  }

  async createApiKey(key: ApiKeyRecord): Promise<void> {
    await this.putNew(apiKeyToItem(key), apiKeyFromItem, `API key id "${key.keyId}" already exists`);
  }

  async apiKey(keyId: string): Promise<ApiKeyRecord | null> {
    const [item] = await batchGet(this.dynamo, [apiKeyKey(keyId)]);
    return item ? apiKeyFromItem(item) : null;
  }

  async revokeApiKey(keyId: string, at: string): Promise<void> {
    try {
      await this.dynamo.doc.send(
        new UpdateCommand({
          TableName: this.dynamo.tableName,
          Key: apiKeyKey(keyId),
          UpdateExpression: 'SET revokedAt = :at',
          ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(revokedAt)',
          ExpressionAttributeValues: { ':at': at },
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException)
        throw new DomainError('NOT_FOUND', `no active API key "${keyId}"`);
      throw error;
    }
  }

  async listApiKeys(tenantId: string): Promise<ApiKeyRecord[]> {
    const items = await queryAll(this.dynamo, {
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': tenantKeysIndex(tenantId) },
    });
    return items.map(apiKeyFromItem);
  }

  /**
   * Adds to a key's counter for one window and returns the window's new total. Safe to retry:
   * each report carries this container's next sequence number, and the counter keeps the last
   * one it applied from each container, so when the SDK resends a report DynamoDB had applied
   * (its answer lost) the resend fails its condition instead of counting twice, and the total
   * comes back with the failure (ALL_OLD) rather than from another call. A container sends the
   * reports of one key one at a time, so they reach DynamoDB in the order of their numbers.
   */
  reportUsage(keyId: string, window: number, count: number): Promise<number> {
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

  /**
   * A create that is safe to retry. When DynamoDB applied the Put but its answer was lost (a 500
   * or a reset), the SDK sends it again and that retry fails its own condition. So a failed
   * condition is settled by reading the item back, strongly consistent: exactly the record this
   * call wrote (its key id and hash or its secret are random, its createdAt is this call's) means
   * the create happened; anything else there is a real conflict.
   */
  private async putNew<T>(item: Item, fromItem: (item: Item) => T, conflict: string): Promise<void> {
    try {
      await this.dynamo.doc.send(
        new PutCommand({
          TableName: this.dynamo.tableName,
          Item: item,
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const { Item: stored } = await this.dynamo.doc.send(
        new GetCommand({ TableName: this.dynamo.tableName, Key: { PK: item.PK, SK: item.SK }, ConsistentRead: true }),
      );
      if (stored && isDeepStrictEqual(fromItem(stored as Item), fromItem(item))) return;
      throw new DomainError('BAD_USER_INPUT', conflict);
    }
  }
}
