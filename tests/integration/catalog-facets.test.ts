/**
 * Catalogs record each active question's difficulty, kind and topic (`facets`). Catalogs written
 * before that are upgraded by `content:migrate-revisions` (what `npm start` runs), from the
 * revisions they name.
 */
import path from 'node:path';
import { DeleteCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { importBankFiles } from '../../src/usecases/import-banks';
import { decodeCatalog, encodeCatalog } from '../../src/store/content/catalog-cache';
import type { Dynamo } from '../../src/store/client';
import { bankFromItem, bankPartition, bankToItem, catalogPartToItem } from '../../src/store/content/keys';
import { migrateRevisions } from '../../src/store/migrations/revisions';
import type { Item } from '../../src/store/batch';
import { FIXTURES } from '../support/banks';
import { useTable } from '../support/dynamo';
import { givenApi } from '../support/graphql';

const TAGGED_BANK = path.join(FIXTURES, 'api/tagged.md');
const OLD_VERSION = '0000nofacets0000';

const partition = async (dynamo: Dynamo): Promise<Item[]> =>
  ((
    await dynamo.doc.send(
      new QueryCommand({
        TableName: dynamo.tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': bankPartition('tagged') },
      }),
    )
  ).Items ?? []) as Item[];

const FACETS = `{
  bank(id: "tagged") { difficulties { value count } topics { value count } }
  open: questions(filter: { bankId: "tagged", kinds: [OPEN] }) { totalCount }
  hard: questions(filter: { bankId: "tagged", difficulty: [3] }) { totalCount edges { node { text } } }
}`;

describe('a catalog stored before facets', () => {
  const dynamo = useTable();

  /** Rewrites the published catalog without `facets`, as the importer wrote it before them. */
  async function storeWithoutFacets(): Promise<string> {
    const items = await partition(dynamo());
    const bank = bankFromItem(items.find((item) => item.SK === 'BANK')!);
    const data = decodeCatalog(
      items
        .filter((item) => item.SK.startsWith(`CATALOG#${bank.catalogVersion}#`))
        .map((item) => item.body as Uint8Array),
    );
    expect(data.facets).toHaveLength(5);
    const { facets: _facets, ...old } = data;
    const put = (Item: Item) => dynamo().doc.send(new PutCommand({ TableName: dynamo().tableName, Item }));
    for (const item of items.filter((i) => i.SK.startsWith('CATALOG#')))
      await dynamo().doc.send(new DeleteCommand({ TableName: dynamo().tableName, Key: { PK: item.PK, SK: item.SK } }));
    await put(catalogPartToItem('tagged', OLD_VERSION, 0, encodeCatalog(JSON.stringify(old))[0]));
    await put(bankToItem({ ...bank, catalogVersion: OLD_VERSION, catalogParts: 1 }));
    return bank.catalogVersion;
  }

  it('reads as open questions without difficulty or topic until the migration adds the facets', async () => {
    await importBankFiles(dynamo(), [TAGGED_BANK]);
    const imported = await givenApi(dynamo()).query(FACETS);
    expect(imported.errors).toBeUndefined();
    expect(imported.data).toEqual({
      bank: {
        difficulties: [
          { value: '1', count: 1 },
          { value: '2', count: 1 },
          { value: '3', count: 1 },
        ],
        topics: [{ value: 'Architectures', count: 2 }],
      },
      open: { totalCount: 5 },
      hard: { totalCount: 1, edges: [{ node: { text: 'What is attention?' } }] },
    });
    const importedVersion = await storeWithoutFacets();

    const before = await givenApi(dynamo()).query(FACETS);
    expect(before.data).toEqual({
      bank: { difficulties: [], topics: [] },
      open: { totalCount: 5 },
      hard: { totalCount: 0, edges: [] },
    });

    expect(await migrateRevisions(dynamo())).toEqual({
      migrated: [],
      facetsAdded: ['tagged'],
      current: 0,
      indexed: [], // the upgraded catalog is the imported one again, whose index is still stored
    });
    expect((await givenApi(dynamo()).query(FACETS)).data).toEqual(imported.data);
    const items = await partition(dynamo());
    // the same catalog an import writes today; the old version is gone
    expect(bankFromItem(items.find((item) => item.SK === 'BANK')!).catalogVersion).toBe(importedVersion);
    expect(items.some((item) => item.SK.startsWith(`CATALOG#${OLD_VERSION}#`))).toBe(false);

    expect(await migrateRevisions(dynamo())).toEqual({ migrated: [], facetsAdded: [], current: 1, indexed: [] });
    const [summary] = await importBankFiles(dynamo(), [TAGGED_BANK]);
    expect(summary).toMatchObject({ added: 0, updated: 0, unchanged: 5, retired: 0 });
  });
});
