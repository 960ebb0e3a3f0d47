/**
 * The one module that knows how entities map onto the table's generic PK/SK/GSI1 attributes.
 *
 *   bank        PK BANK#<bank>  SK BANK                 GSI1PK BANKS  GSI1SK <bank>
 *   catalog     PK BANK#<bank>  SK CATALOG#<ver>#<part>
 *   question    PK BANK#<bank>  SK Q#<localId>#<revision>   (immutable; Q#<localId> before revisions)
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

/** A revision of a question's content; `revision` null is the one item kept before revisions. */
export const questionKey = (bankId: string, localId: string, revision: string | null): Key => ({
  PK: bankPk(bankId),
  SK: revision === null ? `Q#${localId}` : `Q#${localId}#${revision}`,
});
export const QUESTION_PREFIX = 'Q#';
export const CATALOG_PREFIX = 'CATALOG#';

export const isBankItem = (item: Item): boolean => item.SK === 'BANK';
export const isQuestionItem = (item: Item): boolean => item.SK.startsWith(QUESTION_PREFIX);
export const isCatalogItem = (item: Item): boolean => item.SK.startsWith(CATALOG_PREFIX);
/** The version of a catalog part's sort key (`CATALOG#<version>#<part>`). */
export const catalogVersionOf = (sortKey: string): string => sortKey.slice(CATALOG_PREFIX.length, sortKey.lastIndexOf('#'));

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

/** The content of one revision; retirement and last place live in the catalog, not here. */
export function questionToItem(question: QuestionRecord): Item {
  const { retired: _retired, retiredAt: _retiredAt, lastPosition: _position, lastNumber: _number, lastLine: _line, ...content } = question;
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
    contentHash: item.contentHash as string,
    revision: (item.revision as string | undefined) ?? null,
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

/*
 * Learning (every key starts with the tenant taken from the API key, never from client input):
 *
 *   profile       PK T#<t>#U#<u>  SK PROFILE
 *   idempotency   PK T#<t>#U#<u>  SK IDEM#<clientAttemptId>
 *   attempt       PK T#<t>#U#<u>  SK ATT#<createdAt>#<attemptId>
 *                 GSI1 T#<t>#U#<u>#Q#<questionId> / <createdAt>#<attemptId>   (attempts of a question)
 *                 GSI2 T#<t>#U#<u>#B#<bank>       / <createdAt>#<attemptId>   (attempts in a bank)
 *                 GSI3 T#<t>#U#<u>#S#<sectionId>  / <createdAt>#<attemptId>   (attempts in a section)
 *   state         PK T#<t>#U#<u>  SK STATE#<bank>#<localId>
 *                 GSI1 T#<t>#U#<u>#DUE#<bank> / <due>#<localId>               (due questions)
 *   user section  PK T#<t>#U#<u>  SK SEC#<bank>#<section>
 *   user bank day PK T#<t>#U#<u>  SK DAY#<bank>
 *   quiz          PK T#<t>#U#<u>  SK QUIZ#<quizId>
 *   counters      PK T#<t>#STAT#<bank>#<shard>  SK Q#<localId> | S#<section>  (tenant-wide, sharded)
 *   activity      PK T#<t>#ACT#<bank>#<shard>   SK <YYYY-MM-DD>
 */
export const userPartition = (tenantId: string, userId: string): string => `T#${tenantId}#U#${userId}`;
export const profileKey = (t: string, u: string): Key => ({ PK: userPartition(t, u), SK: 'PROFILE' });
export const idempotencyKey = (t: string, u: string, clientAttemptId: string): Key => ({ PK: userPartition(t, u), SK: `IDEM#${clientAttemptId}` });
export const attemptSortKey = (createdAt: string, attemptId: string): string => `${createdAt}#${attemptId}`;
export const attemptKey = (t: string, u: string, createdAt: string, attemptId: string): Key => ({ PK: userPartition(t, u), SK: `ATT#${attemptSortKey(createdAt, attemptId)}` });
export const ATTEMPT_PREFIX = 'ATT#';
export const attemptIndexes = {
  question: (t: string, u: string, questionId: string) => ({ index: 'GSI1', pk: `${userPartition(t, u)}#Q#${questionId}` }),
  bank: (t: string, u: string, bankId: string) => ({ index: 'GSI2', pk: `${userPartition(t, u)}#B#${bankId}` }),
  section: (t: string, u: string, sectionId: string) => ({ index: 'GSI3', pk: `${userPartition(t, u)}#S#${sectionId}` }),
};
export const statePrefix = (bankId: string): string => `STATE#${bankId}#`;
export const stateKey = (t: string, u: string, bankId: string, localId: string): Key => ({ PK: userPartition(t, u), SK: `${statePrefix(bankId)}${localId}` });
export const dueIndexPartition = (t: string, u: string, bankId: string): string => `${userPartition(t, u)}#DUE#${bankId}`;
export const userSectionKey = (t: string, u: string, bankId: string, section: string): Key => ({ PK: userPartition(t, u), SK: `SEC#${bankId}#${section}` });
export const userBankDayKey = (t: string, u: string, bankId: string): Key => ({ PK: userPartition(t, u), SK: `DAY#${bankId}` });
export const quizKey = (t: string, u: string, quizId: string): Key => ({ PK: userPartition(t, u), SK: `QUIZ#${quizId}` });

/** Tenant-wide counters are spread over this many partitions, so no question is a hot item. */
export const COUNTER_SHARDS = 4;
export const counterPartition = (t: string, bankId: string, shard: number): string => `T#${t}#STAT#${bankId}#${shard}`;
export const questionCounterKey = (t: string, bankId: string, shard: number, localId: string): Key => ({ PK: counterPartition(t, bankId, shard), SK: `Q#${localId}` });
export const sectionCounterKey = (t: string, bankId: string, shard: number, section: string): Key => ({ PK: counterPartition(t, bankId, shard), SK: `S#${section}` });
export const activityPartition = (t: string, bankId: string, shard: number): string => `T#${t}#ACT#${bankId}#${shard}`;
export const activityKey = (t: string, bankId: string, shard: number, day: string): Key => ({ PK: activityPartition(t, bankId, shard), SK: day });
