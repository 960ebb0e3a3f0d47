/**
 * Failed key authentications per source address. An unknown key costs a DynamoDB read, so an
 * address that keeps presenting bad keys is stopped: past `failures` in a window it is refused
 * (RATE_LIMITED) for anything this container cannot answer from its cache, without a read, until
 * the window ends. Memory is bounded: at most `addresses` windows, the least recently used dropped.
 */
import { isIPv6 } from 'node:net';
import { LruCache } from './lru-cache';

export interface FailedAuthPolicy {
  failures: number;
  windowMs: number;
  addresses: number;
}

export const FAILED_AUTH_POLICY: FailedAuthPolicy = { failures: 20, windowMs: 60_000, addresses: 10_000 };

export class FailedAuthLimiter {
  private readonly windows: LruCache<string, { failures: number; endsAt: number }>;

  constructor(private readonly policy: FailedAuthPolicy = FAILED_AUTH_POLICY) {
    this.windows = new LruCache(policy.addresses);
  }

  /** How long the address must wait before a key it presents is looked up again; 0 when it need not. */
  retryAfterMs(sourceIp: string, now: number): number {
    const window = this.windows.get(addressBucket(sourceIp), now);
    return window && window.failures >= this.policy.failures ? window.endsAt - now : 0;
  }

  recordFailure(sourceIp: string, now: number): void {
    const bucket = addressBucket(sourceIp);
    const window = this.windows.get(bucket, now) ?? { failures: 0, endsAt: now + this.policy.windowMs };
    this.windows.set(bucket, { failures: window.failures + 1, endsAt: window.endsAt }, window.endsAt);
  }
}

/**
 * What one client controls: an IPv4 address, or the /64 of an IPv6 one (a single host is usually
 * handed a whole /64, so counting its addresses one by one would count nothing).
 */
export function addressBucket(sourceIp: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(sourceIp);
  if (mapped) return mapped[1];
  if (!isIPv6(sourceIp)) return sourceIp.slice(0, 64);
  const [head = '', tail] = sourceIp.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const zeros = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  const groups = [...left, ...zeros, ...right].slice(0, 4).map((group) => parseInt(group, 16).toString(16));
  return `${groups.join(':')}::/64`;
}
