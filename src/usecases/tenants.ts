/**
 * Tenants, API keys and user tokens: the use cases behind the admin CLI and npm start's local
 * tenant, as plain functions over an AccessStore, so tests call them directly. Keys are returned
 * once, here, and only their hash is stored.
 */
import {
  checkTenantId,
  generateApiKey,
  isUserId,
  newUserTokenSecret,
  normaliseOrigin,
  type KeyKind,
  type RateLimit,
  type TenantRecord,
} from '../domain/access';
import { DomainError, badInput } from '../domain/errors';
import type { AccessStore } from '../store';
import { signUserToken } from '../auth/user-token';
import { slugify } from '../domain/bank/slug';

export async function createTenant(
  store: AccessStore,
  input: { name: string; id?: string; origins?: string[]; now?: string },
): Promise<TenantRecord> {
  if (!input.name.trim()) throw badInput('--name is required');
  if (input.name.trim().length > 100 || /\p{Cc}/u.test(input.name))
    throw badInput('--name must be at most 100 characters, without control characters');
  const tenant: TenantRecord = {
    id: checkTenantId(input.id ?? slugify(input.name, 'tenant')),
    name: input.name.trim(),
    allowedOrigins: [...new Set((input.origins ?? []).map(normaliseOrigin))],
    userTokenSecrets: [newUserTokenSecret()],
    createdAt: input.now ?? new Date().toISOString(),
  };
  await store.createTenant(tenant);
  return tenant;
}

export async function createKey(
  store: AccessStore,
  input: { tenantId: string; kind: string; rateLimit?: RateLimit; now?: string },
): Promise<{ key: string; keyId: string; kind: KeyKind; tenantId: string }> {
  if (input.kind !== 'publishable' && input.kind !== 'secret') throw badInput('--kind must be publishable or secret');
  await requireTenant(store, input.tenantId);
  if (input.rateLimit && !(input.rateLimit.rps >= 1 && input.rateLimit.burst >= input.rateLimit.rps)) {
    throw badInput('--rps must be at least 1 and --burst at least --rps');
  }
  const { key, keyId, hash } = generateApiKey(input.kind);
  await store.createApiKey({
    keyId,
    tenantId: input.tenantId,
    kind: input.kind,
    hash,
    createdAt: input.now ?? new Date().toISOString(),
    revokedAt: null,
    rateLimit: input.rateLimit ?? null,
  });
  return { key, keyId, kind: input.kind, tenantId: input.tenantId };
}

export async function mintUserToken(
  store: AccessStore,
  input: { tenantId: string; userId: string; ttlSeconds: number },
): Promise<string> {
  if (!isUserId(input.userId))
    throw badInput(`--user must be 1 to 128 letters, digits or _.:@|+-; got "${input.userId}"`);
  const tenant = await requireTenant(store, input.tenantId);
  return signUserToken({
    tenantId: tenant.id,
    userId: input.userId,
    secret: tenant.userTokenSecrets[0],
    ttlSeconds: input.ttlSeconds,
  });
}

export async function rotateUserTokenSecret(
  store: AccessStore,
  tenantId: string,
  options: { revokePrevious?: boolean } = {},
): Promise<void> {
  await requireTenant(store, tenantId);
  await store.rotateUserTokenSecret(tenantId, newUserTokenSecret(), options);
}

/** The tenant named by --tenant: its id checked like any input before it reaches a key. */
async function requireTenant(store: AccessStore, tenantId: string): Promise<TenantRecord> {
  checkTenantId(tenantId);
  const tenant = await store.tenant(tenantId);
  if (!tenant) throw new DomainError('NOT_FOUND', `no tenant "${tenantId}"`);
  return tenant;
}
