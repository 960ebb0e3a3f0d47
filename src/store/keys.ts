/**
 * The one module that knows how entities map onto the table's generic PK/SK/GSI1 attributes.
 *
 *   bank        PK BANK#<bank>  SK BANK                 GSI1PK BANKS  GSI1SK <bank>
 *   catalog     PK BANK#<bank>  SK CATALOG#<ver>#<part>
 *   question    PK BANK#<bank>  SK Q#<localId>
 */
import type { BankRecord, QuestionRecord } from '../domain/content';
import type { Item, Key } from './batch';

const bankPk = (bankId: string): string => `BANK#${bankId}`;

export const bankKey = (bankId: string): Key => ({ PK: bankPk(bankId), SK: 'BANK' });
export const bankPartition = bankPk;
export const BANKS_INDEX = { name: 'GSI1', partition: 'BANKS' } as const;

export const catalogPrefix = (version: string): string => `CATALOG#${version}#`;
export const catalogKey = (bankId: string, version: string, part: number): Key => ({
  PK: bankPk(bankId),
  SK: `${catalogPrefix(version)}${String(part).padStart(4, '0')}`,
});

export const questionKey = (bankId: string, localId: string): Key => ({ PK: bankPk(bankId), SK: `Q#${localId}` });
export const QUESTION_PREFIX = 'Q#';
export const CATALOG_PREFIX = 'CATALOG#';

export const isBankItem = (item: Item): boolean => item.SK === 'BANK';
export const isQuestionItem = (item: Item): boolean => item.SK.startsWith(QUESTION_PREFIX);
export const isCatalogItem = (item: Item): boolean => item.SK.startsWith(CATALOG_PREFIX);

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
  };
}

export function catalogPartToItem(bankId: string, version: string, part: number, body: Uint8Array): Item {
  return { ...catalogKey(bankId, version, part), type: 'CatalogPart', body };
}

export function questionToItem(question: QuestionRecord): Item {
  return { ...questionKey(question.bankId, question.localId), type: 'Question', ...question };
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
    contentHash: item.contentHash as string,
    retired: item.retired === true,
    retiredAt: (item.retiredAt as string | undefined) ?? null,
    lastPosition: (item.lastPosition as number | undefined) ?? null,
    lastNumber: (item.lastNumber as string | undefined) ?? null,
    createdAt: item.createdAt as string,
    updatedAt: item.updatedAt as string,
  };
}
