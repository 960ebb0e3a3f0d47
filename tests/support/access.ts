/** Given: tenants with keys and user tokens on a suite's table. */
import { SignJWT } from 'jose';
import { createKey, createTenant, mintUserToken } from '../../src/usecases/tenants';
import { userTokenKey, type RateLimit } from '../../src/domain/access';
import { AccessStore } from '../../src/store';
import type { Dynamo } from '../../src/store/client';

export interface TenantFixture {
  id: string;
  secretForTokens: string;
  publishable: string;
  secret: string;
  revoked: string;
  token(userId: string, ttlSeconds?: number): Promise<string>;
}

/** Generous enough that no test of behaviour other than rate limiting ever reports usage. */
export const TEST_RATE_LIMIT: RateLimit = { rps: 100_000, burst: 100_000 };

export async function givenTenant(
  dynamo: Dynamo,
  id: string,
  origins: string[] = [],
  rateLimit: RateLimit = TEST_RATE_LIMIT,
): Promise<TenantFixture> {
  const store = new AccessStore(dynamo);
  const tenant = await createTenant(store, { id, name: `Tenant ${id}`, origins });
  const publishable = (await createKey(store, { tenantId: id, kind: 'publishable', rateLimit })).key;
  const secret = (await createKey(store, { tenantId: id, kind: 'secret', rateLimit })).key;
  const revokedKey = await createKey(store, { tenantId: id, kind: 'secret', rateLimit });
  await store.revokeApiKey(revokedKey.keyId, new Date().toISOString());
  return {
    id,
    secretForTokens: tenant.userTokenSecrets[0],
    publishable,
    secret,
    revoked: revokedKey.key,
    token: (userId, ttlSeconds = 3600) => mintUserToken(store, { tenantId: id, userId, ttlSeconds }),
  };
}

/** A token with the given header and claims, signed with the stored `secret` (HS256 unless the header says otherwise). */
export async function craftToken(secret: string, claims: Record<string, unknown>, alg = 'HS256'): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg, typ: 'JWT' }).sign(userTokenKey(secret));
}

/** An unsigned token (`alg: none`), which must never be accepted. */
export function unsignedToken(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.`;
}

export const nowSeconds = (): number => Math.floor(Date.now() / 1000);
