/**
 * A bank's catalog: its sections and the order, labels and tags of its active questions. It is
 * everything listing, filtering and sampling need, so those never touch question items; the
 * importer rewrites it whole (it is small: ~30 bytes a question), and positional facts live
 * only here, so inserting or removing one question rewrites no other question.
 */
import { createHash } from 'node:crypto';
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
}

/** The stored form: sections, then one tuple per active question in bank order (section, then position). */
export interface CatalogData {
  sections: CatalogSection[];
  questions: [localId: string, section: number, number: string | null, line: number, tags: string[]][];
}

export class Catalog {
  readonly sections: CatalogSection[];
  readonly activeSections: CatalogSection[];
  readonly questions: CatalogQuestion[];
  private readonly sectionsBySlug: Map<string, CatalogSection>;
  private readonly questionsByLocalId: Map<string, CatalogQuestion>;
  private readonly questionCounts = new Map<string, number>();
  readonly tags: Set<string>;

  constructor(
    readonly bankId: string,
    readonly version: string,
    data: CatalogData,
  ) {
    this.sections = data.sections;
    this.activeSections = data.sections
      .filter((section) => !section.retired)
      .sort((a, b) => a.position - b.position);
    this.sectionsBySlug = new Map(data.sections.map((section) => [section.slug, section]));
    this.questions = data.questions.map(([localId, sectionIndex, number, line, tags]) => {
      const sectionSlug = data.sections[sectionIndex].slug;
      const position = (this.questionCounts.get(sectionSlug) ?? 0) + 1;
      this.questionCounts.set(sectionSlug, position);
      return { id: globalId(bankId, localId), localId, sectionSlug, position, number, line, tags };
    });
    this.questionsByLocalId = new Map(this.questions.map((question) => [question.localId, question]));
    this.tags = new Set(this.questions.flatMap((question) => question.tags));
  }

  section(slug: string): CatalogSection | undefined {
    return this.sectionsBySlug.get(slug);
  }

  question(localId: string): CatalogQuestion | undefined {
    return this.questionsByLocalId.get(localId);
  }

  questionCount(sectionSlug?: string): number {
    return sectionSlug === undefined ? this.questions.length : (this.questionCounts.get(sectionSlug) ?? 0);
  }
}

export function serializeCatalog(data: CatalogData): string {
  return JSON.stringify(data);
}

/** Content-addressed: an unchanged bank yields the same version, so re-importing writes nothing. */
export function catalogVersion(serialized: string): string {
  return createHash('sha256').update(serialized).digest('hex').slice(0, 16);
}
