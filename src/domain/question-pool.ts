/**
 * A question pool: catalog questions in catalog order, each with its sort key, and what is
 * learnt about them (where each question stands, whether the keys ascend, the section groups).
 * A pool never changes, so each of those facts is worked out at most once per pool.
 *
 * A shared pool is kept by its catalog and serves every request of a container (see
 * pool-filter.ts), so indexing it once pays for itself. A pool built for one request is scanned
 * instead: one pass costs less than building an index it would use once.
 */
import type { CatalogQuestion } from './catalog';

export type QuestionOrder = readonly [bank: string, sectionPosition: number, position: number];

export interface OrderedQuestion {
  readonly question: CatalogQuestion;
  /** Sort key of the question within the whole pool: [bank id, section position, position]. */
  readonly order: QuestionOrder;
}

type SectionGroups = readonly (readonly OrderedQuestion[])[];

interface PoolIndex {
  positions: Map<string, number>;
  /** Entries in ascending order, so a position can be found by bisection. */
  sorted: boolean;
}

export class QuestionPool {
  private index: PoolIndex | undefined;
  private groups: SectionGroups | undefined;

  /**
   * Entries are typed read-only and not frozen: V8 copies and reads frozen arrays several times
   * more slowly. Whoever needs to change them takes a copy.
   */
  constructor(
    readonly entries: readonly OrderedQuestion[],
    /** Kept by a catalog and used by many requests: worth indexing. */
    readonly shared = false,
  ) {}

  get size(): number {
    return this.entries.length;
  }

  /** Where the question stands in the pool; -1 when it is not in it. */
  positionOf(questionId: string): number {
    if (!this.shared) return this.entries.findIndex((entry) => entry.question.id === questionId);
    return this.indexed().positions.get(questionId) ?? -1;
  }

  /** Where an entry ordered just after `order` would stand: the first one ordered after it, or the size. */
  firstAfter(order: QuestionOrder): number {
    if (this.shared && this.indexed().sorted) return bisectAfter(this.entries, order);
    const next = this.entries.findIndex((entry) => compareOrder(entry.order, order) > 0);
    return next < 0 ? this.entries.length : next;
  }

  /** The pool without these questions, in order: a shared pool is cut where they stand, not scanned. */
  without(questionIds: ReadonlySet<string>): QuestionPool {
    if (questionIds.size === 0) return this;
    if (!this.shared) return new QuestionPool(this.entries.filter((entry) => !questionIds.has(entry.question.id)));
    const positions = [...questionIds].map((id) => this.positionOf(id)).filter((at) => at >= 0);
    if (positions.length === 0) return this;
    positions.sort((a, b) => a - b);
    const kept = [...positions, this.entries.length].map((end, i) =>
      this.entries.slice(i === 0 ? 0 : positions[i - 1] + 1, end),
    );
    return new QuestionPool(([] as OrderedQuestion[]).concat(...kept));
  }

  /** The questions grouped by section (bank and slug), groups and questions in pool order. */
  get sections(): SectionGroups {
    return (this.groups ??= groupBySection(this.entries));
  }

  private indexed(): PoolIndex {
    return (this.index ??= indexOf(this.entries));
  }
}

export function compareOrder(a: QuestionOrder, b: QuestionOrder): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1] || a[2] - b[2];
}

function indexOf(entries: readonly OrderedQuestion[]): PoolIndex {
  const positions = new Map<string, number>();
  let sorted = true;
  entries.forEach((entry, i) => {
    if (!positions.has(entry.question.id)) positions.set(entry.question.id, i);
    if (i > 0 && compareOrder(entries[i - 1].order, entry.order) > 0) sorted = false;
  });
  return { positions, sorted };
}

/** The index of the first entry ordered after `order` in sorted entries (their length when there is none). */
function bisectAfter(entries: readonly OrderedQuestion[], order: QuestionOrder): number {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareOrder(entries[middle].order, order) > 0) high = middle;
    else low = middle + 1;
  }
  return low;
}

function groupBySection(entries: readonly OrderedQuestion[]): OrderedQuestion[][] {
  const groups = new Map<string, OrderedQuestion[]>();
  for (const entry of entries) {
    const key = `${entry.order[0]}/${entry.question.sectionSlug}`;
    const group = groups.get(key);
    if (group) group.push(entry);
    else groups.set(key, [entry]);
  }
  return [...groups.values()];
}
