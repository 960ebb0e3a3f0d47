/**
 * The local landing page: GraphiQL (the `graphiql` package) bundled with esbuild on first use and
 * cached in node_modules/.cache/qbank-graphiql/<graphiql version>-<entry hash>, so `npm start` does no extra
 * work and the page needs no network: no CDN, no web fonts, no telemetry. Only the local server
 * imports this module; the Lambda serves no landing page.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
/** Where the page's assets are served from, under the API path. */
export const ASSET_PATH = '/graphql/assets';
const ASSET_NAME = /^[A-Za-z0-9-]+(?:\.[a-z]+)?\.(js|css|ttf)$/;
const CONTENT_TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  ttf: 'font/ttf',
};
const DEFAULT_QUERY = `# The local tenant's publishable key and the demo user's token are set in Headers below.
{
  me { id tenantId attemptCount }
  banks { id title questionCount }
}
`;

export interface LandingPage {
  /** The page's HTML. */
  html(): Promise<string>;
  /** A bundled asset by file name, or null when there is none of that name. */
  asset(name: string): Promise<{ contentType: string; body: Buffer } | null>;
}

/** The cache directory of the bundle for the installed graphiql version and this entry file. */
export function bundleDirectory(root = ROOT): string {
  const manifest = readFileSync(path.join(root, 'node_modules/graphiql/package.json'), 'utf8');
  const { version } = JSON.parse(manifest) as { version: string };
  const entry = createHash('sha256')
    .update(readFileSync(path.join(root, 'web/graphiql/main.jsx')))
    .digest('hex');
  return path.join(root, 'node_modules/.cache/qbank-graphiql', `${version}-${entry.slice(0, 12)}`);
}

/** Builds the bundle into `directory` unless it is there already (written whole, then renamed into place). */
export async function ensureBundle(directory: string, root = ROOT): Promise<void> {
  if (existsSync(path.join(directory, 'main.js'))) return;
  const esbuild = await import('esbuild');
  const staging = `${directory}.${process.pid}.tmp`;
  await rm(staging, { recursive: true, force: true });
  const common = {
    bundle: true,
    minify: true,
    format: 'iife' as const,
    target: 'es2022',
    logLevel: 'silent' as const,
    absWorkingDir: root,
    define: { 'process.env.NODE_ENV': '"production"' },
  };
  await esbuild.build({
    ...common,
    entryPoints: { main: path.join(root, 'web/graphiql/main.jsx') },
    outdir: staging,
    jsx: 'automatic',
    loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file' },
    assetNames: '[name]-[hash]',
  });
  await esbuild.build({
    ...common,
    entryPoints: {
      'editor.worker': 'monaco-editor/esm/vs/editor/editor.worker.js',
      'json.worker': 'monaco-editor/esm/vs/language/json/json.worker.js',
      'graphql.worker': 'monaco-graphql/esm/graphql.worker.js',
    },
    outdir: staging,
  });
  await mkdir(path.dirname(directory), { recursive: true });
  await rename(staging, directory).catch(async (error: NodeJS.ErrnoException) => {
    // another process built it first: keep theirs
    await rm(staging, { recursive: true, force: true });
    if (!existsSync(path.join(directory, 'main.js'))) throw error;
  });
}

function escapeForScript(json: string): string {
  return json.replace(/</g, '\\u003c');
}

/** The landing page of the local server, with the given headers pre-filled in GraphiQL. */
export function createLandingPage(headers: Record<string, string>, directory = bundleDirectory()): LandingPage {
  let built: Promise<void> | null = null;
  const ready = () =>
    (built ??= ensureBundle(directory).catch((error: Error) => ((built = null), Promise.reject(error))));
  return {
    async html() {
      await ready();
      const config = escapeForScript(
        JSON.stringify({ endpoint: '/graphql', assets: ASSET_PATH, headers, query: DEFAULT_QUERY }),
      );
      return [
        '<!doctype html>',
        '<html lang="en">',
        '<head>',
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<title>qbank · GraphiQL (local)</title>',
        `<link rel="stylesheet" href="${ASSET_PATH}/main.css">`,
        '<style>html, body, #graphiql { height: 100%; margin: 0; }</style>',
        '</head>',
        '<body>',
        '<div id="graphiql">Loading GraphiQL…</div>',
        `<script type="application/json" id="qbank-graphiql-config">${config}</script>`,
        `<script src="${ASSET_PATH}/main.js"></script>`,
        '</body>',
        '</html>',
        '',
      ].join('\n');
    },
    async asset(name) {
      const match = ASSET_NAME.exec(name);
      if (!match) return null;
      await ready();
      const file = path.join(directory, name);
      if (!existsSync(file)) return null;
      return { contentType: CONTENT_TYPES[match[1]], body: await readFile(file) };
    },
  };
}
