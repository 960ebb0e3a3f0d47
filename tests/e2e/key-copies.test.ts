/**
 * Every API key item carries a copy of its tenant, so one read authenticates a cold container.
 * These tests hold the copies to the tenant: every change of the tenant rewrites them in its
 * transaction, a revoked key leaves the tenant's live keys, a key stored before copies still
 * authenticates (reading the tenant too) until `syncKeyCopies` gives it one.
 */
import { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { Authenticator } from '../../src/auth/authenticator';
import { MAX_LIVE_KEYS, generateApiKey, type ApiKeyRecord } from '../../src/domain/access';
import { DomainError } from '../../src/domain/errors';
import { AccessStore } from '../../src/store';
import {
  addIssuer,
  createKey,
  createTenant,
  rotateUserTokenSecret,
  updateTenantOrigins,
} from '../../src/usecases/tenants';
import { useTable } from '../support/dynamo';

describe('the tenant copy on API keys', () => {
  const dynamo = useTable();
  const store = () => new AccessStore(dynamo());
  /** What one cold authentication of `key` reads, and the tenant it sees. */
  async function coldAuthentication(key: string, origin?: string) {
    const auth = new Authenticator(store(), { allowAnonymous: false });
    dynamo().calls.reset();
    const outcome = await auth.authenticate({ apiKey: key, origin }).then(
      (caller) => caller.tenantId,
      (error: DomainError) => `${error.code}: ${error.message}`,
    );
    return { outcome, calls: Object.fromEntries(dynamo().calls.byCommand) };
  }
  const copyOf = async (keyId: string) => (await store().apiKeyAccess(keyId))!.tenant;

  /** A key stored as keys were before they carried their tenant: the item alone (the tenant does not list it). */
  async function givenLegacyKey(tenantId: string, kind: ApiKeyRecord['kind']): Promise<string> {
    const { key, keyId, hash } = generateApiKey(kind);
    const createdAt = '2026-01-01T00:00:00.000Z';
    await dynamo().doc.send(
      new PutCommand({
        TableName: dynamo().tableName,
        Item: {
          PK: `APIKEY#${keyId}`,
          SK: 'APIKEY',
          GSI1PK: `TENANT#${tenantId}#KEYS`,
          GSI1SK: `${createdAt}#${keyId}`,
          type: 'ApiKey',
          keyId,
          tenantId,
          kind,
          hash,
          createdAt,
        },
      }),
    );
    return key;
  }

  it('is written with the key and rewritten in the transaction of every tenant change', async () => {
    await createTenant(store(), { id: 'copied', name: 'Copied', origins: ['https://a.example'] });
    const publishable = await createKey(store(), { tenantId: 'copied', kind: 'publishable' });
    const secret = await createKey(store(), { tenantId: 'copied', kind: 'secret' });
    expect(await coldAuthentication(publishable.key, 'https://a.example')).toEqual({
      outcome: 'copied',
      calls: { BatchGetItemCommand: 1 },
    });

    dynamo().calls.reset();
    await updateTenantOrigins(store(), {
      tenantId: 'copied',
      add: ['https://b.example'],
      remove: ['https://a.example'],
    });
    // The tenant read strongly consistent, then one transaction: the tenant and its two keys.
    expect(Object.fromEntries(dynamo().calls.byCommand)).toEqual({ GetItemCommand: 1, TransactWriteItemsCommand: 1 });
    expect(await coldAuthentication(publishable.key, 'https://a.example')).toEqual({
      outcome: 'FORBIDDEN: origin https://a.example is not allowed for this key',
      calls: { BatchGetItemCommand: 1 },
    });
    expect((await coldAuthentication(publishable.key, 'https://b.example')).outcome).toBe('copied');

    await rotateUserTokenSecret(store(), 'copied', { revokePrevious: true });
    await addIssuer(store(), {
      tenantId: 'copied',
      issuer: 'https://idp.example/',
      jwksUrl: 'https://idp.example/jwks.json',
      audience: 'quiz',
    });
    const tenant = await store().tenant('copied');
    expect(tenant!.issuers!.map((issuer) => issuer.issuer)).toEqual(['https://idp.example/']);
    expect(await copyOf(publishable.keyId)).toEqual(tenant);
    expect(await copyOf(secret.keyId)).toEqual(tenant);
  });

  it('leaves revoked keys out of the tenant changes, and refuses a live key over the limit', async () => {
    await createTenant(store(), { id: 'many', name: 'Many' });
    const keys = [];
    for (let i = 0; i < MAX_LIVE_KEYS; i++) keys.push(await createKey(store(), { tenantId: 'many', kind: 'secret' }));
    await expect(createKey(store(), { tenantId: 'many', kind: 'secret' })).rejects.toEqual(
      new DomainError(
        'BAD_USER_INPUT',
        `tenant "many" already has ${MAX_LIVE_KEYS} keys that are not revoked; revoke one first (key:revoke)`,
      ),
    );
    // 1 tenant + 99 keys: DynamoDB's 100 items of one transaction.
    await updateTenantOrigins(store(), { tenantId: 'many', add: ['https://many.example'] });
    expect((await copyOf(keys[98].keyId))!.allowedOrigins).toEqual(['https://many.example']);

    await store().revokeApiKey(keys[0].keyId, '2026-12-03T09:00:00.000Z');
    const replacement = await createKey(store(), { tenantId: 'many', kind: 'publishable' });
    await updateTenantOrigins(store(), { tenantId: 'many', remove: ['https://many.example'] });
    expect((await copyOf(replacement.keyId))!.allowedOrigins).toEqual([]);
    // The revoked key was not rewritten (it is refused whatever its copy says).
    expect((await copyOf(keys[0].keyId))!.allowedOrigins).toEqual(['https://many.example']);
    expect((await coldAuthentication(keys[0].key)).outcome).toBe('UNAUTHENTICATED: this API key has been revoked');
    await expect(store().revokeApiKey(keys[0].keyId, '2026-12-03T09:00:01.000Z')).rejects.toEqual(
      new DomainError('NOT_FOUND', `no active API key "${keys[0].keyId}"`),
    );
  }, 60_000);

  it('applies a key creation and a tenant change made at once, whichever commits first', async () => {
    await createTenant(store(), { id: 'racing', name: 'Racing' });
    for (let round = 0; round < 5; round++) {
      const origin = `https://r${round}.example`;
      const [created] = await Promise.all([
        createKey(store(), { tenantId: 'racing', kind: 'publishable' }),
        updateTenantOrigins(store(), { tenantId: 'racing', add: [origin] }),
      ]);
      expect((await copyOf(created.keyId))!.allowedOrigins).toContain(origin);
    }
    const tenant = await store().tenant('racing');
    const keyIds = (await store().listApiKeys('racing')).map((key) => key.keyId);
    for (const keyId of keyIds) expect(await copyOf(keyId)).toEqual(tenant);
  });

  it('authenticates a key stored before copies by reading its tenant, until syncKeyCopies gives it one', async () => {
    await createTenant(store(), { id: 'legacy', name: 'Legacy', origins: ['https://old.example'] });
    // As the admin CLI wrote keys before: the item alone, no copy, the tenant without live keys.
    const key = await givenLegacyKey('legacy', 'publishable');
    const revokedBefore = await createKey(store(), { tenantId: 'legacy', kind: 'secret' });
    await store().revokeApiKey(revokedBefore.keyId, '2026-01-02T00:00:00.000Z');
    expect(await coldAuthentication(key, 'https://old.example')).toEqual({
      outcome: 'legacy',
      calls: { BatchGetItemCommand: 2 },
    });

    expect(await store().syncKeyCopies('legacy')).toEqual({ keys: 1, synced: true });
    expect(await coldAuthentication(key, 'https://old.example')).toEqual({
      outcome: 'legacy',
      calls: { BatchGetItemCommand: 1 },
    });
    await updateTenantOrigins(store(), { tenantId: 'legacy', add: ['https://new.example'] });
    expect((await coldAuthentication(key, 'https://new.example')).outcome).toBe('legacy');
    expect(await store().syncKeyCopies('legacy')).toEqual({ keys: 1, synced: true });
  });

  it('leaves a tenant with more live keys than one transaction holds as it was', async () => {
    await createTenant(store(), { id: 'crowded', name: 'Crowded' });
    for (let i = 0; i <= MAX_LIVE_KEYS; i++) {
      await givenLegacyKey('crowded', 'secret');
    }
    expect(await store().syncKeyCopies('crowded')).toEqual({ keys: MAX_LIVE_KEYS + 1, synced: false });
    // Its keys keep working at two reads, and changes still apply to the tenant.
    await updateTenantOrigins(store(), { tenantId: 'crowded', add: ['https://c.example'] });
    expect((await store().tenant('crowded'))!.allowedOrigins).toEqual(['https://c.example']);
  }, 60_000);

  it('fails a change whose key copies cannot be written, and changes nothing', async () => {
    await createTenant(store(), { id: 'broken', name: 'Broken', origins: ['https://one.example'] });
    const created = await createKey(store(), { tenantId: 'broken', kind: 'publishable' });
    // A key item gone from under its tenant's list (never done by qbank): the transaction refuses.
    await dynamo().doc.send(
      new DeleteCommand({ TableName: dynamo().tableName, Key: { PK: `APIKEY#${created.keyId}`, SK: 'APIKEY' } }),
    );
    await expect(updateTenantOrigins(store(), { tenantId: 'broken', add: ['https://two.example'] })).rejects.toThrow(
      `transaction cancelled: api key ${created.keyId} ConditionalCheckFailed`,
    );
    expect((await store().tenant('broken'))!.allowedOrigins).toEqual(['https://one.example']);
    // syncKeyCopies repairs the list from the keys index.
    await dynamo().doc.send(
      new UpdateCommand({
        TableName: dynamo().tableName,
        Key: { PK: 'TENANT#broken', SK: 'TENANT' },
        UpdateExpression: 'REMOVE liveKeys',
      }),
    );
    expect(await store().syncKeyCopies('broken')).toEqual({ keys: 0, synced: true });
    await updateTenantOrigins(store(), { tenantId: 'broken', add: ['https://two.example'] });
  });
});
