/**
 * What a learner asks about their own learning: their figures, attempts, weakest topics and due
 * questions. Every method needs a user (the resolvers make sure of one).
 */
import type { AttemptRecord, ProfileRecord, QuestionStateRecord, UserRef } from '../domain/attempts';
import type { Catalog } from '../domain/catalog';
import type { QuestionRecord } from '../domain/content';
import { badInput } from '../domain/errors';
import { timeCursor } from '../domain/time-cursor';
import { isBankId, isQuizId, parseGlobalId } from '../domain/ids';
import { parseInstant } from '../domain/instants';
import type { AttemptQuery, Stores } from '../store';
import { rankTopics, retiredIds, topicsFromAggregates, topicsFromStates, type Topic } from './weak-topics';
import type { AttemptConnectionModel, QuestionStateModel, TopicMasteryModel } from './models';

export interface AttemptFilter {
  questionId?: string | null;
  sectionId?: string | null;
  bankId?: string | null;
  since?: string | null;
  quizId?: string | null;
}

const { encode, decode } = timeCursor('ac1:');

/** The narrowest index the filter allows: a question's, a section's, a bank's, or all attempts. */
function attemptQuery(
  filter: AttemptFilter | null | undefined,
  first: number,
  after: string | null | undefined,
): AttemptQuery {
  const since = filter?.since ?? null;
  const base = {
    since: since === null ? null : parseInstant(since, 'since'),
    first,
    after: after ? decode(after) : null,
  };
  checkFilterIds(filter);
  // a quiz holds at most 50 questions: its partition is the narrowest, the other filters apply to its page
  if (filter?.quizId) return { ...base, index: 'quiz', id: filter.quizId };
  if (filter?.questionId) return { ...base, index: 'question', id: filter.questionId };
  if (filter?.sectionId) return { ...base, index: 'section', id: filter.sectionId };
  if (filter?.bankId) return { ...base, index: 'bank', id: filter.bankId };
  return { ...base, index: null, id: null };
}

/** Filter ids name an index partition: only ids that can be ids get that far (any length otherwise). */
function checkFilterIds(filter: AttemptFilter | null | undefined): void {
  if (filter?.bankId != null && !isBankId(filter.bankId)) throw badInput('"filter.bankId" is not a bank id');
  if (filter?.sectionId != null && !parseGlobalId(filter.sectionId))
    throw badInput('"filter.sectionId" is not a section id (<bank id>/<section>)');
  if (filter?.questionId != null && !parseGlobalId(filter.questionId))
    throw badInput('"filter.questionId" is not a question id (<bank id>/<question>)');
  if (filter?.quizId != null && !isQuizId(filter.quizId))
    throw badInput('"filter.quizId" is not a quiz id (the lower-case UUID startQuiz returned)');
}

export const bounded = (
  value: number | null | undefined,
  fallback: number,
  max: number,
  name: string,
  min = 1,
): number => {
  const n = value ?? fallback;
  if (!Number.isInteger(n) || n < min || n > max)
    throw badInput(`"${name}" must be an integer from ${min} to ${max}, got ${n}`);
  return n;
};

/** The bank's catalog; an unknown bank is the caller's mistake. */
export async function catalogOf(stores: Stores, bankId: string): Promise<Catalog> {
  const catalog = isBankId(bankId) ? await stores.content.catalog(bankId) : null;
  if (!catalog) throw badInput(`unknown bank id "${bankId}"`);
  return catalog;
}

/** Due states worth listing: questions still in the catalog, in the asked sections (checked here). */
function dueFilter(
  catalog: Catalog,
  bankId: string,
  sectionIds: readonly string[],
): (state: QuestionStateRecord) => boolean {
  const sections = new Set(sectionIds.map((id) => parseGlobalId(id)));
  for (const ref of sections)
    if (!ref || ref.bankId !== bankId || catalog.section(ref.localId)?.retired !== false)
      throw badInput(`unknown section id in bank "${bankId}"`);
  const wanted = new Set([...sections].map((ref) => ref!.localId));
  return (state) => {
    const entry = catalog.question(parseGlobalId(state.questionId)!.localId);
    return !!entry && (wanted.size === 0 || wanted.has(entry.sectionSlug));
  };
}

export interface AnswerViewer {
  secret: boolean;
  user: UserRef | null;
}

export class LearnerQueries {
  constructor(
    private readonly stores: Stores,
    /** See Config.catalogTrustMs. */
    private readonly catalogTrustMs: number,
  ) {}

  /**
   * Whether the caller may see which options are right and why: a secret key (a tenant's server)
   * always; a publishable key only once its user has answered the question. The check is one
   * item of the request's batched reads, so a page of questions costs one BatchGetItem more.
   */
  async mayRevealAnswer(viewer: AnswerViewer, question: QuestionRecord): Promise<boolean> {
    if (viewer.secret) return true;
    if (viewer.user === null) return false;
    return this.stores.learner.hasAnswered(viewer.user, question.bankId, question.localId);
  }

  profile(user: UserRef): Promise<ProfileRecord> {
    return this.stores.learner.profile(user);
  }

  async attempts(
    user: UserRef,
    first: number | null | undefined,
    after: string | null | undefined,
    filter: AttemptFilter | null | undefined,
  ): Promise<AttemptConnectionModel> {
    const page = await this.stores.learner.attempts(
      user,
      attemptQuery(filter, bounded(first, 20, 100, 'first'), after),
    );
    // A question or quiz filter is exact; the others narrow what the index cannot.
    const matches = (a: AttemptRecord) =>
      (!filter?.questionId || a.questionId === filter.questionId) &&
      (!filter?.bankId || a.bankId === filter.bankId) &&
      (!filter?.sectionId || `${a.bankId}/${a.sectionSlug}` === filter.sectionId);
    const edges = page.attempts.filter(matches).map((node) => ({ cursor: encode(node), node }));
    return {
      edges,
      pageInfo: {
        hasNextPage: page.next !== null,
        hasPreviousPage: !!after,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
  }

  /**
   * The learner's weakest topics in a bank, from the section aggregates: O(sections), whatever the
   * history. One Query of the packed copies of the user's section sums (SectionStore.sectionSums);
   * on a warm container beside it, when the held catalog's check is due, a BatchGetItem of the bank
   * item and the states of its retired questions (taken out of their sections' sums; usually
   * none). Otherwise (no catalog held, or replaced) the catalog read runs beside the Query, then
   * the retired questions' states. A bank whose items predate the aggregates falls back to reading
   * every state (until stats:rebuild completes them).
   */
  async weakTopics(user: UserRef, bankId: string, limit: number | null | undefined): Promise<TopicMasteryModel[]> {
    const size = bounded(limit, 5, 50, 'limit');
    const warm = await this.weakTopicsWithHeldCatalog(user, bankId);
    if (warm) return rankTopics(warm.catalog, warm.topics, size);
    const [catalog, aggregates] = await Promise.all([
      catalogOf(this.stores, bankId),
      this.stores.sections.sectionSums(user, bankId),
    ]);
    const now = new Date();
    const topics = aggregates
      ? topicsFromAggregates(aggregates, await this.retiredStates(user, catalog), now)
      : topicsFromStates(await this.stores.learner.states(user, bankId), catalog, now);
    return rankTopics(catalog, topics, size);
  }

  /**
   * weakTopics on a warm container: one Query of the packed copies of the learner's section sums
   * in the bank (SectionStore.sectionSums), whatever their history. The held catalog names the sections;
   * a bank item read in this container within `catalogTrustMs` confirmed it, or a BatchGetItem
   * beside the Query does (with the states of retired questions, to leave them out). Undefined
   * when no catalog is held or an import has replaced it.
   */
  private async weakTopicsWithHeldCatalog(
    user: UserRef,
    bankId: string,
  ): Promise<{ catalog: Catalog; topics: Map<string, Topic> } | undefined> {
    const held = isBankId(bankId) ? this.stores.content.heldCatalog(bankId) : undefined;
    if (!held) return undefined;
    const retiredLocalIds = retiredIds(held);
    const trusted =
      retiredLocalIds.length === 0 && this.stores.content.confirmedWithin(bankId, held.version, this.catalogTrustMs);
    const [aggregates, checked] = await Promise.all([
      this.stores.sections.sectionSums(user, bankId),
      trusted
        ? undefined
        : this.stores.reads.all([
            this.stores.content.catalogVersionRead(bankId),
            this.stores.sections.statesRead(user, bankId, retiredLocalIds),
          ] as const),
    ]);
    if (checked && checked[0] !== held.version) return undefined;
    const retired = checked?.[1] ?? [];
    const now = new Date();
    const topics = aggregates
      ? topicsFromAggregates(aggregates, retired, now)
      : topicsFromStates(await this.stores.learner.states(user, bankId), held, now);
    return { catalog: held, topics };
  }

  /** The user's states of the catalog's retired questions (no call when none is retired). */
  private retiredStates(user: UserRef, catalog: Catalog): Promise<QuestionStateRecord[]> {
    return this.stores.sections.statesOf(user, catalog.bankId, retiredIds(catalog));
  }

  async dueQuestions(
    user: UserRef,
    bankId: string,
    sectionIds: readonly string[] | null | undefined,
    limit: number | null | undefined,
  ): Promise<QuestionStateModel[]> {
    const size = bounded(limit, 20, 100, 'limit');
    if (!isBankId(bankId)) throw badInput(`unknown bank id "${bankId}"`); // before its Query, whose key it is part of
    const now = new Date();
    const warm = await this.dueWithHeldCatalog(user, bankId, sectionIds ?? [], size, now);
    if (warm) return warm;
    // The Query needs no catalog, so both reads start together; the catalog only filters the states.
    const keep = catalogOf(this.stores, bankId).then((catalog) => dueFilter(catalog, bankId, sectionIds ?? []));
    const due = await this.stores.learner.due(user, bankId, now.toISOString(), size, keep);
    return due.map((record) => ({ record, now }));
  }

  /**
   * dueQuestions on a warm container: the states are filtered with the catalog it holds, and the
   * catalog's version is checked in the same BatchGetItem that reads the questions — the Query and
   * that batch, two calls in all. Undefined when no catalog is held, when it names no such section
   * (it may predate the section), or when an import has replaced it: then the caller reads afresh.
   */
  private async dueWithHeldCatalog(
    user: UserRef,
    bankId: string,
    sectionIds: readonly string[],
    limit: number,
    now: Date,
  ): Promise<QuestionStateModel[] | undefined> {
    const held = this.stores.content.heldCatalog(bankId);
    if (!held) return undefined;
    let keep: (state: QuestionStateRecord) => boolean;
    try {
      keep = dueFilter(held, bankId, sectionIds);
    } catch {
      return undefined;
    }
    const due = await this.stores.learner.due(user, bankId, now.toISOString(), limit, keep);
    const refs = due.map((state) => parseGlobalId(state.questionId)!);
    const read = await this.stores.content.fromHeldCatalogs([bankId], () => ({ refs, value: null }));
    if (!read) return undefined;
    return due.map((record, i) => {
      const { record: question, catalog } = read.questions[i]!;
      return { record, now, question: { record: question, catalog, entry: catalog.question(question.localId) } };
    });
  }
}
