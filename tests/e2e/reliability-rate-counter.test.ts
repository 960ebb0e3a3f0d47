/**
 * The rate limiter's shared counter (AccessStore.reportUsage) when DynamoDB applied a report but
 * its answer was lost: the SDK sends it again, and the resend must not count twice. Exercised
 * through the fault proxy (tests/harness/fault-proxy.ts) with 30 % of the answers replaced by a 500
 * after DynamoDB applied the request.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { startFaultProxy, type FaultProxy } from '../harness/fault-proxy';
import { AccessStore } from '../../src/store';
import { createDynamo, type Dynamo } from '../../src/store/client';
import { rateWindowKey } from '../../src/store/access/keys';
import { endpoint, useTable } from '../support/dynamo';

const WINDOW = 1_750_000_000;

describe('reporting rate-limit usage', () => {
  const dynamo = useTable();
  const proxies: FaultProxy[] = [];
  const clients: Dynamo[] = [];

  afterAll(async () => {
    await Promise.all(proxies.map((proxy) => proxy.stop()));
    for (const client of clients) client.doc.destroy();
  });

  /** A container's store whose DynamoDB answers are lost 30 % of the time, after DynamoDB applied the request. */
  async function givenLostAnswers(seed: string): Promise<{ proxy: FaultProxy; viaProxy: () => Dynamo }> {
    const proxy = await startFaultProxy({ upstream: endpoint(), seed, rates: { serverError: 0.3 }, afterForward: 1 });
    proxies.push(proxy);
    const viaProxy = (): Dynamo => {
      const client = createDynamo({ tableName: dynamo().tableName, region: 'local', endpoint: proxy.endpoint });
      clients.push(client);
      return client;
    };
    return { proxy, viaProxy };
  }

  const storedCount = async (keyId: string): Promise<unknown> =>
    (
      await dynamo().doc.send(
        new GetCommand({ TableName: dynamo().tableName, Key: rateWindowKey(keyId, WINDOW), ConsistentRead: true }),
      )
    ).Item?.requests;

  it('counts every report once, answers each with the exact total, and costs one UpdateItem per report', async () => {
    const { proxy, viaProxy } = await givenLostAnswers('reliability-rate');
    const container = viaProxy();
    const store = new AccessStore(container);
    const totals: number[] = [];
    for (let report = 1; report <= 30; report++) totals.push(await store.reportUsage('key-a', WINDOW, report));

    const sums = Array.from({ length: 30 }, (_, i) => ((i + 1) * (i + 2)) / 2);
    expect(totals).toEqual(sums);
    expect(await storedCount('key-a')).toBe(465);
    expect(Object.fromEntries(container.calls.byCommand)).toEqual({ UpdateItemCommand: 30 });
    // The case under test happened: resends of applied reports failed their condition.
    expect(proxy.stats().upstreamErrors.ConditionalCheckFailedException).toBeGreaterThan(0);
  }, 60_000);

  it('adds up the reports of several containers, sent at once, with answers lost', async () => {
    const { viaProxy } = await givenLostAnswers('reliability-rate-many');
    const containers = [new AccessStore(viaProxy()), new AccessStore(viaProxy()), new AccessStore(viaProxy())];
    await Promise.all(
      containers.map((store) => Promise.all(Array.from({ length: 10 }, () => store.reportUsage('key-b', WINDOW, 2)))),
    );
    expect(await storedCount('key-b')).toBe(60);
  }, 60_000);

  it('without faults, counts each report once, each window on a counter of its own', async () => {
    const store = new AccessStore(dynamo());
    expect(await store.reportUsage('key-c', WINDOW, 4)).toBe(4);
    expect(await store.reportUsage('key-c', WINDOW + 1, 3)).toBe(3);
    expect(await store.reportUsage('key-c', WINDOW, 1)).toBe(5);
  });
});
