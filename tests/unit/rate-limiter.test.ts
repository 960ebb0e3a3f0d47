import { RateLimiter } from '../../src/auth/rate-limiter';

/** A shared counter like the DynamoDB one: per key and window, shared by every limiter given it. */
function sharedCounter() {
  const counts = new Map<string, number>();
  let reports = 0;
  return {
    reports: () => reports,
    report: async (keyId: string, window: number, count: number) => {
      reports++;
      const key = `${keyId}@${window}`;
      counts.set(key, (counts.get(key) ?? 0) + count);
      return counts.get(key)!;
    },
  };
}

const LIMIT = { rps: 10, burst: 10 };

async function admitted(limiter: RateLimiter, times: number, at: number, limit = LIMIT): Promise<number> {
  let allowed = 0;
  for (let i = 0; i < times; i++) if ((await limiter.admit('k', limit, at)).allowed) allowed++;
  return allowed;
}

describe('RateLimiter', () => {
  it('admits rps requests in a window and refuses the rest with the time to the next window', async () => {
    const limiter = new RateLimiter(sharedCounter().report);
    expect(await admitted(limiter, 15, 5_000)).toBe(10);
    expect(await limiter.admit('k', LIMIT, 5_250)).toEqual({ allowed: false, remaining: 0, retryAfterMs: 750 });
    expect(await admitted(limiter, 15, 6_000)).toBe(10);
  });

  it('says what is left of the window after each charge and when the window ends (the RateLimit header)', async () => {
    const limiter = new RateLimiter(sharedCounter().report);
    const verdicts = [];
    for (const [at, units] of [
      [7_000, 1],
      [7_100, 3],
      [7_900, 6],
      [7_950, 1],
    ])
      verdicts.push(await limiter.admit('k', LIMIT, at, units));
    expect(verdicts).toEqual([
      { allowed: true, remaining: 9, resetMs: 1000 },
      { allowed: true, remaining: 6, resetMs: 900 },
      { allowed: true, remaining: 0, resetMs: 100 },
      { allowed: false, remaining: 0, retryAfterMs: 50 },
    ]);
  });

  it('reports to the shared counter only a few times per saturated window, never for a quiet key', async () => {
    const counter = sharedCounter();
    const limiter = new RateLimiter(counter.report);
    await admitted(limiter, 3, 1_000);
    await admitted(limiter, 2, 2_000);
    expect(counter.reports()).toBe(0);
    await admitted(limiter, 20, 3_000);
    expect(counter.reports()).toBeLessThanOrEqual(5);
  });

  it('holds across two instances that share the counter (within the documented tolerance)', async () => {
    const counter = sharedCounter();
    const a = new RateLimiter(counter.report);
    const b = new RateLimiter(counter.report);
    let total = 0;
    for (let i = 0; i < 30; i++) {
      if ((await a.admit('k', LIMIT, 7_000 + i)).allowed) total++;
      if ((await b.admit('k', LIMIT, 7_000 + i)).allowed) total++;
    }
    // allowance × (1 + (N − 1) / 2) with N = 2
    expect(total).toBeGreaterThanOrEqual(10);
    expect(total).toBeLessThanOrEqual(15);
  });

  it('lets a burst through after a quiet window, but not under sustained load', async () => {
    const limiter = new RateLimiter(sharedCounter().report);
    const limit = { rps: 10, burst: 25 };
    expect(await admitted(limiter, 40, 10_000, limit)).toBe(25);
    expect(await admitted(limiter, 40, 11_000, limit)).toBe(10);
  });

  it('fails open when the counter cannot be reached, and says so', async () => {
    const errors: unknown[] = [];
    const limiter = new RateLimiter(
      async () => {
        throw new Error('DynamoDB is down');
      },
      (error) => errors.push(error),
    );
    expect(await admitted(limiter, 6, 1_000)).toBe(6);
    expect(errors.length).toBeGreaterThan(0);
  });
});
