/**
 * npm run seed -- <file.md>... [--dry-run] [--json] [--aws]
 *
 * Imports Markdown banks into DynamoDB: DYNAMODB_ENDPOINT when set, AWS itself with --aws
 * (standard credential chain, TABLE_NAME or STAGE naming the deployed table), and otherwise
 * the local DynamoDB of `npm start`. Exit 0 on success, 1 on invalid input (nothing written),
 * 2 on a usage error.
 */
import { readConfig } from '../src/config';
import { BankFormatError } from '../src/domain/errors';
import { connectLocalDynamo } from '../src/local/local-dynamo';
import { createDynamo } from '../src/store/client';
import type { Config } from '../src/config';
import { importBankFiles, readBankFiles, type BankSummary } from './import-banks';
import { createProgressBar } from './progress';

const USAGE = 'usage: npm run seed -- <file.md>... [--dry-run] [--json] [--aws]';

interface Args {
  files: string[];
  dryRun: boolean;
  json: boolean;
  aws: boolean;
}

function parseArgs(argv: string[]): Args | string {
  const args: Args = { files: [], dryRun: false, json: false, aws: false };
  for (const arg of argv) {
    if (arg === '--dry-run') args.dryRun = true;
    else if (arg === '--json') args.json = true;
    else if (arg === '--aws') args.aws = true;
    else if (arg === '--help' || arg === '-h') return USAGE;
    else if (arg.startsWith('-')) return `unknown option ${arg}\n${USAGE}`;
    else args.files.push(arg);
  }
  return args.files.length > 0 ? args : `no bank files given\n${USAGE}`;
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    process.stderr.write(`${args}\n`);
    return args === USAGE ? 0 : 2;
  }
  try {
    // Validate before touching DynamoDB, so bad input fails fast and starts nothing.
    await readBankFiles(args.files);
    const config = readConfig();
    const local = args.aws ? awsDynamo(config) : await connectLocalDynamo(config);
    try {
      const progress = createProgressBar(process.stderr, 'importing');
      const summaries = await importBankFiles(local.dynamo, args.files, { dryRun: args.dryRun, onProgress: progress.update });
      progress.done();
      process.stdout.write(args.json ? `${JSON.stringify({ banks: summaries })}\n` : report(summaries, args.dryRun));
    } finally {
      await local.stop();
    }
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

/** The deployed table: serverless.yml owns it, so it is neither created nor started here. */
function awsDynamo(config: Config) {
  const dynamo = createDynamo({ tableName: config.tableName, region: config.region });
  return { dynamo, stop: async (): Promise<void> => dynamo.doc.destroy() };
}

function report(summaries: BankSummary[], dryRun: boolean): string {
  return summaries
    .map((s) => {
      const head = `${s.file} → ${s.id} "${s.title}": ${s.sections} sections, ${s.questions} questions, ${s.notes} notes`;
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
