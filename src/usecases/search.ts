/**
 * searchQuestions: full-text search over a bank's active questions (text and answer), ranked,
 * from the index its import published (see src/domain/search). On a warm container a page costs
 * one BatchGetItem (the bank item that confirms the held catalog and index, and the page's
 * questions); a cold one adds the bank item, the catalog Query and the index BatchGetItem.
 */
import { DomainError, badInput } from '../domain/errors';
import { isBankId } from '../domain/ids';
import {
  checkSearchPageSize,
  decodeSearchCursor,
  encodeSearchCursor,
  parseSearchQuery,
  searchPage,
  type SearchPage,
} from '../domain/search/query';
import type { Stores } from '../store';
import type { QuestionSearchConnectionModel } from './models';

export interface SearchArguments {
  bankId: string;
  query: string;
  first?: number | null;
  after?: string | null;
}

export class SearchQueries {
  constructor(private readonly stores: Stores) {}

  async questions({ bankId, query, first, after }: SearchArguments): Promise<QuestionSearchConnectionModel> {
    if (!isBankId(bankId)) throw badInput(`unknown bank id "${bankId}"`);
    const parsed = parseSearchQuery(query);
    const size = checkSearchPageSize(first);
    // Checked before any read, so a bad request costs no DynamoDB call.
    const cursor = decodeSearchCursor(after, parsed);
    const found = await this.stores.content.search(bankId, (_catalog, index) => {
      const hits = index.search(parsed.stems);
      const page = searchPage(hits, size, cursor);
      return { refs: page.hits.map(({ localId }) => ({ bankId, localId })), value: { page, total: hits.length } };
    });
    if (found.kind === 'no-bank') throw badInput(`unknown bank id "${bankId}"`);
    if (found.kind === 'unindexed')
      throw new DomainError(
        'NOT_FOUND',
        `bank "${bankId}" has no search index yet: import it again or run \`npm run admin -- content:migrate-revisions\``,
        { reason: 'SEARCH_INDEX_MISSING' },
      );
    const { catalog, questions } = found;
    const { page, total }: { page: SearchPage; total: number } = found.value;
    const cursors = page.hits.map((hit) => encodeSearchCursor(parsed, hit));
    return {
      catalogVersion: catalog.version,
      totalCount: total,
      pageInfo: {
        hasNextPage: page.hasNextPage,
        hasPreviousPage: page.hasPreviousPage,
        startCursor: cursors[0] ?? null,
        endCursor: cursors.at(-1) ?? null,
      },
      edges: page.hits.map((hit, i) => {
        const stored = questions[i];
        if (!stored) throw new Error(`the search index of ${bankId} names ${hit.localId}, which its catalog lacks`);
        const { record } = stored;
        return {
          cursor: cursors[i],
          score: Math.round(hit.score * 10_000) / 10_000,
          node: { record, catalog: stored.catalog, entry: stored.catalog.question(record.localId) },
        };
      }),
    };
  }
}
