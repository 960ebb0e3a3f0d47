import { parseBank } from '../../src/domain/bank';
import { Catalog } from '../../src/domain/catalog';
import type { BankRecord } from '../../src/domain/content';
import { planImport, type ExistingBank } from '../../src/domain/import-plan';
import { derivedLocalId, normalizeText, textSimilarity } from '../../src/domain/identity';

const NOW = '2026-01-01T00:00:00.000Z';
const LATER = '2026-02-01T00:00:00.000Z';
const EMPTY: ExistingBank = { bank: null, questions: [], catalog: null };

/** Plans an import and returns what the store would hold afterwards, so imports can be chained. */
function importInto(existing: ExistingBank, markdown: string, now = NOW) {
  const plan = planImport(parseBank(markdown, 'demo.md'), existing, now);
  const byId = new Map(existing.questions.map((q) => [q.localId, q]));
  for (const record of [...plan.writes, ...plan.retirements]) byId.set(record.localId, record);
  const bank: BankRecord = { ...plan.bank, catalogParts: 1 };
  const next: ExistingBank = { bank, questions: [...byId.values()], catalog: plan.catalog.data };
  const catalog = new Catalog('demo', bank.catalogVersion, plan.catalog.data);
  return { plan, next, catalog, active: catalog.questions.map((q) => byId.get(q.localId)!) };
}

const BANK = `## Basics

1. What is a gradient?
2. What is a loss function?
3. What is overfitting?

## Advanced

1. What is attention?
`;

describe('planImport', () => {
  it('adds every question of a new bank with ids derived from bank, section and text', () => {
    const { plan, active } = importInto(EMPTY, BANK);
    expect(plan.summary).toEqual({ added: 4, updated: 0, unchanged: 0, retired: 0 });
    expect(active[0].id).toBe(`demo/${derivedLocalId('demo', 'basics', 'what is a gradient?')}`);
    expect(plan.bankChanged).toBe(true);
    expect(plan.catalog.changed).toBe(true);
  });

  it('plans nothing for an unchanged bank', () => {
    const first = importInto(EMPTY, BANK);
    const again = importInto(first.next, BANK, LATER);
    expect(again.plan.summary).toEqual({ added: 0, updated: 0, unchanged: 4, retired: 0 });
    expect([again.plan.writes, again.plan.retirements, again.plan.bankChanged, again.plan.catalog.changed]).toEqual([[], [], false, false]);
    expect(again.plan.bank.updatedAt).toBe(NOW);
  });

  it('keeps the id of an edited question and updates only it', () => {
    const first = importInto(EMPTY, BANK);
    const edited = importInto(first.next, BANK.replace('What is overfitting?', 'What is overfitting, and how do you spot it?'), LATER);
    expect(edited.plan.summary).toEqual({ added: 0, updated: 1, unchanged: 3, retired: 0 });
    expect(edited.plan.writes.map((w) => [w.id, w.text, w.createdAt, w.updatedAt])).toEqual([
      [first.active[2].id, 'What is overfitting, and how do you spot it?', NOW, LATER],
    ]);
  });

  it('keeps the id of a question moved to another section', () => {
    const first = importInto(EMPTY, BANK);
    const moved = importInto(first.next, BANK.replace('3. What is overfitting?\n', '').replace('1. What is attention?', '1. What is attention?\n2. What is overfitting?'));
    expect(moved.plan.summary).toEqual({ added: 0, updated: 1, unchanged: 3, retired: 0 });
    expect(moved.plan.writes.map((w) => [w.id, w.sectionSlug])).toEqual([[first.active[2].id, 'advanced']]);
  });

  it('retires a removed question, remembering where it stood, and gives a different new question a new id', () => {
    const first = importInto(EMPTY, BANK);
    const next = importInto(first.next, BANK.replace('2. What is a loss function?', '2. Explain batch normalisation in detail.'), LATER);
    expect(next.plan.summary).toEqual({ added: 1, updated: 0, unchanged: 3, retired: 1 });
    expect(next.plan.retirements.map((r) => [r.id, r.retired, r.retiredAt, r.lastPosition, r.lastNumber])).toEqual([[first.active[1].id, true, LATER, 2, '2']]);
    expect(next.plan.writes[0].id).not.toBe(first.active[1].id);
  });

  it('moves no other question when one is removed: positions live in the catalog', () => {
    const first = importInto(EMPTY, BANK);
    const next = importInto(first.next, BANK.replace('1. What is a gradient?\n', ''));
    expect(next.plan.writes).toEqual([]);
    expect(next.catalog.questions.map((q) => [q.localId, q.position])).toEqual([
      [first.active[1].localId, 1],
      [first.active[2].localId, 2],
      [first.active[3].localId, 1],
    ]);
  });

  it('lets explicit ids win over text', () => {
    const first = importInto(EMPTY, '## S\n\n1. Old wording <!-- id: q1 -->\n');
    const next = importInto(first.next, '## S\n\n1. Entirely different wording now <!-- id: q1 -->\n');
    expect(next.plan.summary).toEqual({ added: 0, updated: 1, unchanged: 0, retired: 0 });
    expect(next.active[0].id).toBe('demo/q1');
  });

  it('gives identical questions in one section distinct ids', () => {
    const { active } = importInto(EMPTY, '## S\n\n1. Same?\n2. Same?\n');
    expect(new Set(active.map((q) => q.id)).size).toBe(2);
  });

  it('keeps a section that left the source, retired, so its retired questions still resolve', () => {
    const first = importInto(EMPTY, BANK);
    const next = importInto(first.next, BANK.replace(/## Advanced[\s\S]*/, ''));
    expect(next.catalog.activeSections.map((s) => s.slug)).toEqual(['basics']);
    expect(next.catalog.section('advanced')).toMatchObject({ retired: true, position: 2 });
    expect(next.plan.summary.retired).toBe(1);
  });

  it('revives a retired question when it comes back', () => {
    const first = importInto(EMPTY, BANK);
    const removed = importInto(first.next, BANK.replace('2. What is a loss function?\n', ''));
    const back = importInto(removed.next, BANK);
    expect(back.plan.summary).toEqual({ added: 1, updated: 0, unchanged: 3, retired: 0 });
    expect(back.plan.writes.map((w) => [w.id, w.retired, w.lastPosition])).toEqual([[first.active[1].id, false, null]]);
  });
});

describe('identity helpers', () => {
  it('normalises case, emphasis, dashes and spacing', () => {
    expect(normalizeText('  Что такое  `batch size`?\u2011**Да**  ')).toBe('что такое batch size?-да');
  });

  it('scores similarity between 0 and 1', () => {
    expect(textSimilarity('what is overfitting?', 'what is overfitting?')).toBe(1);
    expect(textSimilarity('what is overfitting?', 'what is overfitting, and how?')).toBeGreaterThan(0.7);
    expect(textSimilarity('what is overfitting?', 'explain batch normalisation')).toBeLessThan(0.3);
  });
});
