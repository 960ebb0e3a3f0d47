/**
 * Imports killed mid-way, for tests/e2e/import-atomicity.test.ts and `npm run chaos`. A large
 * generated bank moves from version v to v + 1 (every kept question edited, some retired, some
 * added, a new title); the seed CLI runs as a child process through the fault proxy, which
 * freezes at the k-th write call; once every write before it has been applied the CLI is
 * SIGKILLed. So "killed at a random point" is a point in the import's own sequence of writes,
 * reproducible from the seed whatever the machine's speed. Then every query of the bank is
 * compared with what exactly one version must look like.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { startFaultProxy } from './fault-proxy';
import { spawnScript, type Exit } from './server-process';

export const BANK_ID = 'chaos-import';
const WRITES = new Set(['BatchWriteItem', 'PutItem', 'DeleteItem', 'UpdateItem', 'TransactWriteItems']);

export interface BankShape {
  /** Questions per version. */
  questions: number;
  sections: number;
  /** Questions retired (and as many added) by each new version. */
  turnover: number;
}

/** Ids of version v: a window that slides by `turnover` per version. */
const idsOf = (v: number, shape: BankShape): number[] =>
  Array.from({ length: shape.questions }, (_, i) => v * shape.turnover + i);
const localId = (i: number): string => `q-${String(i).padStart(6, '0')}`;
const textOf = (i: number, v: number): string =>
  `Question ${i} as of version ${v}: what does step ${i % 97} of the pipeline guarantee?`;

/** The questions version v serves: global id → text, in listing order (section, then position). */
export function expectedQuestions(v: number, shape: BankShape): Map<string, string> {
  const ids = idsOf(v, shape);
  const bySection = Array.from({ length: shape.sections }, (_, s) => ids.filter((i) => i % shape.sections === s));
  return new Map(bySection.flat().map((i) => [`${BANK_ID}/${localId(i)}`, textOf(i, v)]));
}

export const titleOf = (v: number): string => `Chaos import bank, version ${v}`;

/** Writes version v as a Markdown file in `dir` and returns its path. */
export function writeBankVersion(dir: string, v: number, shape: BankShape): string {
  const ids = idsOf(v, shape);
  const lines = ['---', `id: ${BANK_ID}`, `title: ${titleOf(v)}`, '---', `Version ${v} of a generated bank.`, ''];
  for (let s = 0; s < shape.sections; s++) {
    lines.push(`## Section ${s}`, '');
    for (const i of ids.filter((id) => id % shape.sections === s)) {
      lines.push(
        `- ${textOf(i, v)} <!-- id: ${localId(i)} -->`,
        '',
        `  The answer to question ${i}, version ${v}.`,
        '',
      );
    }
  }
  const file = path.join(dir, `${BANK_ID}.v${v}.md`);
  writeFileSync(file, lines.join('\n'));
  return file;
}

export interface KilledImport {
  /** Write calls DynamoDB applied before the kill. */
  appliedWrites: number;
  /** The write operations that reached the proxy, in order (the frozen one last). */
  writes: string[];
  /** The operation that was frozen and never sent; null when the import finished first. */
  frozenAt: string | null;
  exit: Exit;
  output: string;
}

/**
 * Runs the seed CLI on `file` against `upstream`/`tableName` and SIGKILLs it just before its
 * `killAt`-th write call (1-based) reaches DynamoDB; with Infinity, lets it finish.
 */
export async function importKilledAt(
  file: string,
  killAt: number,
  upstream: string,
  tableName: string,
): Promise<KilledImport> {
  const proxy = await startFaultProxy({ upstream, seed: 'import-kill' });
  const writes: string[] = [];
  let frozenAt: string | null = null;
  let onFrozen: () => void = () => {};
  const frozen = new Promise<void>((resolve) => (onFrozen = resolve));
  proxy.onRequest((operation) => {
    if (!WRITES.has(operation) || frozenAt !== null) return;
    writes.push(operation);
    if (writes.length < killAt) return;
    frozenAt = operation;
    proxy.freeze();
    onFrozen();
  });
  const cli = spawnScript('seed/cli.ts', [file, '--json'], {
    ...process.env,
    DYNAMODB_ENDPOINT: proxy.endpoint,
    TABLE_NAME: tableName,
    LOG_LEVEL: 'warn',
  });
  try {
    await Promise.race([frozen, cli.exit]);
    await proxy.idle();
    cli.child.kill('SIGKILL');
    const exit = await cli.exit;
    return {
      appliedWrites: frozenAt === null ? writes.length : writes.length - 1,
      writes,
      frozenAt,
      exit,
      output: cli.output(),
    };
  } finally {
    await proxy.stop();
  }
}

/** Runs the seed CLI to the end (the rerun after a kill). */
export async function importToEnd(
  file: string,
  endpoint: string,
  tableName: string,
): Promise<{ exit: Exit; output: string }> {
  const cli = spawnScript('seed/cli.ts', [file, '--json'], {
    ...process.env,
    DYNAMODB_ENDPOINT: endpoint,
    TABLE_NAME: tableName,
    LOG_LEVEL: 'warn',
  });
  return { exit: await cli.exit, output: cli.output() };
}

/** Sends a GraphQL query and returns `data` (errors throw). */
export type Ask = (query: string, variables?: Record<string, unknown>) => Promise<any>;

const BANK = 'query($id: ID!) { bank(id: $id) { title questionCount } }';
const PAGE = `query($bankId: ID!, $after: String) {
  questions(filter: { bankId: $bankId }, first: 100, after: $after) { totalCount edges { node { id text } } pageInfo { hasNextPage endCursor } }
}`;
const RANDOM = 'query($in: RandomQuestionsInput!) { randomQuestions(input: $in) { poolSize questions { id text } } }';
const QUESTION = 'query($id: ID!) { question(id: $id) { id text retired } }';

export interface Served {
  /** The bank item, totalCount, the listed ids in order, random pools: the catalog's view. */
  structure: string[];
  /** Question texts that are not version v's, per query. */
  texts: string[];
}

/**
 * What the API serves of the bank, compared with version v: one line per query that shows
 * anything else (a mix of two versions included). Both lists empty: the bank is exactly v.
 */
export async function servedMismatches(ask: Ask, v: number, shape: BankShape): Promise<Served> {
  const expected = expectedQuestions(v, shape);
  const served: Served = { structure: [], texts: [] };
  const bank = (await ask(BANK, { id: BANK_ID })).bank;
  if (bank?.title !== titleOf(v) || bank?.questionCount !== shape.questions)
    served.structure.push(`bank: ${JSON.stringify(bank)}`);

  const { totalCount, listed } = await walkQuestions(ask);
  if (totalCount !== shape.questions)
    served.structure.push(`questions: totalCount ${totalCount}, version ${v} has ${shape.questions}`);
  if (listed.map((q) => q.id).join() !== [...expected.keys()].join())
    served.structure.push(`questions: the ${listed.length} listed ids are not version ${v}'s, in its order`);
  served.texts.push(...textMismatches('questions', listed, expected, v));

  for (const seed of ['a', 'b', 'c']) {
    const set = (await ask(RANDOM, { in: { bankId: BANK_ID, count: 50, seed } })).randomQuestions;
    if (set.poolSize !== shape.questions)
      served.structure.push(`randomQuestions(seed ${seed}): poolSize ${set.poolSize}`);
    if (set.questions.some((q: { id: string }) => !expected.has(q.id)))
      served.structure.push(`randomQuestions(seed ${seed}): picks outside version ${v}`);
    served.texts.push(...textMismatches(`randomQuestions(seed ${seed})`, set.questions, expected, v));
  }
  return served;
}

/** Every page of the bank's questions, following endCursor. */
async function walkQuestions(ask: Ask): Promise<{ totalCount: number; listed: { id: string; text: string }[] }> {
  const listed: { id: string; text: string }[] = [];
  let totalCount = -1;
  for (let after: string | null = null, more = true; more;) {
    const page: any = (await ask(PAGE, { bankId: BANK_ID, after })).questions;
    totalCount = page.totalCount;
    listed.push(...page.edges.map((edge: any) => edge.node));
    [more, after] = [page.pageInfo.hasNextPage, page.pageInfo.endCursor];
  }
  return { totalCount, listed };
}

/** What `question(id)` answers for ids no published version has: each should be null. */
export async function unpublishedAnswers(ask: Ask, ids: readonly string[]): Promise<string[]> {
  const found = await Promise.all(ids.map(async (id) => (await ask(QUESTION, { id })).question));
  return found.filter(Boolean).map((question) => JSON.stringify(question));
}

/** Ids version v adds to version v - 1. */
export const addedBy = (v: number, shape: BankShape): string[] => {
  const before = expectedQuestions(v - 1, shape);
  return [...expectedQuestions(v, shape).keys()].filter((id) => !before.has(id));
};

function textMismatches(
  query: string,
  served: { id: string; text: string }[],
  expected: Map<string, string>,
  v: number,
): string[] {
  const wrong = served.filter((q) => expected.get(q.id) !== q.text);
  if (wrong.length === 0) return [];
  const first = wrong[0];
  return [
    `${query}: ${wrong.length} of ${served.length} questions are not version ${v}'s, e.g. ${first.id} reads "${first.text}"`,
  ];
}
