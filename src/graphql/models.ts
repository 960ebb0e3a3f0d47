/** What the resolvers pass between each other (codegen "mappers"): records plus catalog facts. */
import type { Catalog, CatalogQuestion, CatalogSection } from '../domain/catalog';
import type { QuestionRecord } from '../domain/content';
import type { SamplingStrategy } from './generated/types';

export interface SectionModel {
  catalog: Catalog;
  section: CatalogSection;
}

export interface QuestionModel {
  record: QuestionRecord;
  /** The question's place in its bank's current catalog; undefined once retired. */
  entry: CatalogQuestion | undefined;
  catalog: Catalog;
}

export interface QuestionConnectionModel {
  edges: { cursor: string; node: QuestionModel }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
}

export interface QuestionSetModel {
  questions: QuestionModel[];
  poolSize: number;
  seed: string;
  strategy: SamplingStrategy;
}
