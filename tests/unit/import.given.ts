import { parseBank, type ParseOptions } from '../../src/domain/bank';
import { Catalog, type CatalogData } from '../../src/domain/catalog';
import type { BankRecord, QuestionRecord } from '../../src/domain/content';
import {
  NOTHING_STORED,
  planImport,
  type ExistingBank,
  type ImportPlan,
  type PlanOptions,
} from '../../src/domain/import-plan';

export const NOW = '2026-01-01T00:00:00.000Z';
export const EMPTY: ExistingBank = { bank: null, questions: [], catalog: null, stored: NOTHING_STORED };

/** What the store holds once `plan` is applied to `existing` (as src/store/bank-writer.ts writes it). */
export function applied(existing: ExistingBank, plan: ImportPlan): ExistingBank {
  const byId = new Map(existing.questions.map((q) => [q.localId, q]));
  for (const record of [...plan.writes, ...plan.retirements]) byId.set(record.localId, record);
  const gone = new Set(plan.cleanup.revisions.map((ref) => `${ref.localId}\n${ref.revision}`));
  const revisions = [...existing.stored.revisions, ...plan.writes].filter(
    (ref) => !gone.has(`${ref.localId}\n${ref.revision}`),
  );
  const catalogVersions = [
    ...existing.stored.catalogVersions.filter((v) => !plan.cleanup.catalogVersions.includes(v)),
    plan.catalog.version,
  ];
  return {
    bank: { ...plan.bank, catalogParts: 1 },
    questions: [...byId.values()],
    catalog: plan.catalog.data,
    stored: {
      revisions: revisions.map(({ localId, revision }) => ({ localId, revision })),
      catalogVersions: [...new Set(catalogVersions)],
    },
  };
}

/**
 * Parses and plans an import, then returns what the store would hold afterwards — so imports
 * can be chained without DynamoDB — and the active questions in catalog order.
 */
export function importInto(
  existing: ExistingBank,
  markdown: string,
  fileName: string,
  options: ParseOptions & PlanOptions = {},
) {
  const parsed = parseBank(markdown, fileName, options);
  const plan = planImport(parsed, existing, NOW, options);
  const next = applied(existing, plan) as ExistingBank & { bank: BankRecord; catalog: CatalogData };
  const catalog = new Catalog(next.bank.id, next.bank.catalogVersion, plan.catalog.data);
  const byId = new Map(next.questions.map((q) => [q.localId, q]));
  const active: QuestionRecord[] = catalog.questions.map((q) => byId.get(q.localId)!);
  return { parsed, plan, next, catalog, active };
}

/** What the round trip must keep of every question, in bank order. */
export const questionFacts = (active: readonly QuestionRecord[]) =>
  active.map(({ id, sectionSlug, text, answer, tags, difficulty }) => ({
    id,
    sectionSlug,
    text,
    answer,
    tags,
    difficulty,
  }));
