/**
 * A bank's catalog: its sections and the order, labels and tags of its active questions. It is
 * everything listing, filtering and sampling need, so those never touch question items; the
 * importer rewrites it whole (it is small: ~45 bytes a question), and positional facts live
 * only here, so inserting or removing one question rewrites no other question.
 *
 * It also names the revision of every question's content it publishes, retired questions
 * included: question items are immutable revisions, and publishing a catalog is what makes a
 * revision visible. So an import writes all its new texts first and one flip of the bank item
 * switches texts and structure together (see docs/data-model.md, "Publishing an import").
 */
import { createHash } from 'node:crypto';
import type { QuestionKind } from './bank/types';
import type { QuestionRecord } from './content';
import { globalId } from './ids';

export interface CatalogSection {
  slug: string;
  title: string;
  description: string;
  notes: string[];
  /** 1-based order in the bank (the last one it had, once retired). */
  position: number;
  /** The section has disappeared from the source; kept so its retired questions still name it. */
  retired: boolean;
}

export interface CatalogQuestion {
  id: string;
  localId: string;
  sectionSlug: string;
  /** 1-based order inside the section. */
  position: number;
  number: string | null;
  line: number;
  tags: string[];
  /** Revision of the question's content item. */
  revision: string;
  /** 1–3, null when the source does not say. */
  difficulty: number | null;
  kind: QuestionKind;
  /** The heading below the section heading that groups the question, if any. */
  topic: string | null;
}

/** What the catalog records of each active question besides its place: `[difficulty, kind, topic]`. */
export type CatalogFacets = [difficulty: number | null, kind: QuestionKind, topic: string | null];

/** A value of a facet and how many live questions have it. */
export interface FacetCount {
  value: string;
  count: number;
}

/** A question gone from the source: its last revision and where it last stood. */
export interface RetiredQuestion {
  localId: string;
  revision: string;
  lastPosition: number | null;
  lastNumber: string | null;
  lastLine: number | null;
  retiredAt: string;
}

/** Which content item holds a question's published text, and whether it is retired. */
export interface ContentRef {
  revision: string;
  retired: RetiredQuestion | null;
}

/**
 * The stored form: sections, then one tuple per active question in bank order (section, then
 * position), then the retired questions. (Catalogs written before revisions existed are
 * rewritten by the migration in src/store/migrations/revisions.ts.)
 */
export interface CatalogData {
  sections: CatalogSection[];
  questions: [
    localId: string,
    section: number,
    number: string | null,
    line: number,
    tags: string[],
    revision: string,
  ][];
  retired: [
    localId: string,
    revision: string,
    lastPosition: number | null,
    lastNumber: string | null,
    lastLine: number | null,
    retiredAt: string,
  ][];
  /**
   * One entry per element of `questions`, in the same order. Absent in catalogs written before
   * facets existed: `content:migrate-revisions` upgrades those (src/store/migrations/revisions.ts).
   */
  facets?: CatalogFacets[];
}

/** Whether the catalog records each question's difficulty, kind and topic. */
export const hasFacets = (data: CatalogData): boolean => Array.isArray(data.facets);

export class Catalog {
  readonly sections: CatalogSection[];
  readonly activeSections: CatalogSection[];
  /** Active sections with at least one live question: what listings show. */
  readonly listedSections: CatalogSection[];
  readonly questions: CatalogQuestion[];
  private readonly sectionsBySlug: Map<string, CatalogSection>;
  private readonly questionsByLocalId: Map<string, CatalogQuestion>;
  private readonly retiredByLocalId: Map<string, RetiredQuestion>;
  private readonly questionCounts = new Map<string, number>();
  readonly tags: Set<string>;
  /** What other modules derive from the catalog, by key (see `derived`). */
  private readonly derivations = new Map<string, unknown>();

  constructor(
    readonly bankId: string,
    readonly version: string,
    data: CatalogData,
  ) {
    this.sections = data.sections;
    this.activeSections = data.sections.filter((section) => !section.retired).sort((a, b) => a.position - b.position);
    this.sectionsBySlug = new Map(data.sections.map((section) => [section.slug, section]));
    this.questions = data.questions.map(([localId, sectionIndex, number, line, tags, revision], i) => {
      const sectionSlug = data.sections[sectionIndex].slug;
      const position = (this.questionCounts.get(sectionSlug) ?? 0) + 1;
      this.questionCounts.set(sectionSlug, position);
      // A catalog not yet upgraded (see CatalogData.facets) reads as open questions of no difficulty or topic.
      const [difficulty, kind, topic] = data.facets?.[i] ?? [null, 'OPEN', null];
      return {
        id: globalId(bankId, localId),
        localId,
        sectionSlug,
        position,
        number,
        line,
        tags,
        revision,
        difficulty,
        kind,
        topic,
      };
    });
    this.questionsByLocalId = new Map(this.questions.map((question) => [question.localId, question]));
    this.retiredByLocalId = new Map(
      data.retired.map(([localId, revision, lastPosition, lastNumber, lastLine, retiredAt]) => [
        localId,
        { localId, revision, lastPosition, lastNumber, lastLine, retiredAt },
      ]),
    );
    this.tags = new Set(this.questions.flatMap((question) => question.tags));
    this.listedSections = this.activeSections.filter((section) => this.questionCount(section.slug) > 0);
  }

  /** How many live questions carry each tag: most used first, then by tag. */
  tagCounts(): FacetCount[] {
    return this.derived('catalog.tagCounts', () => countValues(this.questions.flatMap((question) => question.tags)));
  }

  /** How many live questions have each topic (questions without one are not counted): most first, then by topic. */
  topicCounts(): FacetCount[] {
    return this.derived('catalog.topicCounts', () =>
      countValues(this.questions.flatMap((question) => (question.topic === null ? [] : [question.topic]))),
    );
  }

  /** How many live questions have each difficulty ("1", "2", "3"; questions without one are not counted), by difficulty. */
  difficultyCounts(): FacetCount[] {
    return this.derived('catalog.difficultyCounts', () =>
      countValues(this.questions.flatMap((q) => (q.difficulty === null ? [] : [String(q.difficulty)]))).sort((a, b) =>
        a.value < b.value ? -1 : 1,
      ),
    );
  }

  section(slug: string): CatalogSection | undefined {
    return this.sectionsBySlug.get(slug);
  }

  question(localId: string): CatalogQuestion | undefined {
    return this.questionsByLocalId.get(localId);
  }

  /** Retired questions this catalog still names. */
  get retired(): IterableIterator<RetiredQuestion> {
    return this.retiredByLocalId.values();
  }

  /** Where the published content of a question lives; undefined when the catalog does not name it. */
  contentRef(localId: string): ContentRef | undefined {
    const active = this.questionsByLocalId.get(localId);
    if (active) return { revision: active.revision, retired: null };
    const retired = this.retiredByLocalId.get(localId);
    return retired && { revision: retired.revision, retired };
  }

  questionCount(sectionSlug?: string): number {
    return sectionSlug === undefined ? this.questions.length : (this.questionCounts.get(sectionSlug) ?? 0);
  }

  /**
   * Data derived from this catalog (its questions in pool form, its filtered pools), built on
   * first use and kept as long as the catalog: a catalog never changes and every request of a
   * container shares it, so this is where such data is worked out once — and dropped with the
   * catalog when an import replaces it. Each key belongs to one module, which always stores the
   * same type under it; anything that must be bounded bounds itself.
   */
  derived<T>(key: string, build: () => T): T {
    if (!this.derivations.has(key)) this.derivations.set(key, build());
    return this.derivations.get(key) as T;
  }
}

/** Each distinct value with how often it occurs: most frequent first, then by value. */
function countValues(values: readonly string[]): FacetCount[] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

/** A stored revision as the catalog publishes it: retired or not, and where it last stood. */
export function asPublished(record: QuestionRecord, ref: ContentRef): QuestionRecord {
  const retired = ref.retired;
  return {
    ...record,
    retired: retired !== null,
    retiredAt: retired?.retiredAt ?? null,
    lastPosition: retired?.lastPosition ?? null,
    lastNumber: retired?.lastNumber ?? null,
    lastLine: retired?.lastLine ?? null,
  };
}

export function serializeCatalog(data: CatalogData): string {
  return JSON.stringify(data);
}

/** Content-addressed: an unchanged bank yields the same version, so re-importing writes nothing. */
export function catalogVersion(serialized: string): string {
  return createHash('sha256').update(serialized).digest('hex').slice(0, 16);
}
