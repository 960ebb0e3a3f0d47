/** The seed CLI's arguments: an import of files (the default) or `export --bank <id>`. */
import { STYLE_NAMES, type StyleName } from '../src/domain/bank';

export const USAGE = [
  'usage: npm run seed -- <file.md>... [--dry-run] [--json] [--aws] [--style list|bold|heading|details] [--source-url <base>]',
  '       npm run seed -- export --bank <id> [--out <file.md>] [--aws]',
].join('\n');

export interface ImportArgs {
  command: 'import';
  files: string[];
  dryRun: boolean;
  json: boolean;
  aws: boolean;
  style?: StyleName;
  sourceUrl?: string;
}

export interface ExportArgs {
  command: 'export';
  bank: string;
  out?: string;
  aws: boolean;
}

/** The parsed arguments, or the message to print: USAGE itself for --help, an error otherwise. */
export function parseArgs(argv: readonly string[]): ImportArgs | ExportArgs | string {
  if (argv.includes('--help') || argv.includes('-h')) return USAGE;
  return argv[0] === 'export' ? parseExportArgs(argv.slice(1)) : parseImportArgs(argv);
}

function parseImportArgs(argv: readonly string[]): ImportArgs | string {
  const args: ImportArgs = { command: 'import', files: [], dryRun: false, json: false, aws: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--dry-run') args.dryRun = true;
    else if (arg === '--json') args.json = true;
    else if (arg === '--aws') args.aws = true;
    else if (arg === '--style' || arg === '--source-url') {
      const value = argv[++i];
      if (value === undefined || value.startsWith('--')) return usageError(`${arg} needs a value`);
      if (arg === '--source-url') args.sourceUrl = value;
      else if (isStyleName(value)) args.style = value;
      else return usageError(`unknown style "${value}": use ${STYLE_NAMES.join(', ')}`);
    } else if (arg.startsWith('-')) return usageError(`unknown option ${arg}`);
    else args.files.push(arg);
  }
  return args.files.length > 0 ? args : usageError('no bank files given');
}

function parseExportArgs(argv: readonly string[]): ExportArgs | string {
  const args: Partial<ExportArgs> = { command: 'export', aws: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--aws') args.aws = true;
    else if (arg === '--bank' || arg === '--out') {
      const value = argv[++i];
      if (value === undefined || value.startsWith('--')) return usageError(`${arg} needs a value`);
      args[arg === '--bank' ? 'bank' : 'out'] = value;
    } else return usageError(`unknown export argument ${arg}`);
  }
  return args.bank ? (args as ExportArgs) : usageError('export needs --bank <id>');
}

const isStyleName = (value: string): value is StyleName => (STYLE_NAMES as readonly string[]).includes(value);

const usageError = (message: string): string => `${message}\n${USAGE}`;
