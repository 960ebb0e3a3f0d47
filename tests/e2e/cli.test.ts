import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, isPortOpen } from '../../src/local/dynamodb-local';
import { SHARED_RAW_BANK, SHIPPED_BANK, bankFile } from '../support/banks';
import { endpoint, newDynamo } from '../support/dynamo';
import { baseEnv, runScript, startScript } from '../support/processes';

const seed = (args: string[], env: Record<string, string>) => runScript('seed/cli.ts', args, baseEnv(env));

describe('npm run seed', () => {
  const dynamo = newDynamo();
  const env = { DYNAMODB_ENDPOINT: endpoint(), TABLE_NAME: dynamo.tableName };

  it('imports files and prints one JSON summary with --json', async () => {
    const result = await seed([SHIPPED_BANK, '--json'], env);
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(Object.keys(summary)).toEqual(['banks']);
    expect(summary.banks[0]).toMatchObject({ id: 'ml-junior', sections: 9, questions: 58, notes: 1, added: 58, updated: 0, unchanged: 0, retired: 0 });
    expect(Object.keys(summary.banks[0])).toEqual(['file', 'id', 'title', 'sections', 'questions', 'notes', 'added', 'updated', 'unchanged', 'retired', 'warnings']);
    expect(summary.banks[0].warnings[0]).toEqual({ line: 67, message: 'numbering restarts at 22 after 25' });
  });

  it('reports an unchanged re-import, and a dry run of the raw bank, without writing', async () => {
    const again = JSON.parse((await seed([SHIPPED_BANK, '--json'], env)).stdout);
    expect(again.banks[0]).toMatchObject({ added: 0, updated: 0, unchanged: 58, retired: 0 });
    const dry = JSON.parse((await seed([SHARED_RAW_BANK, '--dry-run', '--json'], env)).stdout);
    expect(dry.banks[0]).toMatchObject({ questions: 59, notes: 0, added: 1, unchanged: 58 });
    const after = JSON.parse((await seed([SHIPPED_BANK, '--json'], env)).stdout);
    expect(after.banks[0]).toMatchObject({ unchanged: 58 });
  });

  it.each([
    ['a question longer than 10,000 characters', 'long.md', `## S\n\n1. ${'x'.repeat(10_001)}\n`, /long\.md:3: /],
    ['no sections', 'none.md', 'just text\n', /none\.md: /],
    ['broken front matter', 'fm.md', '---\ntitle: [oops\n---\n## S\n1. Q\n', /fm\.md:2: /],
    ['invalid UTF-8', 'latin1.md', Buffer.concat([Buffer.from('## S\n\n1. caf'), Buffer.from([0xe9]), Buffer.from('?\n')]), /latin1\.md:3: /],
  ])('exits 1 on %s, naming file and line, and writes nothing', async (_case, name, content, where) => {
    const file = bankFile(name, content as string);
    const table = newDynamo();
    const result = await seed([file, '--json'], { ...env, TABLE_NAME: table.tableName });
    expect([result.code, result.stdout]).toEqual([1, '']);
    expect(result.stderr).toMatch(new RegExp(`^seed: .*${where.source}`));
    const scan = await table.doc.send(new ScanCommand({ TableName: table.tableName })).catch((error: Error) => error.name);
    expect(scan).toBe('ResourceNotFoundException'); // validation fails before the table is even created
  });

  it('exits 1 on a file over 5 MB without reading it', async () => {
    const file = bankFile('huge.md', `## S\n\n1. Q?\n${' '.repeat(5 * 1024 * 1024)}`);
    const result = await seed([file], env);
    expect([result.code, result.stderr]).toEqual([1, `seed: ${file}: file is larger than 5 MB\n`]);
  });

  it('exits 2 with usage on bad arguments', async () => {
    const result = await seed(['--frobnicate'], env);
    expect([result.code, result.stderr]).toEqual([2, 'unknown option --frobnicate\nusage: npm run seed -- <file.md>... [--dry-run] [--json] [--aws]\n']);
  });
});

describe('without DYNAMODB_ENDPOINT: the local DynamoDB of npm start', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'qbank-data-'));
  let localEnv: Record<string, string>;

  beforeAll(async () => {
    const port = await freePort();
    localEnv = { DYNAMODB_ENDPOINT: '', DYNAMODB_LOCAL_PORT: String(port), QBANK_DATA_DIR: dataDir, TABLE_NAME: 'qbank-local' };
  });

  it('seed starts DynamoDB Local for the run and stops it again', async () => {
    const file = bankFile('extra.md', '---\ntitle: Extra\n---\n## One\n\n1. Is this kept? <!-- id: kept -->\n');
    const result = await seed([file, '--json'], localEnv);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).banks[0]).toMatchObject({ id: 'extra', added: 1 });
    expect(await isPortOpen(Number(localEnv.DYNAMODB_LOCAL_PORT))).toBe(false);
  });

  it('npm start serves the seeded bank and the shipped one, and SIGTERM stops everything', async () => {
    const app = await startScript('src/local/start.ts', baseEnv({ ...localEnv, PORT: '0' }), /ready at (http:\/\/localhost:\d+\/graphql)/);
    try {
      expect(app.output()).toContain('Imported: ml-junior.ru.md');
      const response = await fetch(app.match[1], {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ banks { id questionCount } question(id: "extra/kept") { text } }' }),
      });
      expect(((await response.json()) as { data: unknown }).data).toEqual({ banks: [{ id: 'extra', questionCount: 1 }, { id: 'ml-junior', questionCount: 58 }], question: { text: 'Is this kept?' } });
    } finally {
      expect(await app.stop('SIGTERM')).toBe(0);
    }
    expect(await isPortOpen(Number(localEnv.DYNAMODB_LOCAL_PORT))).toBe(false);
  });

  it('a second npm start finds the data in place and imports nothing', async () => {
    const app = await startScript('src/local/start.ts', baseEnv({ ...localEnv, PORT: '0' }), /ready at (http:\/\/localhost:\d+\/graphql)/);
    expect(app.output()).toContain('Banks already imported');
    expect(await app.stop('SIGINT')).toBe(0);
    expect(await isPortOpen(Number(localEnv.DYNAMODB_LOCAL_PORT))).toBe(false);
  });
});
