/**
 * The steps several resolvers share: finding the catalogs a filter is about, turning catalog
 * entries into question models (one batched read), and shaping a connection page.
 */
import type { Catalog } from '../domain/catalog';
import { badInput } from '../domain/errors';
import { isBankId, parseGlobalId } from '../domain/ids';
import { encodeCursor, paginate, type OrderedQuestion } from '../domain/pagination';
import { banksOfSections } from '../domain/question-pool';
import type { ContentReader } from '../store/content-reader';
import type { QuestionConnectionModel, QuestionModel } from './models';

export interface Scope {
  bankId?: string | null;
  sectionIds?: readonly string[] | null;
}

/** The catalogs in scope, ordered by bank id. Costs nothing beyond bank reads on a warm container. */
export async function catalogsInScope(content: ContentReader, scope: Scope): Promise<Catalog[]> {
  if (scope.bankId != null) {
    const catalog = isBankId(scope.bankId) ? await content.catalog(scope.bankId) : null;
    if (!catalog) throw badInput(`unknown bank id "${scope.bankId}"`);
    const foreign = (scope.sectionIds ?? []).find((id) => parseGlobalId(id)?.bankId !== scope.bankId);
    if (foreign !== undefined) throw badInput(`section "${foreign}" is not in bank "${scope.bankId}"`);
    return [catalog];
  }
  const bankIds = scope.sectionIds?.length
    ? banksOfSections(scope.sectionIds)
    : (await content.banks()).map((bank) => bank.id);
  const catalogs = await Promise.all(bankIds.map((id) => content.catalog(id)));
  return catalogs.filter((c): c is Catalog => c !== null).sort((a, b) => (a.bankId < b.bankId ? -1 : 1));
}

/** Loads the question items for catalog entries, in order, with one batched read. */
export async function questionModels(content: ContentReader, catalogs: readonly Catalog[], entries: readonly OrderedQuestion[]): Promise<QuestionModel[]> {
  const records = await content.questions(entries.map(({ question }) => ({ bankId: catalogOf(catalogs, question.id).bankId, localId: question.localId })));
  return records.map((record, i) => {
    // The importer writes items before it publishes the catalog that lists them.
    if (!record) throw new Error(`catalog lists question ${entries[i].question.id} but its item is missing`);
    return { record, entry: entries[i].question, catalog: catalogOf(catalogs, record.id) };
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
