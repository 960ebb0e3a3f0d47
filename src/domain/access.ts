/**
 * Tenants, API keys and who is calling. A tenant is one client application; its keys are
 * publishable (`qb_pk_…`, safe in a browser) or secret (`qb_sk_…`, server-side only).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { badInput } from './errors';

export type KeyKind = 'publishable' | 'secret';

export interface RateLimit {
  /** Sustained requests per second. */
  rps: number;
  /** Requests allowed in one second after an idle one (≥ rps). */
  burst: number;
}

export interface TenantRecord {
  id: string;
  name: string;
  /** Origins a publishable key may be used from (exact scheme://host[:port]). */
  allowedOrigins: string[];
  /**
   * HS256 secrets for user tokens, newest first; older ones still verify until dropped. Stored as
   * `utf8:<secret>` (the key is the UTF-8 bytes of the secret the admin CLI showed) or, for
   * secrets made before secrets were shown, bare base64url (the key is the decoded bytes).
   */
  userTokenSecrets: string[];
  /** OIDC/JWT issuers whose tokens name this tenant's users (absent on older records: none). */
  issuers?: TrustedIssuer[];
  createdAt: string;
}

/** An identity provider a tenant trusts: tokens with `iss` equal to `issuer` are verified against its JWKS. */
export interface TrustedIssuer {
  /** Compared exactly with the token's `iss` (a trailing `/` included). */
  issuer: string;
  /** https (or http on a loopback host) URL of the issuer's JSON Web Key Set. */
  jwksUrl: string;
  /** The `aud` the token must carry. */
  audience: string;
  /** The claim whose value is the user id, as given (default `sub`). */
  userClaim: string;
}

export interface ApiKeyRecord {
  keyId: string;
  tenantId: string;
  kind: KeyKind;
  /** SHA-256 of the whole key: the key itself is shown once and never stored. */
  hash: string;
  createdAt: string;
  revokedAt: string | null;
  rateLimit: RateLimit | null;
}

const PREFIX: Record<KeyKind, string> = { publishable: 'qb_pk_', secret: 'qb_sk_' };
const KEY_PATTERN = /^qb_(pk|sk)_([a-z0-9]{16})_([A-Za-z0-9_-]{43})$/;
const KEY_ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

export interface ParsedKey {
  kind: KeyKind;
  keyId: string;
  hash: string;
}

export function generateApiKey(kind: KeyKind): { key: string; keyId: string; hash: string } {
  const idBytes = randomBytes(16);
  const keyId = [...idBytes].map((byte) => KEY_ID_ALPHABET[byte % KEY_ID_ALPHABET.length]).join('');
  const key = `${PREFIX[kind]}${keyId}_${randomBytes(32).toString('base64url')}`;
  return { key, keyId, hash: hashKey(key) };
}

/** Null for anything that is not shaped like a qbank key. */
export function parseApiKey(key: string): ParsedKey | null {
  const match = KEY_PATTERN.exec(key);
  if (!match) return null;
  return { kind: match[1] === 'pk' ? 'publishable' : 'secret', keyId: match[2], hash: hashKey(key) };
}

export const hashKey = (key: string): string => createHash('sha256').update(key, 'utf8').digest('hex');

export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}

const UTF8_SECRET = 'utf8:';

/** A new user-token secret in its stored form (`utf8:` and 43 base64url characters). */
export const newUserTokenSecret = (): string => `${UTF8_SECRET}${randomBytes(32).toString('base64url')}`;

/** The secret a tenant's backend signs with, as shown once; null for a secret made before they were shown. */
export const shownUserTokenSecret = (stored: string): string | null =>
  stored.startsWith(UTF8_SECRET) ? stored.slice(UTF8_SECRET.length) : null;

/**
 * The HS256 key of a stored secret: the UTF-8 bytes of the shown secret, exactly as
 * `jsonwebtoken.sign(payload, secret)` and jose's `new TextEncoder().encode(secret)` use it; an
 * older secret (never shown) keeps its base64url-decoded bytes, so tokens signed before still verify.
 */
export const userTokenKey = (stored: string): Uint8Array => {
  const shown = shownUserTokenSecret(stored);
  return shown === null ? Buffer.from(stored, 'base64url') : Buffer.from(shown, 'utf8');
};

/** How many issuers and allowed origins one tenant may have. */
export const MAX_ISSUERS = 10;
export const MAX_ORIGINS = 50;
/**
 * Keys a tenant may have that are not revoked. Every key item carries a copy of what
 * authentication needs from its tenant, and a tenant change rewrites them all in one transaction
 * with the tenant (DynamoDB's limit is 100 items), so a key authenticates with one read.
 */
export const MAX_LIVE_KEYS = 99;

const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];

/** An https URL, or http on a loopback host (local development and tests); anything else is refused. */
function checkTrustedUrl(name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw badInput(`${name} must be an https URL; got "${value.slice(0, 200)}"`);
  }
  const loopback = LOOPBACK_HOSTS.includes(url.hostname);
  if (value.length > 512 || /\s/.test(value) || url.username || url.password || url.hash)
    throw badInput(`${name} must be an https URL of at most 512 characters, without spaces, credentials or #`);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback))
    throw badInput(`${name} must use https (http only on 127.0.0.1, localhost or [::1]); got "${value}"`);
  return value;
}

/** An issuer as `issuer:add` takes it; the issuer string is kept exactly as given. */
export function checkTrustedIssuer(input: {
  issuer: string;
  jwksUrl: string;
  audience: string;
  userClaim?: string;
}): TrustedIssuer {
  const userClaim = input.userClaim ?? 'sub';
  if (!/^[\x21-\x7e]{1,256}$/.test(input.audience))
    throw badInput('--audience must be 1 to 256 printable characters without spaces');
  if (!/^[\x21-\x7e]{1,128}$/.test(userClaim))
    throw badInput('--user-claim must be a claim name: 1 to 128 printable characters without spaces');
  return {
    issuer: checkTrustedUrl('--issuer', input.issuer),
    jwksUrl: checkTrustedUrl('--jwks-url', input.jwksUrl),
    audience: input.audience,
    userClaim,
  };
}

/**
 * Whether a browser on `origin` may use the tenant's publishable key: one of its allowed origins,
 * or, when `loopback` is on (STAGE=local only), any port of http://localhost and http://127.0.0.1.
 */
export function isOriginAllowed(allowedOrigins: readonly string[], origin: string, loopback = false): boolean {
  if (allowedOrigins.includes(origin)) return true;
  return loopback && /^http:\/\/(localhost|127\.0\.0\.1)(:\d{1,5})?$/.test(origin);
}

const TENANT_ID = /^[a-z0-9][a-z0-9-]{1,39}$/;
const USER_ID = /^[A-Za-z0-9_.:@|+-]{1,128}$/;

export function checkTenantId(id: string): string {
  if (!TENANT_ID.test(id)) throw badInput(`tenant id "${id}" must be 2 to 40 lower-case letters, digits or dashes`);
  return id;
}

export const isUserId = (id: string): boolean => USER_ID.test(id);

/** An origin as browsers send it: scheme://host[:port], no path. */
export function normaliseOrigin(origin: string): string {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    throw badInput(`"${origin}" is not an origin (scheme://host[:port])`);
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.pathname !== '/' || url.search || url.hash || url.username) {
    throw badInput(`"${origin}" is not an origin (scheme://host[:port])`);
  }
  return url.origin;
}
