/**
 * The use cases of one request, over that request's stores: one object per area, one method per
 * thing a caller does. Resolvers check arguments and map results; everything else happens here.
 */
import { CATALOG_TRUST_MS } from '../config';
import type { UserRef } from '../domain/attempts';
import { CatalogCache, requestStores, type Dynamo, type Stores } from '../store';
import { ContentQueries } from './content';
import { LearnerQueries } from './learner';
import { Quizzes } from './quizzes';
import { recordAttempt, type RecordAttemptRequest } from './record-attempt';
import { SearchQueries } from './search';
import { TenantStats } from './tenant-stats';
import type { RecordAttemptPayloadModel } from './models';

export class UseCases {
  readonly content: ContentQueries;
  readonly learner: LearnerQueries;
  readonly quizzes: Quizzes;
  readonly stats: TenantStats;
  readonly search: SearchQueries;

  constructor(
    private readonly stores: Stores,
    options: UseCaseOptions = {},
  ) {
    this.content = new ContentQueries(stores);
    this.learner = new LearnerQueries(stores, options.catalogTrustMs ?? CATALOG_TRUST_MS);
    this.quizzes = new Quizzes(stores);
    this.stats = new TenantStats(stores);
    this.search = new SearchQueries(stores);
  }

  recordAttempt(user: UserRef, input: RecordAttemptRequest): Promise<RecordAttemptPayloadModel> {
    return recordAttempt(this.stores, user, input);
  }
}

export interface UseCaseOptions {
  /** See Config.catalogTrustMs. */
  catalogTrustMs?: number;
}

/** What lives for the whole container (the catalogs read so far); each request gets its own use cases over it. */
export class UseCaseFactory {
  private readonly catalogs: CatalogCache;

  constructor(
    private readonly dynamo: Dynamo,
    private readonly options: UseCaseOptions = {},
  ) {
    this.catalogs = new CatalogCache(dynamo);
  }

  /**
   * Starts reading a bank's catalog (and, for a search, its index) unless this container holds it
   * already: a cold request runs this beside authentication, so its content read is then warm.
   * Resolves when done; never fails (a request that finds nothing held reads as usual).
   */
  warmBank(bankId: string, options: { search?: boolean } = {}): Promise<void> {
    return this.catalogs.warm(bankId, options);
  }

  forRequest(): UseCases {
    return new UseCases(requestStores(this.dynamo, this.catalogs), this.options);
  }
}

export type { BanksRead } from '../store';
export type { AttemptFilter } from './learner';
export type { RandomQuestionsInput } from './content';
export type { StartQuizInput } from './quizzes';
export type { RecordAttemptRequest } from './record-attempt';
export type * from './models';
