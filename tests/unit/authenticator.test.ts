/**
 * The authenticator under hostile traffic: unknown keys, many key ids, failing addresses and
 * tokens with claims of the wrong type. A fake store counts the reads each request costs.
 */
import { Authenticator, UNKNOWN_KEY_TTL_MS } from '../../src/auth/authenticator';
import { addressBucket, FailedAuthLimiter } from '../../src/auth/failed-auth-limiter';
import { LruCache } from '../../src/auth/lru-cache';
import { generateApiKey, newUserTokenSecret, type ApiKeyRecord, type TenantRecord } from '../../src/domain/access';
import type { DomainError } from '../../src/domain/errors';
import { craftToken, nowSeconds } from '../support/access';

const tenant: TenantRecord = {
  id: 'acme',
  name: 'Acme',
  allowedOrigins: [],
  userTokenSecrets: [newUserTokenSecret()],
  createdAt: 'then',
};

function given() {
  const records = new Map<string, ApiKeyRecord>();
  const reads = { count: 0 };
  const store = {
    // A key stored before keys carried their tenant: the tenant is read after it.
    apiKeyAccess: async (id: string) => {
      reads.count++;
      const key = records.get(id) ?? null;
      return key && { key, tenant: null };
    },
    tenant: async (id: string) => (id === 'acme' ? tenant : null),
  };
  const clock = { now: 1_000_000 };
  const auth = new Authenticator(store, {
    allowAnonymous: false,
    now: () => clock.now,
    failedAuth: { failures: 3, windowMs: 60_000, addresses: 2 },
  });
  const addKey = () => {
    const key = generateApiKey('secret');
    records.set(key.keyId, {
      keyId: key.keyId,
      tenantId: 'acme',
      kind: 'secret',
      hash: key.hash,
      createdAt: 'then',
      revokedAt: null,
      rateLimit: null,
    });
    return key.key;
  };
  const outcome = (apiKey: string, sourceIp = '203.0.113.7', extra: Record<string, string> = {}) =>
    auth.authenticate({ apiKey, sourceIp, ...extra }).then(
      (caller) => `allowed ${caller.userId ?? ''}`.trim(),
      (e: DomainError) => `${e.code}: ${e.message}${e.details.retryAfterMs ? ` (${e.details.retryAfterMs} ms)` : ''}`,
    );
  return { auth, reads, clock, addKey, outcome, records };
}

describe('unknown API keys', () => {
  it('are remembered for 10 s: repeating one costs no read, and a key created after the miss works after that', async () => {
    const { reads, clock, outcome, records, addKey } = given();
    const key = generateApiKey('secret');
    expect(await outcome(key.key, '198.51.100.1')).toBe('UNAUTHENTICATED: unknown API key');
    expect(await outcome(key.key, '198.51.100.2')).toBe('UNAUTHENTICATED: unknown API key');
    expect(reads.count).toBe(1);
    const created = addKey();
    const createdId = created.split('_')[2];
    records.set(key.keyId, { ...records.get(createdId)!, keyId: key.keyId, hash: key.hash });
    clock.now += UNKNOWN_KEY_TTL_MS - 1;
    expect(await outcome(key.key, '198.51.100.3')).toBe('UNAUTHENTICATED: unknown API key');
    clock.now += 1;
    expect(await outcome(key.key, '198.51.100.4')).toBe('allowed');
    expect([UNKNOWN_KEY_TTL_MS, reads.count]).toEqual([10_000, 2]);
  });

  it('never push valid keys out of the cache: 10,000 unknown ids later a known key costs no read', async () => {
    const { auth, reads, outcome, addKey } = given();
    const valid = addKey();
    expect(await outcome(valid)).toBe('allowed');
    for (let i = 0; i < 10_001; i++) {
      // Each from its own address, so the per-address limit does not stop them first.
      await auth
        .authenticate({ apiKey: generateApiKey('secret').key, sourceIp: `10.${i >> 16}.${(i >> 8) & 255}.${i & 255}` })
        .catch(() => {});
    }
    reads.count = 0;
    expect(await outcome(valid)).toBe('allowed');
    expect(reads.count).toBe(0);
  });
});

describe('failed authentications per source address', () => {
  it('stop an address after 3 failures (here) without a read, until the window ends; others are unaffected', async () => {
    const { reads, clock, outcome, addKey } = given();
    const valid = addKey();
    const otherValid = addKey();
    expect(await outcome(valid)).toBe('allowed'); // verified, so cached
    for (const bad of ['qb_sk_nope', generateApiKey('secret').key, `${valid.slice(0, 23)}${'A'.repeat(43)}`])
      expect(await outcome(bad)).toMatch(/^UNAUTHENTICATED: /);
    reads.count = 0;
    expect(await outcome(generateApiKey('secret').key)).toBe(
      'RATE_LIMITED: too many failed authentications from this address (60000 ms)',
    );
    expect(await outcome(otherValid)).toBe(
      'RATE_LIMITED: too many failed authentications from this address (60000 ms)',
    );
    expect(reads.count).toBe(0);
    expect(await outcome(valid)).toBe('allowed'); // answered from the cache
    expect(await outcome(otherValid, '203.0.113.8')).toBe('allowed');
    clock.now += 60_000;
    expect(await outcome(otherValid)).toBe('allowed');
  });

  it('keep at most `addresses` windows, dropping the least recently used', () => {
    const limiter = new FailedAuthLimiter({ failures: 1, windowMs: 1000, addresses: 2 });
    limiter.recordFailure('192.0.2.1', 0);
    limiter.recordFailure('192.0.2.2', 0);
    expect(limiter.retryAfterMs('192.0.2.1', 10)).toBe(990); // 192.0.2.1 is now the most recent
    limiter.recordFailure('192.0.2.3', 20);
    expect(['192.0.2.1', '192.0.2.2', '192.0.2.3'].map((ip) => limiter.retryAfterMs(ip, 30))).toEqual([970, 0, 990]);
  });

  it('count an IPv6 /64 as one address, and an IPv4-mapped address as its IPv4', () => {
    expect(addressBucket('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressBucket('2001:db8:1:2:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(addressBucket('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressBucket('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(addressBucket('192.0.2.1')).toBe('192.0.2.1');
    expect(addressBucket('64:ff9b::192.0.2.1')).toBe('64:ff9b:0:0::/64');
    expect(addressBucket('2001:DB8:1:2:3:4:5:6')).toBe('2001:db8:1:2::/64');
  });

  it('take anything that is not an IPv6 address as it is, up to 64 characters', () => {
    expect(addressBucket('1::2::3')).toBe('1::2::3');
    expect(addressBucket('1:2:3:4:5:6:7:8:9')).toBe('1:2:3:4:5:6:7:8:9');
    expect(addressBucket('test-invoke-source-ip')).toBe('test-invoke-source-ip');
    expect(addressBucket('g::1')).toBe('g::1');
    expect(addressBucket('x'.repeat(100))).toBe('x'.repeat(64));
  });
});

describe('LruCache', () => {
  it('drops the least recently used entry when full, never all, and forgets expired ones', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1, 100);
    cache.set('b', 2, 100);
    expect(cache.get('a', 0)).toBe(1);
    cache.set('c', 3, 100);
    expect([cache.get('a', 0), cache.get('b', 0), cache.get('c', 0), cache.size]).toEqual([1, undefined, 3, 2]);
    expect(cache.get('a', 100)).toBeUndefined();
  });
});

describe('user token claims', () => {
  const bearer = async (claims: Record<string, unknown>) => ({
    authorization: `Bearer ${await craftToken(tenant.userTokenSecrets[0], { aud: 'acme', exp: nowSeconds() + 600, ...claims })}`,
  });

  it.each([
    ['a numeric sub', { sub: 42 }],
    ['an array sub', { sub: ['zed'] }],
    ['an empty sub', { sub: '' }],
    ['an object sub', { sub: { id: 'zed' } }],
  ])('refuses %s', async (_case, claims) => {
    const { outcome, addKey } = given();
    expect(await outcome(addKey(), undefined, await bearer(claims))).toBe(
      'UNAUTHENTICATED: the user token is not valid: "sub" must be a non-empty string',
    );
  });

  it('accepts a string sub', async () => {
    const { outcome, addKey } = given();
    expect(await outcome(addKey(), undefined, await bearer({ sub: 'zed' }))).toBe('allowed zed');
  });
});
