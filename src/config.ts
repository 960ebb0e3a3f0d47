/**
 * The only module that reads process.env: everything else receives a typed Config.
 */
import path from 'node:path';

export interface Config {
  stage: string;
  /** DynamoDB endpoint override (DynamoDB Local); undefined means AWS. */
  dynamodbEndpoint: string | undefined;
  region: string;
  tableName: string;
  port: number;
  /** Where `npm start` and the seed CLI run DynamoDB Local when DYNAMODB_ENDPOINT is unset. */
  localDynamoPort: number;
  /** Where DynamoDB Local keeps its data for `npm start` and the seed CLI. */
  localDataDir: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  production: boolean;
}

const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const stage = env.STAGE?.trim() || 'local';
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
  return {
    stage,
    dynamodbEndpoint,
    // DynamoDB Local accepts any region; AWS_REGION is always set inside Lambda.
    region: env.AWS_REGION || env.AWS_DEFAULT_REGION || (dynamodbEndpoint ? 'local' : 'us-east-1'),
    tableName,
    port,
    localDynamoPort,
    localDataDir: path.resolve(env.QBANK_DATA_DIR?.trim() || path.join(__dirname, '..', '.data')),
    logLevel,
    production: env.NODE_ENV === 'production' || !['local', 'dev', 'test'].includes(stage),
  };
}

function readPort(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = env[name]?.trim();
  const port = value ? Number(value) : fallback;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`${name} must be an integer from 0 to 65535, got "${value}"`);
  }
  return port;
}
