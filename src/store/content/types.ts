import type { Catalog } from '../../domain/catalog';
import type { QuestionRecord } from '../../domain/content';

export interface QuestionRef {
  bankId: string;
  localId: string;
}

/** A question as published by `catalog` (the catalog it was read under). */
export interface StoredQuestion {
  record: QuestionRecord;
  catalog: Catalog;
}
