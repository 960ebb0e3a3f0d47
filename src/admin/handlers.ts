/** What each admin command does, given its parsed options; src/admin/cli.ts parses and prints. */
import { parseTtl } from '../auth/user-token';
import { migrateRevisions, type AccessStore, type Dynamo } from '../store';
import { createKey, createTenant, mintUserToken, rotateUserTokenSecret } from './commands';
import { statsCommand } from './stats';

export interface CommandResult {
  json: unknown;
  text: string;
  exitCode?: number;
}

export interface CommandInput {
  options: Record<string, string[]>;
  store: AccessStore;
  dynamo: Dynamo;
  /** The option's one value; a usage error when it is missing. */
  one(name: string): string;
}

async function createTenantCommand({ options, store, one }: CommandInput): Promise<CommandResult> {
  const tenant = await createTenant(store, { name: one('name'), id: options.id?.[0], origins: options.origin });
  return {
    json: { tenant: { id: tenant.id, name: tenant.name, allowedOrigins: tenant.allowedOrigins } },
    text: `created tenant ${tenant.id}`,
  };
}

async function rotateSecret({ store, one }: CommandInput): Promise<CommandResult> {
  await rotateUserTokenSecret(store, one('tenant'));
  return {
    json: { rotated: true },
    text: 'rotated the user-token secret (tokens signed with the previous one still verify until the next rotation)',
  };
}

async function createKeyCommand({ options, store, one }: CommandInput): Promise<CommandResult> {
  const rateLimit = options.rps
    ? { rps: Number(one('rps')), burst: Number(options.burst?.[0] ?? options.rps[0]) }
    : undefined;
  const key = await createKey(store, { tenantId: one('tenant'), kind: one('kind'), rateLimit });
  return {
    json: key,
    text: `${key.kind} key ${key.keyId} for ${key.tenantId} (shown once, store it now):\n${key.key}`,
  };
}

async function revokeKey({ store, one }: CommandInput): Promise<CommandResult> {
  await store.revokeApiKey(one('key-id'), new Date().toISOString());
  return { json: { revoked: one('key-id') }, text: `revoked ${one('key-id')} (refused everywhere within 60 s)` };
}

async function listKeys({ store, one }: CommandInput): Promise<CommandResult> {
  const keys = (await store.listApiKeys(one('tenant'))).map(({ hash: _hash, ...key }) => key);
  const line = (k: (typeof keys)[number]): string =>
    `${k.keyId}  ${k.kind.padEnd(11)}  ${k.createdAt}  ${k.revokedAt ? `revoked ${k.revokedAt}` : 'active'}`;
  return { json: { keys }, text: keys.map(line).join('\n') };
}

async function userToken({ options, store, one }: CommandInput): Promise<CommandResult> {
  const ttlSeconds = parseTtl(options.ttl?.[0] ?? '1h');
  const token = await mintUserToken(store, { tenantId: one('tenant'), userId: one('user'), ttlSeconds });
  return { json: { token }, text: token };
}

async function migrate({ dynamo }: CommandInput): Promise<CommandResult> {
  const report = await migrateRevisions(dynamo);
  const text =
    report.migrated.length > 0
      ? `migrated ${report.migrated.join(', ')}; ${report.current} already current`
      : `nothing to migrate: ${report.current} banks already current`;
  return { json: report, text };
}

export const COMMAND_HANDLERS: Record<string, (input: CommandInput) => Promise<CommandResult>> = {
  'tenant:create': createTenantCommand,
  'tenant:rotate-secret': rotateSecret,
  'key:create': createKeyCommand,
  'key:revoke': revokeKey,
  'key:list': listKeys,
  'user-token': userToken,
  'stats:verify': ({ dynamo, options }) => statsCommand('stats:verify', dynamo, { tenantId: options.tenant?.[0] }),
  'stats:rebuild': ({ dynamo, options }) => statsCommand('stats:rebuild', dynamo, { tenantId: options.tenant?.[0] }),
  'content:migrate-revisions': migrate,
};
