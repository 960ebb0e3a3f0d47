/**
 * The `local` tenant of `npm start`: created once, with a publishable and a secret key. Keys are
 * stored in DynamoDB only as hashes, so the plain keys of this development tenant are kept in a
 * file under the data directory (never committed: .data/ is git-ignored) to print them again.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createKey, createTenant, mintUserToken } from '../usecases/tenants';
import { parseApiKey, sameHash } from '../domain/access';
import type { AccessStore } from '../store';

export const LOCAL_TENANT = 'local';
export const DEMO_USER = 'demo-user';

export interface LocalAccess {
  publishableKey: string;
  secretKey: string;
  userToken: string;
  /** The tenant's own allowed origins (npm start adds any loopback port in STAGE=local). */
  allowedOrigins: string[];
}

export async function ensureLocalAccess(store: AccessStore, dataDir: string, tableName: string): Promise<LocalAccess> {
  const file = path.join(dataDir, `local-access.${tableName}.json`);
  let keys = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as Pick<LocalAccess, 'publishableKey' | 'secretKey'>)
    : null;
  if (!keys || !(await stillValid(store, keys.publishableKey)) || !(await stillValid(store, keys.secretKey))) {
    if (!(await store.tenant(LOCAL_TENANT))) {
      await createTenant(store, {
        id: LOCAL_TENANT,
        name: 'Local development',
        origins: ['http://localhost:3000', 'http://localhost:5173'],
      });
    }
    keys = {
      publishableKey: (await createKey(store, { tenantId: LOCAL_TENANT, kind: 'publishable' })).key,
      secretKey: (await createKey(store, { tenantId: LOCAL_TENANT, kind: 'secret' })).key,
    };
    writeFileSync(file, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600 });
  }
  const userToken = await mintUserToken(store, { tenantId: LOCAL_TENANT, userId: DEMO_USER, ttlSeconds: 12 * 3600 });
  const allowedOrigins = (await store.tenant(LOCAL_TENANT))?.allowedOrigins ?? [];
  return { ...keys, userToken, allowedOrigins };
}

async function stillValid(store: AccessStore, key: string): Promise<boolean> {
  const parsed = parseApiKey(key);
  const record = parsed && (await store.apiKey(parsed.keyId));
  return !!record && !record.revokedAt && sameHash(record.hash, parsed.hash);
}
