/**
 * dueQuestions reads a page of due states sized from `limit`, not the learner's whole due index;
 * on a warm container it filters them with the catalog it holds and checks that catalog's version
 * in the same BatchGetItem as the questions (two calls), and reads afresh after an import.
 */
import { importBankFiles } from '../../src/usecases/import-banks';
import { generateBank } from '../harness/generate-bank';
import type { QuestionStateRecord } from '../../src/domain/attempts';
import { reviewMemory } from '../../src/domain/learning/memory';
import { batchWrite } from '../../src/store/batch';
import { stateToItem } from '../../src/store/learner/keys';
import { givenTenant } from '../support/access';
import { bankFile } from '../support/banks';
import { useTable } from '../support/dynamo';
import { givenApi, type TestApi } from '../support/graphql';
import { givenLearner, type Learner } from '../support/learner';

interface SentCall {
  command: string;
  limit?: number;
  scanned?: number;
  morePages?: boolean;
}

/** Every DynamoDB call the app sends, in order, with what a Query asked for and read. */
function recordCalls(api: TestApi) {
  const calls: SentCall[] = [];
  const events: string[] = [];
  api.app.dynamo.doc.middlewareStack.add(
    (next, context) => async (args) => {
      const command = (context.commandName ?? 'unknown').replace(/Command$/, '');
      const call: SentCall = {
        command,
        ...(command === 'Query' ? { limit: (args.input as { Limit?: number }).Limit } : {}),
      };
      calls.push(call);
      events.push(`start ${command}`);
      const result = await next(args);
      events.push(`end ${command}`);
      if (command === 'Query')
        Object.assign(call, {
          scanned: (result.output as any).ScannedCount,
          morePages: !!(result.output as any).LastEvaluatedKey,
        });
      return result;
    },
    { step: 'initialize', name: 'perfDueRecorder' },
  );
  return {
    calls,
    events,
    clear: () => {
      calls.length = 0;
      events.length = 0;
    },
  };
}

describe('dueQuestions with 300 due states', () => {
  const dynamo = useTable();
  const BANK = 'due-bank';
  const DAY = 86_400_000;
  const base = Date.now() - 30 * DAY;
  let api: TestApi;
  let learner: Learner;
  let recorder: ReturnType<typeof recordCalls>;
  /** Question ids by section, in catalog order. */
  let sections: { id: string; questions: string[] }[];
  /** Every due state of the learner, most overdue first (the due index's order). */
  let dueOrder: QuestionStateRecord[];

  const state = (questionId: string, sectionSlug: string, due: Date): QuestionStateRecord => ({
    questionId,
    bankId: BANK,
    sectionSlug,
    memory: { ...reviewMemory(null, 'INCORRECT', new Date(due.getTime() - DAY)), due: due.toISOString() },
    attempts: 1,
    correct: 0,
    scoreSum: 0,
    lastOutcome: 'INCORRECT',
    lastAttemptAt: new Date(due.getTime() - DAY).toISOString(),
  });

  beforeAll(async () => {
    await importBankFiles(dynamo(), [bankFile(`${BANK}.md`, generateBank({ id: BANK, questions: 400 }).markdown)]);
    const tenant = await givenTenant(dynamo(), 'acme');
    api = givenApi(dynamo(), { env: { STAGE: 'prod' } });
    learner = givenLearner(api, tenant.secret, 'many');
    const bank = await learner.ask(
      `{ bank(id: "${BANK}") { sections { id questions(first: 100) { edges { node { id } } } } } }`,
    );
    sections = bank.data.bank.sections.map((s: any) => ({
      id: s.id,
      questions: s.questions.edges.map((e: any) => e.node.id),
    }));
    const questions = sections.flatMap((s) => s.questions.map((id) => ({ id, slug: s.id.split('/')[1] })));
    // 300 due states in an order unlike the catalog's; before them, 5 of questions the bank no
    // longer has (dropped); after them, 10 due tomorrow (not due)
    const due = questions
      .slice(0, 300)
      .map(({ id, slug }, i) => state(id, slug, new Date(base + ((i * 7_919) % 300) * 60_000)));
    const gone = Array.from({ length: 5 }, (_, i) =>
      state(`${BANK}/gone${i}`, 'gone', new Date(base - (i + 1) * 60_000)),
    );
    const later = questions.slice(300, 310).map(({ id, slug }) => state(id, slug, new Date(Date.now() + DAY)));
    const items = [...due, ...gone, ...later].map((s) => stateToItem({ tenantId: 'acme', userId: 'many' }, s));
    await batchWrite(
      dynamo(),
      items.map((Item) => ({ PutRequest: { Item } })),
      { concurrency: 8 },
    );
    dueOrder = [...due, ...gone].sort((a, b) => a.memory.due.localeCompare(b.memory.due));
    recorder = recordCalls(api);
    // warm: the API key and the catalog are cached from here on
    expect((await learner.ask(`{ dueQuestions(bankId: "${BANK}", limit: 1) { due } }`)).errors).toBeUndefined();
  }, 60_000);

  /** A warm request: right after `{ __typename }`, so the 30-second API-key cache is never refreshed by it. */
  async function askWarm(query: string) {
    expect((await learner.ask('{ __typename }')).errors).toBeUndefined();
    recorder.clear();
    const response = await learner.ask(query);
    expect(response.errors).toBeUndefined();
    return { response, calls: api.lastCalls() };
  }

  /** The Limits the Query pages ask for: limit + 10, then four times the last, until `read` states are covered. */
  function expectedPages(limit: number, read: number, total: number): SentCall[] {
    const pages: SentCall[] = [];
    for (let size = limit + 10, done = 0; done < read; size *= 4) {
      const scanned = Math.min(size, total - done);
      done += scanned;
      pages.push({ command: 'Query', limit: size, scanned, morePages: scanned === size });
    }
    return pages;
  }

  it('returns the 20 most overdue, reading 30 states in one Query, then the questions with the bank item', async () => {
    const { response, calls } = await askWarm(`{ dueQuestions(bankId: "${BANK}", limit: 20) { due question { id } } }`);
    const expected = dueOrder.filter((s) => !s.questionId.includes('/gone')).slice(0, 20);
    expect(response.data!.dueQuestions).toEqual(
      expected.map((s) => ({ due: s.memory.due, question: { id: s.questionId } })),
    );
    expect(calls).toEqual({ BatchGetItemCommand: 1, QueryCommand: 1 });
    expect(recorder.calls.filter((c) => c.command === 'Query')).toEqual([
      { command: 'Query', limit: 30, scanned: 30, morePages: true },
    ]);
    expect(recorder.events).toEqual(['start Query', 'end Query', 'start BatchGetItem', 'end BatchGetItem']);
  });

  it('pages on with growing Limits when a section filter drops most states', async () => {
    const section = sections[2];
    const { response, calls } = await askWarm(
      `{ dueQuestions(bankId: "${BANK}", sectionIds: ["${section.id}"], limit: 20) { question { id } } }`,
    );
    const inSection = dueOrder.filter((s) => section.questions.includes(s.questionId));
    expect(response.data!.dueQuestions.map((d: any) => d.question.id)).toEqual(
      inSection.slice(0, 20).map((s) => s.questionId),
    );
    const read = dueOrder.indexOf(inSection[19]) + 1;
    const pages = expectedPages(20, read, dueOrder.length);
    expect(recorder.calls.filter((c) => c.command === 'Query')).toEqual(pages);
    expect(calls).toEqual({ BatchGetItemCommand: 1, QueryCommand: pages.length });
    expect([pages.length, read > 30]).toEqual([2, true]);
  });

  it('stops at the end of the index when fewer than `limit` are due', async () => {
    const section = sections[2];
    const { response, calls } = await askWarm(
      `{ dueQuestions(bankId: "${BANK}", sectionIds: ["${section.id}"], limit: 100) { question { id } } }`,
    );
    expect(response.data!.dueQuestions.map((d: any) => d.question.id)).toEqual(
      dueOrder.filter((s) => section.questions.includes(s.questionId)).map((s) => s.questionId),
    );
    expect(response.data!.dueQuestions).toHaveLength(40);
    expect(recorder.calls.filter((c) => c.command === 'Query')).toEqual([
      { command: 'Query', limit: 110, scanned: 110, morePages: true },
      { command: 'Query', limit: 440, scanned: 195, morePages: false },
    ]);
    expect(calls).toEqual({ BatchGetItemCommand: 1, QueryCommand: 2 });
  });

  it('still rejects an unknown section, and a malformed bank id before any read', async () => {
    const unknownSection = await learner.ask(
      `{ dueQuestions(bankId: "${BANK}", sectionIds: ["${BANK}/nope"]) { due } }`,
    );
    expect(unknownSection.errors?.map((e) => [e.message, e.extensions?.code])).toEqual([
      [`unknown section id in bank "${BANK}"`, 'BAD_USER_INPUT'],
    ]);
    expect((await learner.ask('{ __typename }')).errors).toBeUndefined();
    const malformed = await learner.ask('{ dueQuestions(bankId: "No Such Bank!") { due } }');
    expect(malformed.errors?.map((e) => [e.message, e.extensions?.code])).toEqual([
      ['unknown bank id "No Such Bank!"', 'BAD_USER_INPUT'],
    ]);
    expect(api.lastCalls()).toEqual({});
    const unknownBank = await learner.ask('{ dueQuestions(bankId: "no-such-bank") { due } }');
    expect(unknownBank.errors?.map((e) => e.message)).toEqual(['unknown bank id "no-such-bank"']);
  });

  it('reads afresh when an import has replaced the catalog the container holds', async () => {
    const first = dueOrder.find((s) => !s.questionId.includes('/gone'))!;
    const { text } = (await learner.ask(`{ question(id: "${first.questionId}") { text } }`)).data.question;
    const edited = generateBank({ id: BANK, questions: 400 }).markdown.replace(text, `${text} (edited)`);
    await importBankFiles(dynamo(), [bankFile(`${BANK}.md`, edited)]);
    const { response } = await askWarm(`{ dueQuestions(bankId: "${BANK}", limit: 1) { question { id text } } }`);
    expect(response.data!.dueQuestions).toEqual([{ question: { id: first.questionId, text: `${text} (edited)` } }]);
  });
});
