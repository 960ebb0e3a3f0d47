/**
 * npm start: DynamoDB Local (unless DYNAMODB_ENDPOINT is set), the table, the shipped banks
 * imported when absent, and the API on http://localhost:$PORT/graphql. Ctrl-C stops it all.
 */
import { readdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { importBankFiles, readBankFiles } from '../usecases/import-banks';
import { syncKeyCopies } from '../usecases/tenants';
import { createApp } from '../app';
import { createLambdaHandler } from '../lambda';
import { localServerEnv } from '../config';
import { createLogger } from '../logger';
import { bankExists, migrateRevisions, type Dynamo } from '../store';
import { statusLine } from './activity';
import { installCrashHandlers, LocalSetupError, readCliConfig, reportFailure } from './cli-errors';
import { isPortOpen } from './dynamodb-local';
import { createLandingPage } from './graphiql';
import { createHttpServer } from './http-server';
import { connectLocalDynamo } from './local-dynamo';
import { DEMO_USER, ensureLocalAccess, LOCAL_TENANT } from './local-tenant';
import { AccessStore } from '../store';

const SHIPPED_BANKS = path.resolve(__dirname, '../../seed/banks');
const TOOL = 'npm start';

async function importMissingBanks(dynamo: Dynamo): Promise<string[]> {
  const files = (await readdir(SHIPPED_BANKS))
    .filter((name) => name.endsWith('.md'))
    .map((name) => path.join(SHIPPED_BANKS, name));
  const missing: string[] = [];
  for (const { file, bank } of await readBankFiles(files)) if (!(await bankExists(dynamo, bank.id))) missing.push(file);
  if (missing.length > 0) await importBankFiles(dynamo, missing);
  return missing.map((file) => path.basename(file));
}

const portTaken = (port: number): LocalSetupError =>
  new LocalSetupError(
    `port ${port} is taken (another npm start?). Stop that process, or set PORT to a free port, e.g. PORT=${port + 1} npm start.`,
  );

/** Loopback is printed as localhost, as the README shows it; anything else as given. */
const urlHost = (host: string): string =>
  ['127.0.0.1', '::1', 'localhost'].includes(host) ? 'localhost' : host.includes(':') ? `[${host}]` : host;

/** The local tenant's allowed origins, and the loopback ports STAGE=local adds (npm run admin -- tenant:update changes the rest). */
const originsLine = (origins: string[], loopback: boolean): string =>
  [...origins, ...(loopback ? ['and any http://localhost:* or http://127.0.0.1:* (STAGE=local)'] : [])].join(', ') ||
  'none';

async function main(): Promise<void> {
  // STAGE=local unless the caller chose one: keyless local use, and the qbank-local table.
  const config = readCliConfig(localServerEnv());
  // Checked before DynamoDB Local starts, so a second `npm start` fails in a second, not ten.
  if (config.port !== 0 && (await isPortOpen(config.port))) throw portTaken(config.port);
  const logger = createLogger(config.logLevel);
  const local = await connectLocalDynamo(config, { onStarting: statusLine(), owner: TOOL, exclusive: true });
  const stopAll = async (code: number): Promise<never> => {
    await local.stop();
    process.exit(code);
  };
  try {
    // A data folder from before question revisions is brought up to date first (once; then a Query per bank).
    const { migrated, facetsAdded, indexed } = await migrateRevisions(local.dynamo);
    if (migrated.length > 0) process.stdout.write(`Migrated to question revisions: ${migrated.join(', ')}\n`);
    if (facetsAdded.length > 0) process.stdout.write(`Catalog facets added: ${facetsAdded.join(', ')}\n`);
    if (indexed.length > 0) process.stdout.write(`Indexed for search: ${indexed.join(', ')}\n`);
    const imported = await importMissingBanks(local.dynamo);
    const accessStore = new AccessStore(local.dynamo);
    const access = await ensureLocalAccess(accessStore, config.localDataDir, config.tableName);
    // Keys from a data folder made before keys carried their tenant get the copy (one read authenticates).
    await syncKeyCopies(accessStore);
    // The API signs for DynamoDB Local like the import above: with placeholder credentials when the
    // environment has none (a fresh machine), whichever DynamoDB Local it found or started.
    const app = createApp(
      { ...config, dynamodbEndpoint: local.endpoint, placeholderCredentials: !process.env.AWS_ACCESS_KEY_ID },
      logger,
    );
    const landingPage = createLandingPage({
      'x-api-key': access.publishableKey,
      authorization: `Bearer ${access.userToken}`,
    });
    const server = createHttpServer(createLambdaHandler(app), { landingPage });
    await new Promise<void>((resolve, reject) =>
      server.once('error', reject).listen(config.port, config.host, resolve),
    ).catch((error: NodeJS.ErrnoException) => {
      throw error.code === 'EADDRINUSE' ? portTaken(config.port) : error;
    });
    const { port } = server.address() as AddressInfo;
    const url = `http://${urlHost(config.host)}:${port}/graphql`;
    process.stdout.write(
      [
        `DynamoDB: ${local.endpoint}${local.started ? ` (DynamoDB Local, data in ${config.localDataDir})` : ''}, table ${config.tableName}`,
        imported.length > 0
          ? `Imported: ${imported.join(', ')}`
          : 'Banks already imported (npm run seed -- <file.md> to add or update one)',
        `Tenant "${LOCAL_TENANT}": publishable key ${access.publishableKey}`,
        `                 secret key      ${access.secretKey}`,
        `                 user token for "${DEMO_USER}" (12 h) ${access.userToken}`,
        `                 allowed origins ${originsLine(access.allowedOrigins, config.allowLoopbackOrigins)}`,
        `qbank GraphQL API ready at ${url}`,
        `Try: curl -s ${url} -H 'content-type: application/json' -H 'x-api-key: ${access.publishableKey}' \\`,
        `       -H 'authorization: Bearer ${access.userToken}' -d '{"query":"{ me { id } banks { id title questionCount } }"}'`,
        '',
      ].join('\n'),
    );
    const shutdown = (): void => {
      server.close();
      void stopAll(0);
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  } catch (error) {
    await stopAll(reportFailure(TOOL, error));
  }
}

installCrashHandlers(TOOL);
void main().catch((error: unknown) => {
  process.exit(reportFailure(TOOL, error));
});
