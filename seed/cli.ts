/**
 * npm run seed -- <file.md>... [--dry-run] [--json] [--aws] [--style <style>] [--source-url <base>]
 * npm run seed -- export --bank <id> [--out <file.md>] [--aws]
 *
 * Imports Markdown banks into DynamoDB, or writes one back out as Markdown: DYNAMODB_ENDPOINT
 * when set, AWS itself with --aws (standard credential chain, TABLE_NAME or STAGE naming the
 * deployed table), and otherwise the local DynamoDB of `npm start`. Exit 0 on success, 1 on
 * invalid input (nothing written) or an unknown bank, 2 on a usage error.
 */
import { writeFile } from 'node:fs/promises';
import { readConfig } from '../src/config';
import { BankFormatError } from '../src/domain/errors';
import { connectLocalDynamo } from '../src/dev/local-dynamo';
import { createDynamo } from '../src/store/client';
import type { Config } from '../src/config';
import { parseArgs, USAGE, type ExportArgs, type ImportArgs } from './args';
import { exportStoredBank } from './export-bank';
import { importBankFiles, readBankFiles, type BankSummary } from '../src/usecases/import-banks';
import { createProgressBar } from './progress';

class UnknownBankError extends Error {}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    process.stderr.write(`${args}\n`);
    return args === USAGE ? 0 : 2;
  }
  try {
    if (args.command === 'export') await runExport(args);
    else await runImport(args);
    return 0;
  } catch (error) {
    if (error instanceof BankFormatError) {
      process.stderr.write(`seed: ${error.file ?? '?'}${error.line > 0 ? `:${error.line}` : ''}: ${error.message}\n`);
      return 1;
    }
    process.stderr.write(`seed: ${(error as Error).message}\n`);
    return 1;
  }
}

async function runImport(args: ImportArgs): Promise<void> {
  // Validate before touching DynamoDB, so bad input fails fast and starts nothing.
  await readBankFiles(args.files, { style: args.style });
  const local = await connect(args.aws);
  try {
    const progress = createProgressBar(process.stderr, 'importing');
    const options = { dryRun: args.dryRun, style: args.style, sourceUrl: args.sourceUrl, onProgress: progress.update };
    const summaries = await importBankFiles(local.dynamo, args.files, options);
    progress.done();
    process.stdout.write(args.json ? `${JSON.stringify({ banks: summaries })}\n` : report(summaries, args.dryRun));
  } finally {
    await local.stop();
  }
}

/** Markdown on stdout, or into --out; nothing at all is written for an unknown bank. */
async function runExport(args: ExportArgs): Promise<void> {
  const local = await connect(args.aws);
  try {
    const markdown = await exportStoredBank(local.dynamo, args.bank);
    if (markdown === null) throw new UnknownBankError(`no bank "${args.bank}" to export`);
    if (args.out) await writeFile(args.out, markdown);
    else process.stdout.write(markdown);
  } finally {
    await local.stop();
  }
}

async function connect(aws: boolean) {
  const config = readConfig();
  return aws ? awsDynamo(config) : connectLocalDynamo(config);
}

/** The deployed table: serverless.yml owns it, so it is neither created nor started here. */
function awsDynamo(config: Config) {
  const dynamo = createDynamo({ tableName: config.tableName, region: config.region });
  return { dynamo, stop: async (): Promise<void> => dynamo.doc.destroy() };
}

function report(summaries: BankSummary[], dryRun: boolean): string {
  return summaries
    .map((s) => {
      const head = `${s.file} → ${s.id} "${s.title}" (${s.style} style): ${s.sections} sections, ${s.questions} questions, ${s.notes} notes`;
      const changes = `${dryRun ? 'would add' : 'added'} ${s.added}, updated ${s.updated}, unchanged ${s.unchanged}, retired ${s.retired}`;
      const warnings = s.warnings.map((w) => `  warning: ${s.file}:${w.line}: ${w.message}`);
      return [head, `  ${changes}`, ...warnings].join('\n');
    })
    .join('\n')
    .concat('\n');
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
