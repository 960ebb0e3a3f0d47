/**
 * Builds the Lambda bundle the way `serverless package` does: the esbuild options are read from
 * serverless.yml's custom.esbuild block (and its plugins file), never repeated here, so the
 * cold-start numbers are about the bundle that ships.
 */
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse, type Tags } from 'yaml';

const ROOT = path.resolve(__dirname, '..');

/** serverless-esbuild options that are not esbuild's (it strips the same list before building). */
const PLUGIN_ONLY_KEYS = new Set([
  'concurrency',
  'zipConcurrency',
  'exclude',
  'nativeZip',
  'packager',
  'packagePath',
  'watch',
  'keepOutputDirectory',
  'packagerOptions',
  'installExtraArgs',
  'outputFileExtension',
  'outputBuildFolder',
  'outputWorkFolder',
  'nodeExternals',
  'skipBuild',
  'skipRebuild',
  'skipBuildExcludeFns',
  'stripEntryResolveExtensions',
  'disposeContext',
  'plugins',
  'config',
]);

/** CloudFormation short forms (!GetAtt, !Join…): kept as plain values, the bench never reads them. */
const CFN_TAGS: Tags = ['!GetAtt', '!Join', '!Ref', '!Sub', '!If', '!Equals', '!Select', '!Split'].flatMap((tag) => [
  { tag, resolve: (value: string) => value },
  { tag, collection: 'seq' as const, resolve: (value: unknown) => value },
  { tag, collection: 'map' as const, resolve: (value: unknown) => value },
]) as Tags;

export interface ServerlessFunction {
  /** Entry file relative to the repo root (src/handler.ts). */
  entry: string;
  /** Exported handler name (graphql). */
  exportName: string;
  /** Literal environment variables of provider and function ({@code ${…}} ones left out). */
  environment: Record<string, string>;
}

export interface ServerlessSettings {
  esbuild: BuildOptions;
  fn: ServerlessFunction;
}

/** The parts of serverless.yml read here; their values are whatever the YAML holds. */
interface ServerlessDoc {
  custom?: { esbuild?: Record<string, unknown> };
  provider?: { environment?: Record<string, unknown> };
  functions?: Record<string, { handler?: unknown; environment?: Record<string, unknown> } | undefined>;
}

export function readServerlessSettings(functionName = 'graphql'): ServerlessSettings {
  const doc = parse(readFileSync(path.join(ROOT, 'serverless.yml'), 'utf8'), { customTags: CFN_TAGS }) as ServerlessDoc;
  const custom = doc.custom?.esbuild ?? {};
  const text = JSON.stringify(custom);
  if (text.includes('${'))
    throw new Error('custom.esbuild in serverless.yml must hold literal values for bench/bundle.ts');
  const esbuild = Object.fromEntries(
    Object.entries(custom).filter(([key]) => !PLUGIN_ONLY_KEYS.has(key)),
  ) as BuildOptions;
  esbuild.plugins = loadPlugins(custom.plugins);
  // serverless-esbuild turns `exclude` into esbuild externals (everything but '*').
  const exclude = Array.isArray(custom.exclude) ? (custom.exclude as string[]) : [];
  esbuild.external = [...(esbuild.external ?? []), ...exclude.filter((name) => name !== '*')];

  const fnDoc = doc.functions?.[functionName];
  if (!fnDoc) throw new Error(`serverless.yml has no function "${functionName}"`);
  const [file, exportName] = splitHandler(String(fnDoc.handler));
  const environment = literalEnv({ ...doc.provider?.environment, ...fnDoc.environment });
  return { esbuild, fn: { entry: `${file}.ts`, exportName, environment } };
}

function loadPlugins(spec: unknown): Plugin[] {
  if (spec === undefined) return [];
  if (typeof spec !== 'string') throw new Error('custom.esbuild.plugins must be a path to a JS file');
  // serverless-esbuild loads the plugins file with require(), synchronously; so does this.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require(path.join(ROOT, spec)) as Plugin[] | ((sls: unknown) => Plugin[]);
  return typeof loaded === 'function' ? loaded(undefined) : loaded;
}

function splitHandler(handler: string): [string, string] {
  const dot = handler.lastIndexOf('.');
  return [handler.slice(0, dot), handler.slice(dot + 1)];
}

function literalEnv(env: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env)
      .map(([key, value]) => [key, String(value)] as const)
      .filter(([, value]) => !value.includes('${')),
  );
}

export interface BuiltBundle {
  file: string;
  bytes: number;
  gzipBytes: number;
  mapBytes: number;
  /** The lazy chunks beside it (esbuild-plugins.js), by name: bytes each, loaded only on first use. */
  chunks: Record<string, number>;
}

/** Bundles the function into outDir the way serverless-esbuild lays it out (src/handler.js). */
export async function buildBundle(settings: ServerlessSettings, outDir: string): Promise<BuiltBundle> {
  const entry = path.join(ROOT, settings.fn.entry);
  await build({
    ...settings.esbuild,
    entryPoints: [entry],
    outdir: path.join(outDir, path.dirname(settings.fn.entry)),
    absWorkingDir: ROOT,
    logLevel: 'warning',
  });
  const file = path.join(outDir, settings.fn.entry.replace(/\.ts$/, '.js'));
  const code = readFileSync(file);
  const mapFile = `${file}.map`;
  let mapBytes = 0;
  try {
    mapBytes = statSync(mapFile).size;
  } catch {
    // no external source map configured
  }
  const chunkDir = path.join(path.dirname(file), 'chunks');
  const chunks = Object.fromEntries(
    (existsSync(chunkDir) ? readdirSync(chunkDir) : [])
      .filter((name) => name.endsWith('.js'))
      .sort()
      .map((name) => [name.slice(0, -3), statSync(path.join(chunkDir, name)).size]),
  );
  return { file, bytes: code.length, gzipBytes: gzipSync(code).length, mapBytes, chunks };
}
