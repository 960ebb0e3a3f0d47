import type { Logger } from '../logger';
import type { ContentReader } from '../store/content-reader';

/** Built fresh for every request (src/app.ts); holds nothing that outlives it. */
export interface GraphQLContext {
  requestId: string;
  content: ContentReader;
  logger: Logger;
}
