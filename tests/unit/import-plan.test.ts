import { parseBank } from '../../src/domain/bank';
import { Catalog } from '../../src/domain/catalog';
import { planImport, revisionOf, type ExistingBank } from '../../src/domain/import-plan';
import { derivedLocalId, normalizeText, textSimilarity } from '../../src/domain/identity';
import { applied, EMPTY, NOW } from './import.given';

const LATER = '2026-02-01T00:00:00.000Z';

/** Plans an import and returns what the store would hold afterwards, so imports can be chained. */
function importInto(existing: ExistingBank, markdown: string, now = NOW) {
  const plan = planImport(parseBank(markdown, 'demo.md'), existing, now);
  const next = applied(existing, plan);
  const catalog = new Catalog('demo', plan.catalog.version, plan.catalog.data);
  const byId = new Map(next.questions.map((q) => [q.localId, q]));
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
    expect([again.plan.writes, again.plan.retirements, again.plan.bankChanged, again.plan.catalog.changed]).toEqual([
      [],
      [],
      false,
      false,
    ]);
    expect(again.plan.bank.updatedAt).toBe(NOW);
  });

  it('keeps the id of an edited question and updates only it', () => {
    const first = importInto(EMPTY, BANK);
    const edited = importInto(
      first.next,
      BANK.replace('What is overfitting?', 'What is overfitting, and how do you spot it?'),
      LATER,
    );
    expect(edited.plan.summary).toEqual({ added: 0, updated: 1, unchanged: 3, retired: 0 });
    expect(edited.plan.writes.map((w) => [w.id, w.text, w.createdAt, w.updatedAt])).toEqual([
      [first.active[2].id, 'What is overfitting, and how do you spot it?', NOW, LATER],
    ]);
  });

  it('keeps the id of a question moved to another section', () => {
    const first = importInto(EMPTY, BANK);
    const moved = importInto(
      first.next,
      BANK.replace('3. What is overfitting?\n', '').replace(
        '1. What is attention?',
        '1. What is attention?\n2. What is overfitting?',
      ),
    );
    expect(moved.plan.summary).toEqual({ added: 0, updated: 1, unchanged: 3, retired: 0 });
    expect(moved.plan.writes.map((w) => [w.id, w.sectionSlug])).toEqual([[first.active[2].id, 'advanced']]);
  });

  it('retires a removed question, remembering where it stood, and gives a different new question a new id', () => {
    const first = importInto(EMPTY, BANK);
    const next = importInto(
      first.next,
      BANK.replace('2. What is a loss function?', '2. Explain batch normalisation in detail.'),
      LATER,
    );
    expect(next.plan.summary).toEqual({ added: 1, updated: 0, unchanged: 3, retired: 1 });
    expect(next.plan.retirements.map((r) => [r.id, r.retired, r.retiredAt, r.lastPosition, r.lastNumber])).toEqual([
      [first.active[1].id, true, LATER, 2, '2'],
    ]);
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

describe('planImport: revisions, so an import publishes texts and structure in one flip', () => {
  const EDITED = BANK.replace('What is overfitting?', 'What is overfitting, and how do you spot it?');
  const LATEST = '2026-03-01T00:00:00.000Z';
  const named = (catalog: Catalog) => [...catalog.questions, ...catalog.retired].map((q) => [q.localId, q.revision]);

  it('writes an edited question as a new revision beside the published one, and names it only in the new catalog', () => {
    const first = importInto(EMPTY, BANK);
    const edited = importInto(first.next, EDITED, LATER);
    const [write] = edited.plan.writes;
    expect([write.localId, write.revision]).toEqual([first.active[2].localId, revisionOf(write.contentHash, LATER)]);
    expect(write.revision).not.toBe(first.active[2].revision);
    expect(named(edited.catalog)).toEqual(
      named(first.catalog).map(([id, revision]) => [id, id === write.localId ? write.revision : revision]),
    );
  });

  it('retires a question in the catalog alone: no item is written for it', () => {
    const first = importInto(EMPTY, BANK);
    const next = importInto(first.next, BANK.replace('2. What is a loss function?\n', ''), LATER);
    expect(next.plan.writes).toEqual([]);
    expect([...next.catalog.retired]).toEqual([
      {
        localId: first.active[1].localId,
        revision: first.active[1].revision,
        lastPosition: 2,
        lastNumber: '2',
        lastLine: 4,
        retiredAt: LATER,
      },
    ]);
    expect(next.catalog.contentRef(first.active[1].localId)).toEqual({
      revision: first.active[1].revision,
      retired: [...next.catalog.retired][0],
    });
  });

  it('cleans up only what neither the new nor the previous catalog names, and every other catalog version', () => {
    const first = importInto(EMPTY, BANK);
    const second = importInto(first.next, EDITED, LATER);
    expect(second.plan.cleanup).toEqual({ revisions: [], catalogVersions: [first.plan.catalog.version] });
    const third = importInto(
      second.next,
      EDITED.replace('What is a gradient?', 'What is a gradient, and why does it point uphill?'),
      LATEST,
    );
    expect(third.plan.cleanup).toEqual({
      revisions: [{ localId: first.active[2].localId, revision: first.active[2].revision }],
      catalogVersions: [second.plan.catalog.version],
    });
  });

  it('cleans up nothing and writes nothing when the bank is unchanged', () => {
    const first = importInto(EMPTY, BANK);
    const second = importInto(first.next, EDITED, LATER);
    const again = importInto(second.next, EDITED, LATEST);
    expect([again.plan.writes, again.plan.cleanup, again.plan.catalog.changed]).toEqual([
      [],
      { revisions: [], catalogVersions: [] },
      false,
    ]);
  });

  it('cleans up the revisions an interrupted import wrote but never published', () => {
    const first = importInto(EMPTY, BANK);
    const interrupted = planImport(parseBank(EDITED, 'demo.md'), first.next, LATER);
    const leftover = {
      ...first.next,
      stored: {
        ...first.next.stored,
        revisions: [
          ...first.next.stored.revisions,
          ...interrupted.writes.map(({ localId, revision }) => ({ localId, revision })),
        ],
      },
    };
    const rerun = importInto(leftover, EDITED, LATEST);
    expect(rerun.plan.cleanup.revisions).toEqual(
      interrupted.writes.map(({ localId, revision }) => ({ localId, revision })),
    );
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
