/**
 * The steps several resolvers share: finding the catalogs a filter is about, turning catalog
 * entries into question models (one batched read), and shaping a connection page.
 */
import type { Catalog } from '../domain/catalog';
import { badInput } from '../domain/errors';
import { isBankId, parseGlobalId } from '../domain/ids';
import { encodeCursor, paginate, type OrderedQuestion } from '../domain/pagination';
import { banksOfSections, checkFilterSize } from '../domain/question-pool';
import type { ContentReader } from '../store/content-reader';
import type { QuestionConnectionModel, QuestionModel } from './models';

export interface Scope {
  bankId?: string | null;
  sectionIds?: readonly string[] | null;
  tags?: readonly string[] | null;
}

/**
 * Runs `read` over the catalogs in scope. On a warm container it starts from the catalogs it
 * already holds and reads the bank items (to check their versions) in the same BatchGetItem as
 * whatever `read` loads — one round trip in all; `read` must start its loads before its first
 * await. Only when an import has published a new version meanwhile does it read again.
 */
export async function withCatalogs<T>(content: ContentReader, scope: Scope, read: (catalogs: Catalog[]) => Promise<T>): Promise<T> {
  const bankIds = scopedBankIds(scope);
  const warm = bankIds && (await content.withCachedCatalogs(bankIds, (catalogs) => read(byBankId(catalogs))));
  return warm ? warm.value : read(await catalogsInScope(content, scope));
}

/** The banks a scope names, when it names them (null means every bank); checks what it can. */
function scopedBankIds(scope: Scope): string[] | null {
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

const byBankId = (catalogs: Catalog[]): Catalog[] => catalogs.slice().sort((a, b) => (a.bankId < b.bankId ? -1 : 1));

/** Loads the questions of catalog entries, in order, with one batched read. */
export async function questionModels(content: ContentReader, catalogs: readonly Catalog[], entries: readonly OrderedQuestion[]): Promise<QuestionModel[]> {
  const stored = await content.published(catalogs, entries.map(({ question }) => ({ bankId: catalogOf(catalogs, question.id).bankId, localId: question.localId })));
  return stored.map((question, i) => {
    if (!question) throw new Error(`no catalog for question ${entries[i].question.id}`);
    const { record, catalog } = question;
    return { record, catalog, entry: catalog.question(record.localId) };
  });
}

function catalogOf(catalogs: readonly Catalog[], questionId: string): Catalog {
  const bankId = parseGlobalId(questionId)?.bankId;
  const catalog = catalogs.find((c) => c.bankId === bankId);
  if (!catalog) throw new Error(`no catalog for question ${questionId}`);
  return catalog;
}

export async function connection(
  content: ContentReader,
  catalogs: readonly Catalog[],
  pool: readonly OrderedQuestion[],
  first: number,
  after: string | null | undefined,
): Promise<QuestionConnectionModel> {
  const page = paginate(pool, first, after);
  const nodes = await questionModels(content, catalogs, page.items);
  const edges = nodes.map((node, i) => ({ cursor: encodeCursor(page.items[i]), node }));
  return {
    edges,
    totalCount: pool.length,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
