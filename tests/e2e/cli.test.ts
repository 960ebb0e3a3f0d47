import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { USAGE } from '../../seed/args';
import { freePort, isPortOpen } from '../../src/dev/dynamodb-local';
import { portFilePath } from '../../src/dev/port-file';
import { readExistingBank } from '../../src/store';
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
    expect(summary.banks[0]).toMatchObject({
      id: 'ml-junior',
      sections: 9,
      questions: 58,
      notes: 1,
      added: 58,
      updated: 0,
      unchanged: 0,
      retired: 0,
    });
    expect(Object.keys(summary.banks[0])).toEqual([
      'file',
      'id',
      'title',
      'sections',
      'questions',
      'notes',
      'added',
      'updated',
      'unchanged',
      'retired',
      'warnings',
      'style',
      'kinds',
    ]);
    expect(summary.banks[0].style).toBe('list');
    expect(summary.banks[0].kinds).toEqual({ OPEN: 58, SINGLE_CHOICE: 0, MULTIPLE_CHOICE: 0, TRUE_FALSE: 0 });
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
    [
      'invalid UTF-8',
      'latin1.md',
      Buffer.concat([Buffer.from('## S\n\n1. caf'), Buffer.from([0xe9]), Buffer.from('?\n')]),
      /latin1\.md:3: /,
    ],
  ])('exits 1 on %s, naming file and line, and writes nothing', async (_case, name, content, where) => {
    const file = bankFile(name, content as string);
    const table = newDynamo();
    const result = await seed([file, '--json'], { ...env, TABLE_NAME: table.tableName });
    expect([result.code, result.stdout]).toEqual([1, '']);
    expect(result.stderr).toMatch(new RegExp(`^seed: .*${where.source}`));
    const scan = await table.doc
      .send(new ScanCommand({ TableName: table.tableName }))
      .catch((error: Error) => error.name);
    expect(scan).toBe('ResourceNotFoundException'); // validation fails before the table is even created
  });

  it('exits 1 on a file over 5 MB without reading it', async () => {
    const file = bankFile('huge.md', `## S\n\n1. Q?\n${' '.repeat(5 * 1024 * 1024)}`);
    const result = await seed([file], env);
    expect([result.code, result.stderr]).toEqual([1, `seed: ${file}: file is larger than 5 MB\n`]);
  });

  it('exits 2 on bad arguments with the mistake and where the usage is, in two lines', async () => {
    const hint = 'see: npm run seed -- --help\n';
    expect(await seed(['--frobnicate'], env)).toEqual({
      code: 2,
      stdout: '',
      stderr: `seed: unknown option --frobnicate\n${hint}`,
    });
    expect(await seed([SHIPPED_BANK, '--style', 'fancy'], env)).toMatchObject({
      code: 2,
      stderr: `seed: unknown style "fancy": use list, bold, heading, details\n${hint}`,
    });
    expect(await seed(['export'], env)).toMatchObject({ code: 2, stderr: `seed: export needs --bank <id>\n${hint}` });
  });

  it('prints its usage on stdout for --help and -h, and exits 0', async () => {
    for (const flag of ['--help', '-h']) {
      const help = await seed([flag], env);
      expect([help.code, help.stderr, help.stdout.startsWith(`${USAGE}\n\n`)]).toEqual([0, '', true]);
      expect(help.stdout.split('\n').at(-2)).toBe(
        'Exit codes: 0 done, 1 invalid bank or unknown bank (nothing written), 2 usage error.',
      );
    }
  });

  it('reads the style of each file, or the one --style names, and links questions with --source-url', async () => {
    const file = bankFile('mixed.md', '## Basics\n\n**What is a list? 👶**\n\n- ordered\n- mutable\n');
    const detected = JSON.parse((await seed([file, '--json', '--dry-run'], env)).stdout).banks[0];
    expect(detected).toMatchObject({ style: 'bold', questions: 1 });
    const forced = JSON.parse(
      (await seed([file, '--json', '--style', 'list', '--source-url', 'https://x.org/banks/'], env)).stdout,
    ).banks[0];
    expect(forced).toMatchObject({ style: 'list', questions: 2, added: 2 });
    const { bank } = await readExistingBank(dynamo, 'mixed');
    expect(bank).toMatchObject({ sourceFile: 'mixed.md', sourceUrlBase: 'https://x.org/banks/mixed.md' });
  });

  it('exports a bank as list-style Markdown to stdout or --out, and exits 1 for an unknown bank', async () => {
    const stdout = await seed(['export', '--bank', 'ml-junior'], env);
    expect(stdout.code).toBe(0);
    expect(stdout.stdout.split('\n').slice(0, 8)).toEqual([
      '---',
      'id: ml-junior',
      'title: Вопросы для собеседования джуниора по ML',
      'locale: ru',
      'level: junior',
      '---',
      '',
      '# Вопросы для собеседования джуниора по ML',
    ]);
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'qbank-export-')), 'ml-junior.ru.md');
    expect(await seed(['export', '--bank', 'ml-junior', '--out', out], env)).toMatchObject({ code: 0, stdout: '' });
    expect(readFileSync(out, 'utf8')).toBe(stdout.stdout);
    expect(await seed(['export', '--bank', 'nope'], env)).toMatchObject({
      code: 1,
      stdout: '',
      stderr: 'seed: no bank "nope" to export\n',
    });
  });
});

describe('without DYNAMODB_ENDPOINT: the local DynamoDB of npm start', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'qbank-data-'));
  let localEnv: Record<string, string>;

  beforeAll(async () => {
    const port = await freePort();
    localEnv = {
      DYNAMODB_ENDPOINT: '',
      DYNAMODB_LOCAL_PORT: String(port),
      QBANK_DATA_DIR: dataDir,
      TABLE_NAME: 'qbank-local',
    };
  });

  it('seed starts DynamoDB Local for the run and stops it again', async () => {
    const file = bankFile('extra.md', '---\ntitle: Extra\n---\n## One\n\n1. Is this kept? <!-- id: kept -->\n');
    const result = await seed([file, '--json'], localEnv);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).banks[0]).toMatchObject({ id: 'extra', added: 1 });
    expect(await isPortOpen(Number(localEnv.DYNAMODB_LOCAL_PORT))).toBe(false);
    // Java's start, the import and the stop: well over 30 s on a busy 2-core machine, like npm start's tests.
  }, 60_000);

  let firstKeys: string[] = [];

  it('npm start serves the seeded bank and the shipped one, and SIGTERM stops everything', async () => {
    // As on a fresh machine: no AWS credentials in the environment (the API's client must sign
    // with placeholders for DynamoDB Local, as the import's does; it answered 500 before).
    const freshMachine = baseEnv({ ...localEnv, PORT: '0' });
    delete freshMachine.AWS_ACCESS_KEY_ID;
    delete freshMachine.AWS_SECRET_ACCESS_KEY;
    delete freshMachine.AWS_PROFILE;
    const app = await startScript('src/dev/start.ts', freshMachine, /ready at (http:\/\/localhost:\d+\/graphql)/);
    try {
      expect(app.output()).toContain('Imported: ml-fundamentals.en.md, ml-junior.ru.md');
      const response = await fetch(app.match[1], {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ banks { id questionCount } question(id: "extra/kept") { text } }' }),
      });
      expect(((await response.json()) as { data: unknown }).data).toEqual({
        banks: [
          { id: 'extra', questionCount: 1 },
          { id: 'ml-fundamentals', questionCount: 41 },
          { id: 'ml-junior', questionCount: 58 },
        ],
        question: { text: 'Is this kept?' },
      });
      // the printed local tenant's publishable key and demo user token work together
      const key = app.output().match(/publishable key (qb_pk_\S+)/)![1];
      const token = app.output().match(/user token for "demo-user" \(12 h\) (\S+)/)![1];
      const me = await fetch(app.match[1], {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': key, authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ me { id tenantId } }' }),
      });
      expect(((await me.json()) as { data: unknown }).data).toEqual({ me: { id: 'demo-user', tenantId: 'local' } });
      // STAGE=local: a browser on any loopback port may use the publishable key, and npm start says so
      expect(app.output()).toContain(
        'allowed origins http://localhost:3000, http://localhost:5173, and any http://localhost:* or http://127.0.0.1:* (STAGE=local)\n',
      );
      const fromVite = await fetch(app.match[1], {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': key, origin: 'http://127.0.0.1:5174' },
        body: JSON.stringify({ query: '{ banks { id } }' }),
      });
      expect([fromVite.status, fromVite.headers.get('access-control-allow-origin')]).toEqual([
        200,
        'http://127.0.0.1:5174',
      ]);
      firstKeys = [key, app.output().match(/secret key\s+(qb_sk_\S+)/)![1]];
    } finally {
      expect(await app.stop('SIGTERM')).toBe(0);
    }
    expect(await isPortOpen(Number(localEnv.DYNAMODB_LOCAL_PORT))).toBe(false);
  }, 60_000); // a Java start, an import and a Java stop: over 30 s when the machine is busy

  it('a second npm start finds the data in place and imports nothing', async () => {
    const app = await startScript(
      'src/dev/start.ts',
      baseEnv({ ...localEnv, PORT: '0' }),
      /ready at (http:\/\/localhost:\d+\/graphql)/,
    );
    expect(app.output()).toContain('Banks already imported');
    const dataDir = localEnv.QBANK_DATA_DIR;
    const portFile = JSON.parse(readFileSync(portFilePath(dataDir), 'utf8'));
    expect([portFile.owner, portFile.port]).toEqual(['npm start', Number(localEnv.DYNAMODB_LOCAL_PORT)]);
    // The seed and admin CLIs use the running DynamoDB Local (another port named or not), never a second one.
    const elsewhere = { ...localEnv, DYNAMODB_LOCAL_PORT: String(await freePort()) };
    const file = bankFile('later.md', '---\ntitle: Later\n---\n## One\n\n1. Added while running? <!-- id: q -->\n');
    const seeded = await seed([file, '--json'], elsewhere);
    const admin = await runScript(
      'src/admin/cli.ts',
      ['tenant:update', '--tenant', 'local', '--add-origin', 'https://app.local.test', '--json'],
      baseEnv(elsewhere),
    );
    expect([seeded.code, seeded.stderr.includes('starting DynamoDB Local'), admin.code, admin.stdout]).toEqual([
      0,
      false,
      0,
      `${JSON.stringify({ tenant: { id: 'local', name: 'Local development', allowedOrigins: ['http://localhost:3000', 'http://localhost:5173', 'https://app.local.test'] } })}\n`,
    ]);
    const later = await fetch(app.match[1], {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ question(id: "later/q") { text } }' }),
    });
    expect(((await later.json()) as { data: unknown }).data).toEqual({ question: { text: 'Added while running?' } });
    // the local tenant is created once: the same keys are printed again
    expect([
      app.output().match(/publishable key (qb_pk_\S+)/)![1],
      app.output().match(/secret key\s+(qb_sk_\S+)/)![1],
    ]).toEqual(firstKeys);
    expect(await app.stop('SIGINT')).toBe(0);
    expect(await isPortOpen(Number(localEnv.DYNAMODB_LOCAL_PORT))).toBe(false);
    expect(existsSync(portFilePath(dataDir))).toBe(false);
  }, 60_000);
});
