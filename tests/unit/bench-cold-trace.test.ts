import { BatchGetItemCommand, GetItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import {
  assignRounds,
  buildReplayPlan,
  countRounds,
  operationOf,
  planShape,
  sameWork,
  summarizeTrace,
  type Phase,
  type TracedCall,
} from '../../bench/cold-trace';
import { rotation } from '../../bench/cold-start';
import { commandFor, runRounds } from '../../bench/floor/replay';

const span = (startMs: number, endMs: number) => ({ startMs, endMs });

function call(operation: string, startMs: number, endMs: number, phase: Phase, body: unknown = {}): TracedCall {
  return { target: `DynamoDB_20120810.${operation}`, body, startMs, endMs, phase };
}

describe('round counting', () => {
  it('counts no rounds for no calls', () => {
    expect(assignRounds([])).toEqual([]);
    expect(countRounds([])).toBe(0);
  });

  it('counts calls one after the other as one round each', () => {
    expect(assignRounds([span(0, 10), span(12, 20), span(25, 30)])).toEqual([1, 2, 3]);
    expect(countRounds([span(0, 10), span(12, 20), span(25, 30)])).toBe(3);
  });

  it('counts calls overlapping in time as one round, in any order given', () => {
    expect(assignRounds([span(1, 11), span(0, 10), span(2, 9)])).toEqual([1, 1, 1]);
    expect(countRounds([span(1, 11), span(0, 10), span(2, 9)])).toBe(1);
  });

  it('puts a call that starts exactly when another ends in the next round', () => {
    expect(assignRounds([span(0, 10), span(10, 20)])).toEqual([1, 2]);
  });

  it('counts two parallel reads, then one read after both, as two rounds', () => {
    expect(assignRounds([span(0, 30), span(1, 31), span(32, 60)])).toEqual([1, 1, 2]);
    expect(countRounds([span(0, 30), span(1, 31), span(32, 60)])).toBe(2);
  });

  it('follows the longest chain: a short call and its follower overlap a long one', () => {
    // 0–40 runs beside 1–5 and then 6–10, which waited for 1–5: two sequential round trips.
    expect(assignRounds([span(0, 40), span(1, 5), span(6, 10)])).toEqual([1, 1, 2]);
    // A call after all three is a third round.
    expect(countRounds([span(0, 40), span(1, 5), span(6, 10), span(41, 50)])).toBe(3);
  });
});

describe('trace summary and replay plan', () => {
  const key = { PK: { S: 'KEY#k' }, SK: { S: 'KEY' } };
  const trace: TracedCall[] = [
    // init: two reads started together at module load
    call('Query', 0, 30, 'init', { TableName: 't', KeyConditionExpression: 'PK = :pk' }),
    call('BatchGetItem', 1, 31, 'init', { RequestItems: { t: { Keys: [key] } } }),
    // request: a read, then two in parallel and a write, then a write alone
    call('GetItem', 100, 130, 'request', { TableName: 't', Key: key }),
    call('BatchGetItem', 135, 165, 'request', { RequestItems: { t: { Keys: [key, key] } } }),
    call('UpdateItem', 136, 166, 'request', { TableName: 't', Key: key }),
    call('Query', 137, 167, 'request', { TableName: 't' }),
    call('PutItem', 170, 200, 'request', { TableName: 't' }),
    // after the answer: not part of the cold start
    call('GetItem', 300, 330, 'after', { TableName: 't', Key: key }),
  ];

  it('reads the operation of an X-Amz-Target', () => {
    expect(operationOf('DynamoDB_20120810.BatchGetItem')).toBe('BatchGetItem');
    expect(() => operationOf('nonsense')).toThrow('not a DynamoDB X-Amz-Target: "nonsense"');
  });

  it('summarizes calls and rounds per phase, and the writes left out', () => {
    expect(summarizeTrace(trace)).toEqual({
      init: { calls: 2, rounds: 1, byOperation: { Query: 1, BatchGetItem: 1 } },
      request: {
        calls: 5,
        rounds: 3,
        byOperation: { GetItem: 1, BatchGetItem: 1, UpdateItem: 1, Query: 1, PutItem: 1 },
      },
      after: { calls: 1, rounds: 1, byOperation: { GetItem: 1 } },
      skipped: ['request:UpdateItem', 'request:PutItem'],
    });
  });

  it('plans the reads by phase and round, in time order, without writes or the after phase', () => {
    // Given out of order: the plan follows the start times.
    const shuffled = [trace[5], trace[1], trace[7], trace[3], trace[0], trace[6], trace[2], trace[4]];
    expect(buildReplayPlan(shuffled)).toEqual({
      init: [
        [
          { operation: 'Query', input: { TableName: 't', KeyConditionExpression: 'PK = :pk' } },
          { operation: 'BatchGetItem', input: { RequestItems: { t: { Keys: [key] } } } },
        ],
      ],
      request: [
        [{ operation: 'GetItem', input: { TableName: 't', Key: key } }],
        [
          { operation: 'BatchGetItem', input: { RequestItems: { t: { Keys: [key, key] } } } },
          { operation: 'Query', input: { TableName: 't' } },
        ],
      ],
    });
  });

  it('compares the work of two traces by phase, round and operation, not by timing or input', () => {
    expect(planShape(buildReplayPlan(trace))).toEqual({
      init: [['BatchGetItem', 'Query']],
      request: [['GetItem'], ['BatchGetItem', 'Query']],
    });
    // Later, slower, other inputs, no writes and no after phase: the same reads.
    const replayed = trace
      .filter((c) => c.phase !== 'after' && !['UpdateItem', 'PutItem'].includes(operationOf(c.target)))
      .map((c) => ({ ...c, startMs: c.startMs * 2 + 1000, endMs: c.endMs * 2 + 1000, body: {} }));
    expect(sameWork(trace, replayed)).toBe(true);
    // The GetItem moved into the init phase: not the same work.
    expect(
      sameWork(
        trace,
        replayed.map((c, i) => (i === 2 ? { ...c, phase: 'init' as const } : c)),
      ),
    ).toBe(false);
    // The two reads of the second request round made one after the other: one round more.
    const sequential = replayed.map((c) =>
      operationOf(c.target) === 'Query' && c.phase === 'request' ? { ...c, startMs: 2000, endMs: 2030 } : c,
    );
    expect(sameWork(trace, sequential)).toBe(false);
  });

  it('refuses an operation it cannot replay', () => {
    expect(() => buildReplayPlan([call('ExecuteStatement', 0, 1, 'request')])).toThrow(
      'the floor cannot replay DynamoDB ExecuteStatement',
    );
  });
});

describe('floor replay', () => {
  it('builds the low-level command of each operation with the recorded input', () => {
    const input = { TableName: 't', Key: { PK: { S: 'a' }, SK: { S: 'b' } } };
    const command = commandFor({ operation: 'GetItem', input });
    expect(command).toBeInstanceOf(GetItemCommand);
    expect((command as GetItemCommand).input).toEqual(input);
    expect(commandFor({ operation: 'BatchGetItem', input: { RequestItems: {} } })).toBeInstanceOf(BatchGetItemCommand);
    expect(commandFor({ operation: 'Query', input: { TableName: 't' } })).toBeInstanceOf(QueryCommand);
  });

  it('sends the calls of a round together and the next round only after all of them answered', async () => {
    const events: string[] = [];
    const pending: (() => void)[] = [];
    const send = (command: object): Promise<unknown> => {
      const name = `${command.constructor.name}:${(command as { input: { TableName: string } }).input.TableName}`;
      events.push(`send ${name}`);
      return new Promise((resolve) => pending.push(() => (events.push(`answer ${name}`), resolve(undefined))));
    };
    const sent = runRounds(send, [
      [
        { operation: 'GetItem', input: { TableName: 'a' } },
        { operation: 'Query', input: { TableName: 'b' } },
      ],
      [{ operation: 'BatchGetItem', input: { TableName: 'c' } }],
    ]);
    const flush = () => new Promise((resolve) => setImmediate(resolve));
    await flush();
    expect(events).toEqual(['send GetItemCommand:a', 'send QueryCommand:b']);
    pending.shift()!();
    await flush();
    expect(events).toEqual(['send GetItemCommand:a', 'send QueryCommand:b', 'answer GetItemCommand:a']);
    pending.shift()!();
    await flush();
    expect(events.slice(3)).toEqual(['answer QueryCommand:b', 'send BatchGetItemCommand:c']);
    pending.shift()!();
    await expect(sent).resolves.toBe(3);
  });
});

describe('interleaving', () => {
  it('rotates the order by one each round', () => {
    expect([0, 1, 2, 3].map((round) => rotation(['real', 'floor', 'node'], round))).toEqual([
      ['real', 'floor', 'node'],
      ['floor', 'node', 'real'],
      ['node', 'real', 'floor'],
      ['real', 'floor', 'node'],
    ]);
  });
});
