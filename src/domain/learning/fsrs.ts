/**
 * ts-fsrs on first use (docs/performance.md, "What the cold start does less"): only attempts,
 * due questions and weakTopics' retrievability need it, so loading it at import would lengthen
 * every cold start for requests that never schedule.
 */
import type * as FsrsParts from './fsrs-parts';

export type Fsrs = typeof FsrsParts;

let parts: Fsrs | undefined;

export function loadFsrs(): Fsrs {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- esbuild-plugins.js makes this require a chunk of its own
  parts ??= require('./fsrs-parts') as Fsrs;
  return parts;
}
