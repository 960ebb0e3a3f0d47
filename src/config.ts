/**
 * The only module that reads process.env: everything else receives a typed Config.
 */
import path from 'node:path';

export interface Config {
  stage: string;
  /** DynamoDB endpoint override (DynamoDB Local); undefined means AWS. */
  dynamodbEndpoint: string | undefined;
  /** Placeholder credentials for an endpoint when the environment has none (DynamoDB Local). */
  placeholderCredentials: boolean;
  region: string;
  tableName: string;
  port: number;
  /** The interface the local dev server listens on (HOST); loopback unless told otherwise. */
  host: string;
  /** Where `npm start` and the seed CLI run DynamoDB Local when DYNAMODB_ENDPOINT is unset. */
  localDynamoPort: number;
  /** Where DynamoDB Local keeps its data for `npm start` and the seed CLI. */
  localDataDir: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  production: boolean;
  /**
   * Content queries without an API key: only when STAGE=local is set explicitly and NODE_ENV is
   * not production. A missing STAGE fails closed (npm start sets STAGE=local itself).
   */
  allowAnonymous: boolean;
  /**
   * Any port of http://localhost and http://127.0.0.1 as an allowed origin of every tenant: like
   * allowAnonymous, only with an explicit STAGE=local outside NODE_ENV=production.
   */
  allowLoopbackOrigins: boolean;
  /** Schema introspection; off in production unless INTROSPECTION=true. */
  introspection: boolean;
  /** Per-key limit unless the key has its own (requests per second, burst). */
  rateLimit: { rps: number; burst: number };
  /**
   * How long learner analytics (weakTopics) use a held catalog without checking its version
   * again: the catalog was confirmed current by a bank item read at most this long ago.
   */
  catalogTrustMs: number;
}

const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const explicitStage = env.STAGE?.trim();
  const stage = explicitStage || 'local';
  const port = readPort(env, 'PORT', 4000);
  const localDynamoPort = readPort(env, 'DYNAMODB_LOCAL_PORT', 8000);
  const logLevel = (env.LOG_LEVEL?.trim().toLowerCase() || 'info') as Config['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`);
  }
  const tableName = env.TABLE_NAME?.trim() || `${env.TABLE_PREFIX?.trim() || 'qbank'}-${stage}`;
  if (!/^[A-Za-z0-9_.-]{3,255}$/.test(tableName)) {
    throw new Error(`TABLE_NAME "${tableName}" is not a valid DynamoDB table name`);
  }
  const dynamodbEndpoint = env.DYNAMODB_ENDPOINT?.trim() || undefined;
  const production = env.NODE_ENV === 'production' || !['local', 'dev', 'test'].includes(stage);
  const rps = readNumber(env, 'RATE_LIMIT_RPS', 20);
  const burst = readNumber(env, 'RATE_LIMIT_BURST', Math.max(40, rps));
  if (burst < rps) throw new Error(`RATE_LIMIT_BURST (${burst}) must be at least RATE_LIMIT_RPS (${rps})`);
  return {
    stage,
    dynamodbEndpoint,
    placeholderCredentials: dynamodbEndpoint !== undefined && !env.AWS_ACCESS_KEY_ID,
    // DynamoDB Local accepts any region; AWS_REGION is always set inside Lambda.
    region: env.AWS_REGION || env.AWS_DEFAULT_REGION || (dynamodbEndpoint ? 'local' : 'us-east-1'),
    tableName,
    port,
    host: readHost(env),
    localDynamoPort,
    localDataDir: path.resolve(env.QBANK_DATA_DIR?.trim() || path.join(__dirname, '..', '.data')),
    logLevel,
    production,
    allowAnonymous: explicitStage === 'local' && env.NODE_ENV !== 'production',
    allowLoopbackOrigins: explicitStage === 'local' && env.NODE_ENV !== 'production',
    introspection: env.INTROSPECTION ? env.INTROSPECTION === 'true' : !production,
    rateLimit: { rps, burst },
    catalogTrustMs: CATALOG_TRUST_MS,
  };
}

/** See Config.catalogTrustMs: section titles and retirements of an import reach weakTopics within a second. */
export const CATALOG_TRUST_MS = 1_000;

/** npm start's environment: STAGE=local unless the caller chose a stage. */
export const localServerEnv = (env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv => ({
  ...env,
  STAGE: env.STAGE?.trim() || 'local',
});

function readHost(env: NodeJS.ProcessEnv): string {
  const host = env.HOST?.trim() || '127.0.0.1';
  // An IPv4 or IPv6 address or a host name; nothing with a scheme, port or path.
  if (!/^[A-Za-z0-9.:-]{1,253}$/.test(host)) throw new Error(`HOST must be an address or host name, got "${host}"`);
  return host;
}

function readPort(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = env[name]?.trim();
  const port = value ? Number(value) : fallback;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`${name} must be an integer from 0 to 65535, got "${value}"`);
  }
  return port;
}

function readNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = env[name]?.trim();
  const number = value ? Number(value) : fallback;
  if (!Number.isInteger(number) || number < 1)
    throw new Error(`${name} must be a whole number of at least 1, got "${value}"`);
  return number;
}
