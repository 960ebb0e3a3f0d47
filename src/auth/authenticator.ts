/**
 * Who is calling: the API key (x-api-key) names the tenant; the user comes from a user token
 * (Authorization: Bearer) or, for secret keys only, from x-user-id. A bearer token whose `iss` is
 * one of the tenant's registered issuers is verified against that issuer's JWKS; any other is a
 * tenant user token (HS256, the tenant's secret). A key item carries a copy of its tenant (allowed
 * origins, issuers, user-token secrets), rewritten with every change of the tenant, so a cold
 * authentication is one read. Keys and tenants are cached per container for 30 seconds (least
 * recently used dropped first), so a revoked key, an origin or an issuer change takes effect within
 * a minute and a warm request costs no DynamoDB call for authentication. Unknown key ids
 * are remembered briefly, and an address that keeps failing is stopped before it costs reads.
 */
import {
  isOriginAllowed,
  isUserId,
  parseApiKey,
  sameHash,
  type ApiKeyRecord,
  type KeyKind,
  type ParsedKey,
  type TenantRecord,
} from '../domain/access';
import { DomainError } from '../domain/errors';
import type { AccessStore } from '../store';
import { FailedAuthLimiter, type FailedAuthPolicy } from './failed-auth-limiter';
import { IssuerTokens, type JwksPolicy } from './issuer-tokens';
import { loadJose } from './jose';
import { LruCache } from './lru-cache';
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
  /** The client's address as API Gateway saw it: failed authentications are limited per address. */
  sourceIp?: string;
}

interface Access {
  key: ApiKeyRecord;
  tenant: TenantRecord;
}

export const ACCESS_CACHE_TTL_MS = 30_000;
/**
 * Key ids DynamoDB did not know are remembered for 10 s, so repeating an unknown key costs no
 * read; a key used before it was created works at most 10 s after its creation.
 */
export const UNKNOWN_KEY_TTL_MS = 10_000;
const CACHE_LIMIT = 10_000;

const unauthenticated = (message: string): DomainError => new DomainError('UNAUTHENTICATED', message);

const matches = (access: Access, parsed: ParsedKey): boolean =>
  sameHash(access.key.hash, parsed.hash) && access.key.kind === parsed.kind;

export class Authenticator {
  private readonly keys = new LruCache<string, Promise<Access | null>>(CACHE_LIMIT);
  private readonly unknownKeys = new LruCache<string, true>(CACHE_LIMIT);
  private readonly failures: FailedAuthLimiter;
  private readonly issuerTokens: IssuerTokens;

  constructor(
    private readonly store: Pick<AccessStore, 'apiKeyAccess' | 'tenant'>,
    private readonly options: {
      allowAnonymous: boolean;
      /** Any port of http://localhost and http://127.0.0.1 as an allowed origin: STAGE=local only. */
      allowLoopbackOrigins?: boolean;
      now?: () => number;
      failedAuth?: FailedAuthPolicy;
      jwks?: JwksPolicy;
    },
  ) {
    this.failures = new FailedAuthLimiter(options.failedAuth);
    this.issuerTokens = new IssuerTokens(options.jwks);
  }

  /** Whether a browser on `origin` may use a publishable key of a tenant with these allowed origins. */
  allowsOrigin(allowedOrigins: readonly string[], origin: string): boolean {
    return isOriginAllowed(allowedOrigins, origin, this.options.allowLoopbackOrigins ?? false);
  }

  async authenticate(credentials: Credentials): Promise<Caller> {
    if (!credentials.apiKey) {
      if (!this.options.allowAnonymous) throw unauthenticated('an API key is required (header x-api-key)');
      if (credentials.authorization || credentials.userId)
        throw unauthenticated('a user can only be named together with an API key');
      return { tenantId: null, keyId: null, kind: 'anonymous', userId: null, key: null };
    }
    const { key, tenant } = await this.verifiedAccess(credentials.apiKey, credentials.sourceIp);
    if (
      key.kind === 'publishable' &&
      credentials.origin &&
      !this.allowsOrigin(tenant.allowedOrigins, credentials.origin)
    ) {
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

  /**
   * The key's record and tenant. Every failure counts against the source address; an address
   * over its limit is answered from the cache alone (a key verified before still works).
   */
  private async verifiedAccess(apiKey: string, sourceIp: string | undefined): Promise<Access> {
    const parsed = parseApiKey(apiKey);
    const now = this.now();
    const retryAfterMs = sourceIp ? this.failures.retryAfterMs(sourceIp, now) : 0;
    const cached = parsed && this.keys.get(parsed.keyId, now);
    if (retryAfterMs > 0) {
      const access = cached ? await cached : null;
      if (access && parsed && matches(access, parsed) && !access.key.revokedAt) return access;
      throw new DomainError('RATE_LIMITED', 'too many failed authentications from this address', { retryAfterMs });
    }
    if (!parsed) throw this.failure(sourceIp, 'x-api-key is not a qbank API key');
    const known = cached || !this.unknownKeys.get(parsed.keyId, now);
    const access = known ? await (cached || this.load(parsed.keyId, now)) : null;
    if (!access || !matches(access, parsed)) throw this.failure(sourceIp, 'unknown API key');
    if (access.key.revokedAt) throw this.failure(sourceIp, 'this API key has been revoked');
    return access;
  }

  private failure(sourceIp: string | undefined, message: string): DomainError {
    if (sourceIp) this.failures.recordFailure(sourceIp, this.now());
    return unauthenticated(message);
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
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
    const claimed = issuerOf(token);
    const issuer = tenant.issuers?.find((trusted) => trusted.issuer === claimed);
    const verdict = issuer
      ? await this.issuerTokens.verify(token, issuer)
      : claimed !== undefined && algorithmOf(token) !== 'HS256'
        ? { problem: 'the user token is not valid: its "iss" is not a registered issuer of this tenant' }
        : await verifyUserToken(token, tenant.id, tenant.userTokenSecrets);
    if ('problem' in verdict) throw unauthenticated(verdict.problem);
    if (!isUserId(verdict.userId)) throw unauthenticated('the user token names an invalid user id');
    return verdict.userId;
  }

  /** One read per key id at a time: concurrent requests share the lookup. */
  private load(keyId: string, now: number): Promise<Access | null> {
    const access = this.read(keyId);
    this.keys.set(keyId, access, now + ACCESS_CACHE_TTL_MS);
    const forget = (): void => this.keys.delete(keyId);
    access.then((found) => {
      if (found) return;
      forget();
      this.unknownKeys.set(keyId, true, now + UNKNOWN_KEY_TTL_MS);
    }, forget);
    return access;
  }

  /** One read: the key carries a copy of its tenant (a key stored before copies reads the tenant too). */
  private async read(keyId: string): Promise<Access | null> {
    const found = await this.store.apiKeyAccess(keyId);
    if (!found) return null;
    const tenant = found.tenant ?? (await this.store.tenant(found.key.tenantId));
    return tenant ? { key: found.key, tenant } : null;
  }
}

/** The token's unverified `iss`, only to choose how to verify it; undefined when it has none. */
function issuerOf(token: string): string | undefined {
  try {
    const { iss } = loadJose().decodeJwt(token);
    return typeof iss === 'string' ? iss : undefined;
  } catch {
    return undefined;
  }
}

function algorithmOf(token: string): string | undefined {
  try {
    return loadJose().decodeProtectedHeader(token).alg;
  } catch {
    return undefined;
  }
}
