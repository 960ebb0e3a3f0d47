/**
 * The production sign-in path end to end: the admin CLI shows the user-token secret once, a
 * backend signs with it like any JWT library, the tenant registers an OIDC issuer (a JWKS served
 * here on localhost) and changes its origins, and the API (a fresh container each time, so no
 * cache hides a change) accepts exactly what it should.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type KeyLike } from 'jose';
import { endpoint, newDynamo } from '../support/dynamo';
import { givenApi, graphqlEvent } from '../support/graphql';
import { baseEnv, runScript } from '../support/processes';
import { ensureTable } from '../../src/store/table';
import { AccessStore } from '../../src/store';
import { addIssuer, createKey } from '../../src/usecases/tenants';
import { nowSeconds } from '../support/access';

describe('sign-in for production frontends', () => {
  const dynamo = newDynamo();
  const env = baseEnv({ DYNAMODB_ENDPOINT: endpoint(), TABLE_NAME: dynamo.tableName });
  const run = async (...args: string[]) => {
    const { code, stdout, stderr } = await runScript('src/admin/cli.ts', args, env);
    return { code, json: code === 0 && args.includes('--json') ? JSON.parse(stdout) : null, stdout, stderr };
  };
  const admin = async (...args: string[]) => {
    const result = await run(...args, '--json');
    if (result.code !== 0) throw new Error(`admin ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
    return result.json;
  };

  let key: string;
  let jwksUrl: string;
  let issuer: string;
  let signingKey: KeyLike;
  let closeJwks: () => void;

  /** `me` through a fresh container (no cached tenant), with the DynamoDB calls it cost. */
  const me = async (token: string, origin?: string) => {
    const api = givenApi(dynamo, { env: { STAGE: 'prod' } });
    const response = await api.send(
      graphqlEvent(
        { query: '{ me { id tenantId } }' },
        { headers: { 'x-api-key': key, authorization: `Bearer ${token}`, ...(origin ? { origin } : {}) } },
      ),
    );
    const outcome = response.errors
      ? `${response.status} ${response.errors[0].extensions?.code}: ${response.errors[0].message}`
      : `${response.data!.me.tenantId}/${response.data!.me.id}`;
    return { outcome, calls: api.lastCalls() };
  };
  const hs256 = (secret: string, sub: string, aud = 'sign-co') =>
    new SignJWT({ sub, aud })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setExpirationTime(nowSeconds() + 600)
      .sign(new TextEncoder().encode(secret));
  const rs256 = (claims: Record<string, unknown>) =>
    new SignJWT({ iss: issuer, aud: 'quiz-app', exp: nowSeconds() + 600, ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .sign(signingKey);

  beforeAll(async () => {
    await ensureTable(dynamo);
    const pair = await generateKeyPair('RS256');
    signingKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256' };
    const server = createServer((_request, response) =>
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    issuer = `${base}/`;
    jwksUrl = `${base}/jwks.json`;
    closeJwks = () => server.close();
  });
  afterAll(() => closeJwks());

  it('shows the user-token secret once; a token signed over its UTF-8 bytes is accepted, and rotation keeps the previous one', async () => {
    const created = await admin('tenant:create', '--name', 'Sign Co', '--origin', 'https://app.sign.test');
    expect(created).toEqual({
      tenant: { id: 'sign-co', name: 'Sign Co', allowedOrigins: ['https://app.sign.test'] },
      userTokenSecret: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
    key = (await createKey(new AccessStore(dynamo), { tenantId: 'sign-co', kind: 'publishable' })).key;
    const first = await hs256(created.userTokenSecret, 'learner-1');
    const cold = await me(first);
    expect(cold).toEqual({ outcome: 'sign-co/learner-1', calls: cold.calls });
    expect((await me(await hs256(created.userTokenSecret, 'learner-1', 'other-tenant'))).outcome).toBe(
      '401 UNAUTHENTICATED: the user token is not valid: unexpected "aud" claim value',
    );

    const rotated = await admin('tenant:rotate-secret', '--tenant', 'sign-co');
    expect(rotated).toEqual({
      rotated: true,
      previousRevoked: false,
      userTokenSecret: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
    expect(rotated.userTokenSecret).not.toBe(created.userTokenSecret);
    expect([(await me(first)).outcome, (await me(await hs256(rotated.userTokenSecret, 'learner-2'))).outcome]).toEqual([
      'sign-co/learner-1',
      'sign-co/learner-2',
    ]);

    const text = await run('tenant:rotate-secret', '--tenant', 'sign-co', '--revoke-previous');
    const shown = text.stdout.split('\n')[2];
    expect(text.stdout).toBe(
      [
        'rotated the user-token secret; tokens signed with any earlier one are refused within 60 s',
        'user-token secret (shown once, store it in your backend now; HS256, aud = tenant id):',
        shown,
        "sign with e.g. jwt.sign({ sub: userId, aud: 'sign-co' }, secret, { expiresIn: '1h' })",
        '',
      ].join('\n'),
    );
    expect([(await me(first)).outcome, (await me(await hs256(shown, 'learner-3'))).outcome]).toEqual([
      '401 UNAUTHENTICATED: the user token is not valid',
      'sign-co/learner-3',
    ]);
  });

  it('trusts a registered OIDC issuer with no more DynamoDB calls than a tenant token, and stops when it is removed', async () => {
    const added = await admin(
      'issuer:add',
      '--tenant',
      'sign-co',
      '--issuer',
      issuer,
      '--jwks-url',
      jwksUrl,
      '--audience',
      'quiz-app',
    );
    expect(added).toEqual({ issuer: { issuer, jwksUrl, audience: 'quiz-app', userClaim: 'sub' } });
    expect(await admin('issuer:list', '--tenant', 'sign-co')).toEqual({
      issuers: [{ issuer, jwksUrl, audience: 'quiz-app', userClaim: 'sub' }],
    });
    const oidc = await me(await rs256({ sub: 'auth0|65f0c2' }));
    const rotatedSecret = (await admin('tenant:rotate-secret', '--tenant', 'sign-co')).userTokenSecret;
    const tenantToken = await me(await hs256(rotatedSecret, 'learner-1'));
    expect(oidc.outcome).toBe('sign-co/auth0|65f0c2');
    // Issuers live on the tenant item and its copy on every key: a cold request reads the key alone either way.
    expect(oidc.calls).toEqual(tenantToken.calls);
    expect(oidc.calls).toEqual({ BatchGetItemCommand: 1 });
    const warm = givenApi(dynamo, { env: { STAGE: 'prod' } });
    const oidcToken = await rs256({ sub: 'auth0|65f0c2' });
    const request = graphqlEvent(
      { query: '{ me { id } }' },
      { headers: { 'x-api-key': key, authorization: `Bearer ${oidcToken}` } },
    );
    await warm.send(request);
    expect([(await warm.send(request)).data, warm.lastCalls()]).toEqual([{ me: { id: 'auth0|65f0c2' } }, {}]);

    const [http, trailing] = await Promise.all([
      run(
        'issuer:add',
        '--tenant',
        'sign-co',
        '--issuer',
        'http://idp.example/',
        '--jwks-url',
        jwksUrl,
        '--audience',
        'a',
      ),
      me(await rs256({ sub: 'auth0|65f0c2', iss: issuer.slice(0, -1) })),
    ]);
    expect([http.code, http.stderr]).toEqual([
      1,
      'admin: --issuer must use https (http only on 127.0.0.1, localhost or [::1]); got "http://idp.example/"\n',
    ]);
    expect(trailing.outcome).toBe(
      '401 UNAUTHENTICATED: the user token is not valid: its "iss" is not a registered issuer of this tenant',
    );

    expect(await admin('issuer:remove', '--tenant', 'sign-co', '--issuer', issuer)).toEqual({ removed: issuer });
    expect(await admin('issuer:list', '--tenant', 'sign-co')).toEqual({ issuers: [] });
    expect((await me(await rs256({ sub: 'auth0|65f0c2' }))).outcome).toBe(
      '401 UNAUTHENTICATED: the user token is not valid: its "iss" is not a registered issuer of this tenant',
    );
    const missing = await run('issuer:remove', '--tenant', 'sign-co', '--issuer', issuer);
    expect([missing.code, missing.stderr]).toEqual([
      1,
      `admin: "sign-co" has no issuer "${issuer}" (issuer:list shows them)\n`,
    ]);
  });

  it('keeps a tenant made before secrets were shown working: its tokens verify before and after a rotation', async () => {
    const store = new AccessStore(dynamo);
    const legacy = 'kq3Fh0v2vJ2b0zQnq1X6m0oSg8J7k9tYb3cPq2wZx1A'; // stored bare: the key is its decoded bytes
    await store.createTenant({
      id: 'old-co',
      name: 'Old Co',
      allowedOrigins: [],
      userTokenSecrets: [legacy],
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    const oldKey = (await createKey(store, { tenantId: 'old-co', kind: 'secret' })).key;
    const legacyToken = await new SignJWT({ sub: 'veteran', aud: 'old-co' })
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime(nowSeconds() + 600)
      .sign(Buffer.from(legacy, 'base64url'));
    const meOf = async (token: string) => {
      const response = await givenApi(dynamo, { env: { STAGE: 'prod' } }).send(
        graphqlEvent(
          { query: '{ me { id } }' },
          { headers: { 'x-api-key': oldKey, authorization: `Bearer ${token}` } },
        ),
      );
      return response.errors ? response.errors[0].message : response.data!.me.id;
    };
    expect(await meOf(legacyToken)).toBe('veteran');
    const { userTokenSecret } = await admin('tenant:rotate-secret', '--tenant', 'old-co');
    expect([await meOf(legacyToken), await meOf(await hs256(userTokenSecret, 'newcomer', 'old-co'))]).toEqual([
      'veteran',
      'newcomer',
    ]);
  });

  it('bounds a tenant to 10 issuers; registering one again replaces it', async () => {
    const store = new AccessStore(dynamo);
    const issuerNo = (n: number) => ({
      tenantId: 'sign-co',
      issuer: `https://idp${n}.example/`,
      jwksUrl: `https://idp${n}.example/jwks`,
      audience: 'a',
    });
    // Two admins at once: each change is conditional on the version it read, so both apply.
    await Promise.all([addIssuer(store, issuerNo(1)), addIssuer(new AccessStore(dynamo), issuerNo(2))]);
    expect((await store.tenant('sign-co'))!.issuers!.map((i) => i.issuer).sort()).toEqual([
      'https://idp1.example/',
      'https://idp2.example/',
    ]);
    for (let n = 3; n <= 10; n++) await addIssuer(store, issuerNo(n));
    await addIssuer(store, { ...issuerNo(10), audience: 'b', userClaim: 'email' });
    await expect(addIssuer(store, issuerNo(11))).rejects.toThrow(
      'a tenant can trust at most 10 issuers; remove one first (issuer:remove)',
    );
    const issuers = (await store.tenant('sign-co'))!.issuers!;
    expect([issuers.length, issuers[9]]).toEqual([
      10,
      { issuer: 'https://idp10.example/', jwksUrl: 'https://idp10.example/jwks', audience: 'b', userClaim: 'email' },
    ]);
  });

  it('adds and removes allowed origins, checked like browsers send them', async () => {
    expect(
      await admin(
        'tenant:update',
        '--tenant',
        'sign-co',
        '--add-origin',
        'http://127.0.0.1:5173',
        '--add-origin',
        'https://next.sign.test:8443',
        '--remove-origin',
        'https://app.sign.test',
      ),
    ).toEqual({
      tenant: {
        id: 'sign-co',
        name: 'Sign Co',
        allowedOrigins: ['http://127.0.0.1:5173', 'https://next.sign.test:8443'],
      },
    });
    const token = await hs256((await admin('tenant:rotate-secret', '--tenant', 'sign-co')).userTokenSecret, 'u1');
    expect([
      (await me(token, 'https://next.sign.test:8443')).outcome,
      (await me(token, 'https://app.sign.test')).outcome,
      // Production never allows other loopback ports.
      (await me(token, 'http://127.0.0.1:5174')).outcome,
    ]).toEqual([
      'sign-co/u1',
      '403 FORBIDDEN: origin https://app.sign.test is not allowed for this key',
      '403 FORBIDDEN: origin http://127.0.0.1:5174 is not allowed for this key',
    ]);
    const mistakes = await Promise.all([
      run('tenant:update', '--tenant', 'sign-co', '--add-origin', 'https://app.sign.test/path'),
      run('tenant:update', '--tenant', 'sign-co', '--remove-origin', 'https://gone.sign.test'),
      run('tenant:update', '--tenant', 'sign-co'),
      run('tenant:update', '--tenant', 'nobody', '--add-origin', 'https://a.test'),
    ]);
    expect(mistakes.map((m) => [m.code, m.stdout, m.stderr])).toEqual([
      [1, '', 'admin: "https://app.sign.test/path" is not an origin (scheme://host[:port])\n'],
      [1, '', 'admin: https://gone.sign.test is not an allowed origin of "sign-co"\n'],
      [1, '', 'admin: give --add-origin or --remove-origin (each may repeat)\n'],
      [1, '', 'admin: no tenant "nobody"\n'],
    ]);
  });
});
