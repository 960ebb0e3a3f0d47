/**
 * Reads content for one GraphQL request, through the request's batched reads (RequestReads):
 * banks, catalogs (kept per container by CatalogCache) and question texts.
 *
 * Question texts are read at the revision the catalog names, so a reader sees one published
 * version whole: texts an import has written but not yet published are never read.
 *
 * The warm path: a container that holds a bank's catalog checks that it is still current by
 * reading the bank item in the same BatchGetItem as the texts it needs. The texts are chosen by
 * a synchronous `plan` from the held catalogs, so their keys are known before anything is sent and
 * the check and the texts cannot drift into two round trips.
 */
import { asPublished, type Catalog } from '../../domain/catalog';
import type { BankRecord, QuestionRecord } from '../../domain/content';
import { searchVersionOf, type SearchIndex } from '../../domain/search/search-index';
import type { Item } from '../batch';
import type { Dynamo } from '../client';
import { queryAll } from '../query';
import { read, type Read, type RequestReads } from '../request-reads';
import { StaleCatalogError, type CatalogCache } from './catalog-cache';
import { StaleSearchIndexError } from './search-index-cache';
import { BANKS_INDEX, bankFromItem, bankKey, questionFromItem, questionKey } from './keys';
import type { QuestionRef, StoredQuestion } from './types';

const STALE = Symbol('stale');
type Found = StoredQuestion | null | typeof STALE;

/** What a warm read planned from the held catalogs, and the texts it read. */
export interface HeldRead<V> {
  catalogs: Catalog[];
  value: V;
  questions: (StoredQuestion | null)[];
}

/** What a search read found: no such bank, a bank not indexed yet, or the hits' questions. */
export type SearchRead<V> =
  | { kind: 'no-bank' }
  | { kind: 'unindexed' }
  | { kind: 'found'; catalog: Catalog; value: V; questions: (StoredQuestion | null)[] };
/**
 * What one request read of the banks: each bank item as read (null: no such bank) and, when it
 * listed every bank, their ids in order. HTTP validators (ETags) of content answers derive from it.
 */
export interface BanksRead {
  banks: Map<string, BankRecord | null>;
  list: string[] | null;
}

export class ContentReader {
  private bankList: Promise<BankRecord[]> | undefined;
  /** Every bank item this request decoded, the last read of each winning. */
  readonly banksRead: BanksRead = { banks: new Map(), list: null };

  constructor(
    private readonly dynamo: Dynamo,
    private readonly reads: RequestReads,
    private readonly catalogs: CatalogCache,
  ) {}

  async bank(bankId: string): Promise<BankRecord | null> {
    const [bank] = await this.reads.all([this.bankRead(bankId)]);
    return bank;
  }

  /** A bank that other data refers to; its absence is a broken invariant, not a user error. */
  async existingBank(bankId: string): Promise<BankRecord> {
    const bank = await this.bank(bankId);
    if (!bank) throw new Error(`bank ${bankId} is referred to but missing`);
    return bank;
  }

  /** All banks, ordered by id: one Query on the banks index (the list is small and bounded). */
  banks(): Promise<BankRecord[]> {
    this.bankList ??= this.queryBanks();
    return this.bankList;
  }

  /** The catalog this container last read for the bank; it may have been replaced since. */
  heldCatalog(bankId: string): Catalog | undefined {
    return this.catalogs.latest(bankId);
  }

  /** The bank item's catalog version (null: no such bank), to check a held catalog with. */
  catalogVersionRead(bankId: string): Read<string | null> {
    return read([bankKey(bankId)], ([item]) => this.seen(bankId, item)?.catalogVersion ?? null);
  }

  /** Whether a bank item read by this container within the last `ms` named `version` as the bank's catalog. */
  confirmedWithin(bankId: string, version: string, ms: number): boolean {
    return this.catalogs.confirmedWithin(bankId, version, ms);
  }

  /**
   * The question's content at the revision `catalog` publishes (null: not in the catalog, or that
   * revision is gone), to read in one batch with other records (recordAttempt grades from it).
   */
  questionRead(catalog: Catalog, localId: string): Read<QuestionRecord | null> {
    const ref = catalog.contentRef(localId);
    if (!ref) return read([], () => null);
    return read([questionKey(catalog.bankId, localId, ref.revision)], ([item]) =>
      item ? asPublished(questionFromItem(item), ref) : null,
    );
  }

  /** The bank's catalog, or null when there is no such bank. */
  async catalog(bankId: string): Promise<Catalog | null> {
    const bank = await this.bank(bankId);
    if (!bank) return null;
    try {
      return await this.catalogs.load(bank);
    } catch (error) {
      if (!(error instanceof StaleCatalogError)) throw error;
      // An import replaced the catalog between our two reads.
      return this.freshCatalog(bankId);
    }
  }

  /**
   * The warm path: `plan` picks the questions from the catalogs this container holds for the
   * banks, and their texts are read in the same round trip as the bank items that confirm those
   * catalogs (with `along`, any other read the caller needs in it). Undefined when a catalog is
   * not held or an import has replaced it meanwhile: then the caller reads the catalogs afresh.
   */
  async fromHeldCatalogs<V, A = undefined>(
    bankIds: readonly string[],
    plan: (catalogs: Catalog[]) => { refs: readonly QuestionRef[]; value: V },
    along?: Read<A>,
  ): Promise<(HeldRead<V> & { along: A }) | undefined> {
    const held = bankIds.map((id) => this.catalogs.latest(id));
    if (!held.every((catalog): catalog is Catalog => catalog !== undefined)) return undefined;
    const checks = read(
      bankIds.map((id) => bankKey(id)),
      (items) => items.every((item, i) => this.seen(bankIds[i], item)?.catalogVersion === held[i].version),
    );
    let planned: ReturnType<typeof plan>;
    try {
      planned = plan(held);
    } catch (error) {
      // A held catalog may predate what the request names (a section just imported): it only
      // counts as the caller's mistake when the catalogs are current.
      const [current] = await this.reads.all([checks]);
      if (current) throw error;
      return undefined;
    }
    const byBank = new Map(held.map((catalog) => [catalog.bankId, catalog]));
    const [current, found, alongValue] = await this.reads.all([
      checks,
      this.publishedRead(byBank, planned.refs),
      along ?? read([], () => undefined as A),
    ] as const);
    if (!current) return undefined;
    return {
      catalogs: held,
      value: planned.value,
      questions: await this.settle(byBank, planned.refs, found),
      along: alongValue,
    };
  }

  /**
   * Questions as the given catalogs publish them, in order, in one batched read; null for a
   * question no catalog knows.
   */
  async published(catalogs: readonly Catalog[], refs: readonly QuestionRef[]): Promise<(StoredQuestion | null)[]> {
    const byBank = new Map(catalogs.map((catalog) => [catalog.bankId, catalog]));
    const [found] = await this.reads.all([this.publishedRead(byBank, refs)]);
    return this.settle(byBank, refs, found);
  }

  /**
   * Runs `plan` over the bank's catalog and its full-text index and reads the questions it picks.
   * Warm (both held for the current version): one BatchGetItem of the bank item and the questions.
   * Cold: the bank item, then the catalog (a Query) and the index (a BatchGetItem) side by side,
   * then the questions.
   */
  async search<V>(
    bankId: string,
    plan: (catalog: Catalog, index: SearchIndex) => { refs: readonly QuestionRef[]; value: V },
  ): Promise<SearchRead<V>> {
    const held = this.catalogs.latest(bankId);
    const heldIndex = held && this.catalogs.search.heldIndex(bankId, searchVersionOf(held.version));
    if (heldIndex) {
      const warm = await this.fromHeldCatalogs([bankId], ([catalog]) => plan(catalog, heldIndex));
      if (warm) return { kind: 'found', catalog: warm.catalogs[0], value: warm.value, questions: warm.questions };
    }
    let bank = await this.bank(bankId);
    for (let attempt = 0; ; attempt++) {
      if (!bank) return { kind: 'no-bank' };
      if (bank.searchVersion !== searchVersionOf(bank.catalogVersion)) return { kind: 'unindexed' };
      try {
        const [catalog, index] = await Promise.all([this.catalogs.load(bank), this.catalogs.search.load(bank)]);
        const planned = plan(catalog, index);
        return {
          kind: 'found',
          catalog,
          value: planned.value,
          questions: await this.published([catalog], planned.refs),
        };
      } catch (error) {
        if (!(error instanceof StaleCatalogError || error instanceof StaleSearchIndexError) || attempt > 0) throw error;
        // An import replaced the version between our reads: read the bank item again, strongly consistent.
        [bank] = await this.reads.consistent([this.bankRead(bankId)]);
      }
    }
  }

  /** Any question, retired ones included, as its bank's current catalog publishes it (warm: one round trip with `along`). */
  async question<A = undefined>(
    bankId: string,
    localId: string,
    along?: Read<A>,
  ): Promise<{ question: StoredQuestion | null; along: A }> {
    const refs = [{ bankId, localId }];
    const warm = await this.fromHeldCatalogs([bankId], () => ({ refs, value: null }), along);
    if (warm) return { question: warm.questions[0], along: warm.along };
    const [catalog, alongValue] = await Promise.all([
      this.catalog(bankId),
      along ? this.reads.all([along]).then(([value]) => value) : (undefined as A),
    ]);
    return { question: catalog && (await this.published([catalog], refs))[0], along: alongValue };
  }

  /** The texts the catalogs name for the refs; STALE for a revision that is gone. */
  private publishedRead(catalogs: ReadonlyMap<string, Catalog>, refs: readonly QuestionRef[]): Read<Found[]> {
    const reads = refs.map(({ bankId, localId }) => {
      const catalog = catalogs.get(bankId);
      const ref = catalog?.contentRef(localId);
      return { catalog, ref, key: ref ? questionKey(bankId, localId, ref.revision) : null };
    });
    return read(
      reads.flatMap(({ key }) => (key ? [key] : [])),
      (items) => {
        let next = 0;
        return reads.map(({ catalog, ref, key }): Found => {
          const item = key ? items[next++] : null;
          if (!item) return ref ? STALE : null;
          return { record: asPublished(questionFromItem(item), ref!), catalog: catalog! };
        });
      },
    );
  }

  /**
   * A revision the catalog names is only ever missing when the catalog was replaced twice since
   * it was read (the previous version's texts are kept): then the bank is read again, strongly
   * consistent, and so are the texts.
   */
  private async settle(
    catalogs: ReadonlyMap<string, Catalog>,
    refs: readonly QuestionRef[],
    first: Found[],
  ): Promise<(StoredQuestion | null)[]> {
    const stale = [...new Set(refs.filter((_, i) => first[i] === STALE).map((ref) => ref.bankId))];
    if (stale.length === 0) return first as (StoredQuestion | null)[];
    const byBank = new Map(catalogs);
    for (const bankId of stale) {
      const fresh = await this.freshCatalog(bankId);
      if (fresh) byBank.set(bankId, fresh);
      else byBank.delete(bankId);
    }
    const [again] = await this.reads.all([this.publishedRead(byBank, refs)]);
    return again.map((question, i) => {
      if (question === STALE)
        throw new Error(`the catalog of ${refs[i].bankId} names a revision of ${refs[i].localId} that is missing`);
      return question;
    });
  }

  private bankRead(bankId: string): Read<BankRecord | null> {
    return read([bankKey(bankId)], ([item]) => this.seen(bankId, item));
  }

  /** Decodes a bank item read for `bankId` and notes it in `banksRead`. */
  private seen(bankId: string, item: Item | null): BankRecord | null {
    const bank = item ? bankFromItem(item) : null;
    this.banksRead.banks.set(bankId, bank);
    if (bank) this.catalogs.noteCurrent(bankId, bank.catalogVersion);
    return bank;
  }

  /** The bank's catalog after a strongly consistent read of its bank item. */
  private async freshCatalog(bankId: string): Promise<Catalog | null> {
    const [bank] = await this.reads.consistent([this.bankRead(bankId)]);
    return bank ? this.catalogs.load(bank) : null;
  }

  private async queryBanks(): Promise<BankRecord[]> {
    const items: Item[] = await queryAll(this.dynamo, {
      IndexName: BANKS_INDEX.name,
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': BANKS_INDEX.partition },
    });
    for (const item of items) this.reads.prime(bankKey(item.id as string), item);
    this.banksRead.list = items.map((item) => item.id as string);
    return items.map((item) => this.seen(item.id as string, item)!);
  }
}
