/**
 * Creating tenants and API keys when DynamoDB applied a conditional Put but its answer was lost
 * (a 500 after the write): the SDK's retry then fails its own condition. A create must still
 * succeed and store exactly one record, the one it reports; a different record already there is
 * still a conflict. Exercised through the fault proxy (tests/harness/fault-proxy.ts) with 30 % 500s,
 * all of them after DynamoDB applied the request, for `npm start`'s local tenant, the admin
 * commands and the admin CLI.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createKey, createTenant } from '../../src/usecases/tenants';
import { parseApiKey, type ApiKeyRecord, type TenantRecord } from '../../src/domain/access';
import { DomainError } from '../../src/domain/errors';
import { startFaultProxy, type FaultProxy } from '../harness/fault-proxy';
import { ensureLocalAccess, LOCAL_TENANT } from '../../src/dev/local-tenant';
import { AccessStore } from '../../src/store';
import { createDynamo, type Dynamo } from '../../src/store/client';
import { deleteTable, ensureTable } from '../../src/store/table';
import { endpoint, newDynamo, useTable } from '../support/dynamo';
import { baseEnv, runScript } from '../support/processes';

const LOST_ANSWERS = { serverError: 0.3 };

describe('creating tenants and API keys', () => {
  const dynamo = useTable();
  const proxies: FaultProxy[] = [];
  const tables: Dynamo[] = [];
  const clients: Dynamo[] = [];
  const dirs: string[] = [];

  afterAll(async () => {
    await Promise.all(proxies.map((proxy) => proxy.stop()));
    for (const table of tables) await deleteTable(table);
    for (const client of [...tables, ...clients]) client.doc.destroy();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  /** 30 % of requests answered with a 500 after DynamoDB applied them; a proxy per test, seeded. */
  async function givenLostAnswers(seed: string): Promise<FaultProxy> {
    const proxy = await startFaultProxy({ upstream: endpoint(), seed, rates: LOST_ANSWERS, afterForward: 1 });
    proxies.push(proxy);
    return proxy;
  }

  async function givenFreshTable(): Promise<Dynamo> {
    const table = newDynamo();
    tables.push(table);
    await ensureTable(table);
    return table;
  }

  const through = (proxy: FaultProxy, tableName: string): Dynamo => {
    const viaProxy = createDynamo({ tableName, region: 'local', endpoint: proxy.endpoint });
    clients.push(viaProxy);
    return viaProxy;
  };

  const conditionFailures = (proxy: FaultProxy): number =>
    proxy.stats().upstreamErrors.ConditionalCheckFailedException ?? 0;

  describe('a create sent twice (as the SDK retries a Put whose answer was lost)', () => {
    const key: ApiKeyRecord = {
      keyId: 'k0000000000000001',
      tenantId: 'twice',
      kind: 'secret',
      hash: 'ab'.repeat(32),
      createdAt: '2025-03-01T10:00:00.000Z',
      revokedAt: null,
      rateLimit: { rps: 5, burst: 10 },
    };
    const tenant: TenantRecord = {
      id: 'twice',
      name: 'Twice',
      allowedOrigins: ['https://twice.example'],
      userTokenSecrets: ['secret-1'],
      createdAt: '2025-03-01T10:00:00.000Z',
    };

    it('succeeds when the stored tenant is exactly the one sent; another tenant under the id is a conflict', async () => {
      const store = new AccessStore(dynamo());
      await store.createTenant(tenant);
      await store.createTenant(tenant);
      await expect(store.createTenant({ ...tenant, userTokenSecrets: ['secret-2'] })).rejects.toEqual(
        new DomainError('BAD_USER_INPUT', 'tenant "twice" already exists'),
      );
      expect(await store.tenant('twice')).toEqual({ ...tenant, issuers: [] });
    });

    // A key is created with its tenant (it carries a copy of it): the tenant made above.
    it('succeeds when the stored API key is exactly the one sent, at the cost of one consistent read', async () => {
      const store = new AccessStore(dynamo());
      await store.createApiKey(key);
      dynamo().calls.reset();
      await store.createApiKey(key);
      // The tenant read every create makes, the transaction that finds the key there, and the read that settles it.
      expect(Object.fromEntries(dynamo().calls.byCommand)).toEqual({ GetItemCommand: 2, TransactWriteItemsCommand: 1 });
      expect(await store.listApiKeys('twice')).toEqual([key]);
    });

    it('refuses another API key under the same id, and keeps the stored one', async () => {
      const store = new AccessStore(dynamo());
      await expect(store.createApiKey({ ...key, hash: 'cd'.repeat(32) })).rejects.toEqual(
        new DomainError('BAD_USER_INPUT', `API key id "${key.keyId}" already exists`),
      );
      await expect(store.createApiKey({ ...key, createdAt: '2025-03-01T10:00:01.000Z' })).rejects.toThrow(
        `API key id "${key.keyId}" already exists`,
      );
      expect(await store.listApiKeys('twice')).toEqual([key]);
    });

    it('costs a single Put when nothing was there', async () => {
      const store = new AccessStore(dynamo());
      dynamo().calls.reset();
      await store.createTenant({ ...tenant, id: 'once' });
      expect(Object.fromEntries(dynamo().calls.byCommand)).toEqual({ PutItemCommand: 1 });
    });
  });

  describe('with 30 % of answers lost after DynamoDB applied the request', () => {
    const BOOTS = 8;

    it(`boots npm start's local tenant every time (${BOOTS} boots), storing one tenant and exactly the two keys it prints`, async () => {
      const proxy = await givenLostAnswers('reliability-boot');
      const failed: string[] = [];
      for (let boot = 0; boot < BOOTS; boot++) {
        const table = await givenFreshTable();
        const dataDir = mkdtempSync(path.join(os.tmpdir(), 'qbank-boot-'));
        dirs.push(dataDir);
        const booted = await ensureLocalAccess(
          new AccessStore(through(proxy, table.tableName)),
          dataDir,
          table.tableName,
        ).catch((error: Error) => {
          failed.push(`boot ${boot}: ${error.message}`);
          return null;
        });
        if (!booted) continue;
        const store = new AccessStore(table);
        expect((await store.tenant(LOCAL_TENANT))?.id).toBe(LOCAL_TENANT);
        const printed = [booted.publishableKey, booted.secretKey].map((plain) => parseApiKey(plain)!);
        const stored = (await store.listApiKeys(LOCAL_TENANT)).map((k) => ({
          kind: k.kind,
          keyId: k.keyId,
          hash: k.hash,
        }));
        expect(stored.sort((a, b) => a.kind.localeCompare(b.kind))).toEqual(printed);
      }
      expect(failed).toEqual([]);
      // The case under test happened: retries of applied Puts failed their own condition.
      expect(conditionFailures(proxy)).toBeGreaterThan(0);
    }, 120_000);

    it('creates every tenant and key the admin commands report (10 tenants, 2 keys each), and nothing else', async () => {
      const proxy = await givenLostAnswers('reliability-admin');
      const store = new AccessStore(through(proxy, dynamo().tableName));
      const reported = new Map<string, string[]>();
      for (let t = 0; t < 10; t++) {
        const tenant = await createTenant(store, { id: `lossy-${t}`, name: `Lossy ${t}` });
        const keys = [
          await createKey(store, { tenantId: tenant.id, kind: 'publishable' }),
          await createKey(store, { tenantId: tenant.id, kind: 'secret' }),
        ];
        reported.set(tenant.id, keys.map((k) => k.keyId).sort());
      }
      const direct = new AccessStore(dynamo());
      for (const [tenantId, keyIds] of reported) {
        expect([tenantId, (await direct.listApiKeys(tenantId)).map((k) => k.keyId).sort()]).toEqual([tenantId, keyIds]);
      }
      expect(conditionFailures(proxy)).toBeGreaterThan(0);
    }, 120_000);

    it('npm run admin -- tenant:create and key:create succeed and store exactly the key they print', async () => {
      const proxy = await givenLostAnswers('reliability-cli');
      const env = baseEnv({ DYNAMODB_ENDPOINT: proxy.endpoint, TABLE_NAME: dynamo().tableName });
      const admin = async (...args: string[]) => {
        const result = await runScript('src/admin/cli.ts', [...args, '--json'], env);
        return result.code === 0 ? JSON.parse(result.stdout) : `exit ${result.code}: ${result.stderr}`;
      };
      const tenant = await admin('tenant:create', '--name', 'Lossy CLI');
      expect(tenant).toEqual({
        tenant: { id: 'lossy-cli', name: 'Lossy CLI', allowedOrigins: [] },
        userTokenSecret: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      });
      const keys = [
        await admin('key:create', '--tenant', 'lossy-cli', '--kind', 'secret'),
        await admin('key:create', '--tenant', 'lossy-cli', '--kind', 'publishable'),
      ];
      expect(keys).toEqual(
        [0, 1].map(() => ({
          key: expect.stringMatching(/^qb_(sk|pk)_/),
          keyId: expect.any(String),
          kind: expect.any(String),
          tenantId: 'lossy-cli',
        })),
      );
      const stored = await new AccessStore(dynamo()).listApiKeys('lossy-cli');
      expect(stored.map((k) => [k.keyId, k.hash]).sort()).toEqual(
        keys.map((k) => [k.keyId, parseApiKey(k.key)!.hash]).sort(),
      );
      expect(conditionFailures(proxy)).toBeGreaterThan(0);
    }, 120_000);
  });
});
