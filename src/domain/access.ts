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
  /** HS256 secrets for user tokens, newest first; older ones still verify until dropped. */
  userTokenSecrets: string[];
  createdAt: string;
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

export const newUserTokenSecret = (): string => randomBytes(32).toString('base64url');

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
