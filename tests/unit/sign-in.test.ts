/**
 * Production sign-in: tokens a tenant's backend signs with the shown user-token secret (any JWT
 * library, the secret's UTF-8 bytes as the HS256 key), tokens of the tenant's OIDC issuers
 * verified against a JWKS served here on localhost, and origin/issuer changes bounded by the
 * authenticator's 30 s cache. A fake store counts the reads.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK, type KeyLike } from 'jose';
import { Authenticator } from '../../src/auth/authenticator';
import {
  checkTrustedIssuer,
  generateApiKey,
  isOriginAllowed,
  newUserTokenSecret,
  shownUserTokenSecret,
  type ApiKeyRecord,
  type TenantRecord,
  type TrustedIssuer,
} from '../../src/domain/access';
import type { DomainError } from '../../src/domain/errors';
import { signUserToken } from '../../src/auth/user-token';
import { unsignedToken, nowSeconds } from '../support/access';

interface SigningKey {
  kid: string;
  alg: string;
  privateKey: KeyLike;
  jwk: JWK;
}

async function signingKey(alg: string, kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, alg === 'EdDSA' ? { crv: 'Ed25519' } : undefined);
  return { kid, alg, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
}

/** An issuer's JWKS endpoint on 127.0.0.1: its keys can change, fail (500) or hang; fetches are counted. */
async function jwksServer() {
  const state = { keys: [] as JWK[], mode: 'ok' as 'ok' | 'fail' | 'hang', fetches: 0 };
  const server: Server = createServer((_request, response) => {
    state.fetches++;
    if (state.mode === 'hang') return;
    if (state.mode === 'fail') return void response.writeHead(500).end('down');
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: state.keys }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    state,
    issuer: `${base}/`,
    jwksUrl: `${base}/.well-known/jwks.json`,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

const keyRecord = (key: ReturnType<typeof generateApiKey>, kind: 'publishable' | 'secret'): ApiKeyRecord => ({
  keyId: key.keyId,
  tenantId: 'acme',
  kind,
  hash: key.hash,
  createdAt: 'then',
  revokedAt: null,
  rateLimit: null,
});

function given(tenantOverrides: Partial<TenantRecord> = {}, options: { loopback?: boolean; cooldownMs?: number } = {}) {
  const publishable = generateApiKey('publishable');
  const keys = new Map([[publishable.keyId, keyRecord(publishable, 'publishable')]]);
  const world = {
    tenant: {
      id: 'acme',
      name: 'Acme',
      allowedOrigins: ['https://quiz.acme.test'],
      userTokenSecrets: [newUserTokenSecret()],
      issuers: [],
      createdAt: 'then',
      ...tenantOverrides,
    } as TenantRecord,
    reads: 0,
    now: 1_000_000,
  };
  const store = {
    // A key stored before keys carried their tenant: the tenant is read after it.
    apiKeyAccess: async (id: string) => {
      world.reads++;
      const key = keys.get(id) ?? null;
      return key && { key, tenant: null };
    },
    tenant: async (id: string) => (world.reads++, id === 'acme' ? world.tenant : null),
  };
  const auth = new Authenticator(store, {
    allowAnonymous: false,
    allowLoopbackOrigins: options.loopback,
    now: () => world.now,
    jwks: { timeoutMs: 300, cooldownMs: options.cooldownMs ?? 30_000, cacheMaxAgeMs: 600_000 },
  });
  const outcome = (credentials: { authorization?: string; origin?: string }) =>
    auth.authenticate({ apiKey: publishable.key, ...credentials }).then(
      (caller) => `allowed ${caller.userId ?? ''}`.trim(),
      (e: DomainError) => `${e.code}: ${e.message}`,
    );
  const withToken = (token: string) => outcome({ authorization: `Bearer ${token}` });
  return { world, auth, outcome, withToken };
}

describe('user tokens signed by the tenant backend with the shown secret', () => {
  const claims = (extra: Record<string, unknown> = {}) => ({ sub: 'learner-7', aud: 'acme', ...extra });

  it('verify when signed with jose over the UTF-8 bytes of the shown secret, as jsonwebtoken signs a string secret', async () => {
    const { world, withToken } = given();
    const shown = shownUserTokenSecret(world.tenant.userTokenSecrets[0])!;
    expect(shown).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const token = await new SignJWT(claims())
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setExpirationTime(nowSeconds() + 600)
      .sign(new TextEncoder().encode(shown));
    expect(await withToken(token)).toBe('allowed learner-7');
    // The base64url-decoded bytes are not the key: a backend that decoded the secret is refused.
    const decoded = await new SignJWT(claims())
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime(nowSeconds() + 600)
      .sign(Buffer.from(shown, 'base64url'));
    expect(await withToken(decoded)).toBe('UNAUTHENTICATED: the user token is not valid');
  });

  it('of a tenant made before secrets were shown (a bare base64url secret) keep verifying, next to a rotated one', async () => {
    const legacy = 'kq3Fh0v2vJ2b0zQnq1X6m0oSg8J7k9tYb3cPq2wZx1A';
    const { world, withToken } = given({ userTokenSecrets: [legacy] });
    const legacyToken = await new SignJWT(claims())
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime(nowSeconds() + 600)
      .sign(Buffer.from(legacy, 'base64url'));
    expect(await withToken(legacyToken)).toBe('allowed learner-7');
    expect(shownUserTokenSecret(legacy)).toBeNull();

    const rotated = newUserTokenSecret();
    world.tenant = { ...world.tenant, userTokenSecrets: [rotated, legacy] };
    world.now += 31_000; // past the tenant cache
    const fresh = await new SignJWT(claims())
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime(nowSeconds() + 600)
      .sign(new TextEncoder().encode(shownUserTokenSecret(rotated)!));
    expect([await withToken(legacyToken), await withToken(fresh)]).toEqual(['allowed learner-7', 'allowed learner-7']);
  });

  it('minted by the admin CLI (signUserToken) verify with the same key', async () => {
    const { world, withToken } = given();
    const token = await signUserToken({
      tenantId: 'acme',
      userId: 'u-9',
      secret: world.tenant.userTokenSecrets[0],
      ttlSeconds: 60,
    });
    expect(await withToken(token)).toBe('allowed u-9');
  });
});

describe('tokens of a tenant OIDC issuer, verified against its JWKS', () => {
  let jwks: Awaited<ReturnType<typeof jwksServer>>;
  let rsa: SigningKey;
  let ec: SigningKey;
  let ed: SigningKey;
  let trusted: TrustedIssuer;

  beforeAll(async () => {
    jwks = await jwksServer();
    [rsa, ec, ed] = await Promise.all([
      signingKey('RS256', 'rsa-1'),
      signingKey('ES256', 'ec-1'),
      signingKey('EdDSA', 'ed-1'),
    ]);
    trusted = checkTrustedIssuer({ issuer: jwks.issuer, jwksUrl: jwks.jwksUrl, audience: 'quiz-app' });
  });
  afterAll(() => jwks.close());
  beforeEach(() => {
    jwks.state.keys = [rsa.jwk, ec.jwk, ed.jwk];
    jwks.state.mode = 'ok';
    jwks.state.fetches = 0;
  });

  const issued = (key: SigningKey, claims: Record<string, unknown> = {}, header: Record<string, unknown> = {}) =>
    new SignJWT({ iss: jwks.issuer, aud: 'quiz-app', sub: 'auth0|abc123', exp: nowSeconds() + 600, ...claims })
      .setProtectedHeader({ alg: key.alg, kid: key.kid, ...header })
      .sign(key.privateKey);

  it('accepts RS256, ES256 and EdDSA tokens, the user id being `sub` as given, and fetches the JWKS once', async () => {
    const { withToken, world } = given({ issuers: [trusted] });
    expect([
      await withToken(await issued(rsa)),
      await withToken(await issued(ec, { sub: 'user_2NNEqL2nrIRdJ194ndJqAHwEfxC' })),
      await withToken(await issued(ed, { sub: 'f81d4fae-7dec-11d0-a765-00a0c91e6bf6' })),
    ]).toEqual([
      'allowed auth0|abc123',
      'allowed user_2NNEqL2nrIRdJ194ndJqAHwEfxC',
      'allowed f81d4fae-7dec-11d0-a765-00a0c91e6bf6',
    ]);
    // One key and one tenant read (cached after), one JWKS fetch for all three tokens.
    expect([world.reads, jwks.state.fetches]).toEqual([2, 1]);
  });

  it('takes the user id from the registered claim; a token without it is refused', async () => {
    const byEmail = { ...trusted, userClaim: 'email' };
    const { withToken } = given({ issuers: [byEmail] });
    expect(await withToken(await issued(rsa, { email: 'ada@example.com' }))).toBe('allowed ada@example.com');
    expect(await withToken(await issued(rsa))).toBe(
      'UNAUTHENTICATED: the user token is not valid: missing required "email" claim',
    );
    expect(await withToken(await issued(rsa, { email: 42 }))).toBe(
      'UNAUTHENTICATED: the user token is not valid: "email" must be a non-empty string',
    );
  });

  it.each([
    ['HS256 signed with the public key', 'hs256'],
    ['alg none', 'none'],
    ['a wrong audience', 'aud'],
    ['expired', 'expired'],
    ['no exp', 'no-exp'],
    ['an unknown kid', 'kid'],
    ['an issuer written without its trailing slash', 'iss'],
    ['an unregistered issuer', 'other-iss'],
    ['a forged signature', 'forged'],
  ])('refuses a token with %s', async (_case, variant) => {
    const { withToken } = given({ issuers: [trusted] });
    const other = await signingKey('RS256', 'rsa-1');
    const token = {
      hs256: () =>
        new SignJWT({ iss: jwks.issuer, aud: 'quiz-app', sub: 'x', exp: nowSeconds() + 600 })
          .setProtectedHeader({ alg: 'HS256', kid: 'rsa-1' })
          .sign(new TextEncoder().encode(JSON.stringify(rsa.jwk))),
      none: async () => unsignedToken({ iss: jwks.issuer, aud: 'quiz-app', sub: 'x', exp: nowSeconds() + 600 }),
      aud: () => issued(rsa, { aud: 'someone-else' }),
      expired: () => issued(rsa, { exp: nowSeconds() - 120 }),
      'no-exp': () => issued(rsa, { exp: undefined }),
      kid: () => issued(rsa, {}, { kid: 'rsa-unknown' }),
      iss: () => issued(rsa, { iss: jwks.issuer.slice(0, -1) }),
      'other-iss': () => issued(rsa, { iss: 'https://evil.example/' }),
      forged: () => issued(other),
    }[variant]!;
    const expected = {
      hs256: "the user token is not valid: its issuer's tokens must be signed with RS256, ES256, EdDSA",
      none: "the user token is not valid: its issuer's tokens must be signed with RS256, ES256, EdDSA",
      aud: 'the user token is not valid: unexpected "aud" claim value',
      expired: 'the user token has expired',
      'no-exp': 'the user token is not valid: missing required "exp" claim',
      kid: 'the user token is not valid: no key of its issuer matches its "kid"',
      iss: 'the user token is not valid: its "iss" is not a registered issuer of this tenant',
      'other-iss': 'the user token is not valid: its "iss" is not a registered issuer of this tenant',
      forged: 'the user token is not valid',
    }[variant];
    expect(await withToken(await token())).toBe(`UNAUTHENTICATED: ${expected}`);
  });

  it('picks up a key the issuer rotated in (new kid), fetching again at most once per cooldown', async () => {
    const { withToken } = given({ issuers: [trusted] }, { cooldownMs: 1_000 });
    const rotated = await signingKey('RS256', 'rsa-2');
    const token = await issued(rotated);
    expect(await withToken(await issued(rsa))).toBe('allowed auth0|abc123');
    jwks.state.keys = [rotated.jwk];
    // Within the cooldown an unknown kid costs no fetch: a flood of made-up kids cannot hammer the issuer.
    expect(await withToken(token)).toBe(
      'UNAUTHENTICATED: the user token is not valid: no key of its issuer matches its "kid"',
    );
    expect(jwks.state.fetches).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await withToken(token)).toBe('allowed auth0|abc123');
    expect(await withToken(token)).toBe('allowed auth0|abc123');
    expect(jwks.state.fetches).toBe(2);
  });

  it('answers 401 with a clear message when the JWKS cannot be fetched (an error status, or no answer in time)', async () => {
    const failing = given({ issuers: [trusted] });
    jwks.state.mode = 'fail';
    expect(await failing.withToken(await issued(rsa))).toBe(
      "UNAUTHENTICATED: the signing keys of the token's issuer could not be fetched (fetch failed); try again later",
    );
    const hanging = given({ issuers: [trusted] });
    jwks.state.mode = 'hang';
    const started = Date.now();
    expect(await hanging.withToken(await issued(rsa))).toBe(
      "UNAUTHENTICATED: the signing keys of the token's issuer could not be fetched (timed out); try again later",
    );
    expect(Date.now() - started).toBeLessThan(2_000);
    const closed = given({ issuers: [{ ...trusted, jwksUrl: 'http://127.0.0.1:1/jwks.json' }] });
    expect(await closed.withToken(await issued(rsa))).toBe(
      "UNAUTHENTICATED: the signing keys of the token's issuer could not be fetched (fetch failed); try again later",
    );
  });

  it('takes issuer changes within the 30 s tenant cache', async () => {
    const { world, withToken } = given();
    const token = await issued(rsa);
    expect(await withToken(token)).toBe(
      'UNAUTHENTICATED: the user token is not valid: its "iss" is not a registered issuer of this tenant',
    );
    world.tenant = { ...world.tenant, issuers: [trusted] };
    world.now += 29_000;
    expect(await withToken(token)).toBe(
      'UNAUTHENTICATED: the user token is not valid: its "iss" is not a registered issuer of this tenant',
    );
    world.now += 2_000;
    expect(await withToken(token)).toBe('allowed auth0|abc123');
  });
});

describe('trusted issuer settings', () => {
  it.each([
    ['https://tenant.eu.auth0.com/', 'https://tenant.eu.auth0.com/.well-known/jwks.json', null],
    ['http://127.0.0.1:8080/', 'http://localhost:8080/jwks', null],
    ['http://[::1]:9000', 'http://[::1]:9000/jwks', null],
    [
      'http://idp.example/',
      'https://idp.example/jwks',
      '--issuer must use https (http only on 127.0.0.1, localhost or [::1]); got "http://idp.example/"',
    ],
    [
      'https://idp.example/',
      'http://10.0.0.1/jwks',
      '--jwks-url must use https (http only on 127.0.0.1, localhost or [::1]); got "http://10.0.0.1/jwks"',
    ],
    ['idp.example', 'https://idp.example/jwks', '--issuer must be an https URL; got "idp.example"'],
    [
      'https://user:pw@idp.example/',
      'https://idp.example/jwks',
      '--issuer must be an https URL of at most 512 characters, without spaces, credentials or #',
    ],
  ])('%s with JWKS %s', (issuer, jwksUrl, problem) => {
    const check = () => checkTrustedIssuer({ issuer, jwksUrl, audience: 'a' });
    if (problem === null) expect(check()).toEqual({ issuer, jwksUrl, audience: 'a', userClaim: 'sub' });
    else expect(check).toThrow(problem);
  });
});

describe('allowed origins', () => {
  it('change within the 30 s tenant cache', async () => {
    const { world, outcome } = given();
    const from = { origin: 'https://new.acme.test' };
    expect(await outcome(from)).toBe('FORBIDDEN: origin https://new.acme.test is not allowed for this key');
    world.tenant = { ...world.tenant, allowedOrigins: [...world.tenant.allowedOrigins, 'https://new.acme.test'] };
    world.now += 29_000;
    expect(await outcome(from)).toBe('FORBIDDEN: origin https://new.acme.test is not allowed for this key');
    world.now += 2_000;
    expect(await outcome(from)).toBe('allowed');
  });

  it('include any port of http://localhost and http://127.0.0.1 only when told (STAGE=local)', async () => {
    const origins = ['http://localhost:5173', 'http://127.0.0.1:5173', 'http://localhost', 'http://127.0.0.1:3001'];
    const local = given({}, { loopback: true });
    const production = given();
    const refused = (origin: string) => `FORBIDDEN: origin ${origin} is not allowed for this key`;
    expect(await Promise.all(origins.map((origin) => local.outcome({ origin })))).toEqual(origins.map(() => 'allowed'));
    expect(await Promise.all(origins.map((origin) => production.outcome({ origin })))).toEqual(origins.map(refused));
    for (const other of [
      'https://localhost:5173',
      'http://localhost.evil.test',
      'http://127.0.0.2:80',
      'http://[::2]:1',
    ])
      expect(await local.outcome({ origin: other })).toBe(refused(other));
    expect(isOriginAllowed([], 'http://localhost:5173')).toBe(false);
  });
});
