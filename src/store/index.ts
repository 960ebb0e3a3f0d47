/**
 * The stores, by aggregate, as the layers above see them: typed methods only, never a key, an
 * attribute name or a command. Each folder owns the keys, parsers and item mappers of its
 * aggregate (see docs/data-model.md):
 *
 *   content/   banks, catalogs, question revisions     learner/   profile, states, attempts, markers
 *   quizzes/   quizzes                                  counters/  tenant-wide counters, activity
 *   access/    tenants, API keys, rate counters         maintenance/  recount scans and rewrites
 */
import { withCallCeiling, type Dynamo } from './client';
import { CatalogCache } from './content/catalog-cache';
import { ContentReader } from './content/content-reader';
import { CounterStore } from './counters/counter-store';
import { LearnerStore } from './learner/learner-store';
import { SectionStore } from './learner/section-store';
import { QuizStore } from './quizzes/quiz-store';
import { RequestReads } from './request-reads';

export { createDynamo, MAX_CALLS_PER_REQUEST, type CallCounter, type Dynamo } from './client';
export { AccessStore } from './access/access-store';
export { CatalogCache } from './content/catalog-cache';
export type { BanksRead, ContentReader, HeldRead, SearchRead } from './content/content-reader';
export type { QuestionRef, StoredQuestion } from './content/types';
export type { CounterStore } from './counters/counter-store';
export type {
  AttemptContext,
  AttemptPage,
  AttemptQuery,
  AttemptTarget,
  RecordedRetry,
  KeepState,
  LearnerStore,
} from './learner/learner-store';
export { AttemptConflict, DuplicateAttempt } from './learner/attempt-transaction';
export type { SectionStore } from './learner/section-store';
export type { QuizStore } from './quizzes/quiz-store';
export type { Read, RequestReads } from './request-reads';

/** The stores of one request: they share its batched reads, so their loads of one tick share a BatchGetItem. */
export interface Stores {
  reads: RequestReads;
  content: ContentReader;
  learner: LearnerStore;
  /** The learner's section aggregates. */
  sections: SectionStore;
  quizzes: QuizStore;
  counters: CounterStore;
}

/** The request's stores send at most MAX_CALLS_PER_REQUEST calls (the container's catalog cache is apart). */
export function requestStores(containerDynamo: Dynamo, catalogs: CatalogCache): Stores {
  const dynamo = withCallCeiling(containerDynamo);
  const reads = new RequestReads(dynamo);
  return {
    reads,
    content: new ContentReader(dynamo, reads, catalogs),
    learner: new LearnerStore(dynamo, reads),
    sections: new SectionStore(dynamo, reads),
    quizzes: new QuizStore(dynamo, reads),
    counters: new CounterStore(dynamo),
  };
}

export {
  applyImportPlan,
  bankExists,
  ConcurrentImportError,
  readExistingBank,
  type ApplyOptions,
} from './content/bank-writer';
export { readTenants, tenantExists, type TenantSnapshot } from './maintenance/tenant-snapshot';
export { rewrite, type RebuildSummary } from './maintenance/stats-rewrite';
export { migrateRevisions, type MigrationReport } from './migrations/revisions';
