/** Access keys and item mappers. Only src/store/access uses them. */
import type { ApiKeyRecord, TenantRecord, TrustedIssuer } from '../../domain/access';
import type { Item, Key } from '../batch';

/*
 * Access (tenants, keys, rate counters):
 *
 *   tenant      PK TENANT#<tenant>  SK TENANT          GSI1PK TENANTS             GSI1SK <tenant>
 *               (allowedOrigins, userTokenSecrets, issuers, accessVersion, and liveKeys: the ids of its
 *               keys not revoked)
 *   api key     PK APIKEY#<keyId>   SK APIKEY          GSI1PK TENANT#<tenant>#KEYS GSI1SK <createdAt>#<keyId>
 *               (tenant: a copy of the tenant's record, written with every change of it, so one read
 *               of the key authenticates; keys from before the copy have none and read the tenant)
 *   rate count  PK RATE#<keyId>     SK W#<second>      (expiresAt: DynamoDB TTL)
 */
export const tenantKey = (tenantId: string): Key => ({ PK: `TENANT#${tenantId}`, SK: 'TENANT' });
export const apiKeyKey = (keyId: string): Key => ({ PK: `APIKEY#${keyId}`, SK: 'APIKEY' });
export const rateWindowKey = (keyId: string, window: number): Key => ({ PK: `RATE#${keyId}`, SK: `W#${window}` });
export const tenantKeysIndex = (tenantId: string): string => `TENANT#${tenantId}#KEYS`;
export const TENANTS_INDEX_PARTITION = 'TENANTS';

export function tenantToItem(tenant: TenantRecord): Item {
  return {
    ...tenantKey(tenant.id),
    GSI1PK: TENANTS_INDEX_PARTITION,
    GSI1SK: tenant.id,
    type: 'Tenant',
    ...tenant,
    issuers: tenant.issuers ?? [],
  };
}

/** The tenant item's counter of origin and issuer changes: each change is conditional on the one it read. */
export const accessVersionOf = (item: Item): number | undefined => item.accessVersion as number | undefined;

export function tenantFromItem(item: Item): TenantRecord {
  return {
    id: item.id as string,
    name: item.name as string,
    allowedOrigins: (item.allowedOrigins as string[]) ?? [],
    userTokenSecrets: item.userTokenSecrets as string[],
    issuers: ((item.issuers as TrustedIssuer[] | undefined) ?? []).map((trusted) => ({
      issuer: trusted.issuer,
      jwksUrl: trusted.jwksUrl,
      audience: trusted.audience,
      userClaim: trusted.userClaim,
    })),
    createdAt: item.createdAt as string,
  };
}

/** The ids of a tenant's keys that are not revoked, as the tenant item lists them. */
export const liveKeysOf = (item: Item): string[] => [...((item.liveKeys as Set<string> | undefined) ?? [])].sort();

/** The copy of the tenant a key item carries (a plain map: no keys of the table on it). */
export function tenantSnapshot(tenant: TenantRecord): Record<string, unknown> {
  return {
    id: tenant.id,
    name: tenant.name,
    allowedOrigins: tenant.allowedOrigins,
    userTokenSecrets: tenant.userTokenSecrets,
    issuers: tenant.issuers ?? [],
    createdAt: tenant.createdAt,
  };
}

/** The tenant copy on a key item; null for a key stored before keys carried one. */
export const tenantOfKeyItem = (item: Item): TenantRecord | null =>
  item.tenant ? tenantFromItem(item.tenant as Item) : null;

export function apiKeyToItem(key: ApiKeyRecord): Item {
  // revokedAt is left out until set: revocation is guarded by attribute_not_exists(revokedAt).
  return {
    ...apiKeyKey(key.keyId),
    GSI1PK: tenantKeysIndex(key.tenantId),
    GSI1SK: `${key.createdAt}#${key.keyId}`,
    type: 'ApiKey',
    ...key,
    revokedAt: key.revokedAt ?? undefined,
  };
}

export function apiKeyFromItem(item: Item): ApiKeyRecord {
  return {
    keyId: item.keyId as string,
    tenantId: item.tenantId as string,
    kind: item.kind as ApiKeyRecord['kind'],
    hash: item.hash as string,
    createdAt: item.createdAt as string,
    revokedAt: (item.revokedAt as string | undefined) ?? null,
    rateLimit: (item.rateLimit as ApiKeyRecord['rateLimit'] | undefined) ?? null,
  };
}

/** The tenant items the maintenance scan meets on the tenants index. */
export const isTenantItem = (item: Item): boolean => item.GSI1PK === TENANTS_INDEX_PARTITION && item.SK === 'TENANT';
export const tenantIdOfItem = (item: Item): string => String(item.id ?? item.PK.slice('TENANT#'.length));
/**
 * The prefix of every partition of a tenant's learning (users, counters, activity). The trailing
 * '#' keeps "acme" from matching "acme2"; ids hold no '#' (checked by isTenantId).
 */
export const userPrefixOfTenant = (tenantId: string): string => `T#${tenantId}#`;
