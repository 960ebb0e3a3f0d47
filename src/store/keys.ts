/**
 * The one module that knows how entities map onto the table's generic PK/SK/GSI1 attributes.
 *
 *   bank        PK BANK#<bank>  SK BANK                 GSI1PK BANKS  GSI1SK <bank>
 *   catalog     PK BANK#<bank>  SK CATALOG#<ver>#<part>
 *   question    PK BANK#<bank>  SK Q#<localId>
 */
import type { ApiKeyRecord, TenantRecord } from '../domain/access';
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
    sourceFile: (item.sourceFile as string | undefined) ?? null,
    sourceUrlBase: (item.sourceUrlBase as string | undefined) ?? null,
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
    sourceUrl: (item.sourceUrl as string | undefined) ?? null,
    contentHash: item.contentHash as string,
    retired: item.retired === true,
    retiredAt: (item.retiredAt as string | undefined) ?? null,
    lastPosition: (item.lastPosition as number | undefined) ?? null,
    lastNumber: (item.lastNumber as string | undefined) ?? null,
    lastLine: (item.lastLine as number | undefined) ?? null,
    createdAt: item.createdAt as string,
    updatedAt: item.updatedAt as string,
  };
}

/*
 * Access (tenants, keys, rate counters):
 *
 *   tenant      PK TENANT#<tenant>  SK TENANT          GSI1PK TENANTS             GSI1SK <tenant>
 *   api key     PK APIKEY#<keyId>   SK APIKEY          GSI1PK TENANT#<tenant>#KEYS GSI1SK <createdAt>#<keyId>
 *   rate count  PK RATE#<keyId>     SK W#<second>      (expiresAt: DynamoDB TTL)
 */
export const tenantKey = (tenantId: string): Key => ({ PK: `TENANT#${tenantId}`, SK: 'TENANT' });
export const apiKeyKey = (keyId: string): Key => ({ PK: `APIKEY#${keyId}`, SK: 'APIKEY' });
export const rateWindowKey = (keyId: string, window: number): Key => ({ PK: `RATE#${keyId}`, SK: `W#${window}` });
export const tenantKeysIndex = (tenantId: string): string => `TENANT#${tenantId}#KEYS`;
export const TENANTS_INDEX_PARTITION = 'TENANTS';

export function tenantToItem(tenant: TenantRecord): Item {
  return { ...tenantKey(tenant.id), GSI1PK: TENANTS_INDEX_PARTITION, GSI1SK: tenant.id, type: 'Tenant', ...tenant };
}

export function tenantFromItem(item: Item): TenantRecord {
  return {
    id: item.id as string,
    name: item.name as string,
    allowedOrigins: (item.allowedOrigins as string[]) ?? [],
    userTokenSecrets: item.userTokenSecrets as string[],
    createdAt: item.createdAt as string,
  };
}

export function apiKeyToItem(key: ApiKeyRecord): Item {
  // revokedAt is left out until set: revocation is guarded by attribute_not_exists(revokedAt).
  return { ...apiKeyKey(key.keyId), GSI1PK: tenantKeysIndex(key.tenantId), GSI1SK: `${key.createdAt}#${key.keyId}`, type: 'ApiKey', ...key, revokedAt: key.revokedAt ?? undefined };
}

export function apiKeyFromItem(item: Item): ApiKeyRecord {
  return {
    keyId: item.keyId as string,
    tenantId: item.tenantId as string,
    kind: item.kind as ApiKeyRecord['kind'],
    hash: item.hash as string,
    createdAt: item.createdAt as string,
    revokedAt: (item.revokedAt as string | undefined) ?? null,
    rateLimit: (item.rateLimit as ApiKeyRecord['rateLimit'] | undefined) ?? null,
  };
}
