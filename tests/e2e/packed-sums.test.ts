/**
 * The packed copies of a learner's section sums (docs/data-model.md, "Packed section sums"):
 * written in the attempt's transaction as of the section item's next revision (format 2: the
 * revision inside `p`), read by weakTopics in one Query; a copy left stale by attempts that raced
 * is replaced by its section item, never trusted; attempts in one section never wait for each
 * other because of it; stats:verify names a wrong copy and stats:rebuild writes copies and the
 * marker for items from before them; copies in the first format (`pr` attribute) still read.
 */
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { rebuildStats, verifyStats } from '../../src/admin/stats';
import { AGGREGATE_FIELDS, unpackSums } from '../../src/domain/learning/section-aggregate';
import { userPackKey, userPackMarkerKey, userSectionKey } from '../../src/store/learner/keys';
import { importBankFiles } from '../../src/usecases/import-banks';
import { givenTenant, type TenantFixture } from '../support/access';
import { bankFile } from '../support/banks';
import { useTable } from '../support/dynamo';
import { givenApi, type TestApi } from '../support/graphql';
import { givenLearner, type Learner } from '../support/learner';

const SECTIONS = ['alpha', 'beta'];
const BANK =
  `---\nid: pack\ntitle: Packed\n---\n` +
  SECTIONS.map(
    (section) =>
      `## ${section}\n\n` +
      Array.from({ length: 12 }, (_, i) => `${i + 1}. What is ${section}-${i}? <!-- id: ${section}-${i} -->`).join(
        '\n',
      ) +
      '\n',
  ).join('\n');

const WEAK =
  '{ weakTopics(bankId: "pack", limit: 10) { section { id } attempts correctRate mastery confidence meanRetrievability leeches } }';

describe('packed section sums', () => {
  const dynamo = useTable();
  let api: TestApi;
  let acme: TenantFixture;
  const user = (userId: string) => ({ tenantId: 'acme', userId });

  const get = async (Key: { PK: string; SK: string }) =>
    (await dynamo().doc.send(new GetCommand({ TableName: dynamo().tableName, Key }))).Item;
  /** The head of a format-2 copy: [tag, revision, attempts]. */
  const head = (item: Record<string, unknown> | undefined) => (JSON.parse(String(item?.p)) as number[]).slice(0, 3);

  async function answer(learner: Learner, answers: [string, string][], prefix: string): Promise<void> {
    for (const [i, [localId, outcome]] of answers.entries()) {
      const response = await learner.record({
        questionId: `pack/${localId}`,
        outcome,
        clientAttemptId: `${prefix}${i}`,
      });
      expect(response.errors).toBeUndefined();
    }
  }

  beforeAll(async () => {
    await importBankFiles(dynamo(), [bankFile('pack.md', BANK)]);
    acme = await givenTenant(dynamo(), 'acme');
    api = givenApi(dynamo(), { env: { STAGE: 'prod' }, config: { catalogTrustMs: 60_000 } });
  }, 60_000);

  it('writes the copy as of the section item’s revision, with its sums, in the attempt’s one transaction', async () => {
    const ann = givenLearner(api, acme.secret, 'ann');
    await answer(ann, [['alpha-0', 'CORRECT']], 'a');
    await answer(ann, [['alpha-1', 'INCORRECT']], 'b');
    expect(api.lastCalls()).toEqual({ BatchGetItemCommand: 1, TransactWriteItemsCommand: 1 });
    await answer(ann, [['alpha-1', 'CORRECT']], 'c');
    const section = await get(userSectionKey(user('ann'), 'pack', 'alpha'));
    const pack = await get(userPackKey(user('ann'), 'pack', 'alpha'));
    expect(section).toMatchObject({ attempts: 3, rev: 3, stAttempts: 3, stCorrect: 2, reviewed: 2 });
    // format 2, its revision inside p: no pr attribute
    expect(Object.keys(pack!).sort()).toEqual(['PK', 'SK', 'p', 'rev']);
    expect(pack!.rev).toBe(3);
    expect(head(pack)).toEqual([2, 3, 3]);
    const packed = unpackSums(pack!.p)!;
    expect([packed.rev, packed.attempts]).toEqual([3, 3]);
    expect(packed.sums).toMatchObject({ stAttempts: 3, stCorrect: 2, stScore: 2, reviewed: 2 });
    // every sum of the section item, and nothing else but empty bins left out
    for (const [field, value] of Object.entries(section!))
      if (!['PK', 'SK', 'attempts', 'v', 'rev', 'leeches'].includes(field) && Number(value) !== 0)
        expect(packed.sums[field]).toBeCloseTo(Number(value), 9);
    expect(await get(userPackMarkerKey(user('ann'), 'pack'))).toEqual(userPackMarkerKey(user('ann'), 'pack'));
  });

  it('reads weakTopics from the copies in one Query, the same topics as the section items give', async () => {
    const bob = givenLearner(api, acme.secret, 'bob');
    await answer(
      bob,
      [
        ['alpha-0', 'CORRECT'],
        ['alpha-2', 'INCORRECT'],
        ['beta-3', 'PARTIAL'],
        ['beta-3', 'CORRECT'],
      ],
      'b',
    );
    await bob.ask(WEAK); // the catalog held and confirmed
    const fromCopies = (await bob.ask(WEAK)).data.weakTopics;
    expect(api.lastCalls()).toEqual({ QueryCommand: 1 });
    // the copies gone stale (as two racing attempts leave them): the section items are read instead
    for (const section of SECTIONS)
      await dynamo().doc.send(
        new UpdateCommand({
          TableName: dynamo().tableName,
          Key: userPackKey(user('bob'), 'pack', section),
          // as of the revision before (2): would be current but for the revision that moves on
          UpdateExpression: 'SET p = :wrong ADD rev :one',
          ExpressionAttributeValues: { ':wrong': '[2,2,99,99,0,0,0,0]', ':one': 1 },
        }),
      );
    for (const section of SECTIONS)
      await dynamo().doc.send(
        new UpdateCommand({
          TableName: dynamo().tableName,
          Key: userSectionKey(user('bob'), 'pack', section),
          UpdateExpression: 'ADD rev :one',
          ExpressionAttributeValues: { ':one': 1 },
        }),
      );
    expect((await bob.ask(WEAK)).data.weakTopics).toEqual(fromCopies);
    expect(api.lastCalls()).toEqual({ QueryCommand: 1, BatchGetItemCommand: 1 });
    expect(fromCopies.map((t: { section: { id: string }; attempts: number }) => [t.section.id, t.attempts])).toEqual([
      ['pack/alpha', 2],
      ['pack/beta', 2],
    ]);
    // the next attempt in a section makes its copy current again
    await answer(bob, [['alpha-4', 'CORRECT']], 'c');
    await bob.ask(WEAK);
    expect(api.lastCalls()).toEqual({ QueryCommand: 1, BatchGetItemCommand: 1 }); // beta still stale
    await answer(bob, [['beta-4', 'CORRECT']], 'd');
    await bob.ask(WEAK);
    expect(api.lastCalls()).toEqual({ QueryCommand: 1 });
    expect((await verifyStats(dynamo(), { tenantId: 'acme' })).differences).toEqual([]);
  });

  it('records attempts in one section sent at once without conflicts, and leaves no copy that is wrong', async () => {
    const cy = givenLearner(api, acme.secret, 'cy');
    await answer(cy, [['beta-0', 'CORRECT']], 'first');
    // the harness resets the call counter per request: count the transactions sent instead
    const send = jest.spyOn(api.app.dynamo.doc, 'send');
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        cy.record({
          questionId: `pack/beta-${i + 1}`,
          outcome: i % 2 ? 'CORRECT' : 'INCORRECT',
          clientAttemptId: `at-once-${i}`,
        }),
      ),
    );
    expect(answers.map((response) => response.errors)).toEqual(Array(6).fill(undefined));
    const transactions = send.mock.calls.filter(([command]) => command.constructor.name === 'TransactWriteCommand');
    send.mockRestore();
    expect(transactions).toHaveLength(6); // none lost a round and wrote again
    const section = await get(userSectionKey(user('cy'), 'pack', 'beta'));
    const pack = await get(userPackKey(user('cy'), 'pack', 'beta'));
    expect([section!.attempts, section!.rev, pack!.rev]).toEqual([7, 7, 7]);
    // current only if the last attempt to commit read the item no other attempt changed after
    expect(pack!.pr).toBeUndefined();
    if (unpackSums(pack!.p)!.rev === pack!.rev) expect(unpackSums(pack!.p)!.sums.stAttempts).toBe(7);
    expect((await cy.ask(WEAK)).data.weakTopics).toEqual([
      expect.objectContaining({ section: { id: 'pack/beta' }, attempts: 7, correctRate: 0.5714 }),
    ]);
    expect((await verifyStats(dynamo(), { tenantId: 'acme' })).differences).toEqual([]);
  });

  it('stats:verify names a copy that says it is current but is not, and a bank without the marker; stats:rebuild repairs both', async () => {
    const dee = givenLearner(api, acme.secret, 'dee');
    await answer(
      dee,
      [
        ['alpha-3', 'CORRECT'],
        ['beta-5', 'INCORRECT'],
      ],
      'd',
    );
    const expected = (await dee.ask(WEAK)).data.weakTopics;
    await dynamo().doc.send(
      new UpdateCommand({
        TableName: dynamo().tableName,
        Key: userPackKey(user('dee'), 'pack', 'alpha'),
        // says it is as of the item's revision (1), with the answer counted wrong
        UpdateExpression: 'SET p = :wrong',
        ExpressionAttributeValues: { ':wrong': '[2,1,1,1,0,0,0,0]' },
      }),
    );
    await dynamo().doc.send(
      new DeleteCommand({ TableName: dynamo().tableName, Key: userPackKey(user('dee'), 'pack', 'beta') }),
    );
    const before = await verifyStats(dynamo(), { tenantId: 'acme' });
    expect(before.differences.map((d) => [d.what, d.key])).toEqual([
      ['userSection.v', 'dee pack/alpha'],
      ['userSection.v', 'dee pack/beta'],
    ]);
    await rebuildStats(dynamo(), { tenantId: 'acme' });
    expect((await verifyStats(dynamo(), { tenantId: 'acme' })).differences).toEqual([]);
    // rebuilt in format 2: a revision past the old one, inside p, and no pr attribute
    for (const section of SECTIONS) {
      const pack = await get(userPackKey(user('dee'), 'pack', section));
      expect(Object.keys(pack!).sort()).toEqual(['PK', 'SK', 'p', 'rev']);
      expect([pack!.rev, ...head(pack)]).toEqual([2, 2, 2, 1]);
    }
    expect((await dee.ask(WEAK)).data.weakTopics).toEqual(expected);
    expect(api.lastCalls()).toEqual({ QueryCommand: 1 });

    // a bank whose items are from before the copies (no marker): read from the section items
    // (one more Query) until stats:rebuild writes the copies and the marker
    await dynamo().doc.send(
      new DeleteCommand({ TableName: dynamo().tableName, Key: userPackMarkerKey(user('dee'), 'pack') }),
    );
    expect((await dee.ask(WEAK)).data.weakTopics).toEqual(expected);
    expect(api.lastCalls()).toEqual({ QueryCommand: 2 });
    expect((await verifyStats(dynamo(), { tenantId: 'acme' })).differences.map((d) => d.what)).toEqual([
      'userSection.v',
      'userSection.v',
    ]);
    await rebuildStats(dynamo(), { tenantId: 'acme' });
    expect((await dee.ask(WEAK)).data.weakTopics).toEqual(expected);
    expect(api.lastCalls()).toEqual({ QueryCommand: 1 });
  });
  it('reads a copy in the first format (object p, pr attribute) as current, and the next attempt in its section rewrites it in format 2', async () => {
    const eve = givenLearner(api, acme.secret, 'eve');
    await answer(
      eve,
      [
        ['alpha-5', 'CORRECT'],
        ['alpha-6', 'PARTIAL'],
        ['beta-6', 'INCORRECT'],
      ],
      'e',
    );
    const expected = (await eve.ask(WEAK)).data.weakTopics;
    // each copy as attempts before format 2 wrote it: the sums as an object, the revision in pr
    const oldCopy = (section: Record<string, unknown>, sums = section) =>
      JSON.stringify({
        a: section.attempts,
        s: Object.fromEntries(
          AGGREGATE_FIELDS.filter((field) => Number(sums[field] ?? 0) !== 0).map((field) => [
            field,
            Number(sums[field]),
          ]),
        ),
      });
    for (const slug of SECTIONS) {
      const section = (await get(userSectionKey(user('eve'), 'pack', slug)))!;
      const Item = {
        ...userPackKey(user('eve'), 'pack', slug),
        rev: section.rev,
        pr: section.rev,
        p: oldCopy(section),
      };
      await dynamo().doc.send(new PutCommand({ TableName: dynamo().tableName, Item }));
    }
    expect(await get(userPackKey(user('eve'), 'pack', 'alpha'))).toMatchObject({
      rev: 2,
      pr: 2,
      p: expect.stringMatching(/^\{"a":2,"s":\{/),
    });
    expect((await eve.ask(WEAK)).data.weakTopics).toEqual(expected);
    expect(api.lastCalls()).toEqual({ QueryCommand: 1 }); // both copies trusted: no section item read
    expect((await verifyStats(dynamo(), { tenantId: 'acme' })).differences).toEqual([]);

    // the next attempt in alpha: format 2 as of the new revision, pr removed; beta left as it was
    await answer(eve, [['alpha-7', 'CORRECT']], 'f');
    const alpha = await get(userPackKey(user('eve'), 'pack', 'alpha'));
    expect(Object.keys(alpha!).sort()).toEqual(['PK', 'SK', 'p', 'rev']);
    expect([alpha!.rev, ...head(alpha)]).toEqual([3, 2, 3, 3]);
    expect(await get(userPackKey(user('eve'), 'pack', 'beta'))).toMatchObject({ rev: 1, pr: 1 });
    const now = (await eve.ask(WEAK)).data.weakTopics;
    expect(api.lastCalls()).toEqual({ QueryCommand: 1 });
    expect(now.map((t: { section: { id: string }; attempts: number }) => [t.section.id, t.attempts])).toEqual(
      expect.arrayContaining([
        ['pack/alpha', 3],
        ['pack/beta', 1],
      ]),
    );

    // a first-format copy that says it is current with other sums is named, and rebuilt in format 2
    const beta = (await get(userSectionKey(user('eve'), 'pack', 'beta')))!;
    await dynamo().doc.send(
      new UpdateCommand({
        TableName: dynamo().tableName,
        Key: userPackKey(user('eve'), 'pack', 'beta'),
        UpdateExpression: 'SET p = :wrong',
        ExpressionAttributeValues: { ':wrong': oldCopy(beta, { ...beta, stAttempts: 5 }) },
      }),
    );
    expect((await verifyStats(dynamo(), { tenantId: 'acme' })).differences.map((d) => [d.what, d.key])).toEqual([
      ['userSection.v', 'eve pack/beta'],
    ]);
    await rebuildStats(dynamo(), { tenantId: 'acme' });
    expect((await verifyStats(dynamo(), { tenantId: 'acme' })).differences).toEqual([]);
    const rebuilt = await get(userPackKey(user('eve'), 'pack', 'beta'));
    expect(Object.keys(rebuilt!).sort()).toEqual(['PK', 'SK', 'p', 'rev']);
    expect([rebuilt!.rev, ...head(rebuilt)]).toEqual([2, 2, 2, 1]);
    expect((await eve.ask(WEAK)).data.weakTopics).toEqual(now);
    expect(api.lastCalls()).toEqual({ QueryCommand: 1 });
  });
});
