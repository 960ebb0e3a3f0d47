/**
 * Sequential DynamoDB round trips: calls in flight together count as one round, a call that
 * starts only after another has answered counts one more. A call's depth is one more than the
 * deepest call that had answered before it was sent; the request's round trips are the deepest.
 */
import type { Dynamo } from '../../src/store/client';

export interface TrackedCall {
  command: string;
  startedAt: number;
  endedAt: number;
}

/** The round trips of calls given with their start and end times (any order). */
export function roundTrips(calls: readonly TrackedCall[]): number {
  const byStart = [...calls].sort((a, b) => a.startedAt - b.startedAt);
  const depths: number[] = [];
  byStart.forEach((call, i) => {
    let deepest = 0;
    for (let j = 0; j < i; j++) if (byStart[j].endedAt <= call.startedAt) deepest = Math.max(deepest, depths[j]);
    depths.push(deepest + 1);
  });
  return Math.max(0, ...depths);
}

export interface RoundTripTracker {
  /** Calls sent since the last reset, with their times. */
  calls(): TrackedCall[];
  roundTrips(): number;
  reset(): void;
  stop(): void;
}

/** Times every command sent through the client (a retried command counts once, like the call counter). */
export function trackRoundTrips(dynamo: Dynamo): RoundTripTracker {
  const name = `roundTrips${Math.random().toString(36).slice(2)}`;
  let calls: TrackedCall[] = [];
  // performance.now() has sub-millisecond steps: two calls sent in one tick stay in one round.
  dynamo.doc.middlewareStack.add(
    (next, context) => async (args) => {
      const call = { command: context.commandName ?? 'unknown', startedAt: performance.now(), endedAt: Infinity };
      calls.push(call);
      try {
        return await next(args);
      } finally {
        call.endedAt = performance.now();
      }
    },
    { step: 'initialize', name },
  );
  return {
    calls: () => calls,
    roundTrips: () => roundTrips(calls),
    reset: () => (calls = []),
    stop: () => dynamo.doc.middlewareStack.remove(name),
  };
}
