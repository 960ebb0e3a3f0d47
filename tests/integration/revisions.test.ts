/**
 * Question content is stored as immutable revisions named by the catalog (see
 * src/domain/import-plan.ts). These tests cover the two paths the import-atomicity suite does
 * not: a reader whose catalog names revisions that were cleaned up meanwhile, and the migration
 * of banks stored before revisions existed (one item per question, retirement flagged on the item).
 */
import { DeleteCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { importBankFiles } from '../../src/usecases/import-banks';
import { readExistingBank } from '../../src/store';
import { decodeCatalog, encodeCatalog, CatalogCache } from '../../src/store/content/catalog-cache';
import type { Dynamo } from '../../src/store/client';
import { ContentReader } from '../../src/store/content/content-reader';
import { RequestReads } from '../../src/store/request-reads';
import { bankFromItem, bankPartition, bankToItem, catalogPartToItem } from '../../src/store/content/keys';
import { migrateRevisions } from '../../src/store/migrations/revisions';
import type { Item } from '../../src/store/batch';
import { SHIPPED_BANK, editedShippedBank } from '../support/banks';
import { useTable } from '../support/dynamo';
import { givenApi } from '../support/graphql';

const QUESTION = 'Что такое эпоха и батч? Что такое `batch size`?';
const edit = (suffix: string) => editedShippedBank((s) => s.replace(QUESTION, `${QUESTION} ${suffix}`));

const partition = async (dynamo: Dynamo): Promise<Item[]> =>
  ((
    await dynamo.doc.send(
      new QueryCommand({
        TableName: dynamo.tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': bankPartition('ml-junior') },
      }),
    )
  ).Items ?? []) as Item[];

const callsBy = (dynamo: Dynamo) => Object.fromEntries(dynamo.calls.byCommand);

describe('a reader holding a catalog whose revisions were cleaned up', () => {
  const dynamo = useTable();

  it('reads the bank again, strongly consistent, and serves the current text', async () => {
    await importBankFiles(dynamo(), [SHIPPED_BANK]);
    const catalogs = new CatalogCache(dynamo());
    const held = (await new ContentReader(dynamo(), new RequestReads(dynamo()), catalogs).catalog('ml-junior'))!;
    const localId = (await readExistingBank(dynamo(), 'ml-junior')).questions.find((q) => q.text === QUESTION)!.localId;

    await importBankFiles(dynamo(), [edit('(v2)')]);
    await importBankFiles(dynamo(), [edit('(v3)')]); // cleans up what neither v3 nor v2 names: v1's text
    const current = (await readExistingBank(dynamo(), 'ml-junior')).bank!.catalogVersion;
    dynamo().calls.reset();
    const [question] = await new ContentReader(dynamo(), new RequestReads(dynamo()), catalogs).published(
      [held],
      [{ bankId: 'ml-junior', localId }],
    );

    expect([question!.record.text, question!.catalog.version]).toEqual([`${QUESTION} (v3)`, current]);
    // the miss, the consistent bank read, the new catalog's parts, the current revision
    expect(callsBy(dynamo())).toEqual({ BatchGetItemCommand: 3, QueryCommand: 1 });
  });
});

describe('the migration of a bank stored before revisions', () => {
  const dynamo = useTable();
  const RETIRED = 'Что такое Top‑K?';

  /** Rewrites the stored bank the way the importer stored it before revisions, with one question retired. */
  async function storeAsBeforeRevisions(): Promise<void> {
    const items = await partition(dynamo());
    const bank = bankFromItem(items.find((item) => item.SK === 'BANK')!);
    const data = decodeCatalog(
      items
        .filter((item) => item.SK.startsWith(`CATALOG#${bank.catalogVersion}#`))
        .map((item) => item.body as Uint8Array),
    );
    const questions = items.filter((item) => item.SK.startsWith('Q#'));
    const retired = questions.find((item) => item.text === RETIRED)!;
    const legacy = {
      sections: data.sections,
      questions: data.questions
        .filter(([localId]) => localId !== retired.localId)
        .map(([localId, section, number, line, tags]) => [localId, section, number, line, tags]),
    };
    const put = (Item: Item) => dynamo().doc.send(new PutCommand({ TableName: dynamo().tableName, Item }));
    for (const item of questions) {
      const { revision: _revision, ...content } = item;
      const flags =
        item === retired
          ? { retired: true, retiredAt: '2026-01-01T00:00:00.000Z', lastPosition: 5, lastNumber: '42', lastLine: 77 }
          : { retired: false };
      await put({ ...content, PK: item.PK, SK: `Q#${item.localId as string}`, ...flags });
      await dynamo().doc.send(new DeleteCommand({ TableName: dynamo().tableName, Key: { PK: item.PK, SK: item.SK } }));
    }
    for (const item of items.filter((i) => i.SK.startsWith('CATALOG#')))
      await dynamo().doc.send(new DeleteCommand({ TableName: dynamo().tableName, Key: { PK: item.PK, SK: item.SK } }));
    await put(catalogPartToItem('ml-junior', '0000legacy000000', 0, encodeCatalog(JSON.stringify(legacy))[0]));
    await put(
      bankToItem({
        ...bank,
        catalogVersion: '0000legacy000000',
        catalogParts: 1,
        questionCount: 57,
        contentHash: 'before-revisions',
      }),
    );
  }

  const SERVED = `query($id: ID!, $retired: ID!) {
    bank(id: "ml-junior") { questionCount }
    questions(filter: { bankId: "ml-junior" }, first: 100) { totalCount edges { node { id text } } }
    question(id: $id) { text retired position }
    retiredQuestion: question(id: $retired) { text retired position number }
  }`;

  it('is migrated to revisions with the same texts, order and retirements, and the next import rewrites no question', async () => {
    await importBankFiles(dynamo(), [SHIPPED_BANK]);
    const ids = Object.fromEntries(
      (await readExistingBank(dynamo(), 'ml-junior')).questions.map((q) => [q.text, q.id]),
    );
    await storeAsBeforeRevisions();
    const variables = { id: ids[QUESTION], retired: ids[RETIRED] };

    const report = await migrateRevisions(dynamo(), () => '2026-12-02T00:00:00.000Z');
    expect(report).toEqual({ migrated: ['ml-junior'], facetsAdded: [], current: 0, indexed: ['ml-junior'] });
    const served = await givenApi(dynamo()).query(SERVED, variables);
    expect(served.errors).toBeUndefined();
    expect(served.data!.bank.questionCount).toBe(57);
    expect(served.data!.questions.totalCount).toBe(57);
    expect(served.data!.question).toEqual({ text: QUESTION, retired: false, position: 6 });
    expect(served.data!.retiredQuestion).toEqual({ text: RETIRED, retired: true, position: 5, number: '42' });
    const items = await partition(dynamo());
    // every question item is a revision now (Q#<localId>#<revision>), the legacy catalog is gone
    expect(items.filter((item) => item.SK.startsWith('Q#')).every((item) => item.SK.split('#').length === 3)).toBe(
      true,
    );
    expect(items.filter((item) => item.SK.startsWith('Q#')).length).toBe(58);
    expect(items.some((item) => item.SK.startsWith('CATALOG#0000legacy000000#'))).toBe(false);

    dynamo().calls.reset();
    const [summary] = await importBankFiles(dynamo(), [
      editedShippedBank((s) => s.replace('42.  Что такое Top‑K?\n', '')),
    ]);
    expect(summary).toMatchObject({ added: 0, updated: 0, unchanged: 57, retired: 0 });
    // no question is rewritten: the bank item; the catalog part (lines moved up by one), then the old one's deletion
    expect([callsBy(dynamo()).PutItemCommand, callsBy(dynamo()).BatchWriteItemCommand]).toEqual([1, 2]);
    expect((await givenApi(dynamo()).query(SERVED, variables)).data).toEqual(served.data);
    expect(await migrateRevisions(dynamo())).toEqual({ migrated: [], facetsAdded: [], current: 1, indexed: [] });
  });

  it('loses its old items once two imports have replaced them', async () => {
    await importBankFiles(dynamo(), [edit('(v2)')]);
    await importBankFiles(dynamo(), [edit('(v3)')]);
    const localId = (await readExistingBank(dynamo(), 'ml-junior')).questions.find(
      (q) => q.text === `${QUESTION} (v3)`,
    )!.localId;
    const revisions = (await partition(dynamo())).filter((item) => item.localId === localId).map((item) => item.text);
    expect(revisions.sort()).toEqual([`${QUESTION} (v2)`, `${QUESTION} (v3)`]);
  });
});
