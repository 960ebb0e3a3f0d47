/**
 * Failed key authentications per source address. An unknown key costs a DynamoDB read, so an
 * address that keeps presenting bad keys is stopped: past `failures` in a window it is refused
 * (RATE_LIMITED) for anything this container cannot answer from its cache, without a read, until
 * the window ends. Memory is bounded: at most `addresses` windows, the least recently used dropped.
 */
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
 * An IPv6 address as API Gateway writes one: hex groups and colons (at most one `::`, at most 8
 * groups), maybe a dotted IPv4 tail. Not node:net's isIPv6: its first call compiles a regular
 * expression of several KB, ~3 ms of every cold container's first request.
 */
const IPV6_SHAPE = /^(?=.*:)[0-9a-f:]*(?:\d{1,3}(?:\.\d{1,3}){3})?$/i;
function looksLikeIPv6(text: string): boolean {
  if (!IPV6_SHAPE.test(text)) return false;
  const parts = text.split(':').length;
  if (text.includes('::')) return text.split('::').length === 2 && parts <= 9;
  // eight groups, or six and a dotted IPv4 tail (two groups' worth)
  return parts === (text.includes('.') ? 7 : 8);
}

/**
 * What one client controls: an IPv4 address, or the /64 of an IPv6 one (a single host is usually
 * handed a whole /64, so counting its addresses one by one would count nothing).
 */
export function addressBucket(sourceIp: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(sourceIp);
  if (mapped) return mapped[1];
  if (!looksLikeIPv6(sourceIp)) return sourceIp.slice(0, 64);
  const [head = '', tail] = sourceIp.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const zeros = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  const groups = [...left, ...zeros, ...right].slice(0, 4).map((group) => parseInt(group, 16).toString(16));
  return `${groups.join(':')}::/64`;
}
