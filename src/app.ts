/**
 * Everything that lives for the whole container: config, logger, DynamoDB client, catalog
 * cache, key cache, rate limiter and the Apollo server. Built once at module load; a request
 * only gets a fresh context (who is calling, checked and rate-limited before any resolver runs).
 */
import type { ApolloServer } from '@apollo/server';
import { Authenticator, type Caller } from './auth/authenticator';
import { RateLimiter } from './auth/rate-limiter';
import { readConfig, type Config } from './config';
import { parseApiKey } from './domain/access';
import { DomainError } from './domain/errors';
import type { BankHint } from './graphql/bank-hint';
import { newAdmission, type Admission, type GraphQLContext } from './graphql/context';
import { createApolloServer } from './graphql/server';
import { createLogger, type Logger } from './logger';
import { AccessStore, createDynamo, type Dynamo } from './store';
import { UseCaseFactory } from './usecases';

export interface RequestInfo {
  requestId: string;
  headers: Record<string, string | undefined>;
  /** The client's address (API Gateway's requestContext.http.sourceIp): failed keys are limited per address. */
  sourceIp?: string;
  /** The bank the request names, guessed from its text (src/graphql/bank-hint.ts), if any. */
  bankHint?: BankHint | null;
}

export interface App {
  config: Config;
  logger: Logger;
  dynamo: Dynamo;
  server: ApolloServer<GraphQLContext>;
  /**
   * Throws a DomainError (UNAUTHENTICATED, FORBIDDEN, RATE_LIMITED) for requests it refuses;
   * either way `admission` holds what was established before the answer.
   */
  contextFor(request: RequestInfo, admission?: Admission): Promise<GraphQLContext>;
}

export function createApp(config: Config = readConfig(), logger: Logger = createLogger(config.logLevel)): App {
  const dynamo = createDynamo({
    tableName: config.tableName,
    region: config.region,
    endpoint: config.dynamodbEndpoint,
    placeholderCredentials: config.placeholderCredentials,
  });
  const useCases = new UseCaseFactory(dynamo, { catalogTrustMs: config.catalogTrustMs });
  const access = new AccessStore(dynamo);
  const authenticator = new Authenticator(access, {
    allowAnonymous: config.allowAnonymous,
    allowLoopbackOrigins: config.allowLoopbackOrigins,
  });
  const limiter = new RateLimiter(
    (keyId, window, count) => access.reportUsage(keyId, window, count),
    (error) => logger.warn('rate counter unavailable; admitting', { error: (error as Error).message }),
  );

  const admit = admitter(config, limiter);

  return {
    config,
    logger,
    dynamo,
    // A request pays one unit when it arrives and the rest of its cost once its operation is known.
    server: createApolloServer(config, {
      chargeCost: (context, units) => admit(context.caller, units, Date.now(), context.admission),
      logger,
    }),
    async contextFor({ requestId, headers, sourceIp, bankHint }, admission = newAdmission()) {
      const startedAt = Date.now();
      const warming = warmNamedBank(useCases, config, { headers, bankHint });
      const caller = await authenticator.authenticate({
        apiKey: headers['x-api-key'],
        authorization: headers.authorization,
        userId: headers['x-user-id'],
        origin: headers.origin,
        sourceIp,
      });
      admission.caller = caller;
      await admit(caller, 1, startedAt, admission);
      await warming;
      const origin = headers.origin ?? null;
      const use = useCases.forRequest();
      return { requestId, caller, origin, sourceIp: sourceIp ?? null, startedAt, logger, use, admission };
    },
  };
}

/**
 * Reads the bank a request names beside its API key (what is read is checked later as always):
 * only for a request that could be admitted, with a well-formed key or, where keyless calls are
 * allowed, none. Anything else is refused without a read.
 */
function warmNamedBank(
  useCases: UseCaseFactory,
  config: Config,
  { headers, bankHint }: Pick<RequestInfo, 'headers' | 'bankHint'>,
): Promise<void> | undefined {
  const mayBeAdmitted = headers['x-api-key'] ? parseApiKey(headers['x-api-key']) !== null : config.allowAnonymous;
  return bankHint && mayBeAdmitted ? useCases.warmBank(bankHint.bankId, bankHint) : undefined;
}

/** Charges the caller's key `units` now, or refuses the request with RATE_LIMITED. */
function admitter(config: Config, limiter: RateLimiter) {
  return async function admit(caller: Caller, units: number, nowMs: number, admission: Admission): Promise<void> {
    if (!caller.key) return;
    const limit = caller.key.rateLimit ?? config.rateLimit;
    const verdict = await limiter.admit(caller.key.keyId, limit, nowMs, units);
    const resetMs = verdict.allowed ? verdict.resetMs : verdict.retryAfterMs;
    admission.rateLimit = {
      quota: limit.burst,
      windowSeconds: 1,
      remaining: verdict.remaining,
      resetSeconds: Math.max(1, Math.ceil(resetMs / 1000)),
    };
    if (!verdict.allowed) {
      throw new DomainError('RATE_LIMITED', 'too many requests for this API key', {
        retryAfterMs: verdict.retryAfterMs,
      });
    }
  };
}
