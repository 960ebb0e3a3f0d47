/**
 * Tenants, API keys and user tokens: the use cases behind the admin CLI and npm start's local
 * tenant, as plain functions over an AccessStore, so tests call them directly. Keys are returned
 * once, here, and only their hash is stored.
 */
import {
  checkTenantId,
  checkTrustedIssuer,
  generateApiKey,
  isUserId,
  MAX_ISSUERS,
  MAX_ORIGINS,
  newUserTokenSecret,
  normaliseOrigin,
  shownUserTokenSecret,
  type KeyKind,
  type RateLimit,
  type TenantRecord,
  type TrustedIssuer,
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
    allowedOrigins: checkOriginCount([...new Set((input.origins ?? []).map(normaliseOrigin))]),
    userTokenSecrets: [newUserTokenSecret()],
    issuers: [],
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

/** The tenant's user-token secret as its backend signs with it; shown once, by the admin CLI. */
export function userTokenSecretOf(tenant: TenantRecord): string {
  const shown = shownUserTokenSecret(tenant.userTokenSecrets[0]);
  if (shown === null) throw new Error(`tenant "${tenant.id}" has no user-token secret that can be shown`);
  return shown;
}

/** Returns the new secret (shown once); the previous one still verifies until the next rotation. */
export async function rotateUserTokenSecret(
  store: AccessStore,
  tenantId: string,
  options: { revokePrevious?: boolean } = {},
): Promise<string> {
  await requireTenant(store, tenantId);
  const secret = newUserTokenSecret();
  await store.rotateUserTokenSecret(tenantId, secret, options);
  return shownUserTokenSecret(secret)!;
}

function checkOriginCount(origins: string[]): string[] {
  if (origins.length > MAX_ORIGINS) throw badInput(`a tenant can allow at most ${MAX_ORIGINS} origins`);
  return origins;
}

/** Adds and removes allowed origins (checked: scheme://host[:port]); removing one that is not there is an error. */
export async function updateTenantOrigins(
  store: AccessStore,
  input: { tenantId: string; add?: string[]; remove?: string[] },
): Promise<TenantRecord> {
  checkTenantId(input.tenantId);
  const add = (input.add ?? []).map(normaliseOrigin);
  const remove = (input.remove ?? []).map(normaliseOrigin);
  if (add.length + remove.length === 0) throw badInput('give --add-origin or --remove-origin (each may repeat)');
  const both = add.find((origin) => remove.includes(origin));
  if (both) throw badInput(`${both} is both added and removed`);
  return store.updateTenantAccess(input.tenantId, (tenant) => {
    const missing = remove.find((origin) => !tenant.allowedOrigins.includes(origin));
    if (missing) throw new DomainError('NOT_FOUND', `${missing} is not an allowed origin of "${tenant.id}"`);
    const kept = tenant.allowedOrigins.filter((origin) => !remove.includes(origin));
    return {
      allowedOrigins: checkOriginCount([...new Set([...kept, ...add])]),
      issuers: tenant.issuers ?? [],
    };
  });
}

/** Registers an issuer; registering the same issuer string again replaces its settings. */
export async function addIssuer(
  store: AccessStore,
  input: { tenantId: string; issuer: string; jwksUrl: string; audience: string; userClaim?: string },
): Promise<TrustedIssuer> {
  checkTenantId(input.tenantId);
  const issuer = checkTrustedIssuer(input);
  await store.updateTenantAccess(input.tenantId, (tenant) => {
    const others = (tenant.issuers ?? []).filter((trusted) => trusted.issuer !== issuer.issuer);
    if (others.length >= MAX_ISSUERS)
      throw badInput(`a tenant can trust at most ${MAX_ISSUERS} issuers; remove one first (issuer:remove)`);
    return { allowedOrigins: tenant.allowedOrigins, issuers: [...others, issuer] };
  });
  return issuer;
}

export async function listIssuers(store: AccessStore, tenantId: string): Promise<TrustedIssuer[]> {
  return (await requireTenant(store, tenantId)).issuers ?? [];
}

/** Removes an issuer, named exactly as registered. */
export async function removeIssuer(store: AccessStore, input: { tenantId: string; issuer: string }): Promise<void> {
  checkTenantId(input.tenantId);
  await store.updateTenantAccess(input.tenantId, (tenant) => {
    const issuers = tenant.issuers ?? [];
    if (!issuers.some((trusted) => trusted.issuer === input.issuer))
      throw new DomainError('NOT_FOUND', `"${tenant.id}" has no issuer "${input.issuer}" (issuer:list shows them)`);
    return { allowedOrigins: tenant.allowedOrigins, issuers: issuers.filter((t) => t.issuer !== input.issuer) };
  });
}

/**
 * Gives the keys of one tenant (or of every tenant) the copy of their tenant that lets one read
 * authenticate: for keys created before keys carried it. Safe to run again.
 */
export async function syncKeyCopies(
  store: AccessStore,
  tenantId?: string,
): Promise<{ tenant: string; keys: number; synced: boolean }[]> {
  const tenantIds = tenantId === undefined ? await store.tenantIds() : [(await requireTenant(store, tenantId)).id];
  const report = [];
  for (const id of tenantIds) report.push({ tenant: id, ...(await store.syncKeyCopies(id)) });
  return report;
}

/** The tenant named by --tenant: its id checked like any input before it reaches a key. */
async function requireTenant(store: AccessStore, tenantId: string): Promise<TenantRecord> {
  checkTenantId(tenantId);
  const tenant = await store.tenant(tenantId);
  if (!tenant) throw new DomainError('NOT_FOUND', `no tenant "${tenantId}"`);
  return tenant;
}
