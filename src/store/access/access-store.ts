/** Tenants, API keys and rate counters in DynamoDB. */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { isDeepStrictEqual } from 'node:util';
import { queryAll } from '../query';
import { MAX_LIVE_KEYS, type ApiKeyRecord, type TenantRecord, type TrustedIssuer } from '../../domain/access';
import { DomainError } from '../../domain/errors';
import { batchGet, type Item } from '../batch';
import type { Dynamo } from '../client';
import { transactWrite, TransactionCancelled } from '../transaction';
import { RateCounters } from './rate-counters';
import { keyCopyWrite, MAX_ROUNDS, pause, tenantWrite, versionCondition } from './tenant-writes';
import {
  accessVersionOf,
  apiKeyFromItem,
  apiKeyKey,
  apiKeyToItem,
  liveKeysOf,
  tenantFromItem,
  tenantIdOfItem,
  tenantKey,
  tenantKeysIndex,
  tenantOfKeyItem,
  TENANTS_INDEX_PARTITION,
  tenantSnapshot,
  tenantToItem,
} from './keys';

export class AccessStore {
  private readonly rateCounters: RateCounters;

  constructor(private readonly dynamo: Dynamo) {
    this.rateCounters = new RateCounters(dynamo);
  }

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
   * Written with the tenant's keys (see changeTenant).
   */
  async rotateUserTokenSecret(
    tenantId: string,
    secret: string,
    options: { revokePrevious?: boolean } = {},
  ): Promise<void> {
    await this.changeTenant(tenantId, (tenant) => ({
      userTokenSecrets: options.revokePrevious ? [secret] : [secret, tenant.userTokenSecrets[0]],
    }));
  }

  /**
   * Changes a tenant's allowed origins and issuers: `change` sees the tenant as stored (read
   * strongly consistent) and returns the new lists. The changed tenant is returned.
   */
  async updateTenantAccess(
    tenantId: string,
    change: (tenant: TenantRecord) => { allowedOrigins: string[]; issuers: TrustedIssuer[] },
  ): Promise<TenantRecord> {
    return this.changeTenant(tenantId, change);
  }

  /**
   * Every change of what authentication reads of a tenant goes through here: the tenant item and
   * the copy on each of its live keys are written in one transaction, conditional on nobody having
   * changed the tenant since it was read (its `accessVersion` counter); a lost race reads and
   * applies again. So a key's one read always sees its tenant as it was after some whole change.
   */
  private async changeTenant(
    tenantId: string,
    change: (tenant: TenantRecord) => Partial<Pick<TenantRecord, 'allowedOrigins' | 'issuers' | 'userTokenSecrets'>>,
  ): Promise<TenantRecord> {
    for (let attempt = 1; ; attempt++) {
      const item = await this.tenantItem(tenantId);
      const tenant = tenantFromItem(item);
      const next: TenantRecord = { ...tenant, ...change(tenant) };
      try {
        await transactWrite(this.dynamo, [
          tenantWrite(this.dynamo.tableName, item, next),
          ...liveKeysOf(item).map((keyId) => keyCopyWrite(this.dynamo.tableName, keyId, next)),
        ]);
        return next;
      } catch (error) {
        if (!(error instanceof TransactionCancelled && error.contended) || attempt >= MAX_ROUNDS) throw error;
        await pause(attempt);
      }
    }
  }

  /** The tenant item, read strongly consistent; NOT_FOUND when there is none. */
  private async tenantItem(tenantId: string): Promise<Item> {
    const { Item: item } = await this.dynamo.doc.send(
      new GetCommand({ TableName: this.dynamo.tableName, Key: tenantKey(tenantId), ConsistentRead: true }),
    );
    if (!item) throw new DomainError('NOT_FOUND', `no tenant "${tenantId}"`);
    return item as Item;
  }

  /**
   * Stores a new key with a copy of its tenant and adds it to the tenant's live keys, in one
   * transaction conditional on the tenant being unchanged since it was read. Safe to retry: a key
   * already stored exactly as sent (the SDK resent a create whose answer was lost) is success.
   */
  async createApiKey(key: ApiKeyRecord): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const item = await this.tenantItem(key.tenantId);
      const live = liveKeysOf(item);
      if (!live.includes(key.keyId) && live.length >= MAX_LIVE_KEYS)
        throw new DomainError(
          'BAD_USER_INPUT',
          `tenant "${key.tenantId}" already has ${MAX_LIVE_KEYS} keys that are not revoked; revoke one first (key:revoke)`,
        );
      const version = accessVersionOf(item);
      try {
        await transactWrite(this.dynamo, [
          {
            name: 'api key',
            item: {
              Put: {
                TableName: this.dynamo.tableName,
                Item: { ...apiKeyToItem(key), tenant: tenantSnapshot(tenantFromItem(item)) },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
          },
          {
            name: 'tenant',
            item: {
              Update: {
                TableName: this.dynamo.tableName,
                Key: tenantKey(key.tenantId),
                // A new version too: a tenant change that read the list without this key must read again.
                UpdateExpression: 'ADD liveKeys :key SET accessVersion = :next',
                ConditionExpression: versionCondition(version),
                ExpressionAttributeValues: {
                  ':key': new Set([key.keyId]),
                  ':next': (version ?? 0) + 1,
                  ...(version === undefined ? {} : { ':read': version }),
                },
              },
            },
          },
        ]);
        return;
      } catch (error) {
        if (!(error instanceof TransactionCancelled)) throw error;
        if (error.failed('api key'))
          return this.settleExisting(apiKeyToItem(key), apiKeyFromItem, `API key id "${key.keyId}" already exists`);
        if (!error.contended || attempt >= MAX_ROUNDS) throw error;
        await pause(attempt);
      }
    }
  }

  async apiKey(keyId: string): Promise<ApiKeyRecord | null> {
    return (await this.apiKeyAccess(keyId))?.key ?? null;
  }

  /**
   * A key and the copy of its tenant it carries, in one read; `tenant` is null for a key stored
   * before keys carried one (`access:sync` gives them one): the caller then reads the tenant.
   */
  async apiKeyAccess(keyId: string): Promise<{ key: ApiKeyRecord; tenant: TenantRecord | null } | null> {
    const [item] = await batchGet(this.dynamo, [apiKeyKey(keyId)]);
    return item ? { key: apiKeyFromItem(item), tenant: tenantOfKeyItem(item) } : null;
  }

  /** Revokes a key and takes it off its tenant's live keys, in one transaction. */
  async revokeApiKey(keyId: string, at: string): Promise<void> {
    const { Item: item } = await this.dynamo.doc.send(
      new GetCommand({ TableName: this.dynamo.tableName, Key: apiKeyKey(keyId), ConsistentRead: true }),
    );
    const key = item && apiKeyFromItem(item as Item);
    if (!key || key.revokedAt) throw new DomainError('NOT_FOUND', `no active API key "${keyId}"`);
    try {
      await transactWrite(this.dynamo, [
        {
          name: 'api key',
          item: {
            Update: {
              TableName: this.dynamo.tableName,
              Key: apiKeyKey(keyId),
              UpdateExpression: 'SET revokedAt = :at',
              ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(revokedAt)',
              ExpressionAttributeValues: { ':at': at },
            },
          },
        },
        {
          name: 'tenant',
          item: {
            Update: {
              TableName: this.dynamo.tableName,
              Key: tenantKey(key.tenantId),
              UpdateExpression: 'DELETE liveKeys :key',
              ExpressionAttributeValues: { ':key': new Set([keyId]) },
            },
          },
        },
      ]);
    } catch (error) {
      if (error instanceof TransactionCancelled && error.failed('api key'))
        throw new DomainError('NOT_FOUND', `no active API key "${keyId}"`);
      throw error;
    }
  }

  /**
   * Gives the tenant's keys that are not revoked the copy of their tenant, and lists them on the
   * tenant item: for keys created before keys carried one. Safe to run again; a tenant with more
   * live keys than one transaction can hold is left as it is (its keys still work, at two reads).
   */
  async syncKeyCopies(tenantId: string): Promise<{ keys: number; synced: boolean }> {
    for (let attempt = 1; ; attempt++) {
      const item = await this.tenantItem(tenantId);
      const listed = await this.listApiKeys(tenantId);
      const revoked = new Set(listed.filter((key) => key.revokedAt).map((key) => key.keyId));
      const live = [...new Set([...liveKeysOf(item), ...listed.map((key) => key.keyId)])]
        .filter((keyId) => !revoked.has(keyId))
        .sort();
      if (live.length > MAX_LIVE_KEYS) return { keys: live.length, synced: false };
      const tenant = tenantFromItem(item);
      try {
        await transactWrite(this.dynamo, [
          tenantWrite(this.dynamo.tableName, item, tenant, live),
          ...live.map((keyId) => keyCopyWrite(this.dynamo.tableName, keyId, tenant)),
        ]);
        return { keys: live.length, synced: true };
      } catch (error) {
        if (!(error instanceof TransactionCancelled && error.contended) || attempt >= MAX_ROUNDS) throw error;
        await pause(attempt);
      }
    }
  }

  /** Every tenant's id, from the tenants index. */
  async tenantIds(): Promise<string[]> {
    const items = await queryAll(this.dynamo, {
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': TENANTS_INDEX_PARTITION },
    });
    return items.map(tenantIdOfItem).sort();
  }

  async listApiKeys(tenantId: string): Promise<ApiKeyRecord[]> {
    const items = await queryAll(this.dynamo, {
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': tenantKeysIndex(tenantId) },
    });
    return items.map(apiKeyFromItem);
  }

  /** Adds to a key's counter for one window and returns the window's new total (see RateCounters). */
  reportUsage(keyId: string, window: number, count: number): Promise<number> {
    return this.rateCounters.report(keyId, window, count);
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
      await this.settleExisting(item, fromItem, conflict);
    }
  }

  /** A create found its item there: success when it holds exactly the record sent, else a conflict. */
  private async settleExisting<T>(item: Item, fromItem: (item: Item) => T, conflict: string): Promise<void> {
    const { Item: stored } = await this.dynamo.doc.send(
      new GetCommand({ TableName: this.dynamo.tableName, Key: { PK: item.PK, SK: item.SK }, ConsistentRead: true }),
    );
    if (stored && isDeepStrictEqual(fromItem(stored as Item), fromItem(item))) return;
    throw new DomainError('BAD_USER_INPUT', conflict);
  }
}
