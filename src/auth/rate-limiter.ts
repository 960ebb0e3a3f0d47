/**
 * Per-key rate limiting that holds across Lambda instances without a DynamoDB round trip on
 * most requests.
 *
 * Time is cut into one-second windows. Every instance admits requests against its last known
 * global count for the window plus what it admitted since ("pending"), and reports pending to
 * a shared per-window counter (one UpdateItem that returns the new global count) only when
 * pending reaches half of what it believes is left. Quiet keys therefore never cost a round
 * trip; a saturated key costs about log2(limit) reports per instance and second.
 *
 * A window allows `burst` requests when the previous one stayed under `rps` (as far as this
 * instance knows), and `rps` after a saturated one: short spikes pass, sustained load gets
 * `rps` a second, and no two consecutive seconds admit more than burst + rps. Usage still pending when
 * a window ends is not reported: it is at most half of what was left, and reporting it would
 * cost a round trip on the next quiet request.
 *
 * Tolerance: before it learns of the others, each instance admits at most half of what it
 * believes is left, so N instances admit at most allowance × (1 + (N − 1) / 2) in a window,
 * plus the requests that were already in flight while a report was on its way.
 */
import type { RateLimit } from '../domain/access';

/**
 * Adds `count` requests to the key's shared counter for `window`; returns the new global count.
 * A report the SDK resends after a lost answer must count once (AccessStore.reportUsage does).
 */
export type ReportUsage = (keyId: string, window: number, count: number) => Promise<number>;

export type Verdict = { allowed: true } | { allowed: false; retryAfterMs: number };

interface KeyState {
  window: number;
  /** Global count of the window at the last report. */
  known: number;
  /** Admitted here since the last report. */
  pending: number;
  previousKnown: number;
}

export class RateLimiter {
  private readonly keys = new Map<string, KeyState>();

  constructor(
    private readonly report: ReportUsage,
    private readonly onReportError: (error: unknown) => void = () => {},
  ) {}

  async admit(keyId: string, limit: RateLimit, nowMs: number): Promise<Verdict> {
    const window = Math.floor(nowMs / 1000);
    const state = this.stateFor(keyId, window);
    const allowance = state.previousKnown < limit.rps ? limit.burst : limit.rps;
    const left = allowance - state.known - state.pending;
    if (left <= 0) return { allowed: false, retryAfterMs: (window + 1) * 1000 - nowMs };
    state.pending += 1;
    if (state.pending >= Math.max(1, Math.floor(left / 2))) await this.sync(keyId, state, window);
    return { allowed: true };
  }

  private stateFor(keyId: string, window: number): KeyState {
    let state = this.keys.get(keyId);
    if (!state) {
      state = { window, known: 0, pending: 0, previousKnown: 0 };
      this.keys.set(keyId, state);
    }
    if (state.window !== window) {
      state.previousKnown = state.window === window - 1 ? state.known + state.pending : 0;
      state.window = window;
      state.known = 0;
      state.pending = 0;
    }
    return state;
  }

  private async sync(keyId: string, state: KeyState, window: number): Promise<void> {
    const count = state.pending;
    state.pending = 0;
    try {
      const total = await this.report(keyId, window, count);
      // Requests admitted while the report was on its way stay pending; they are not in `total`.
      if (state.window === window) state.known = Math.max(state.known, total);
    } catch (error) {
      // Fail open: a counter outage must not take the API down. Keep the usage for next time.
      if (state.window === window) state.pending += count;
      this.onReportError(error);
    }
  }
}
