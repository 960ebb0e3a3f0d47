import path from 'node:path';
import { localServerEnv, readConfig } from '../../src/config';

describe('readConfig', () => {
  it('has local defaults', () => {
    expect(readConfig({})).toEqual({
      stage: 'local',
      dynamodbEndpoint: undefined,
      placeholderCredentials: false,
      region: 'us-east-1',
      tableName: 'qbank-local',
      port: 4000,
      host: '127.0.0.1',
      localDynamoPort: 8000,
      localDataDir: path.resolve(__dirname, '../../.data'),
      logLevel: 'info',
      production: false,
      allowAnonymous: false,
      allowLoopbackOrigins: false,
      introspection: true,
      rateLimit: { rps: 20, burst: 40 },
      catalogTrustMs: 1000,
    });
  });

  it('allows keyless calls only with STAGE=local set explicitly and NODE_ENV not production', () => {
    expect(
      [
        {},
        { NODE_ENV: 'production' },
        { STAGE: 'local', NODE_ENV: 'production' },
        { STAGE: 'dev' },
        { STAGE: 'local' },
      ].map((env) => readConfig(env).allowAnonymous),
    ).toEqual([false, false, false, false, true]);
    expect(readConfig(localServerEnv({}))).toMatchObject({
      stage: 'local',
      tableName: 'qbank-local',
      allowAnonymous: true,
    });
    expect(readConfig(localServerEnv({ STAGE: 'prod' }))).toMatchObject({ stage: 'prod', allowAnonymous: false });
  });

  it('allows http://localhost:* and http://127.0.0.1:* origins only with STAGE=local set explicitly, never in production', () => {
    expect(
      [
        {},
        { NODE_ENV: 'production' },
        { STAGE: 'local', NODE_ENV: 'production' },
        { STAGE: 'dev' },
        { STAGE: 'prod' },
        { STAGE: 'local' },
      ].map((env) => readConfig(env).allowLoopbackOrigins),
    ).toEqual([false, false, false, false, false, true]);
    expect(readConfig(localServerEnv({})).allowLoopbackOrigins).toBe(true);
  });

  it('binds the dev server to HOST, loopback by default', () => {
    expect([readConfig({}).host, readConfig({ HOST: '0.0.0.0' }).host, readConfig({ HOST: '::1' }).host]).toEqual([
      '127.0.0.1',
      '0.0.0.0',
      '::1',
    ]);
  });

  it('signs for an endpoint with placeholder credentials only when the environment has none', () => {
    expect(readConfig({ DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000' }).placeholderCredentials).toBe(true);
    expect(
      readConfig({ DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000', AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE' })
        .placeholderCredentials,
    ).toBe(false);
    expect(readConfig({ AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE' }).placeholderCredentials).toBe(false);
  });

  it('reads the environment', () => {
    const config = readConfig({
      STAGE: 'prod',
      TABLE_PREFIX: 'acme',
      PORT: '8080',
      LOG_LEVEL: 'WARN',
      DYNAMODB_ENDPOINT: 'http://127.0.0.1:9000',
      AWS_REGION: 'eu-west-1',
    });
    expect(config).toMatchObject({
      stage: 'prod',
      tableName: 'acme-prod',
      port: 8080,
      logLevel: 'warn',
      dynamodbEndpoint: 'http://127.0.0.1:9000',
      region: 'eu-west-1',
      production: true,
    });
    expect(readConfig({ TABLE_NAME: 'explicit' }).tableName).toBe('explicit');
    expect(readConfig({ NODE_ENV: 'production' }).production).toBe(true);
    expect(readConfig({ STAGE: 'prod' })).toMatchObject({ allowAnonymous: false, introspection: false });
    expect(readConfig({ STAGE: 'prod', INTROSPECTION: 'true' }).introspection).toBe(true);
    expect(readConfig({ RATE_LIMIT_RPS: '5', RATE_LIMIT_BURST: '8' }).rateLimit).toEqual({ rps: 5, burst: 8 });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT must be an integer from 0 to 65535, got "eighty"'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of debug, info, warn, error, silent, got "loud"'],
    [{ TABLE_NAME: 'no spaces allowed' }, 'TABLE_NAME "no spaces allowed" is not a valid DynamoDB table name'],
    [{ HOST: 'http://0.0.0.0/' }, 'HOST must be an address or host name, got "http://0.0.0.0/"'],
    [{ RATE_LIMIT_RPS: '0' }, 'RATE_LIMIT_RPS must be a whole number of at least 1, got "0"'],
    [{ RATE_LIMIT_RPS: '50', RATE_LIMIT_BURST: '10' }, 'RATE_LIMIT_BURST (10) must be at least RATE_LIMIT_RPS (50)'],
  ])('refuses %j', (env, message) => {
    expect(() => readConfig(env)).toThrow(message);
  });
});
