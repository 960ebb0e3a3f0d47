/**
 * stats:verify finds aggregates corrupted by hand, exactly; stats:rebuild repairs them; later
 * attempts keep counting right on top of the rebuilt records.
 */
import { DeleteCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { importBankFiles } from '../../src/usecases/import-banks';
import { rebuildStats, statsOptions, verifyStats } from '../../src/admin/stats';
import { readTenants } from '../../src/store';
import { parseGlobalId } from '../../src/domain/ids';
import { shardOf } from '../../src/domain/attempt-effects';
import { questionCounterKey } from '../../src/store/counters/keys';
import { idempotencyKey, profileKey, stateKey } from '../../src/store/learner/keys';
import { givenTenant, type TenantFixture } from '../support/access';
import { SHIPPED_BANK } from '../support/banks';
import { endpoint, useTable } from '../support/dynamo';
import { givenApi, type TestApi } from '../support/graphql';
import { givenLearner } from '../support/learner';
import { baseEnv, runScript } from '../support/processes';

describe('stats:verify and stats:rebuild', () => {
  const dynamo = useTable();
  let api: TestApi;
  let acme: TenantFixture;
  let other: TenantFixture;
  let ids: string[];

  const send = (command: UpdateCommand | DeleteCommand) => dynamo().doc.send(command as UpdateCommand);
  const questionStats = async (questionId: string) =>
    (
      await givenLearner(api, acme.secret, 'reader').ask(
        'query($q: ID!) { questionStats(questionId: $q) { attempts correct uniqueUsers medianTimeMs } }',
        { q: questionId },
      )
    ).data!.questionStats;
  const attemptCount = async (userId: string) =>
    (await givenLearner(api, acme.secret, userId).ask('{ me { attemptCount } }')).data!.me.attemptCount;

  beforeAll(async () => {
    await importBankFiles(dynamo(), [SHIPPED_BANK]);
    acme = await givenTenant(dynamo(), 'acme');
    other = await givenTenant(dynamo(), 'other');
    api = givenApi(dynamo(), { env: { STAGE: 'prod' } });
    const page = await givenLearner(api, acme.secret, 'x').ask(
      '{ questions(filter: { bankId: "ml-junior" }, first: 4) { edges { node { id } } } }',
    );
    ids = page.data!.questions.edges.map((e: any) => e.node.id);
    const plan: [TenantFixture, string, number, string, number | null][] = [
      [acme, 'alice', 0, 'CORRECT', 4000],
      [acme, 'alice', 0, 'INCORRECT', 9000],
      [acme, 'alice', 1, 'PARTIAL', null],
      [acme, 'bob', 0, 'CORRECT', 15_000],
      [acme, 'bob', 2, 'SKIPPED', 700],
      [other, 'alice', 0, 'CORRECT', 1000],
    ];
    for (const [i, [tenant, userId, q, outcome, timeSpentMs]] of plan.entries()) {
      const response = await givenLearner(api, tenant.secret, userId).record({
        questionId: ids[q],
        outcome,
        clientAttemptId: `c${i}`,
        ...(timeSpentMs === null ? {} : { timeSpentMs }),
      });
      expect(response.errors).toBeUndefined();
    }
  });

  it('finds nothing to report when every attempt was counted', async () => {
    expect(await verifyStats(dynamo())).toEqual({ tenants: ['acme', 'other'], attempts: 6, differences: [] });
    expect(await verifyStats(dynamo(), { tenantId: 'other' })).toEqual({
      tenants: ['other'],
      attempts: 1,
      differences: [],
    });
  });

  it('reports exactly what was corrupted, and the rebuild repairs it', async () => {
    const { bankId, localId } = parseGlobalId(ids[0])!;
    const aliceState = stateKey({ tenantId: 'acme', userId: 'alice' }, bankId, localId);
    const stateBefore = (await dynamo().doc.send(new GetCommand({ TableName: dynamo().tableName, Key: aliceState })))
      .Item!;
    const statsBefore = await questionStats(ids[0]);
    expect(statsBefore).toMatchObject({ attempts: 3, correct: 2, uniqueUsers: 2 });

    // A user counted twice on a question, in bob's shard; alice's profile and state off; a lost idempotency record.
    const table = dynamo().tableName;
    await send(
      new UpdateCommand({
        TableName: table,
        Key: questionCounterKey('acme', bankId, shardOf('bob'), localId),
        UpdateExpression: 'ADD uniqueUsers :one, b3 :one',
        ExpressionAttributeValues: { ':one': 1 },
      }),
    );
    await send(
      new UpdateCommand({
        TableName: table,
        Key: profileKey({ tenantId: 'acme', userId: 'alice' }),
        UpdateExpression: 'SET attemptCount = :n, scoreSum = :s',
        ExpressionAttributeValues: { ':n': 99, ':s': 1.25 },
      }),
    );
    await send(
      new UpdateCommand({
        TableName: table,
        Key: aliceState,
        UpdateExpression: 'SET attempts = :n',
        ExpressionAttributeValues: { ':n': 7 },
      }),
    );
    await send(new DeleteCommand({ TableName: table, Key: idempotencyKey({ tenantId: 'acme', userId: 'bob' }, 'c4') }));

    const report = await verifyStats(dynamo(), { tenantId: 'acme' });
    expect(report.differences).toEqual([
      { tenant: 'acme', what: 'question.uniqueUsers', key: ids[0], stored: 3, recounted: 2 },
      { tenant: 'acme', what: 'question.b3', key: ids[0], stored: 1, recounted: 0 },
      { tenant: 'acme', what: 'profile.attemptCount', key: 'alice', stored: 99, recounted: 3 },
      { tenant: 'acme', what: 'profile.scoreSum', key: 'alice', stored: 1.25, recounted: 1.5 },
      { tenant: 'acme', what: 'state.attempts', key: `alice ${ids[0]}`, stored: 7, recounted: 2 },
      {
        tenant: 'acme',
        what: 'idempotency',
        key: 'bob c4',
        stored: null,
        recounted: expect.stringMatching(/^\d{4}-\d\d-\d\dT[\d:.]+Z#[0-9a-f-]{36}$/),
      },
    ]);
    expect((await verifyStats(dynamo(), { tenantId: 'other' })).differences).toEqual([]);
    expect(await questionStats(ids[0])).toMatchObject({ uniqueUsers: 3 });

    const rebuilt = await rebuildStats(dynamo(), { tenantId: 'acme' });
    expect(rebuilt.before.differences).toEqual(report.differences);
    expect(rebuilt.rewritten).toMatchObject({ users: 2, conflicts: [], unrepairable: [] });
    expect(rebuilt.after).toEqual({ tenants: ['acme'], attempts: 5, differences: [] });
    expect((await verifyStats(dynamo())).differences).toEqual([]);

    // The public figures are right again, the memory replayed to what the attempts made it.
    expect(await questionStats(ids[0])).toEqual(statsBefore);
    expect(await attemptCount('alice')).toBe(3);
    const stateAfter = (await dynamo().doc.send(new GetCommand({ TableName: dynamo().tableName, Key: aliceState })))
      .Item!;
    expect(stateAfter).toEqual(stateBefore);
    // The rebuilt idempotency record still recognises the retry.
    const retry = await givenLearner(api, acme.secret, 'bob').record({
      questionId: ids[2],
      outcome: 'SKIPPED',
      clientAttemptId: 'c4',
      timeSpentMs: 700,
    });
    expect(retry.data!.recordAttempt.duplicate).toBe(true);
  });

  it('keeps counting right after a rebuild (counter totals in shard 0, the profile version moved on)', async () => {
    for (const [i, userId] of ['alice', 'bob', 'carol', 'alice'].entries()) {
      const response = await givenLearner(api, acme.secret, userId).record({
        questionId: ids[0],
        outcome: 'INCORRECT',
        clientAttemptId: `after-${i}`,
      });
      expect(response.errors).toBeUndefined();
    }
    expect(await questionStats(ids[0])).toMatchObject({ attempts: 7, correct: 2, uniqueUsers: 3 });
    expect(await attemptCount('alice')).toBe(5);
    expect((await verifyStats(dynamo())).differences).toEqual([]);
  });

  it('refuses a tenant id that is no tenant id (acme#U) before reading or writing anything', async () => {
    const before = await questionStats(ids[0]);
    dynamo().calls.reset();
    await expect(rebuildStats(dynamo(), { tenantId: 'acme#U' })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      message: 'tenant id "acme#U" must be 2 to 40 lower-case letters, digits or dashes',
    });
    await expect(verifyStats(dynamo(), { tenantId: 'acme#U' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(dynamo().calls.total()).toBe(0);
    expect(await questionStats(ids[0])).toEqual(before);
    expect((await verifyStats(dynamo())).differences).toEqual([]);
  });

  it('snapshots only the named tenant, whatever else its scan prefix meets', async () => {
    // "acme#U" as a prefix reaches acme's users (T#acme#U#…) but not its counters (T#acme#STAT#…).
    const snapshots = await readTenants(dynamo(), 'acme#U');
    expect(snapshots.map((s) => [s.tenantId, s.attempts.length, s.stored.users.size])).toEqual([['acme#U', 0, 0]]);
  });

  it('checks the stats commands’ options like API input: one well-formed --tenant and nothing else', () => {
    expect(statsOptions({})).toEqual({});
    expect(statsOptions({ tenant: ['acme'] })).toEqual({ tenantId: 'acme' });
    const refusal = (options: Record<string, string[]>) => {
      try {
        statsOptions(options);
      } catch (error) {
        return [(error as { code?: string }).code, (error as Error).message];
      }
      return null;
    };
    expect(refusal({ tenant: ['acme#U'] })).toEqual([
      'BAD_USER_INPUT',
      'tenant id "acme#U" must be 2 to 40 lower-case letters, digits or dashes',
    ]);
    expect(refusal({ tenant: [''] })?.[0]).toBe('BAD_USER_INPUT');
    expect(refusal({ tenant: ['x'.repeat(1100)] })?.[0]).toBe('BAD_USER_INPUT');
    expect(refusal({ tenant: ['acme', 'other'] })).toEqual(['BAD_USER_INPUT', '--tenant takes one tenant id']);
    expect(refusal({ tenat: ['acme'] })).toEqual([
      'BAD_USER_INPUT',
      'unknown option --tenat (stats commands take only --tenant)',
    ]);
  });

  it('runs from the command line: exit 1 with the differences, 0 once rebuilt', async () => {
    const env = baseEnv({ DYNAMODB_ENDPOINT: endpoint(), TABLE_NAME: dynamo().tableName });
    const { bankId, localId } = parseGlobalId(ids[1])!;
    await send(
      new UpdateCommand({
        TableName: dynamo().tableName,
        Key: questionCounterKey('acme', bankId, shardOf('alice'), localId),
        UpdateExpression: 'ADD attempts :one',
        ExpressionAttributeValues: { ':one': 1 },
      }),
    );

    const dirty = await runScript('src/admin/cli.ts', ['stats:verify', '--tenant', 'acme', '--json'], env);
    expect(dirty.code).toBe(1);
    expect(JSON.parse(dirty.stdout).differences).toEqual([
      { tenant: 'acme', what: 'question.attempts', key: ids[1], stored: 2, recounted: 1 },
    ]);

    const rebuild = await runScript('src/admin/cli.ts', ['stats:rebuild'], env);
    expect([rebuild.code, rebuild.stdout.trim().split('\n').pop()]).toEqual([0, '0 differences']);
    const clean = await runScript('src/admin/cli.ts', ['stats:verify'], env);
    expect([clean.code, clean.stdout]).toEqual([0, 'checked 2 tenants, 10 attempts\n0 differences\n']);

    const unknown = await runScript('src/admin/cli.ts', ['stats:verify', '--tenant', 'nobody'], env);
    expect([unknown.code, unknown.stderr]).toEqual([1, 'admin: no tenant "nobody"\n']);

    const hostile = await runScript('src/admin/cli.ts', ['stats:rebuild', '--tenant', 'acme#U'], env);
    expect([hostile.code, hostile.stderr]).toEqual([
      2,
      'admin: tenant id "acme#U" must be 2 to 40 lower-case letters, digits or dashes\nsee: npm run admin -- --help\n',
    ]);
    expect((await verifyStats(dynamo())).differences).toEqual([]);
  }, 60_000);
});
