/**
 * Decides what an import changes, before anything is written: which questions are new,
 * edited, unchanged or gone, which ids they keep, and the new catalog. Pure, so it can be
 * checked in full by unit tests and by --dry-run.
 */
import type { ParsedBank, ParsedQuestion } from './bank/types';
import { Catalog, catalogVersion, serializeCatalog, type CatalogData, type CatalogSection } from './catalog';
import type { BankRecord, QuestionRecord } from './content';
import { globalId } from './ids';
import { matchQuestions, type Incoming } from './question-matching';
import { contentHash } from './identity';

export interface ExistingBank {
  bank: BankRecord | null;
  /** Every question item of the bank, retired ones included. */
  questions: QuestionRecord[];
  catalog: CatalogData | null;
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
  /** Added and edited questions: written before the catalog that lists them is published. */
  writes: QuestionRecord[];
  /** Questions gone from the source: marked retired after the new catalog is published. */
  retirements: QuestionRecord[];
  summary: ImportSummary;
}

export interface PlanOptions {
  /** URL of the bank's source file, so question lines become links (see provenance.ts). */
  sourceUrlBase?: string | null;
}

export function planImport(parsed: ParsedBank, existing: ExistingBank, now: string, options: PlanOptions = {}): ImportPlan {
  const incoming: Incoming[] = parsed.sections.flatMap((section) => section.questions.map((question) => ({ question, sectionSlug: section.slug })));
  const { localIds, priors } = matchQuestions(parsed.id, incoming, existing.questions);
  const summary: ImportSummary = { added: 0, updated: 0, unchanged: 0, retired: 0 };
  const writes: QuestionRecord[] = [];

  incoming.forEach(({ question, sectionSlug }, i) => {
    const prior = priors[i];
    const record = questionRecord(parsed.id, localIds[i], sectionSlug, question, prior, now);
    if (prior && !prior.retired && prior.contentHash === record.contentHash) {
      summary.unchanged++;
      return;
    }
    summary[prior && !prior.retired ? 'updated' : 'added']++;
    writes.push(record);
  });

  const retirements = retire(parsed.id, existing, new Set(localIds), now);
  summary.retired = retirements.length;

  const data = catalogData(parsed, incoming, localIds, existing.catalog);
  const serialized = serializeCatalog(data);
  const version = catalogVersion(serialized);
  const previousVersion = existing.bank?.catalogVersion ?? null;
  const { bank, bankChanged } = bankRecord(parsed, existing, version, options, now);
  return { bank, bankChanged, catalog: { data, serialized, version, changed: version !== previousVersion, previousVersion, previousParts: existing.bank?.catalogParts ?? 0 }, writes, retirements, summary };
}

/** Questions gone from the source, remembering where they last stood (the catalog forgets them). */
function retire(bankId: string, existing: ExistingBank, kept: ReadonlySet<string>, now: string): QuestionRecord[] {
  const previous = existing.bank && existing.catalog ? new Catalog(bankId, existing.bank.catalogVersion, existing.catalog) : null;
  return existing.questions
    .filter((record) => !record.retired && !kept.has(record.localId))
    .map((record): QuestionRecord => {
      const entry = previous?.question(record.localId);
      const last = { lastPosition: entry?.position ?? null, lastNumber: entry?.number ?? null, lastLine: entry?.line ?? null };
      return { ...record, retired: true, retiredAt: now, ...last, updatedAt: now };
    });
}

function bankRecord(parsed: ParsedBank, existing: ExistingBank, version: string, options: PlanOptions, now: string): Pick<ImportPlan, 'bank' | 'bankChanged'> {
  const sourceUrlBase = options.sourceUrlBase ?? null;
  const bankHash = contentHash([parsed.title, parsed.description, parsed.locale, parsed.level, version, parsed.sourceFile, sourceUrlBase]);
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

function questionRecord(bankId: string, localId: string, sectionSlug: string, q: ParsedQuestion, prior: QuestionRecord | undefined, now: string): QuestionRecord {
  const content = { sectionSlug, text: q.text, answer: q.answer, tags: q.tags, difficulty: q.difficulty, topic: q.topic };
  // Hashed only when present, so questions stored before source links were read keep their
  // hash and an unchanged bank still writes nothing.
  const hashed = q.sourceUrl === null ? content : { ...content, sourceUrl: q.sourceUrl };
  return {
    id: globalId(bankId, localId),
    bankId,
    localId,
    ...content,
    sourceUrl: q.sourceUrl,
    contentHash: contentHash(hashed),
    retired: false,
    retiredAt: null,
    lastPosition: null,
    lastNumber: null,
    lastLine: null,
    createdAt: prior?.createdAt ?? now,
    updatedAt: now,
  };
}

function catalogData(parsed: ParsedBank, incoming: Incoming[], localIds: string[], previous: CatalogData | null): CatalogData {
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
    localIds[i],
    sectionIndex.get(sectionSlug)!,
    question.number,
    question.line,
    question.tags,
  ]);
  return { sections, questions };
}
