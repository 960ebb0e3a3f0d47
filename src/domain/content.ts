/** Stored content as the rest of the code sees it, free of DynamoDB keys and attribute names. */
import type { QuestionKind } from './bank/types';

/** One option of a choice question; its id is kept through re-orderings and small edits (option-ids.ts). */
export interface OptionRecord {
  id: string;
  text: string;
  correct: boolean;
}

export interface BankRecord {
  id: string;
  title: string;
  description: string;
  locale: string | null;
  level: string | null;
  questionCount: number;
  /** Version of the published catalog (see catalog.ts); readers cache catalogs by it. */
  catalogVersion: string;
  catalogParts: number;
  /** Hash of everything above but the counters, so an unchanged import skips the write. */
  contentHash: string;
  updatedAt: string;
  /** Base name of the Markdown file imported last ("theory.md"); null for banks imported before it was kept. */
  sourceFile: string | null;
  /** URL of that file (`--source-url`): a question's line is `<sourceUrlBase>#L<line>`. */
  sourceUrlBase: string | null;
  /**
   * The full-text index published with the catalog (`searchVersionOf(catalogVersion)`, see
   * domain/search); null or absent for banks imported before search, until they are indexed.
   */
  searchVersion?: string | null;
  /** How many parts that index has. */
  searchParts?: number;
}

export interface QuestionRecord {
  id: string;
  bankId: string;
  localId: string;
  sectionSlug: string;
  text: string;
  answer: string;
  tags: string[];
  difficulty: number | null;
  topic: string | null;
  /** The source the bank cites for the question (a trailing `[[src](url)]` link). */
  sourceUrl: string | null;
  kind: QuestionKind;
  /** In source order; [] for an open question. Served shuffled, correctness withheld (content-access.ts). */
  options: OptionRecord[];
  explanation: string | null;
  references: string[];
  /** The shared prompt of a sub-question, shown above its text. */
  stem: string | null;
  /** Hash of the content fields; an import writes a new revision only when it changes. */
  contentHash: string;
  /**
   * Which immutable content item this is (`Q#<localId>#<revision>`), named by the catalog that
   * publishes it.
   */
  revision: string;
  /** Retirement and the last place are the publishing catalog's facts, copied in when read. */
  retired: boolean;
  retiredAt: string | null;
  /** Where a retired question last stood, since it is no longer in the catalog. */
  lastPosition: number | null;
  lastNumber: string | null;
  /** The line it last started on in the source file. */
  lastLine: number | null;
  createdAt: string;
  updatedAt: string;
}
