/** Tenants, API keys and rate counters in DynamoDB. */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { queryAll } from './query';
import type { ApiKeyRecord, TenantRecord } from '../domain/access';
import { DomainError } from '../domain/errors';
import { batchGet, type Item } from './batch';
import type { Dynamo } from './client';
import {
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
  constructor(private readonly dynamo: Dynamo) {}

  async createTenant(tenant: TenantRecord): Promise<void> {
    await this.putNew(tenantToItem(tenant), `tenant "${tenant.id}" already exists`);
  }

  async tenant(tenantId: string): Promise<TenantRecord | null> {
    const [item] = await batchGet(this.dynamo, [tenantKey(tenantId)]);
    return item ? tenantFromItem(item) : null;
  }

  /** Puts a new user-token secret first and keeps the newest old one, so tokens in use still verify. */
  async rotateUserTokenSecret(tenantId: string, secret: string): Promise<void> {
    const tenant = await this.tenant(tenantId);
    if (!tenant) throw new DomainError('NOT_FOUND', `no tenant "${tenantId}"`);
    await this.dynamo.doc.send(
      new UpdateCommand({
        TableName: this.dynamo.tableName,
        Key: tenantKey(tenantId),
        UpdateExpression: 'SET userTokenSecrets = :secrets',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: { ':secrets': [secret, tenant.userTokenSecrets[0]] },
      }),
    );
  }

  async createApiKey(key: ApiKeyRecord): Promise<void> {
    await this.putNew(apiKeyToItem(key), `API key id "${key.keyId}" already exists`);
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
      if (error instanceof ConditionalCheckFailedException) throw new DomainError('NOT_FOUND', `no active API key "${keyId}"`);
      throw error;
    }
  }

  async listApiKeys(tenantId: string): Promise<ApiKeyRecord[]> {
    const items = await queryAll(this.dynamo, { IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': tenantKeysIndex(tenantId) } });
    return items.map(apiKeyFromItem);
  }

  /** Adds to a key's counter for one window and returns the window's new total. */
  async reportUsage(keyId: string, window: number, count: number): Promise<number> {
    const result = await this.dynamo.doc.send(
      new UpdateCommand({
        TableName: this.dynamo.tableName,
        Key: rateWindowKey(keyId, window),
        UpdateExpression: 'ADD requests :n SET expiresAt = if_not_exists(expiresAt, :expires)',
        ExpressionAttributeValues: { ':n': count, ':expires': window + RATE_COUNTER_TTL_S },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return Number(result.Attributes?.requests ?? count);
  }

  private async putNew(item: Item, conflict: string): Promise<void> {
    try {
      await this.dynamo.doc.send(new PutCommand({ TableName: this.dynamo.tableName, Item: item, ConditionExpression: 'attribute_not_exists(PK)' }));
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) throw new DomainError('BAD_USER_INPUT', conflict);
      throw error;
    }
  }
}
