import { Authenticator } from '../../src/auth/authenticator';
import { signUserToken, parseTtl } from '../../src/auth/user-token';
import {
  generateApiKey,
  hashKey,
  newUserTokenSecret,
  normaliseOrigin,
  parseApiKey,
  type ApiKeyRecord,
  type TenantRecord,
} from '../../src/domain/access';
import { DomainError } from '../../src/domain/errors';

describe('API keys', () => {
  it('are generated with their kind as prefix, an id and 256 random bits, and parse back', () => {
    const { key, keyId, hash } = generateApiKey('publishable');
    expect(key).toMatch(/^qb_pk_[a-z0-9]{16}_[A-Za-z0-9_-]{43}$/);
    expect(parseApiKey(key)).toEqual({ kind: 'publishable', keyId, hash });
    expect(hash).toBe(hashKey(key));
    expect(generateApiKey('secret').key.startsWith('qb_sk_')).toBe(true);
  });

  it.each(['', 'qb_pk_short', 'qb_xx_aaaaaaaaaaaaaaaa_' + 'a'.repeat(43), 'qb_pk_AAAAAAAAAAAAAAAA_' + 'a'.repeat(43)])(
    'rejects %p',
    (key) => {
      expect(parseApiKey(key)).toBeNull();
    },
  );
});

describe('origins', () => {
  it('normalises to scheme://host[:port]', () => {
    expect(normaliseOrigin('https://Quiz.Example.com')).toBe('https://quiz.example.com');
    expect(normaliseOrigin('http://localhost:5173')).toBe('http://localhost:5173');
  });

  it.each(['quiz.example.com', 'https://quiz.example.com/path', 'ftp://x.y'])('refuses %p', (origin) => {
    expect(() => normaliseOrigin(origin)).toThrow('is not an origin');
  });
});

describe('parseTtl', () => {
  it('reads units', () => {
    expect([parseTtl('90'), parseTtl('15m'), parseTtl('1h'), parseTtl('7d')]).toEqual([90, 900, 3600, 604800]);
  });
  it('refuses nonsense and over 30 days', () => {
    expect(() => parseTtl('forever')).toThrow('--ttl must be between 1s and 30d');
    expect(() => parseTtl('31d')).toThrow('--ttl must be between 1s and 30d');
  });
});

describe('Authenticator', () => {
  const tenant: TenantRecord = {
    id: 'acme',
    name: 'Acme',
    allowedOrigins: ['https://quiz.acme.test'],
    userTokenSecrets: [newUserTokenSecret()],
    createdAt: 'then',
  };
  const publishable = generateApiKey('publishable');
  const secret = generateApiKey('secret');
  const record = (k: typeof publishable, kind: ApiKeyRecord['kind']): ApiKeyRecord => ({
    keyId: k.keyId,
    tenantId: 'acme',
    kind,
    hash: k.hash,
    createdAt: 'then',
    revokedAt: null,
    rateLimit: null,
  });
  const keys = new Map([
    [publishable.keyId, record(publishable, 'publishable')],
    [secret.keyId, record(secret, 'secret')],
  ]);
  let now = 0;
  let lookups = 0;
  const store = {
    // A key stored before keys carried their tenant: the tenant is read after it.
    apiKeyAccess: async (id: string) => {
      lookups++;
      const key = keys.get(id) ?? null;
      return key && { key, tenant: null };
    },
    tenant: async (id: string) => (id === 'acme' ? tenant : null),
  };
  const auth = new Authenticator(store, { allowAnonymous: false, now: () => now });
  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => 'allowed',
      (e: DomainError) => `${e.code}: ${e.message}`,
    );

  it('knows the tenant from the key and the user from a user token', async () => {
    const token = await signUserToken({
      tenantId: 'acme',
      userId: 'u-1',
      secret: tenant.userTokenSecrets[0],
      ttlSeconds: 60,
    });
    expect(
      await auth.authenticate({
        apiKey: publishable.key,
        authorization: `Bearer ${token}`,
        origin: 'https://quiz.acme.test',
      }),
    ).toMatchObject({
      tenantId: 'acme',
      kind: 'publishable',
      userId: 'u-1',
    });
  });

  it('lets a secret key act for any user of its tenant via x-user-id', async () => {
    expect(await auth.authenticate({ apiKey: secret.key, userId: 'learner@acme' })).toMatchObject({
      tenantId: 'acme',
      kind: 'secret',
      userId: 'learner@acme',
    });
  });

  it.each([
    ['no key', {}, 'UNAUTHENTICATED: an API key is required (header x-api-key)'],
    ['a malformed key', { apiKey: 'hello' }, 'UNAUTHENTICATED: x-api-key is not a qbank API key'],
    ['an unknown key', { apiKey: generateApiKey('secret').key }, 'UNAUTHENTICATED: unknown API key'],
    [
      'a forged secret for a known id',
      { apiKey: `${publishable.key.slice(0, 23)}${'A'.repeat(43)}` },
      'UNAUTHENTICATED: unknown API key',
    ],
    [
      'a disallowed origin',
      { apiKey: publishable.key, origin: 'https://evil.test' },
      'FORBIDDEN: origin https://evil.test is not allowed for this key',
    ],
    [
      'x-user-id with a publishable key',
      { apiKey: publishable.key, userId: 'u' },
      'FORBIDDEN: x-user-id needs a secret key; browsers send a user token',
    ],
    [
      'a non-bearer authorization',
      { apiKey: publishable.key, authorization: 'Basic abc' },
      'UNAUTHENTICATED: Authorization must be "Bearer <user token>"',
    ],
  ])('refuses %s', async (_case, credentials, expected) => {
    expect(await refusal(auth.authenticate(credentials))).toBe(expected);
  });

  it('caches keys for 30 s, so revocation applies within a minute', async () => {
    const fresh = new Authenticator(store, { allowAnonymous: false, now: () => now });
    now = 1_000_000;
    lookups = 0;
    await fresh.authenticate({ apiKey: secret.key });
    await fresh.authenticate({ apiKey: secret.key });
    expect(lookups).toBe(1);
    keys.set(secret.keyId, { ...record(secret, 'secret'), revokedAt: 'now' });
    now += 29_000;
    expect(await refusal(fresh.authenticate({ apiKey: secret.key }))).toBe('allowed');
    now += 2_000;
    expect(await refusal(fresh.authenticate({ apiKey: secret.key }))).toBe(
      'UNAUTHENTICATED: this API key has been revoked',
    );
    keys.set(secret.keyId, record(secret, 'secret'));
  });

  it('allows keyless calls only where told to (local development)', async () => {
    const local = new Authenticator(store, { allowAnonymous: true });
    expect(await local.authenticate({})).toMatchObject({ tenantId: null, kind: 'anonymous', userId: null });
  });
});
