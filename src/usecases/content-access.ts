/**
 * The steps the content use cases share: finding the catalogs a filter is about, reading the
 * questions a plan picks from them (on a warm container in one round trip with the catalogs'
 * check), and shaping a connection page.
 */
import type { Catalog } from '../domain/catalog';
import { badInput } from '../domain/errors';
import { isBankId, parseGlobalId } from '../domain/ids';
import { encodeCursor, paginate } from '../domain/pagination';
import { banksOfSections, checkFilterSize } from '../domain/pool-filter';
import type { OrderedQuestion, QuestionPool } from '../domain/question-pool';
import type { ContentReader, QuestionRef, StoredQuestion } from '../store';
import type { QuestionConnectionModel, QuestionModel } from './models';

export interface Scope {
  bankId?: string | null;
  sectionIds?: readonly string[] | null;
  tags?: readonly string[] | null;
}

/** What a plan picked: the questions to read, in order, and anything else it worked out. */
export interface Picked<V> {
  entries: readonly OrderedQuestion[];
  value: V;
}

/**
 * Runs `plan` over the catalogs in scope and reads the questions it picks. On a warm container
 * the plan runs on the catalogs the container holds and the questions are read in the same
 * BatchGetItem as the bank items that confirm those catalogs — one round trip in all. Only when
 * a catalog is not held or an import has replaced it are the catalogs read first.
 */
export async function readPicked<V>(
  content: ContentReader,
  scope: Scope,
  plan: (catalogs: Catalog[]) => Picked<V>,
): Promise<{ catalogs: Catalog[]; value: V; questions: QuestionModel[] }> {
  const bankIds = scopedBankIds(scope);
  const withRefs = (catalogs: Catalog[]) => {
    const picked = plan(byBankId(catalogs));
    return { refs: refsOf(picked.entries), value: picked };
  };
  const warm = bankIds && (await content.fromHeldCatalogs(bankIds, withRefs));
  if (warm)
    return {
      catalogs: byBankId(warm.catalogs),
      value: warm.value.value,
      questions: models(warm.value.entries, warm.questions),
    };
  const catalogs = await catalogsInScope(content, scope);
  const picked = plan(catalogs);
  return { catalogs, value: picked.value, questions: await questionModels(content, catalogs, picked.entries) };
}

/** The banks a scope names, when it names them (null means every bank); checks what it can. */
export function scopedBankIds(scope: Scope): string[] | null {
  checkFilterSize(scope);
  if (scope.bankId == null) return scope.sectionIds?.length ? banksOfSections(scope.sectionIds) : null;
  if (!isBankId(scope.bankId)) throw badInput(`unknown bank id "${scope.bankId}"`);
  const foreign = (scope.sectionIds ?? []).find((id) => parseGlobalId(id)?.bankId !== scope.bankId);
  if (foreign !== undefined) throw badInput(`section "${foreign}" is not in bank "${scope.bankId}"`);
  return [scope.bankId];
}

/** The catalogs in scope, ordered by bank id, read through the bank items. */
export async function catalogsInScope(content: ContentReader, scope: Scope): Promise<Catalog[]> {
  const bankIds = scopedBankIds(scope) ?? (await content.banks()).map((bank) => bank.id);
  const catalogs = await Promise.all(bankIds.map((id) => content.catalog(id)));
  if (scope.bankId != null && !catalogs[0]) throw badInput(`unknown bank id "${scope.bankId}"`);
  return byBankId(catalogs.filter((c): c is Catalog => c !== null));
}

const byBankId = (catalogs: readonly Catalog[]): Catalog[] =>
  catalogs.slice().sort((a, b) => (a.bankId < b.bankId ? -1 : 1));

const refsOf = (entries: readonly OrderedQuestion[]): QuestionRef[] =>
  entries.map(({ question }) => ({ bankId: parseGlobalId(question.id)!.bankId, localId: question.localId }));

function models(entries: readonly OrderedQuestion[], stored: readonly (StoredQuestion | null)[]): QuestionModel[] {
  return stored.map((question, i) => {
    if (!question) throw new Error(`no catalog for question ${entries[i].question.id}`);
    const { record, catalog } = question;
    return { record, catalog, entry: catalog.question(record.localId) };
  });
}

/** Loads the questions of catalog entries, in order, with one batched read. */
export async function questionModels(
  content: ContentReader,
  catalogs: readonly Catalog[],
  entries: readonly OrderedQuestion[],
): Promise<QuestionModel[]> {
  return models(entries, await content.published(catalogs, refsOf(entries)));
}

/** A page of a pool, and the cursors around it. */
export function pageOf(
  pool: QuestionPool,
  first: number,
  after: string | null | undefined,
): Picked<Omit<QuestionConnectionModel, 'edges'> & { cursors: string[] }> {
  const page = paginate(pool, first, after);
  const cursors = page.items.map(encodeCursor);
  return {
    entries: page.items,
    value: {
      cursors,
      totalCount: pool.size,
      pageInfo: {
        hasNextPage: page.hasNextPage,
        hasPreviousPage: page.hasPreviousPage,
        startCursor: cursors[0] ?? null,
        endCursor: cursors.at(-1) ?? null,
      },
    },
  };
}

/** A connection from a page and the questions read for it. */
export function connectionOf(
  { cursors, ...page }: ReturnType<typeof pageOf>['value'],
  nodes: readonly QuestionModel[],
): QuestionConnectionModel {
  return { ...page, edges: nodes.map((node, i) => ({ cursor: cursors[i], node })) };
}
