import { readFileSync } from 'node:fs';
import { importBankFiles } from '../../src/usecases/import-banks';
import { readExistingBank } from '../../src/store';
import { SHARED_RAW_BANK, SHIPPED_BANK, bankFile, editedShippedBank } from '../support/banks';
import { newDynamo, useTable, writeCalls } from '../support/dynamo';
import { ensureTable } from '../../src/store/table';
import { BankFormatError } from '../../src/domain/errors';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Dynamo } from '../../src/store/client';

const itemCount = async (dynamo: Dynamo): Promise<number> =>
  (await dynamo.doc.send(new ScanCommand({ TableName: dynamo.tableName, Select: 'COUNT' }))).Count ?? -1;

const activeIds = async (dynamo: Dynamo, bankId = 'ml-junior'): Promise<string[]> =>
  (await readExistingBank(dynamo, bankId)).questions
    .filter((q) => !q.retired)
    .map((q) => q.id)
    .sort();

describe('importing the shipped bank', () => {
  const dynamo = useTable();

  it('imports 9 sections, 58 questions and 1 section note, with the numbering warnings', async () => {
    const [summary] = await importBankFiles(dynamo(), [SHIPPED_BANK]);
    expect(summary).toMatchObject({
      id: 'ml-junior',
      title: 'Вопросы для собеседования джуниора по ML',
      sections: 9,
      questions: 58,
      notes: 1,
      added: 58,
      updated: 0,
      unchanged: 0,
      retired: 0,
    });
    expect(summary.warnings.map((w) => w.message)).toEqual([
      'numbering restarts at 22 after 25',
      'number 22 is used again (first at line 56)',
      'number 23 is used again (first at line 58)',
      'number 24 is used again (first at line 59)',
      'number 25 is used again (first at line 60)',
      'numbering skips from 36 to 38',
      'numbering restarts at 1 after 51',
      'number 1 is used again (first at line 17)',
      'number 2 is used again (first at line 19)',
    ]);
    // bank item + 58 questions + one catalog part + one search index part
    expect(await itemCount(dynamo())).toBe(61);
  });

  it('re-importing the unchanged file performs no writes', async () => {
    dynamo().calls.reset();
    const [summary] = await importBankFiles(dynamo(), [SHIPPED_BANK]);
    expect(summary).toMatchObject({ added: 0, updated: 0, unchanged: 58, retired: 0 });
    expect(writeCalls(dynamo())).toBe(0);
  });

  it('editing one question updates exactly that question and keeps its id', async () => {
    const before = await readExistingBank(dynamo(), 'ml-junior');
    const original = before.questions.find((q) => q.text === 'Что такое эпоха и батч? Что такое `batch size`?')!;
    const file = editedShippedBank((s) =>
      s.replace(
        'Что такое эпоха и батч? Что такое `batch size`?',
        'Что такое эпоха и батч? Что такое `batch size` и как его выбрать?',
      ),
    );
    const [summary] = await importBankFiles(dynamo(), [file]);
    expect(summary).toMatchObject({ added: 0, updated: 1, unchanged: 57, retired: 0 });

    const after = await readExistingBank(dynamo(), 'ml-junior');
    const edited = after.questions.find((q) => q.id === original.id)!;
    expect(edited.text).toBe('Что такое эпоха и батч? Что такое `batch size` и как его выбрать?');
    const untouched = (records: typeof before.questions) =>
      records
        .filter((q) => q.id !== original.id)
        .map((q) => JSON.stringify(q))
        .sort();
    expect(untouched(after.questions)).toEqual(untouched(before.questions));
  });

  it('removing one question retires it and changes no other question', async () => {
    await importBankFiles(dynamo(), [SHIPPED_BANK]); // undo the previous test's edit
    const before = await readExistingBank(dynamo(), 'ml-junior');
    const file = editedShippedBank((s) => s.replace('42.  Что такое Top‑K?\n', ''));
    const [summary] = await importBankFiles(dynamo(), [file]);
    expect(summary).toMatchObject({ questions: 57, added: 0, updated: 0, unchanged: 57, retired: 1 });

    const after = await readExistingBank(dynamo(), 'ml-junior');
    const retired = after.questions.filter((q) => q.retired);
    expect(retired.map((q) => [q.text, q.lastNumber, q.lastPosition])).toEqual([['Что такое Top‑K?', '42', 5]]);
    const others = (records: typeof before.questions) =>
      records
        .filter((q) => q.id !== retired[0].id)
        .map((q) => JSON.stringify(q))
        .sort();
    expect(others(after.questions)).toEqual(others(before.questions));
  });

  it('putting a removed question back revives it under its old id', async () => {
    const retiredId = (await readExistingBank(dynamo(), 'ml-junior')).questions.find((q) => q.retired)!.id;
    const [summary] = await importBankFiles(dynamo(), [SHIPPED_BANK]);
    expect(summary).toMatchObject({ questions: 58, added: 1, updated: 0, unchanged: 57, retired: 0 });
    expect(await activeIds(dynamo())).toContain(retiredId);
  });
});

describe('importing the raw shared bank', () => {
  const dynamo = useTable();

  it('imports without errors: 9 sections and 59 questions, no notes', async () => {
    const [summary] = await importBankFiles(dynamo(), [SHARED_RAW_BANK]);
    expect(summary).toMatchObject({ id: 'ml-junior', sections: 9, questions: 59, notes: 0, added: 59 });
  });

  it('keeps every id when the annotated version turns the multimodal item into a note', async () => {
    const before = await activeIds(dynamo());
    const [summary] = await importBankFiles(dynamo(), [SHIPPED_BANK]);
    expect(summary).toMatchObject({ questions: 58, notes: 1, added: 0, retired: 1 });
    const after = await activeIds(dynamo());
    expect(before.filter((id) => !after.includes(id))).toHaveLength(1);
    expect(after.every((id) => before.includes(id))).toBe(true);
  });
});

describe('invalid input', () => {
  const dynamo = useTable();

  it('writes nothing at all when any one file of the run is invalid', async () => {
    const broken = bankFile('broken.md', '---\nid: broken\ntitle: [unclosed\n---\n## S\n1. Q?\n');
    await expect(importBankFiles(dynamo(), [SHIPPED_BANK, broken])).rejects.toThrow(BankFormatError);
    expect(await itemCount(dynamo())).toBe(0);
  });

  it('names the file and the line of the problem', async () => {
    const duplicate = bankFile('dup.md', '## S\n\n1. First? <!-- id: same -->\n2. Second? <!-- id: same -->\n');
    const error = await importBankFiles(dynamo(), [duplicate]).catch((e: BankFormatError) => e);
    expect(error).toBeInstanceOf(BankFormatError);
    expect([(error as BankFormatError).file, (error as BankFormatError).line]).toEqual([duplicate, 4]);
  });

  it('refuses two files that claim the same bank id', async () => {
    const copy = bankFile('copy.md', readFileSync(SHIPPED_BANK, 'utf8'));
    await expect(importBankFiles(dynamo(), [SHIPPED_BANK, copy])).rejects.toThrow(
      'bank id "ml-junior" is also the id of',
    );
    expect(await itemCount(dynamo())).toBe(0);
  });

  it('a dry run reports what it would do and writes nothing', async () => {
    dynamo().calls.reset();
    const [summary] = await importBankFiles(dynamo(), [SHIPPED_BANK], { dryRun: true });
    expect(summary).toMatchObject({ added: 58, questions: 58 });
    expect(writeCalls(dynamo())).toBe(0);
    expect(await itemCount(dynamo())).toBe(0);
  });
});

describe('a bank larger than one BatchWriteItem', () => {
  it('writes every question of a 260-question bank', async () => {
    const dynamo = newDynamo();
    await ensureTable(dynamo);
    const items = Array.from({ length: 260 }, (_, i) => `${i + 1}. Generated question number ${i + 1}?`).join('\n');
    const [summary] = await importBankFiles(dynamo, [bankFile('big.md', `## Only\n\n${items}\n`)]);
    expect(summary).toMatchObject({ id: 'big', questions: 260, added: 260 });
    // 11 calls for the questions (25 a call), then one for the catalog and search index parts
    expect(dynamo.calls.byCommand.get('BatchWriteItemCommand')).toBe(12);
    expect(await itemCount(dynamo)).toBe(263);
  });
});
