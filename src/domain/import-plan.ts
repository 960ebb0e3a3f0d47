/**
 * Decides what an import changes, before anything is written: which questions are new,
 * edited, unchanged or gone, which ids they keep, and the new catalog. Pure, so it can be
 * checked in full by unit tests and by --dry-run.
 *
 * Question content is stored as immutable revisions that only the catalog publishes: an added
 * or edited question gets a new revision, retirement is an entry of the catalog, so the one
 * write that publishes the catalog switches texts and structure together.
 */
import type { ParsedBank } from './bank/types';
import {
  Catalog,
  catalogVersion,
  serializeCatalog,
  type CatalogData,
  type CatalogFacets,
  type CatalogSection,
} from './catalog';
import type { BankRecord, QuestionRecord } from './content';
import { matchQuestions, type Incoming } from './question-matching';
import { contentHash } from './identity';
import { questionRecord } from './question-record';
import { searchCleanup, searchPlan } from './search/search-plan';

export { revisionOf } from './question-record';

export interface ExistingBank {
  bank: BankRecord | null;
  /** Every question of the bank as its published catalog has it, retired ones included. */
  questions: QuestionRecord[];
  catalog: CatalogData | null;
  /** What is stored besides, published or not: content revisions and catalog versions. */
  stored: StoredContent;
}

export interface RevisionRef {
  localId: string;
  revision: string;
}

export interface StoredContent {
  revisions: RevisionRef[];
  catalogVersions: string[];
  /** Versions of full-text index parts (absent: none). */
  searchVersions?: string[];
}

export const NOTHING_STORED: StoredContent = { revisions: [], catalogVersions: [] };

/**
 * The full-text index published with the catalog (see domain/search): written before the bank
 * item that names it, like the catalog. `serialized` is null when the stored index is already the
 * one for this catalog version (`previousParts` parts).
 */
export interface SearchPlan {
  version: string;
  serialized: string | null;
  previousParts: number;
}

export interface ImportSummary {
  added: number;
  updated: number;
  unchanged: number;
  retired: number;
}

export interface ImportPlan {
  bank: Omit<BankRecord, 'catalogParts'>;
  bankChanged: boolean;
  catalog: {
    data: CatalogData;
    serialized: string;
    version: string;
    changed: boolean;
    previousVersion: string | null;
    /** How many parts the stored catalog has (reused when the catalog is unchanged). */
    previousParts: number;
  };
  /** New revisions of added and edited questions: written before the catalog that publishes them. */
  writes: QuestionRecord[];
  /** Questions gone from the source, as the new catalog retires them (nothing is written for them). */
  retirements: QuestionRecord[];
  /**
   * Deleted once the new catalog is published: revisions neither it nor the catalog it replaces
   * names (the previous version's texts stay for readers still holding it), and every other
   * catalog version. Empty when the catalog is unchanged, so an unchanged import writes nothing.
   */
  cleanup: StoredContent;
  summary: ImportSummary;
  /** Absent: the bank item keeps the index it names (plans made before search existed). */
  search?: SearchPlan;
}

export interface PlanOptions {
  /** URL of the bank's source file, so question lines become links (see provenance.ts). */
  sourceUrlBase?: string | null;
}

export function planImport(
  parsed: ParsedBank,
  existing: ExistingBank,
  now: string,
  options: PlanOptions = {},
): ImportPlan {
  const incoming: Incoming[] = parsed.sections.flatMap((section) =>
    section.questions.map((question) => ({ question, sectionSlug: section.slug })),
  );
  const { localIds, priors } = matchQuestions(parsed.id, incoming, existing.questions);
  const summary: ImportSummary = { added: 0, updated: 0, unchanged: 0, retired: 0 };
  const writes: QuestionRecord[] = [];

  const published = incoming.map(({ question, sectionSlug }, i): QuestionRecord => {
    const prior = priors[i];
    const record = questionRecord(parsed.id, localIds[i], sectionSlug, question, prior, now);
    if (prior && !prior.retired && prior.contentHash === record.contentHash) {
      summary.unchanged++;
      return prior;
    }
    summary[prior && !prior.retired ? 'updated' : 'added']++;
    writes.push(record);
    return record;
  });

  const retirements = retire(parsed.id, existing, new Set(localIds), now);
  summary.retired = retirements.length;

  const data = catalogData(
    parsed,
    incoming,
    published,
    retired(existing, new Set(localIds), retirements),
    existing.catalog,
  );
  const serialized = serializeCatalog(data);
  const version = catalogVersion(serialized);
  const previousVersion = existing.bank?.catalogVersion ?? null;
  const changed = version !== previousVersion;
  const { bank, bankChanged } = bankRecord(parsed, existing, version, options, now);
  const search = searchPlan(existing, version, published);
  return {
    bank: { ...bank, searchVersion: search.version },
    // A bank imported before search (or indexed in an older format) is indexed even when unchanged.
    bankChanged: bankChanged || search.serialized !== null,
    catalog: { data, serialized, version, changed, previousVersion, previousParts: existing.bank?.catalogParts ?? 0 },
    writes,
    retirements,
    cleanup: searchCleanup(existing, search, changed ? cleanup(existing, data, version) : NOTHING_STORED),
    summary,
    search,
  };
}

/** The revisions a catalog names, retired questions included. */
function namedRevisions(bankId: string, data: CatalogData): Set<string> {
  const catalog = new Catalog(bankId, '', data);
  return new Set([...catalog.questions, ...catalog.retired].map((q) => revisionKey(q)));
}

const revisionKey = ({ localId, revision }: RevisionRef): string => `${localId}\n${revision}`;

function cleanup(existing: ExistingBank, next: CatalogData, version: string): StoredContent {
  const bankId = existing.bank?.id ?? '';
  const kept = namedRevisions(bankId, next);
  for (const key of existing.catalog ? namedRevisions(bankId, existing.catalog) : []) kept.add(key);
  return {
    revisions: existing.stored.revisions.filter((ref) => !kept.has(revisionKey(ref))),
    catalogVersions: existing.stored.catalogVersions.filter((v) => v !== version),
  };
}

/** Questions gone from the source, with where they last stood (the new catalog keeps that). */
function retire(bankId: string, existing: ExistingBank, kept: ReadonlySet<string>, now: string): QuestionRecord[] {
  const previous =
    existing.bank && existing.catalog ? new Catalog(bankId, existing.bank.catalogVersion, existing.catalog) : null;
  return existing.questions
    .filter((record) => !record.retired && !kept.has(record.localId))
    .map((record): QuestionRecord => {
      const entry = previous?.question(record.localId);
      const last = {
        lastPosition: entry?.position ?? null,
        lastNumber: entry?.number ?? null,
        lastLine: entry?.line ?? null,
      };
      return { ...record, retired: true, retiredAt: now, ...last };
    });
}

/** The retired questions the new catalog names: those retired before and not back, then the new ones. */
function retired(
  existing: ExistingBank,
  kept: ReadonlySet<string>,
  retirements: readonly QuestionRecord[],
): QuestionRecord[] {
  const before = existing.questions.filter((record) => record.retired && !kept.has(record.localId));
  return [...before, ...retirements].sort((a, b) => (a.localId < b.localId ? -1 : a.localId > b.localId ? 1 : 0));
}

/** What makes a bank item change: its descriptive fields and the catalog version it publishes. */
export function bankContentHash(
  bank: Pick<BankRecord, 'title' | 'description' | 'locale' | 'level' | 'sourceFile' | 'sourceUrlBase'>,
  version: string,
): string {
  return contentHash([
    bank.title,
    bank.description,
    bank.locale,
    bank.level,
    version,
    bank.sourceFile,
    bank.sourceUrlBase,
  ]);
}

function bankRecord(
  parsed: ParsedBank,
  existing: ExistingBank,
  version: string,
  options: PlanOptions,
  now: string,
): Pick<ImportPlan, 'bank' | 'bankChanged'> {
  const sourceUrlBase = options.sourceUrlBase ?? null;
  const bankHash = bankContentHash({ ...parsed, sourceUrlBase }, version);
  const bankChanged = existing.bank?.contentHash !== bankHash;
  const bank = {
    id: parsed.id,
    title: parsed.title,
    description: parsed.description,
    locale: parsed.locale,
    level: parsed.level,
    questionCount: parsed.sections.reduce((n, section) => n + section.questions.length, 0),
    catalogVersion: version,
    contentHash: bankHash,
    updatedAt: bankChanged || !existing.bank ? now : existing.bank.updatedAt,
    sourceFile: parsed.sourceFile,
    sourceUrlBase,
  };
  return { bank, bankChanged };
}

function catalogData(
  parsed: ParsedBank,
  incoming: Incoming[],
  published: readonly QuestionRecord[],
  retiredQuestions: readonly QuestionRecord[],
  previous: CatalogData | null,
): CatalogData {
  const sections: CatalogSection[] = parsed.sections.map((section, i) => ({
    slug: section.slug,
    title: section.title,
    description: section.description,
    notes: section.notes,
    position: i + 1,
    retired: false,
  }));
  // Sections that left the source stay known, so their retired questions still resolve.
  const current = new Set(sections.map((section) => section.slug));
  for (const old of previous?.sections ?? []) if (!current.has(old.slug)) sections.push({ ...old, retired: true });
  const sectionIndex = new Map(sections.map((section, i) => [section.slug, i]));
  const questions = incoming.map(({ question, sectionSlug }, i): CatalogData['questions'][number] => [
    published[i].localId,
    sectionIndex.get(sectionSlug)!,
    question.number,
    question.line,
    question.tags,
    published[i].revision,
  ]);
  const facets = incoming.map(({ question }): CatalogFacets => [question.difficulty, question.kind, question.topic]);
  const retired = retiredQuestions.map((q): NonNullable<CatalogData['retired']>[number] => [
    q.localId,
    q.revision,
    q.lastPosition,
    q.lastNumber,
    q.lastLine,
    q.retiredAt!,
  ]);
  return { sections, questions, retired, facets };
}
