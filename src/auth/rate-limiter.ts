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
 * Usage on its way to the counter ("in flight") still counts against what is left until the
 * report's answer has replaced it with the new global count, and an instance's usage the counter
 * has not answered for (in flight and pending) never exceeds half of what was left at its last
 * answer: a request that would go beyond waits for the report on its way, then is decided
 * again. So requests that overlap a report (one process serving many at once: the local
 * server, a container) keep the same bounds as requests that come one by one; only a key at its
 * limit ever waits, for one round trip.
 *
 * A request is charged by its cost in units (src/graphql/cost.ts), not one per request: one
 * unit when it arrives and the rest once its operation is known, so aliases cannot multiply
 * work for free. A charge that does not fit is refused whole and charges nothing.
 *
 * Tolerance: before it learns of the others, each instance admits at most half of what it
 * believes is left, so N instances admit at most allowance × (1 + (N − 1) / 2) in a window.
 */
import type { RateLimit } from '../domain/access';

/**
 * Adds `count` requests to the key's shared counter for `window`; returns the new global count.
 * A report the SDK resends after a lost answer must count once (AccessStore.reportUsage does).
 */
export type ReportUsage = (keyId: string, window: number, count: number) => Promise<number>;

/**
 * Admitted or not, with what is left of the key's allowance this window (after this charge when
 * admitted) and when the window ends: the figures of the RateLimit response header.
 */
export type Verdict =
  { allowed: true; remaining: number; resetMs: number } | { allowed: false; remaining: number; retryAfterMs: number };

interface KeyState {
  window: number;
  /** Global count of the window at the last answer from the counter. */
  known: number;
  /** Reported and not yet answered: not in `known`, still used. */
  inFlight: number;
  /** Admitted here since the last report. */
  pending: number;
  previousKnown: number;
  /** The report on its way, if any. */
  reporting: Promise<void> | null;
}

export class RateLimiter {
  private readonly keys = new Map<string, KeyState>();

  constructor(
    private readonly report: ReportUsage,
    private readonly onReportError: (error: unknown) => void = () => {},
  ) {}

  /** Charges `units` (1 for a request, more for a costly one) or refuses them all. */
  async admit(keyId: string, limit: RateLimit, nowMs: number, units = 1): Promise<Verdict> {
    for (;;) {
      const state = this.stateFor(keyId, Math.floor(nowMs / 1000));
      const allowance = state.previousKnown < limit.rps ? limit.burst : limit.rps;
      const left = allowance - state.known - state.inFlight - state.pending;
      const resetMs = (state.window + 1) * 1000 - nowMs;
      if (left <= 0 || units > left) return { allowed: false, remaining: Math.max(0, left), retryAfterMs: resetMs };
      // What this instance may use before it hears from the counter again.
      const share = Math.max(1, Math.floor((allowance - state.known) / 2));
      const unanswered = state.inFlight + state.pending + units;
      if (state.reporting && unanswered > share) {
        await state.reporting;
        continue;
      }
      state.pending += units;
      const window = state.window;
      if (unanswered >= share) await this.sync(keyId, state);
      // The counter's answer may show others used more of the window meanwhile.
      const now = state.window === window ? allowance - state.known - state.inFlight - state.pending : left - units;
      return { allowed: true, remaining: Math.max(0, Math.min(left - units, now)), resetMs };
    }
  }

  private stateFor(keyId: string, window: number): KeyState {
    let state = this.keys.get(keyId);
    if (!state) {
      state = { window, known: 0, inFlight: 0, pending: 0, previousKnown: 0, reporting: null };
      this.keys.set(keyId, state);
    }
    // A request that started in an earlier window than one already counted is charged to the
    // current window: going back would forget what the current one has admitted.
    if (window > state.window) {
      state.previousKnown = state.window === window - 1 ? state.known + state.inFlight + state.pending : 0;
      state.window = window;
      state.known = 0;
      state.inFlight = 0;
      state.pending = 0;
      state.reporting = null;
    }
    return state;
  }

  private sync(keyId: string, state: KeyState): Promise<void> {
    const { window } = state;
    const count = state.pending;
    state.pending = 0;
    state.inFlight += count;
    const reporting = this.report(keyId, window, count).then(
      (total) => {
        // `total` holds this report and every earlier one; requests admitted meanwhile stay
        // pending and later reports stay in flight, since they are not in it. Answers may come
        // back out of order: the larger total wins.
        if (state.window !== window) return;
        state.inFlight -= count;
        state.known = Math.max(state.known, total);
      },
      (error: unknown) => {
        // Fail open: a counter outage must not take the API down. Keep the usage for next time.
        if (state.window === window) {
          state.inFlight -= count;
          state.pending += count;
        }
        this.onReportError(error);
      },
    );
    const settled = reporting.then(() => {
      if (state.reporting === settled) state.reporting = null;
    });
    state.reporting = settled;
    return settled;
  }
}
