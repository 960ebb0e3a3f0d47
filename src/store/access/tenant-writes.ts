/**
 * The writes of a tenant change: the tenant item and the copy of it each live key carries
 * (src/store/access/keys.ts), as items of one transaction. Only AccessStore uses them.
 */
import type { TenantRecord } from '../../domain/access';
import type { Item } from '../batch';
import type { NamedItem } from '../transaction';
import { accessVersionOf, apiKeyKey, tenantKey, tenantSnapshot } from './keys';

/** Rounds a tenant or key change makes when other admin writes to the same tenant get in the way. */
export const MAX_ROUNDS = 5;
/** A short random wait before another round, growing with each, so two racing admins part. */
export const pause = (attempt: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));

/** The tenant item still has the access version that was read (none: never changed). */
export const versionCondition = (version: number | undefined): string =>
  version === undefined ? 'attribute_exists(PK) AND attribute_not_exists(accessVersion)' : 'accessVersion = :read';

/** The tenant item's new access settings (and `liveKeys` when given), if its version is still the one read. */
export function tenantWrite(
  tableName: string,
  read: Item,
  next: TenantRecord,
  liveKeys?: readonly string[],
): NamedItem {
  const version = accessVersionOf(read);
  const setLive = liveKeys === undefined ? '' : liveKeys.length > 0 ? ', liveKeys = :live' : '';
  const removeLive = liveKeys !== undefined && liveKeys.length === 0 ? ' REMOVE liveKeys' : '';
  return {
    name: 'tenant',
    item: {
      Update: {
        TableName: tableName,
        Key: tenantKey(next.id),
        UpdateExpression: `SET allowedOrigins = :origins, issuers = :issuers, userTokenSecrets = :secrets, accessVersion = :next${setLive}${removeLive}`,
        ConditionExpression: versionCondition(version),
        ExpressionAttributeValues: {
          ':origins': next.allowedOrigins,
          ':issuers': next.issuers ?? [],
          ':secrets': next.userTokenSecrets,
          ':next': (version ?? 0) + 1,
          ...(version === undefined ? {} : { ':read': version }),
          ...(setLive ? { ':live': new Set(liveKeys) } : {}),
        },
      },
    },
  };
}

export function keyCopyWrite(tableName: string, keyId: string, tenant: TenantRecord): NamedItem {
  return {
    name: `api key ${keyId}`,
    item: {
      Update: {
        TableName: tableName,
        Key: apiKeyKey(keyId),
        UpdateExpression: 'SET tenant = :tenant',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: { ':tenant': tenantSnapshot(tenant) },
      },
    },
  };
}
