/** What each admin command does, given its parsed options; src/admin/cli.ts parses and prints. */
import { parseTtl } from '../auth/user-token';
import { checkTenantId } from '../domain/access';
import { badInput } from '../domain/errors';
import { migrateRevisions, type AccessStore, type Dynamo } from '../store';
import type { TrustedIssuer } from '../domain/access';
import {
  addIssuer,
  createKey,
  createTenant,
  listIssuers,
  mintUserToken,
  removeIssuer,
  rotateUserTokenSecret,
  syncKeyCopies,
  updateTenantOrigins,
  userTokenSecretOf,
} from '../usecases/tenants';
import { statsCommand } from './stats';

export interface CommandResult {
  json: unknown;
  text: string;
  exitCode?: number;
}

export interface CommandInput {
  options: Record<string, string[]>;
  /** Valueless switches given, without their dashes (`revoke-previous`). */
  flags: Set<string>;
  store: AccessStore;
  dynamo: Dynamo;
  /** The option's one value; a usage error when it is missing. */
  one(name: string): string;
}

async function createTenantCommand({ options, store, one }: CommandInput): Promise<CommandResult> {
  const tenant = await createTenant(store, { name: one('name'), id: options.id?.[0], origins: options.origin });
  const userTokenSecret = userTokenSecretOf(tenant);
  return {
    json: { tenant: { id: tenant.id, name: tenant.name, allowedOrigins: tenant.allowedOrigins }, userTokenSecret },
    text: [`created tenant ${tenant.id}`, ...secretLines(tenant.id, userTokenSecret)].join('\n'),
  };
}

/** How the secret is shown: once, with what a backend does with it. */
const secretLines = (tenantId: string, secret: string): string[] => [
  'user-token secret (shown once, store it in your backend now; HS256, aud = tenant id):',
  secret,
  `sign with e.g. jwt.sign({ sub: userId, aud: '${tenantId}' }, secret, { expiresIn: '1h' })`,
];

async function rotateSecret({ store, one, flags }: CommandInput): Promise<CommandResult> {
  const revokePrevious = flags.has('revoke-previous');
  const userTokenSecret = await rotateUserTokenSecret(store, one('tenant'), { revokePrevious });
  return {
    json: { rotated: true, previousRevoked: revokePrevious, userTokenSecret },
    text: [
      revokePrevious
        ? 'rotated the user-token secret; tokens signed with any earlier one are refused within 60 s'
        : 'rotated the user-token secret (tokens signed with the previous one still verify until the next rotation)',
      ...secretLines(one('tenant'), userTokenSecret),
    ].join('\n'),
  };
}

async function updateTenant({ options, store, one }: CommandInput): Promise<CommandResult> {
  const tenant = await updateTenantOrigins(store, {
    tenantId: one('tenant'),
    add: options['add-origin'],
    remove: options['remove-origin'],
  });
  return {
    json: { tenant: { id: tenant.id, name: tenant.name, allowedOrigins: tenant.allowedOrigins } },
    text: `allowed origins of ${tenant.id} (in effect within 60 s): ${tenant.allowedOrigins.join(' ') || 'none'}`,
  };
}

const issuerLine = (i: TrustedIssuer): string =>
  `${i.issuer}  audience ${i.audience}  user claim ${i.userClaim}  jwks ${i.jwksUrl}`;

async function addIssuerCommand({ options, store, one }: CommandInput): Promise<CommandResult> {
  const issuer = await addIssuer(store, {
    tenantId: one('tenant'),
    issuer: one('issuer'),
    jwksUrl: one('jwks-url'),
    audience: one('audience'),
    userClaim: options['user-claim']?.[0],
  });
  return { json: { issuer }, text: `trusted (in effect within 60 s): ${issuerLine(issuer)}` };
}

async function listIssuersCommand({ store, one }: CommandInput): Promise<CommandResult> {
  const issuers = await listIssuers(store, one('tenant'));
  return { json: { issuers }, text: issuers.length > 0 ? issuers.map(issuerLine).join('\n') : 'no issuers' };
}

async function removeIssuerCommand({ store, one }: CommandInput): Promise<CommandResult> {
  await removeIssuer(store, { tenantId: one('tenant'), issuer: one('issuer') });
  return { json: { removed: one('issuer') }, text: `removed ${one('issuer')} (its tokens are refused within 60 s)` };
}

async function createKeyCommand({ options, store, one }: CommandInput): Promise<CommandResult> {
  if (options.burst && !options.rps) throw badInput('--burst needs --rps');
  const rateLimit = options.rps
    ? { rps: readCount('rps', one('rps')), burst: readCount('burst', options.burst?.[0] ?? one('rps')) }
    : undefined;
  const key = await createKey(store, { tenantId: one('tenant'), kind: one('kind'), rateLimit });
  return {
    json: key,
    text: `${key.kind} key ${key.keyId} for ${key.tenantId} (shown once, store it now):\n${key.key}`,
  };
}

async function revokeKey({ store, one }: CommandInput): Promise<CommandResult> {
  if (!isKeyId(one('key-id')))
    throw badInput(`--key-id must be the 16-character id key:list shows; got "${one('key-id')}"`);
  await store.revokeApiKey(one('key-id'), new Date().toISOString());
  return { json: { revoked: one('key-id') }, text: `revoked ${one('key-id')} (refused everywhere within 60 s)` };
}

async function listKeys({ store, one }: CommandInput): Promise<CommandResult> {
  const keys = (await store.listApiKeys(checkTenantId(one('tenant')))).map(({ hash: _hash, ...key }) => key);
  const line = (k: (typeof keys)[number]): string =>
    `${k.keyId}  ${k.kind.padEnd(11)}  ${k.createdAt}  ${k.revokedAt ? `revoked ${k.revokedAt}` : 'active'}`;
  return { json: { keys }, text: keys.map(line).join('\n') };
}

async function syncCopies({ store, options }: CommandInput): Promise<CommandResult> {
  const tenants = await syncKeyCopies(store, options.tenant?.[0]);
  const line = ({ tenant, keys, synced }: (typeof tenants)[number]): string =>
    synced
      ? `${tenant}: ${keys} live keys carry the tenant`
      : `${tenant}: ${keys} live keys, more than one transaction holds: left as they were (they authenticate with two reads)`;
  return {
    json: { tenants },
    text: tenants.map(line).join('\n') || 'no tenants',
    exitCode: tenants.every((t) => t.synced) ? 0 : 1,
  };
}

async function userToken({ options, store, one }: CommandInput): Promise<CommandResult> {
  const ttlSeconds = parseTtl(options.ttl?.[0] ?? '1h');
  const token = await mintUserToken(store, { tenantId: one('tenant'), userId: one('user'), ttlSeconds });
  return { json: { token }, text: token };
}

async function migrate({ dynamo }: CommandInput): Promise<CommandResult> {
  const report = await migrateRevisions(dynamo);
  const changed = [
    ...(report.migrated.length > 0 ? [`migrated ${report.migrated.join(', ')}`] : []),
    ...(report.facetsAdded.length > 0 ? [`catalog facets added to ${report.facetsAdded.join(', ')}`] : []),
    ...(report.indexed.length > 0 ? [`indexed for search: ${report.indexed.join(', ')}`] : []),
  ];
  const text =
    changed.length > 0
      ? `${changed.join('; ')}; ${report.current} already current`
      : `nothing to migrate: ${report.current} banks already current`;
  return { json: report, text };
}

const isKeyId = (value: string): boolean => /^[a-z0-9]{16}$/.test(value);

/** --rps and --burst: whole numbers from 1 to 100,000 (a typo must not become NaN or 1e9). */
function readCount(name: string, value: string): number {
  const count = /^\d{1,6}$/.test(value) ? Number(value) : NaN;
  if (!(count >= 1 && count <= 100_000))
    throw badInput(`--${name} must be a whole number from 1 to 100000; got "${value}"`);
  return count;
}

/** The options (with a value) and switches each command takes; anything else is a usage error. */
export const COMMAND_OPTIONS: Record<string, { options: string[]; repeatable?: string[]; flags?: string[] }> = {
  'tenant:create': { options: ['name', 'id', 'origin'], repeatable: ['origin'] },
  'tenant:rotate-secret': { options: ['tenant'], flags: ['revoke-previous'] },
  'tenant:update': { options: ['tenant', 'add-origin', 'remove-origin'], repeatable: ['add-origin', 'remove-origin'] },
  'issuer:add': { options: ['tenant', 'issuer', 'jwks-url', 'audience', 'user-claim'] },
  'issuer:list': { options: ['tenant'] },
  'issuer:remove': { options: ['tenant', 'issuer'] },
  'key:create': { options: ['tenant', 'kind', 'rps', 'burst'] },
  'key:revoke': { options: ['key-id'] },
  'key:list': { options: ['tenant'] },
  'key:sync-copies': { options: ['tenant'] },
  'user-token': { options: ['tenant', 'user', 'ttl'] },
  'stats:verify': { options: ['tenant'] },
  'stats:rebuild': { options: ['tenant'] },
  'content:migrate-revisions': { options: [] },
};

/** Why these options do not fit the command (unknown, repeated, a switch it lacks), or null. */
export function optionProblem(command: string, options: Record<string, string[]>, flags: Set<string>): string | null {
  const spec = COMMAND_OPTIONS[command] ?? { options: [] };
  for (const [name, values] of Object.entries(options)) {
    if (!spec.options.includes(name)) return `${command} takes no option --${name}`;
    if (values.length > 1 && !spec.repeatable?.includes(name)) return `--${name} is given more than once`;
  }
  const flag = [...flags].find((name) => !spec.flags?.includes(name));
  return flag ? `${command} takes no switch --${flag}` : null;
}

export const COMMAND_HANDLERS: Record<string, (input: CommandInput) => Promise<CommandResult>> = {
  'tenant:create': createTenantCommand,
  'tenant:rotate-secret': rotateSecret,
  'tenant:update': updateTenant,
  'issuer:add': addIssuerCommand,
  'issuer:list': listIssuersCommand,
  'issuer:remove': removeIssuerCommand,
  'key:create': createKeyCommand,
  'key:revoke': revokeKey,
  'key:list': listKeys,
  'key:sync-copies': syncCopies,
  'user-token': userToken,
  'stats:verify': ({ dynamo, options }) => statsCommand('stats:verify', dynamo, { tenantId: options.tenant?.[0] }),
  'stats:rebuild': ({ dynamo, options }) => statsCommand('stats:rebuild', dynamo, { tenantId: options.tenant?.[0] }),
  'content:migrate-revisions': migrate,
};
