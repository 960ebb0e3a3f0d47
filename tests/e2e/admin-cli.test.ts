import { endpoint, newDynamo } from '../support/dynamo';
import { givenApi, graphqlEvent } from '../support/graphql';
import { baseEnv, runScript } from '../support/processes';
import { ensureTable } from '../../src/store/table';
import { USAGE } from '../../src/admin/cli';

describe('npm run admin', () => {
  const dynamo = newDynamo();
  const env = baseEnv({ DYNAMODB_ENDPOINT: endpoint(), TABLE_NAME: dynamo.tableName });
  const admin = async (...args: string[]) => {
    const result = await runScript('src/admin/cli.ts', args, env);
    if (result.code !== 0) throw new Error(`admin ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
    return JSON.parse(result.stdout);
  };

  beforeAll(() => ensureTable(dynamo));

  it('creates a tenant and keys, mints a user token, lists and revokes keys', async () => {
    expect(await admin('tenant:create', '--name', 'Quiz Co', '--origin', 'https://quiz.example', '--json')).toEqual({
      tenant: { id: 'quiz-co', name: 'Quiz Co', allowedOrigins: ['https://quiz.example'] },
      userTokenSecret: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
    const publishable = await admin('key:create', '--tenant', 'quiz-co', '--kind', 'publishable', '--json');
    const secret = await admin(
      'key:create',
      '--tenant',
      'quiz-co',
      '--kind',
      'secret',
      '--rps',
      '5',
      '--burst',
      '10',
      '--json',
    );
    expect(publishable).toEqual({
      key: expect.stringMatching(/^qb_pk_/),
      keyId: expect.any(String),
      kind: 'publishable',
      tenantId: 'quiz-co',
    });
    const { token } = await admin('user-token', '--tenant', 'quiz-co', '--user', 'learner-1', '--ttl', '10m', '--json');

    const api = givenApi(dynamo, { env: { STAGE: 'prod' } });
    const me = await api.send(
      graphqlEvent(
        { query: '{ me { id tenantId } }' },
        { headers: { 'x-api-key': publishable.key, authorization: `Bearer ${token}` } },
      ),
    );
    expect(me.data).toEqual({ me: { id: 'learner-1', tenantId: 'quiz-co' } });

    const listed = await admin('key:list', '--tenant', 'quiz-co', '--json');
    expect(listed.keys.map((k: any) => [k.keyId, k.kind, k.revokedAt, k.rateLimit])).toEqual([
      [publishable.keyId, 'publishable', null, null],
      [secret.keyId, 'secret', null, { rps: 5, burst: 10 }],
    ]);
    expect(JSON.stringify(listed)).not.toContain(secret.key.slice(-43)); // neither the key nor its hash is listed
    expect(JSON.stringify(listed)).not.toContain('hash');

    expect(await admin('key:revoke', '--key-id', secret.keyId, '--json')).toEqual({ revoked: secret.keyId });
    const revoked = await givenApi(dynamo, { env: { STAGE: 'prod' } }).send(
      graphqlEvent({ query: '{ banks { id } }' }, { headers: { 'x-api-key': secret.key } }),
    );
    expect([revoked.status, revoked.errors![0].message]).toEqual([401, 'this API key has been revoked']);

    // Safe to run again: the one live key already carries its tenant.
    expect(await admin('key:sync-copies', '--tenant', 'quiz-co', '--json')).toEqual({
      tenants: [{ tenant: 'quiz-co', keys: 1, synced: true }],
    });
  });

  it('migrates banks stored before revisions, and has nothing to do for a table without any', async () => {
    expect(await admin('content:migrate-revisions', '--json')).toEqual({
      migrated: [],
      facetsAdded: [],
      current: 0,
      indexed: [],
    });
  });

  it('explains its mistakes', async () => {
    const unknown = await runScript('src/admin/cli.ts', ['key:create', '--tenant', 'nobody', '--kind', 'secret'], env);
    expect([unknown.code, unknown.stderr]).toEqual([1, 'admin: no tenant "nobody"\n']);
    const kind = await runScript('src/admin/cli.ts', ['key:create', '--tenant', 'quiz-co', '--kind', 'admin'], env);
    expect([kind.code, kind.stderr]).toEqual([1, 'admin: --kind must be publishable or secret\n']);
    const usage = await runScript('src/admin/cli.ts', ['tenant:create'], env);
    expect([usage.code, usage.stderr]).toEqual([2, 'admin: --name is required\nsee: npm run admin -- --help\n']);
    const typo = await runScript('src/admin/cli.ts', ['key:lsit', '--tenant', 'quiz-co'], env);
    expect([typo.code, typo.stdout, typo.stderr]).toEqual([
      2,
      '',
      'admin: unknown command key:lsit\nsee: npm run admin -- --help\n',
    ]);
  });

  it('checks its options like API input, before anything is read or written', async () => {
    const run = async (...args: string[]) => {
      const { code, stdout, stderr } = await runScript('src/admin/cli.ts', args, env);
      return [code, stdout, stderr];
    };
    const hint = 'see: npm run admin -- --help\n';
    expect(await run('key:list', '--tennant', 'quiz-co')).toEqual([
      2,
      '',
      `admin: key:list takes no option --tennant\n${hint}`,
    ]);
    expect(await run('key:list', '--tenant', 'a', '--tenant', 'b')).toEqual([
      2,
      '',
      `admin: --tenant is given more than once\n${hint}`,
    ]);
    expect(await run('key:revoke', '--key-id', '../etc')).toEqual([
      1,
      '',
      'admin: --key-id must be the 16-character id key:list shows; got "../etc"\n',
    ]);
    expect(await run('key:create', '--tenant', 'quiz-co', '--kind', 'secret', '--rps', 'abc')).toEqual([
      1,
      '',
      'admin: --rps must be a whole number from 1 to 100000; got "abc"\n',
    ]);
    expect(await run('user-token', '--tenant', 'quiz-co', '--user', 'a b')).toEqual([
      1,
      '',
      'admin: --user must be 1 to 128 letters, digits or _.:@|+-; got "a b"\n',
    ]);
    expect(await run('key:list', '--tenant', 'acme#U')).toEqual([
      1,
      '',
      'admin: tenant id "acme#U" must be 2 to 40 lower-case letters, digits or dashes\n',
    ]);
  });

  it('prints its usage on stdout for --help, -h and help, also after a command, and exits 0', async () => {
    for (const args of [['--help'], ['-h'], ['help'], ['key:create', '--help']]) {
      const help = await runScript('src/admin/cli.ts', args, env);
      expect([help.code, help.stderr, help.stdout.startsWith(`${USAGE}\n\n`)]).toEqual([0, '', true]);
    }
  });
});
