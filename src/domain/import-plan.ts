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

export function planImport(parsed: ParsedBank, existing: ExistingBank, now: string): ImportPlan {
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

  const kept = new Set(localIds);
  const previous = existing.bank && existing.catalog ? new Catalog(parsed.id, existing.bank.catalogVersion, existing.catalog) : null;
  const retirements = existing.questions
    .filter((record) => !record.retired && !kept.has(record.localId))
    .map((record): QuestionRecord => {
      const entry = previous?.question(record.localId);
      return { ...record, retired: true, retiredAt: now, lastPosition: entry?.position ?? null, lastNumber: entry?.number ?? null, updatedAt: now };
    });
  summary.retired = retirements.length;

  const data = catalogData(parsed, incoming, localIds, existing.catalog);
  const serialized = serializeCatalog(data);
  const version = catalogVersion(serialized);
  const previousVersion = existing.bank?.catalogVersion ?? null;
  const bankHash = contentHash([parsed.title, parsed.description, parsed.locale, parsed.level, version]);
  const bankChanged = existing.bank?.contentHash !== bankHash;
  const bank = {
    id: parsed.id,
    title: parsed.title,
    description: parsed.description,
    locale: parsed.locale,
    level: parsed.level,
    questionCount: incoming.length,
    catalogVersion: version,
    contentHash: bankHash,
    updatedAt: bankChanged || !existing.bank ? now : existing.bank.updatedAt,
  };
  return { bank, bankChanged, catalog: { data, serialized, version, changed: version !== previousVersion, previousVersion, previousParts: existing.bank?.catalogParts ?? 0 }, writes, retirements, summary };
}

function questionRecord(bankId: string, localId: string, sectionSlug: string, q: ParsedQuestion, prior: QuestionRecord | undefined, now: string): QuestionRecord {
  const content = { sectionSlug, text: q.text, answer: q.answer, tags: q.tags, difficulty: q.difficulty, topic: q.topic };
  return {
    id: globalId(bankId, localId),
    bankId,
    localId,
    ...content,
    contentHash: contentHash(content),
    retired: false,
    retiredAt: null,
    lastPosition: null,
    lastNumber: null,
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
