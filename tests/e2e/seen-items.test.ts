/**
 * Seen sets on their own items (issue 14 #4): the attempt's transaction adds a question's local id
 * to its section's SEEN# item and puts the bank's seen marker, so the SEC# items hold sums only
 * (v3) and weakTopics' Query stays small; excludeSeen reads the bank's SEEN# range, falls back to
 * the legacy v2 sets without the marker, and stats:verify / stats:rebuild check, repair and migrate.
 * (Call counts flat between 10 and 300 states: tests/e2e/section-aggregates.test.ts.)
 */
import { DeleteCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { rebuildStats, verifyStats } from '../../src/admin/stats';
import { userPartition, userSectionKey, userSeenKey, userSeenMarkerKey } from '../../src/store/learner/keys';
import { importBankFiles } from '../../src/usecases/import-banks';
import { givenTenant, type TenantFixture } from '../support/access';
import { bankFile } from '../support/banks';
import { useTable } from '../support/dynamo';
import { givenApi, type TestApi } from '../support/graphql';
import { givenLearner, type Learner } from '../support/learner';

const BANK =
  `---\nid: seen\ntitle: Seen\n---\n` +
  ['alpha', 'beta']
    .map(
      (section) =>
        `## ${section}\n\n` +
        Array.from({ length: 4 }, (_, i) => `${i + 1}. What is ${section}-${i}? <!-- id: ${section}-${i} -->`).join(
          '\n',
        ) +
        '\n',
    )
    .join('\n');

/** excludeSeen asking for exactly as many questions as are unseen, so the picks are the unseen ones. */
const RANDOM = (count: number) =>
  `{ randomQuestions(input: { bankId: "seen", count: ${count}, excludeSeen: true, seed: "s" }) { exhausted questions { id } } }`;

describe('seen items', () => {
  const dynamo = useTable();
  let api: TestApi;
  let acme: TenantFixture;
  const user = (userId: string) => ({ tenantId: 'acme', userId });

  /** The user's items of the bank's SEEN# range, as stored. */
  const seenRange = async (userId: string) =>
    (
      await dynamo().doc.send(
        new QueryCommand({
          TableName: dynamo().tableName,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
          ExpressionAttributeValues: { ':pk': userPartition(user(userId)), ':prefix': 'SEEN#seen#' },
        }),
      )
    ).Items;
  const sectionItem = async (userId: string, section: string) =>
    (
      await dynamo().doc.send(
        new QueryCommand({
          TableName: dynamo().tableName,
          KeyConditionExpression: 'PK = :pk AND SK = :sk',
          ExpressionAttributeValues: { ':pk': userPartition(user(userId)), ':sk': `SEC#seen#${section}` },
        }),
      )
    ).Items?.[0];
  const send = (command: PutCommand | DeleteCommand | UpdateCommand) => dynamo().doc.send(command as never);
  const ids = (response: any) => {
    expect(response.data.randomQuestions.exhausted).toBe(false);
    return response.data.randomQuestions.questions.map((q: any) => q.id).sort();
  };

  async function answer(learner: Learner, localIds: string[], prefix: string): Promise<void> {
    for (const [i, localId] of localIds.entries()) {
      const response = await learner.record({
        questionId: `seen/${localId}`,
        outcome: 'CORRECT',
        clientAttemptId: `${prefix}${i}`,
      });
      expect(response.errors).toBeUndefined();
    }
  }

  /** Rewrites a user's items as a v2 build left them: `seen` on the SEC# item, no SEEN# items, no marker. */
  async function toLegacy(userId: string, sets: Record<string, string[]>): Promise<void> {
    for (const item of (await seenRange(userId)) ?? [])
      await send(new DeleteCommand({ TableName: dynamo().tableName, Key: { PK: item.PK, SK: item.SK } }));
    for (const [section, seen] of Object.entries(sets))
      await send(
        new UpdateCommand({
          TableName: dynamo().tableName,
          Key: userSectionKey(user(userId), 'seen', section),
          UpdateExpression: 'SET v = :v, seen = :seen',
          ExpressionAttributeValues: { ':v': 2, ':seen': new Set(seen) },
        }),
      );
  }

  beforeAll(async () => {
    await importBankFiles(dynamo(), [bankFile('seen.md', BANK)]);
    acme = await givenTenant(dynamo(), 'acme');
    api = givenApi(dynamo(), { env: { STAGE: 'prod' }, config: { catalogTrustMs: 60_000 } });
  }, 60_000);

  it('writes the seen item and the bank marker in the attempt’s transaction, the section item sums only', async () => {
    const ann = givenLearner(api, acme.secret, 'ann');
    await answer(ann, ['alpha-0'], 'a');
    await answer(ann, ['alpha-0', 'alpha-1', 'beta-2'], 'b');
    expect(api.lastCalls()).toEqual({ BatchGetItemCommand: 1, TransactWriteItemsCommand: 1 });
    expect(await seenRange('ann')).toEqual([
      userSeenMarkerKey(user('ann'), 'seen'),
      { ...userSeenKey(user('ann'), 'seen', 'alpha'), seen: new Set(['alpha-0', 'alpha-1']) },
      { ...userSeenKey(user('ann'), 'seen', 'beta'), seen: new Set(['beta-2']) },
    ]);
    const alpha = await sectionItem('ann', 'alpha');
    expect(alpha!.v).toBe(3);
    expect(alpha!.attempts).toBe(3);
    expect(alpha!.seen).toBeUndefined();
  });

  it('excludeSeen reads the seen items: one Query beside the picks', async () => {
    const bo = givenLearner(api, acme.secret, 'bo');
    await answer(bo, ['alpha-0', 'beta-1'], 'b');
    const first = await bo.ask(RANDOM(6));
    expect(api.lastCalls()).toEqual({ QueryCommand: 1, BatchGetItemCommand: 1 });
    expect(ids(first)).toEqual([
      'seen/alpha-1',
      'seen/alpha-2',
      'seen/alpha-3',
      'seen/beta-0',
      'seen/beta-2',
      'seen/beta-3',
    ]);
    // an id put on the seen item alone leaves the pool: the set is what excludeSeen reads
    await send(
      new PutCommand({
        TableName: dynamo().tableName,
        Item: { ...userSeenKey(user('bo'), 'seen', 'alpha'), seen: new Set(['alpha-0', 'alpha-3']) },
      }),
    );
    expect(ids(await bo.ask(RANDOM(5)))).toEqual([
      'seen/alpha-1',
      'seen/alpha-2',
      'seen/beta-0',
      'seen/beta-2',
      'seen/beta-3',
    ]);
    expect(api.lastCalls()).toEqual({ QueryCommand: 1, BatchGetItemCommand: 1 });
  });

  it('falls back to the legacy v2 sets without the marker, and stats:rebuild migrates them', async () => {
    const cy = givenLearner(api, acme.secret, 'cy');
    await answer(cy, ['alpha-1', 'beta-0', 'beta-3'], 'c');
    await toLegacy('cy', { alpha: ['alpha-1'], beta: ['beta-0', 'beta-3'] });
    expect(await seenRange('cy')).toEqual([]);
    const legacy = await cy.ask(RANDOM(5));
    // the seen range (no marker), then the section items' legacy sets
    expect(api.lastCalls()).toEqual({ QueryCommand: 2, BatchGetItemCommand: 1 });
    expect(ids(legacy)).toEqual(['seen/alpha-0', 'seen/alpha-2', 'seen/alpha-3', 'seen/beta-1', 'seen/beta-2']);
    // an attempt on a v2 item after the upgrade: the new id goes to the seen item, and is excluded too
    await answer(cy, ['alpha-2'], 'd');
    expect(ids(await cy.ask(RANDOM(4)))).toEqual(['seen/alpha-0', 'seen/alpha-3', 'seen/beta-1', 'seen/beta-2']);

    const differences = (await verifyStats(dynamo(), { tenantId: 'acme' })).differences;
    expect(differences.filter((d) => d.key.startsWith('cy '))).toEqual(
      ['alpha', 'beta'].map((section) => ({
        tenant: 'acme',
        what: 'userSection.v',
        key: `cy seen/${section}`,
        stored: null,
        recounted: 'complete',
      })),
    );
    await rebuildStats(dynamo(), { tenantId: 'acme' });
    expect((await verifyStats(dynamo(), { tenantId: 'acme' })).differences).toEqual([]);
    expect(await seenRange('cy')).toEqual([
      userSeenMarkerKey(user('cy'), 'seen'),
      { ...userSeenKey(user('cy'), 'seen', 'alpha'), seen: new Set(['alpha-1', 'alpha-2']) },
      { ...userSeenKey(user('cy'), 'seen', 'beta'), seen: new Set(['beta-0', 'beta-3']) },
    ]);
    const alpha = await sectionItem('cy', 'alpha');
    expect(alpha!.v).toBe(3);
    expect(alpha!.seen).toBeUndefined();
    expect(ids(await cy.ask(RANDOM(4)))).toEqual(['seen/alpha-0', 'seen/alpha-3', 'seen/beta-1', 'seen/beta-2']);
    expect(api.lastCalls()).toEqual({ QueryCommand: 1, BatchGetItemCommand: 1 });
  });

  it('stats:verify finds a tampered or missing seen item and a missing marker; stats:rebuild repairs them', async () => {
    const di = givenLearner(api, acme.secret, 'di');
    await answer(di, ['alpha-0', 'alpha-3', 'beta-1'], 'd');
    await send(
      new PutCommand({
        TableName: dynamo().tableName,
        Item: { ...userSeenKey(user('di'), 'seen', 'alpha'), seen: new Set(['alpha-0', 'alpha-2']) },
      }),
    );
    await send(new DeleteCommand({ TableName: dynamo().tableName, Key: userSeenKey(user('di'), 'seen', 'beta') }));
    expect(
      (await verifyStats(dynamo(), { tenantId: 'acme' })).differences.filter((d) => d.key.startsWith('di ')),
    ).toEqual([
      {
        tenant: 'acme',
        what: 'userSection.seen',
        key: 'di seen/alpha',
        stored: 'alpha-0 alpha-2',
        recounted: 'alpha-0 alpha-3',
      },
      { tenant: 'acme', what: 'userSection.seen', key: 'di seen/beta', stored: '', recounted: 'beta-1' },
    ]);
    await rebuildStats(dynamo(), { tenantId: 'acme' });
    expect((await verifyStats(dynamo(), { tenantId: 'acme' })).differences).toEqual([]);

    await send(new DeleteCommand({ TableName: dynamo().tableName, Key: userSeenMarkerKey(user('di'), 'seen') }));
    expect((await verifyStats(dynamo(), { tenantId: 'acme' })).differences.map((d) => `${d.what} ${d.key}`)).toEqual([
      'userSection.v di seen/alpha',
      'userSection.v di seen/beta',
    ]);
    await rebuildStats(dynamo(), { tenantId: 'acme' });
    expect((await verifyStats(dynamo(), { tenantId: 'acme' })).differences).toEqual([]);
    expect(await seenRange('di')).toEqual([
      userSeenMarkerKey(user('di'), 'seen'),
      { ...userSeenKey(user('di'), 'seen', 'alpha'), seen: new Set(['alpha-0', 'alpha-3']) },
      { ...userSeenKey(user('di'), 'seen', 'beta'), seen: new Set(['beta-1']) },
    ]);
  });
});
