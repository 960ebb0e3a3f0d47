import type { Caller } from '../auth/authenticator';
import type { Logger } from '../logger';
import type { UseCases } from '../usecases';

/** Built fresh for every request (src/app.ts); holds nothing that outlives it. */
export interface GraphQLContext {
  requestId: string;
  /** Who is calling: tenant, key and user, established before any resolver runs. */
  caller: Caller;
  /** The request's Origin header, echoed in CORS headers when the caller may use it. */
  origin: string | null;
  /** The client's address, for the access log. */
  sourceIp: string | null;
  startedAt: number;
  /** What the request may do, over its own stores. */
  use: UseCases;
  logger: Logger;
}
