/**
 * The rate limiter with requests that overlap: many admits in flight at once in one process, and
 * reports that take a while to come back, as a DynamoDB round trip does.
 */
import { RateLimiter, type ReportUsage } from '../../src/auth/rate-limiter';

/** A shared per-key, per-window counter whose answers arrive after `delayMs`, like DynamoDB's. */
function slowCounter(delayMs = 5) {
  const counts = new Map<string, number>();
  let reports = 0;
  const report: ReportUsage = async (keyId, window, count) => {
    reports++;
    const key = `${keyId}@${window}`;
    counts.set(key, (counts.get(key) ?? 0) + count);
    const total = counts.get(key)!;
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    return total;
  };
  return { report, reports: () => reports };
}

const LIMIT_40 = { rps: 40, burst: 40 };
/** Inside one window, whatever the clock says when the test runs. */
const AT = 50_000;

async function admittedConcurrently(limiters: RateLimiter[], requests: number, units = 1): Promise<number> {
  const verdicts = await Promise.all(
    Array.from({ length: requests }, (_, i) => limiters[i % limiters.length].admit('k', LIMIT_40, AT, units)),
  );
  return verdicts.filter((verdict) => verdict.allowed).length;
}

describe('RateLimiter under concurrency', () => {
  it('admits exactly the limit of 1,000 concurrent requests in one instance', async () => {
    const counter = slowCounter();
    expect(await admittedConcurrently([new RateLimiter(counter.report)], 1000)).toBe(40);
    // a saturated window still costs only a few reports
    expect(counter.reports()).toBeLessThanOrEqual(8);
  });

  it('keeps two instances within the documented tolerance under 1,000 concurrent requests', async () => {
    const counter = slowCounter();
    const instances = [new RateLimiter(counter.report), new RateLimiter(counter.report)];
    // allowance × (1 + (N − 1) / 2) with N = 2
    const admitted = await admittedConcurrently(instances, 1000);
    expect(admitted).toBeGreaterThanOrEqual(40);
    expect(admitted).toBeLessThanOrEqual(60);
  });

  it('refuses the requests that overlap an in-flight report once the limit is used', async () => {
    const limiter = new RateLimiter(slowCounter(50).report);
    const first = await admittedConcurrently([limiter], 40);
    // the reports of the first 40 are still on their way: the next ones must not pass
    const second = await admittedConcurrently([limiter], 40);
    expect([first, second]).toEqual([40, 0]);
  });

  it('charges a request by its units and refuses a charge that does not fit without charging it', async () => {
    const limiter = new RateLimiter(slowCounter().report);
    expect(await limiter.admit('k', LIMIT_40, AT, 30)).toEqual({ allowed: true, remaining: 10, resetMs: 1000 });
    expect(await limiter.admit('k', LIMIT_40, AT + 250, 11)).toEqual({
      allowed: false,
      remaining: 10,
      retryAfterMs: 750,
    });
    // the refused 11 were not charged: 10 units are still left
    expect(await admittedConcurrently([limiter], 20)).toBe(10);
  });

  it('admits at most the limit in units when costly requests arrive together', async () => {
    const limiter = new RateLimiter(slowCounter().report);
    // 1,000 requests of 3 units against 40: 13 fit (39 units)
    expect(await admittedConcurrently([limiter], 1000, 3)).toBe(13);
  });

  it('keeps usage whose report failed, so a counter outage still limits each instance', async () => {
    const errors: unknown[] = [];
    const limiter = new RateLimiter(
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        throw new Error('DynamoDB is down');
      },
      (error) => errors.push(error),
    );
    expect(await admittedConcurrently([limiter], 1000)).toBe(40);
    expect(errors.length).toBeGreaterThan(0);
  });
});
