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
  /** Caller and rate-limit standing, shared with the HTTP layer that sets the response headers (src/lambda.ts). */
  admission: Admission;
}

/** The key's rate-limit standing after the request's last charge: the RateLimit headers' figures. */
export interface RateLimitStanding {
  /** Units a window allows after a quiet one (the key's burst). */
  quota: number;
  windowSeconds: number;
  remaining: number;
  /** Seconds until the window ends and the allowance is renewed. */
  resetSeconds: number;
}

/**
 * What admitting a request established, for the headers of whatever answer it gets (refusals
 * included): who called, once known, and the key's rate-limit standing, once charged.
 */
export interface Admission {
  caller: Caller | null;
  rateLimit: RateLimitStanding | null;
}

export const newAdmission = (): Admission => ({ caller: null, rateLimit: null });
