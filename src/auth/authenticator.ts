/**
 * Who is calling: the API key (x-api-key) names the tenant; the user comes from a user token
 * (Authorization: Bearer) or, for secret keys only, from x-user-id. Keys and tenants are cached
 * per container for 30 seconds, so a revoked key stops working within a minute and a warm
 * request costs no DynamoDB call for authentication.
 */
import { isUserId, parseApiKey, sameHash, type ApiKeyRecord, type KeyKind, type TenantRecord } from '../domain/access';
import { DomainError } from '../domain/errors';
import type { AccessStore } from '../store';
import { verifyUserToken } from './user-token';

export interface Caller {
  /** null only for keyless calls, which only local development allows. */
  tenantId: string | null;
  keyId: string | null;
  kind: KeyKind | 'anonymous';
  userId: string | null;
  key: ApiKeyRecord | null;
}

export interface Credentials {
  apiKey?: string;
  authorization?: string;
  userId?: string;
  origin?: string;
}

interface Access {
  key: ApiKeyRecord;
  tenant: TenantRecord;
}

export const ACCESS_CACHE_TTL_MS = 30_000;
const CACHE_LIMIT = 10_000;

const unauthenticated = (message: string): DomainError => new DomainError('UNAUTHENTICATED', message);

export class Authenticator {
  private readonly cache = new Map<string, { access: Promise<Access | null>; expires: number }>();

  constructor(
    private readonly store: Pick<AccessStore, 'apiKey' | 'tenant'>,
    private readonly options: { allowAnonymous: boolean; now?: () => number },
  ) {}

  async authenticate(credentials: Credentials): Promise<Caller> {
    if (!credentials.apiKey) {
      if (!this.options.allowAnonymous) throw unauthenticated('an API key is required (header x-api-key)');
      if (credentials.authorization || credentials.userId)
        throw unauthenticated('a user can only be named together with an API key');
      return { tenantId: null, keyId: null, kind: 'anonymous', userId: null, key: null };
    }
    const parsed = parseApiKey(credentials.apiKey);
    if (!parsed) throw unauthenticated('x-api-key is not a qbank API key');
    const access = await this.access(parsed.keyId);
    if (!access || !sameHash(access.key.hash, parsed.hash) || access.key.kind !== parsed.kind)
      throw unauthenticated('unknown API key');
    if (access.key.revokedAt) throw unauthenticated('this API key has been revoked');
    const { key, tenant } = access;
    if (key.kind === 'publishable' && credentials.origin && !tenant.allowedOrigins.includes(credentials.origin)) {
      throw new DomainError('FORBIDDEN', `origin ${credentials.origin} is not allowed for this key`);
    }
    return {
      tenantId: tenant.id,
      keyId: key.keyId,
      kind: key.kind,
      userId: await this.userOf(credentials, key, tenant),
      key,
    };
  }

  private async userOf(credentials: Credentials, key: ApiKeyRecord, tenant: TenantRecord): Promise<string | null> {
    if (credentials.userId !== undefined) {
      if (key.kind !== 'secret')
        throw new DomainError('FORBIDDEN', 'x-user-id needs a secret key; browsers send a user token');
      if (!isUserId(credentials.userId)) throw unauthenticated('x-user-id must be 1 to 128 letters, digits or _.:@|+-');
      return credentials.userId;
    }
    if (credentials.authorization === undefined) return null;
    const token = /^Bearer ([A-Za-z0-9_.-]{1,4096})$/.exec(credentials.authorization)?.[1];
    if (!token) throw unauthenticated('Authorization must be "Bearer <user token>"');
    const verdict = await verifyUserToken(token, tenant.id, tenant.userTokenSecrets);
    if ('problem' in verdict) throw unauthenticated(verdict.problem);
    if (!isUserId(verdict.userId)) throw unauthenticated('the user token names an invalid user id');
    return verdict.userId;
  }

  private access(keyId: string): Promise<Access | null> {
    const now = (this.options.now ?? Date.now)();
    const cached = this.cache.get(keyId);
    if (cached && cached.expires > now) return cached.access;
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    const access = this.load(keyId);
    this.cache.set(keyId, { access, expires: now + ACCESS_CACHE_TTL_MS });
    access.catch(() => this.cache.delete(keyId));
    return access;
  }

  private async load(keyId: string): Promise<Access | null> {
    const key = await this.store.apiKey(keyId);
    const tenant = key && (await this.store.tenant(key.tenantId));
    return key && tenant ? { key, tenant } : null;
  }
}
