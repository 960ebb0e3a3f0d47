/**
 * npm run admin -- <command> [options] [--json] [--aws]
 *
 *   tenant:create --name N [--id I] [--origin URL]...
 *   tenant:rotate-secret --tenant T
 *   key:create --tenant T --kind publishable|secret [--rps N --burst N]
 *   key:revoke --key-id K
 *   key:list --tenant T
 *   user-token --tenant T --user U [--ttl 1h]
 *   stats:verify [--tenant T]      recount every aggregate from the attempts; exit 1 on any difference
 *   stats:rebuild [--tenant T]     write the recount where it differs, then verify
 *   content:migrate-revisions      rewrite banks stored before question revisions (once, before deploying)
 *
 * Works against the local DynamoDB of `npm start` unless DYNAMODB_ENDPOINT (or --aws) says otherwise.
 */
import { DomainError } from '../domain/errors';
import { startActivity, statusLine } from '../dev/activity';
import { installCrashHandlers, readCliConfig, reportFailure } from '../dev/cli-errors';
import { connectLocalDynamo } from '../dev/local-dynamo';
import { AccessStore, createDynamo, migrateRevisions, type Dynamo } from '../store';
import { parseTtl } from '../auth/user-token';
import { createKey, createTenant, mintUserToken, rotateUserTokenSecret } from './commands';
import { statsCommand } from './stats';

export const USAGE = `usage: npm run admin -- <command> [options] [--json] [--aws]
  tenant:create --name N [--id I] [--origin URL]...
  tenant:rotate-secret --tenant T
  key:create --tenant T --kind publishable|secret [--rps N --burst N]
  key:revoke --key-id K
  key:list --tenant T
  user-token --tenant T --user U [--ttl 1h]
  stats:verify [--tenant T]
  stats:rebuild [--tenant T]
  content:migrate-revisions`;

const HELP = `${USAGE}

Without --aws or DYNAMODB_ENDPOINT it uses the DynamoDB Local of \`npm start\` (port 8000, or
DYNAMODB_LOCAL_PORT), starting it for the command when it is not running (needs Java 17+).
--json prints one JSON document on stdout. Exit codes: 0 done, 1 failed, 2 usage error;
stats:verify exits 1 when a recount differs. content:migrate-revisions rewrites banks imported
before question revisions existed (the server no longer reads them); it is safe to run again.`;

const TOOL = 'admin';
const COMMANDS = [
  'tenant:create',
  'tenant:rotate-secret',
  'key:create',
  'key:revoke',
  'key:list',
  'user-token',
  'stats:verify',
  'stats:rebuild',
  'content:migrate-revisions',
];
const USAGE_HINT = 'see: npm run admin -- --help';

type Options = Record<string, string[]>;

function parseArgs(argv: string[]): { command: string; options: Options; flags: Set<string> } {
  const [command = '', ...rest] = argv;
  const options: Options = {};
  const flags = new Set<string>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--json' || arg === '--aws') flags.add(arg);
    else if (arg.startsWith('--') && i + 1 < rest.length) (options[arg.slice(2)] ??= []).push(rest[++i]);
    else throw new UsageError(`unexpected argument ${arg}`);
  }
  return { command, options, flags };
}

class UsageError extends Error {}

const one = (options: Options, name: string): string => {
  const value = options[name]?.[0];
  if (!value) throw new UsageError(`--${name} is required`);
  return value;
};

type Result = { json: unknown; text: string; exitCode?: number };

async function migrate(dynamo: Dynamo): Promise<Result> {
  const report = await migrateRevisions(dynamo);
  const text = report.migrated.length > 0 ? `migrated ${report.migrated.join(', ')}; ${report.current} already current` : `nothing to migrate: ${report.current} banks already current`;
  return { json: report, text };
}

async function run(command: string, options: Options, store: AccessStore, dynamo: Dynamo): Promise<Result> {
  if (command === 'content:migrate-revisions') return migrate(dynamo);
  switch (command) {
    case 'tenant:create': {
      const tenant = await createTenant(store, { name: one(options, 'name'), id: options.id?.[0], origins: options.origin });
      return { json: { tenant: { id: tenant.id, name: tenant.name, allowedOrigins: tenant.allowedOrigins } }, text: `created tenant ${tenant.id}` };
    }
    case 'tenant:rotate-secret':
      await rotateUserTokenSecret(store, one(options, 'tenant'));
      return { json: { rotated: true }, text: 'rotated the user-token secret (tokens signed with the previous one still verify until the next rotation)' };
    case 'key:create': {
      const rateLimit = options.rps ? { rps: Number(one(options, 'rps')), burst: Number(options.burst?.[0] ?? options.rps[0]) } : undefined;
      const key = await createKey(store, { tenantId: one(options, 'tenant'), kind: one(options, 'kind'), rateLimit });
      return { json: key, text: `${key.kind} key ${key.keyId} for ${key.tenantId} (shown once, store it now):\n${key.key}` };
    }
    case 'key:revoke':
      await store.revokeApiKey(one(options, 'key-id'), new Date().toISOString());
      return { json: { revoked: one(options, 'key-id') }, text: `revoked ${one(options, 'key-id')} (refused everywhere within 60 s)` };
    case 'key:list': {
      const keys = (await store.listApiKeys(one(options, 'tenant'))).map(({ hash: _hash, ...key }) => key);
      return { json: { keys }, text: keys.map((k) => `${k.keyId}  ${k.kind.padEnd(11)}  ${k.createdAt}  ${k.revokedAt ? `revoked ${k.revokedAt}` : 'active'}`).join('\n') };
    }
    case 'user-token': {
      const token = await mintUserToken(store, { tenantId: one(options, 'tenant'), userId: one(options, 'user'), ttlSeconds: parseTtl(options.ttl?.[0] ?? '1h') });
      return { json: { token }, text: token };
    }
    case 'stats:verify':
    case 'stats:rebuild':
      return statsCommand(command, dynamo, { tenantId: options.tenant?.[0] });
    default:
      throw new UsageError(command ? `unknown command ${command}` : 'no command given');
  }
}

function fail(message: string, code: number): number {
  process.stderr.write(`${message}\n`);
  return code;
}

const wantsHelp = (argv: string[]): boolean => argv.some((arg) => arg === '--help' || arg === '-h') || argv[0] === 'help';

async function main(argv: string[]): Promise<number> {
  if (wantsHelp(argv)) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(argv);
  } catch (error) {
    return fail(`${TOOL}: ${(error as Error).message}\n${USAGE_HINT}`, 2);
  }
  // Checked before connecting, so a typo does not wait for DynamoDB Local to start.
  if (!COMMANDS.includes(args.command)) return fail(`${TOOL}: ${args.command ? `unknown command ${args.command}` : 'no command given'}\n${USAGE_HINT}`, 2);
  const config = readCliConfig();
  const target = args.flags.has('--aws')
    ? { dynamo: createDynamo({ tableName: config.tableName, region: config.region }), stop: async () => {} }
    : await connectLocalDynamo(config, { onStarting: statusLine() });
  const activity = startActivity(args.command);
  try {
    const result = await run(args.command, args.options, new AccessStore(target.dynamo), target.dynamo);
    activity.stop();
    process.stdout.write(`${args.flags.has('--json') ? JSON.stringify(result.json) : result.text}\n`);
    return result.exitCode ?? 0;
  } catch (error) {
    activity.stop();
    if (error instanceof UsageError) return fail(`${TOOL}: ${error.message}\n${USAGE_HINT}`, 2);
    return reportFailure(TOOL, error, (e) => e instanceof DomainError);
  } finally {
    await target.stop();
  }
}

if (require.main === module) {
  installCrashHandlers(TOOL);
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => (process.exitCode = reportFailure(TOOL, error)),
  );
}
