/**
 * Content keys and item mappers: banks, their catalogs and question revisions on the table's
 * generic PK/SK/GSI1 attributes. Only src/store/content uses them.
 *
 *   bank        PK BANK#<bank>  SK BANK                 GSI1PK BANKS  GSI1SK <bank>
 *   catalog     PK BANK#<bank>  SK CATALOG#<ver>#<part>
 *   question    PK BANK#<bank>  SK Q#<localId>#<revision>   (immutable; named by the catalog that publishes it)
 *   search      PK BANK#<bank>  SK SEARCH#<searchVersion>#<part>   (the full-text index the bank item names)
 */
import type { BankRecord, QuestionRecord } from '../../domain/content';
import type { Item, Key } from '../batch';

const bankPk = (bankId: string): string => `BANK#${bankId}`;

export const bankKey = (bankId: string): Key => ({ PK: bankPk(bankId), SK: 'BANK' });
export const bankPartition = bankPk;
export const BANKS_INDEX = { name: 'GSI1', partition: 'BANKS' } as const;

export const catalogPrefix = (version: string): string => `CATALOG#${version}#`;
export const catalogKey = (bankId: string, version: string, part: number): Key => ({
  PK: bankPk(bankId),
  SK: `${catalogPrefix(version)}${String(part).padStart(4, '0')}`,
});

export const SEARCH_PREFIX = 'SEARCH#';
export const searchPrefix = (version: string): string => `${SEARCH_PREFIX}${version}#`;
export const searchKey = (bankId: string, version: string, part: number): Key => ({
  PK: bankPk(bankId),
  SK: `${searchPrefix(version)}${String(part).padStart(4, '0')}`,
});
export const isSearchItem = (item: Item): boolean => item.SK.startsWith(SEARCH_PREFIX);
/** The version of a search index part's sort key (`SEARCH#<version>#<part>`). */
export const searchVersionOfKey = (sortKey: string): string =>
  sortKey.slice(SEARCH_PREFIX.length, sortKey.lastIndexOf('#'));

export function searchPartToItem(bankId: string, version: string, part: number, body: Uint8Array): Item {
  return { ...searchKey(bankId, version, part), type: 'SearchIndexPart', body };
}

/** A revision of a question's content. */
export const questionKey = (bankId: string, localId: string, revision: string): Key => ({
  PK: bankPk(bankId),
  SK: `Q#${localId}#${revision}`,
});
export const QUESTION_PREFIX = 'Q#';
export const CATALOG_PREFIX = 'CATALOG#';

export const isBankItem = (item: Item): boolean => item.SK === 'BANK';
export const isQuestionItem = (item: Item): boolean => item.SK.startsWith(QUESTION_PREFIX);
export const isCatalogItem = (item: Item): boolean => item.SK.startsWith(CATALOG_PREFIX);
/** The version of a catalog part's sort key (`CATALOG#<version>#<part>`). */
export const catalogVersionOf = (sortKey: string): string =>
  sortKey.slice(CATALOG_PREFIX.length, sortKey.lastIndexOf('#'));

export function bankToItem(bank: BankRecord): Item {
  return { ...bankKey(bank.id), GSI1PK: BANKS_INDEX.partition, GSI1SK: bank.id, type: 'Bank', ...bank };
}

export function bankFromItem(item: Item): BankRecord {
  return {
    id: item.id as string,
    title: item.title as string,
    description: (item.description as string) ?? '',
    locale: (item.locale as string | undefined) ?? null,
    level: (item.level as string | undefined) ?? null,
    questionCount: item.questionCount as number,
    catalogVersion: item.catalogVersion as string,
    catalogParts: item.catalogParts as number,
    contentHash: item.contentHash as string,
    updatedAt: item.updatedAt as string,
    sourceFile: (item.sourceFile as string | undefined) ?? null,
    sourceUrlBase: (item.sourceUrlBase as string | undefined) ?? null,
    searchVersion: (item.searchVersion as string | undefined) ?? null,
    searchParts: (item.searchParts as number | undefined) ?? 0,
  };
}

export function catalogPartToItem(bankId: string, version: string, part: number, body: Uint8Array): Item {
  return { ...catalogKey(bankId, version, part), type: 'CatalogPart', body };
}

/** The content of one revision; retirement and last place live in the catalog, not here. */
export function questionToItem(question: QuestionRecord): Item {
  const {
    retired: _retired,
    retiredAt: _retiredAt,
    lastPosition: _position,
    lastNumber: _number,
    lastLine: _line,
    ...content
  } = question;
  return { ...questionKey(question.bankId, question.localId, question.revision), type: 'Question', ...content };
}

export function questionFromItem(item: Item): QuestionRecord {
  return {
    id: item.id as string,
    bankId: item.bankId as string,
    localId: item.localId as string,
    sectionSlug: item.sectionSlug as string,
    text: item.text as string,
    answer: (item.answer as string) ?? '',
    tags: (item.tags as string[]) ?? [],
    difficulty: (item.difficulty as number | undefined) ?? null,
    topic: (item.topic as string | undefined) ?? null,
    sourceUrl: (item.sourceUrl as string | undefined) ?? null,
    // Questions stored before graded questions existed are open, without options.
    kind: (item.kind as QuestionRecord['kind'] | undefined) ?? 'OPEN',
    options: (item.options as QuestionRecord['options'] | undefined) ?? [],
    explanation: (item.explanation as string | undefined) ?? null,
    references: (item.references as string[] | undefined) ?? [],
    stem: (item.stem as string | undefined) ?? null,
    contentHash: item.contentHash as string,
    revision: item.revision as string,
    // Retirement and the last place are the publishing catalog's facts (asPublished).
    retired: false,
    retiredAt: null,
    lastPosition: null,
    lastNumber: null,
    lastLine: null,
    createdAt: item.createdAt as string,
    updatedAt: item.updatedAt as string,
  };
}
