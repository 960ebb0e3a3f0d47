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
import { BankFormatError } from '../src/domain/errors';
import { startActivity, statusLine } from '../src/dev/activity';
import { installCrashHandlers, readCliConfig, reportFailure } from '../src/dev/cli-errors';
import { connectLocalDynamo } from '../src/dev/local-dynamo';
import { createDynamo } from '../src/store/client';
import type { Config } from '../src/config';
import { parseArgs, USAGE, type ExportArgs, type ImportArgs } from './args';
import { exportStoredBank } from './export-bank';
import { importBankFiles, readBankFiles, type BankSummary } from '../src/usecases/import-banks';
import { createProgressBar } from './progress';

class UnknownBankError extends Error {}

const TOOL = 'seed';

const HELP = `${USAGE}

Imports Markdown question banks, or exports one back to Markdown. The target is DYNAMODB_ENDPOINT
when set, the deployed table with --aws (AWS credentials; TABLE_NAME or STAGE), and otherwise the
DynamoDB Local of \`npm start\` (port 8000, or DYNAMODB_LOCAL_PORT), started for the run when it
is not running (needs Java 17+). Files are checked before anything is written.
Exit codes: 0 done, 1 invalid bank or unknown bank (nothing written), 2 usage error.`;

/** Errors whose message is already meant for the person at the terminal. */
const isExpected = (error: unknown): boolean =>
  error instanceof UnknownBankError || (error instanceof Error && 'code' in error && error.code === 'ENOENT');

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (args === USAGE) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (typeof args === 'string') {
    // parseArgs puts the mistake on the first line and the full usage after it: one line and a pointer to --help is enough here.
    process.stderr.write(`${TOOL}: ${args.split('\n')[0]}\nsee: npm run seed -- --help\n`);
    return 2;
  }
  try {
    if (args.command === 'export') await runExport(args);
    else await runImport(args);
    return 0;
  } catch (error) {
    if (error instanceof BankFormatError) {
      process.stderr.write(
        `${TOOL}: ${error.file ?? '?'}${error.line > 0 ? `:${error.line}` : ''}: ${error.message}\n`,
      );
      return 1;
    }
    return reportFailure(TOOL, error, isExpected);
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
  const activity = startActivity(`exporting ${args.bank}`);
  try {
    const markdown = await exportStoredBank(local.dynamo, args.bank);
    activity.stop();
    if (markdown === null) throw new UnknownBankError(`no bank "${args.bank}" to export`);
    if (args.out) await writeFile(args.out, markdown);
    else process.stdout.write(markdown);
  } finally {
    activity.stop();
    await local.stop();
  }
}

async function connect(aws: boolean) {
  const config = readCliConfig();
  return aws ? awsDynamo(config) : connectLocalDynamo(config, { onStarting: statusLine(), owner: 'seed' });
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

installCrashHandlers(TOOL);
main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => (process.exitCode = reportFailure(TOOL, error)),
);
