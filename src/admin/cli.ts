/**
 * npm run admin -- <command> [options] [--json] [--aws]
 *
 *   tenant:create --name N [--id I] [--origin URL]...
 *   tenant:rotate-secret --tenant T [--revoke-previous]
 *   tenant:update --tenant T [--add-origin URL]... [--remove-origin URL]...
 *   issuer:add --tenant T --issuer URL --jwks-url URL --audience A [--user-claim sub]
 *   issuer:list --tenant T
 *   issuer:remove --tenant T --issuer URL
 *   key:create --tenant T --kind publishable|secret [--rps N --burst N]
 *   key:revoke --key-id K
 *   key:list --tenant T
 *   key:sync-copies [--tenant T]   give keys created before keys carried their tenant a copy of it (once, after deploying)
 *   user-token --tenant T --user U [--ttl 1h]
 *   stats:verify [--tenant T]      recount every aggregate from the attempts; exit 1 on any difference
 *   stats:rebuild [--tenant T]     write the recount where it differs, then verify
 *   content:migrate-revisions      rewrite banks stored before question revisions or catalog facets, and index
 *                                  banks imported before search (once, before deploying)
 *
 * Works against the local DynamoDB of `npm start` unless DYNAMODB_ENDPOINT (or --aws) says otherwise.
 */
import { DomainError } from '../domain/errors';
import { startActivity, statusLine } from '../dev/activity';
import { installCrashHandlers, readCliConfig, reportFailure } from '../dev/cli-errors';
import { connectLocalDynamo } from '../dev/local-dynamo';
import { AccessStore, createDynamo, type Dynamo } from '../store';
import { COMMAND_HANDLERS, COMMAND_OPTIONS, optionProblem, type CommandResult } from './handlers';
import { statsOptions } from './stats';

export const USAGE = `usage: npm run admin -- <command> [options] [--json] [--aws]
  tenant:create --name N [--id I] [--origin URL]...
  tenant:rotate-secret --tenant T [--revoke-previous]
  tenant:update --tenant T [--add-origin URL]... [--remove-origin URL]...
  issuer:add --tenant T --issuer URL --jwks-url URL --audience A [--user-claim sub]
  issuer:list --tenant T
  issuer:remove --tenant T --issuer URL
  key:create --tenant T --kind publishable|secret [--rps N --burst N]
  key:revoke --key-id K
  key:list --tenant T
  key:sync-copies [--tenant T]
  user-token --tenant T --user U [--ttl 1h]
  stats:verify [--tenant T]
  stats:rebuild [--tenant T]
  content:migrate-revisions`;

const HELP = `${USAGE}

Without --aws or DYNAMODB_ENDPOINT it uses the DynamoDB Local of \`npm start\` (port 8000, or
DYNAMODB_LOCAL_PORT), starting it for the command when it is not running (needs Java 17+).
tenant:create and tenant:rotate-secret show the tenant's user-token secret once: your backend signs
HS256 user tokens with it (aud = tenant id, sub = user id, exp). Origins are scheme://host[:port];
issuers are OIDC/JWT providers (https, or http on a loopback host) whose tokens name users, the
user id being the --user-claim (default sub); at most 10 per tenant. Origin and issuer changes
take effect within 60 s.
--json prints one JSON document on stdout. Exit codes: 0 done, 1 failed, 2 usage error;
stats:verify exits 1 when a recount differs. content:migrate-revisions rewrites banks imported
before question revisions existed (the server no longer reads them), adds each question's difficulty,
kind and topic to catalogs stored without them, and writes the search index of banks imported before
search; it is safe to run again. key:sync-copies gives every key that is not revoked a copy of what
authentication needs from its tenant (keys created before this have none and cost a second read
when a container first sees them); it exits 1 for a tenant with more than 99 live keys; safe to run
again.`;

const TOOL = 'admin';
const COMMANDS = Object.keys(COMMAND_HANDLERS);
const USAGE_HINT = 'see: npm run admin -- --help';

type Options = Record<string, string[]>;

function parseArgs(argv: string[]): { command: string; options: Options; flags: Set<string> } {
  const [command = '', ...rest] = argv;
  const options: Options = {};
  const flags = new Set<string>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--json' || arg === '--aws' || isSwitch(command, arg)) flags.add(arg);
    else if (arg.startsWith('--') && i + 1 < rest.length) (options[arg.slice(2)] ??= []).push(rest[++i]);
    else throw new UsageError(`unexpected argument ${arg}`);
  }
  return { command, options, flags };
}

class UsageError extends Error {}

/** A command's own valueless switches (tenant:rotate-secret --revoke-previous). */
const isSwitch = (command: string, arg: string): boolean =>
  arg.startsWith('--') && (COMMAND_OPTIONS[command]?.flags ?? []).includes(arg.slice(2));

const one = (options: Options, name: string): string => {
  const value = options[name]?.[0];
  if (!value) throw new UsageError(`--${name} is required`);
  return value;
};

async function run(
  { command, options, flags }: ReturnType<typeof parseArgs>,
  store: AccessStore,
  dynamo: Dynamo,
): Promise<CommandResult> {
  const handler = Object.hasOwn(COMMAND_HANDLERS, command) ? COMMAND_HANDLERS[command] : undefined;
  if (!handler) throw new UsageError(command ? `unknown command ${command}` : 'no command given');
  const switches = new Set([...flags].filter((flag) => flag !== '--json' && flag !== '--aws').map((f) => f.slice(2)));
  return handler({ options, flags: switches, store, dynamo, one: (name) => one(options, name) });
}

function fail(message: string, code: number): number {
  process.stderr.write(`${message}\n`);
  return code;
}

const wantsHelp = (argv: string[]): boolean =>
  argv.some((arg) => arg === '--help' || arg === '-h') || argv[0] === 'help';

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
  if (!COMMANDS.includes(args.command))
    return fail(`${TOOL}: ${args.command ? `unknown command ${args.command}` : 'no command given'}\n${USAGE_HINT}`, 2);
  const problem = optionProblem(args.command, args.options, new Set());
  if (problem) return fail(`${TOOL}: ${problem}\n${USAGE_HINT}`, 2);
  if (args.command.startsWith('stats:')) {
    try {
      statsOptions(args.options);
    } catch (error) {
      return fail(`${TOOL}: ${(error as Error).message}\n${USAGE_HINT}`, 2);
    }
  }
  const config = readCliConfig();
  const target = args.flags.has('--aws')
    ? { dynamo: createDynamo({ tableName: config.tableName, region: config.region }), stop: async () => {} }
    : await connectLocalDynamo(config, { onStarting: statusLine(), owner: 'admin' });
  const activity = startActivity(args.command);
  try {
    const result = await run(args, new AccessStore(target.dynamo), target.dynamo);
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
