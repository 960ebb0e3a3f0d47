/**
 * When the HTTP requests this process has started are on the wire: written to their sockets (or
 * failed). A cold Lambda's first request starts its DynamoDB reads and waits for this before it
 * spends the CPU on building the Apollo server, so the build overlaps the round trip instead of
 * delaying the requests' connect and write (src/lambda.ts).
 */
import { subscribe } from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';
import { setImmediate as nextTurn } from 'node:timers/promises';

let following = false;
let unsent = 0;
let waiting: (() => void)[] = [];

/** Follows every HTTP request the process starts from now on (node's `http.client.request.start` channel). */
export function followOutgoingRequests(): void {
  if (following) return;
  following = true;
  subscribe('http.client.request.start', (message) => {
    const { request } = message as { request: ClientRequest };
    unsent += 1;
    let settled = false;
    const sent = (): void => {
      if (settled) return;
      settled = true;
      unsent -= 1;
      if (unsent > 0) return;
      const done = waiting;
      waiting = [];
      done.forEach((resolve) => resolve());
    };
    request.once('finish', sent);
    request.once('error', sent);
    request.once('close', sent);
  });
}

/**
 * Resolves once every request started so far is written out. It first lets pending work run up
 * to the next turn of the event loop, where the SDK's middleware (promises only: credentials from
 * the environment, signing) has handed its requests to node's http.
 */
export async function outgoingRequestsSent(): Promise<void> {
  await nextTurn();
  if (unsent === 0) return;
  await new Promise<void>((resolve) => waiting.push(resolve));
}

/** Requests started and not yet written (for tests). */
export const unsentRequests = (): number => unsent;
