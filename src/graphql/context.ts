import type { Caller } from '../auth/authenticator';
import type { Logger } from '../logger';
import type { Dynamo } from '../store/client';
import type { ContentReader } from '../store/content-reader';
import type { LearningReader } from '../store/learning-reader';

/** Built fresh for every request (src/app.ts); holds nothing that outlives it. */
export interface GraphQLContext {
  requestId: string;
  /** Who is calling: tenant, key and user, established before any resolver runs. */
  caller: Caller;
  /** The request's Origin header, echoed in CORS headers when the caller may use it. */
  origin: string | null;
  startedAt: number;
  content: ContentReader;
  learning: LearningReader;
  /** For the few writes a request makes (attempts, quizzes). */
  dynamo: Dynamo;
  logger: Logger;
}
