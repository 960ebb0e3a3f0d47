/**
 * esbuild-plugins.js's lazy chunks refuse a bundle that would load a chunk's library at import:
 * a library in handler.js and again in its chunk would be two copies, each with its own classes.
 * (tests/e2e/lambda-bundle.test.ts runs the bundle that ships and checks when each chunk loads.)
 */
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readServerlessSettings } from '../../bench/bundle';

const ROOT = path.resolve(__dirname, '../..');
const settings = readServerlessSettings();

async function bundleOf(contents: string): Promise<string[]> {
  const outdir = mkdtempSync(path.join(tmpdir(), 'qbank-chunks-'));
  try {
    await build({
      ...settings.esbuild,
      stdin: { contents, resolveDir: ROOT, sourcefile: 'entry.ts', loader: 'ts' },
      outdir,
      absWorkingDir: ROOT,
      logLevel: 'silent',
    });
    return [];
  } catch (error) {
    return (error as { errors: { text: string }[] }).errors.map(({ text }) => text);
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

describe('lazy chunks of the Lambda bundle', () => {
  it('builds when a chunk is required on first use', async () => {
    expect(
      await bundleOf("export const stem = () => require('./src/domain/search/stemmer-parts').russianStem('слова');"),
    ).toEqual([]);
  }, 30_000);

  it('refuses a chunk imported, not required', async () => {
    expect(
      await bundleOf("export { loadFsrs } from './src/domain/learning/fsrs';\nimport './src/auth/jose-parts';"),
    ).toEqual([
      './src/auth/jose-parts is a lazy chunk (esbuild-plugins.js): require() it on first use, never import it',
    ]);
  }, 30_000);

  it("refuses a chunk's library imported beside it", async () => {
    const errors = await bundleOf("import { Rating } from 'ts-fsrs';\nexport const good = Rating.Good;");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^node_modules\/ts-fsrs\/\S+ is in handler\.js, but ts-fsrs belong to the lazy chunk fsrs: load them through src\/domain\/learning\/fsrs-parts\.ts$/,
    );
  }, 30_000);
});
