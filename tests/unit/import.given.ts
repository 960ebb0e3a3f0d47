import { parseBank, type ParseOptions } from '../../src/domain/bank';
import { Catalog } from '../../src/domain/catalog';
import type { BankRecord, QuestionRecord } from '../../src/domain/content';
import { planImport, type ExistingBank, type PlanOptions } from '../../src/domain/import-plan';

export const NOW = '2026-01-01T00:00:00.000Z';
export const EMPTY: ExistingBank = { bank: null, questions: [], catalog: null };

/**
 * Parses and plans an import, then returns what the store would hold afterwards — so imports
 * can be chained without DynamoDB — and the active questions in catalog order.
 */
export function importInto(existing: ExistingBank, markdown: string, fileName: string, options: ParseOptions & PlanOptions = {}) {
  const parsed = parseBank(markdown, fileName, options);
  const plan = planImport(parsed, existing, NOW, options);
  const byId = new Map(existing.questions.map((q) => [q.localId, q]));
  for (const record of [...plan.writes, ...plan.retirements]) byId.set(record.localId, record);
  const bank: BankRecord = { ...plan.bank, catalogParts: 1 };
  const next = { bank, questions: [...byId.values()], catalog: plan.catalog.data };
  const catalog = new Catalog(bank.id, bank.catalogVersion, plan.catalog.data);
  const active: QuestionRecord[] = catalog.questions.map((q) => byId.get(q.localId)!);
  return { parsed, plan, next, catalog, active };
}

/** What the round trip must keep of every question, in bank order. */
export const questionFacts = (active: readonly QuestionRecord[]) =>
  active.map(({ id, sectionSlug, text, answer, tags, difficulty }) => ({ id, sectionSlug, text, answer, tags, difficulty }));
