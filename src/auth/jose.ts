/**
 * jose on first use: API-key-only requests (most of a browser app's, and a cold start's first)
 * never verify a token, so loading it at import would only lengthen every cold start
 * (docs/performance.md, "What the cold start does less").
 */
import type * as JoseParts from './jose-parts';

export type Jose = typeof JoseParts;

let jose: Jose | undefined;

export function loadJose(): Jose {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- esbuild-plugins.js makes this require a chunk of its own
  jose ??= require('./jose-parts') as Jose;
  return jose;
}
