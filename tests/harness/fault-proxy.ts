/**
 * A fault-injecting HTTP proxy between the app and DynamoDB Local, for the reliability tests
 * (tests/e2e/faults.test.ts) and `npm run chaos`. Per request, a seeded generator decides what
 * goes wrong:
 *
 * - throttle: HTTP 400 with DynamoDB's own ThrottlingException body and content type, so the SDK
 *   classifies it exactly as it would a real throttle (retryable, throttling back-off);
 * - serverError: HTTP 500 with DynamoDB's InternalServerError body;
 * - reset: the connection is destroyed without an answer;
 * - latency: a delay before the request is forwarded.
 *
 * A share of the 500s and resets (`afterForward`) happens after DynamoDB has processed the
 * request, as on a real network: the write is applied but its answer is lost. That is the case
 * idempotency exists for, and the one a proxy that fails only before forwarding never tests.
 *
 * Only loopback addresses, both ways: this is a test tool, never a network service.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { seededRandom } from '../../src/domain/sampling';

export type FaultKind = 'throttle' | 'serverError' | 'reset' | 'latency';

/** Probabilities per request, each in [0, 1]; throttle + serverError + reset must be ≤ 1. */
export type FaultRates = Record<FaultKind, number>;

export interface FaultProxyOptions {
  /** DynamoDB Local, e.g. http://127.0.0.1:8000 (loopback only). */
  upstream: string;
  seed: string;
  rates?: Partial<FaultRates>;
  /** Range of an injected delay, in ms. */
  latencyMs?: { min: number; max: number };
  /** Share of 500s and resets injected after DynamoDB processed the request (default 0.5). */
  afterForward?: number;
}

export interface FaultStats {
  /** Requests received, by DynamoDB operation (X-Amz-Target without its prefix). */
  requests: number;
  byOperation: Record<string, number>;
  /** Requests DynamoDB processed (including those whose answer was then replaced by a fault). */
  forwarded: number;
  injected: Record<FaultKind, number>;
  /** 500s and resets that came after DynamoDB processed the request. */
  afterForward: number;
  /** DynamoDB's own error answers by type (TransactionCanceledException on a conflict…). */
  upstreamErrors: Record<string, number>;
}

export interface FaultProxy {
  endpoint: string;
  stats(): FaultStats;
  resetStats(): void;
  setRates(rates: Partial<FaultRates>): void;
  /** Called for every request as it arrives, before any decision (e.g. to freeze at a point). */
  onRequest(listener: (operation: string, sequence: number) => void): void;
  /** Holds every request from now on, unanswered and unforwarded, until stop(). */
  freeze(): void;
  /** Resolves once no forwarded request is waiting for DynamoDB's answer. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

const NO_FAULTS: FaultRates = { throttle: 0, serverError: 0, reset: 0, latency: 0 };
const JSON_TYPE = 'application/x-amz-json-1.0';
const ERROR_PREFIX = 'com.amazonaws.dynamodb.v20120810#';
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

interface Decision {
  fault: 'throttle' | 'serverError' | 'reset' | null;
  delayMs: number;
  afterForward: boolean;
}

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const upstream = new URL(options.upstream);
  if (!LOOPBACK.has(upstream.hostname))
    throw new Error(`fault proxy: upstream must be a loopback address, got ${upstream.hostname}`);
  const proxy = new Proxy(upstream, options);
  await proxy.listen();
  return proxy;
}

class Proxy implements FaultProxy {
  endpoint = '';
  private rates: FaultRates;
  private readonly latency: { min: number; max: number };
  private readonly afterForwardShare: number;
  private readonly random: () => number;
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  private readonly server = http.createServer((req, res) => this.receive(req, res));
  private readonly sockets = new Set<Socket>();
  private readonly listeners: ((operation: string, sequence: number) => void)[] = [];
  private counts = emptyStats();
  private frozen = false;
  private stopped = false;
  private pending = 0;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly upstream: URL,
    options: FaultProxyOptions,
  ) {
    this.rates = checkRates({ ...NO_FAULTS, ...options.rates });
    this.latency = options.latencyMs ?? { min: 50, max: 250 };
    this.afterForwardShare = options.afterForward ?? 0.5;
    this.random = seededRandom(options.seed);
  }

  async listen(): Promise<void> {
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => this.server.once('error', reject).listen(0, '127.0.0.1', resolve));
    this.endpoint = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stats = (): FaultStats => structuredClone(this.counts);
  resetStats = (): void => void (this.counts = emptyStats());
  setRates = (rates: Partial<FaultRates>): void => void (this.rates = checkRates({ ...this.rates, ...rates }));
  onRequest = (listener: (operation: string, sequence: number) => void): void => void this.listeners.push(listener);
  freeze = (): void => void (this.frozen = true);
  idle = (): Promise<void> =>
    this.pending === 0 ? Promise.resolve() : new Promise<void>((resolve) => this.idleWaiters.push(resolve));

  async stop(): Promise<void> {
    this.stopped = true;
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.agent.destroy();
  }

  private receive(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => void this.handle(req, res, Buffer.concat(chunks)).catch(() => req.socket.destroy()));
  }

  /** Always four draws per request: the decisions depend on the seed and the order of arrival only. */
  private decide(): Decision {
    const [kind, late, delayDraw, delaySize] = [this.random(), this.random(), this.random(), this.random()];
    const { throttle, serverError, reset, latency } = this.rates;
    const fault =
      kind < throttle
        ? 'throttle'
        : kind < throttle + serverError
          ? 'serverError'
          : kind < throttle + serverError + reset
            ? 'reset'
            : null;
    const delayMs =
      delayDraw < latency ? Math.round(this.latency.min + delaySize * (this.latency.max - this.latency.min)) : 0;
    return { fault, delayMs, afterForward: fault !== 'throttle' && late < this.afterForwardShare };
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse, body: Buffer): Promise<void> {
    const operation = String(req.headers['x-amz-target'] ?? 'unknown').replace(/^DynamoDB_\d+\./, '');
    this.counts.requests++;
    this.counts.byOperation[operation] = (this.counts.byOperation[operation] ?? 0) + 1;
    for (const listener of this.listeners) listener(operation, this.counts.requests);
    if (this.frozen) return; // held: answered by nobody, closed by stop()
    const decision = this.decide();
    if (decision.delayMs > 0) {
      this.counts.injected.latency++;
      await sleep(decision.delayMs);
      if (this.stopped) return void req.socket.destroy();
    }
    if (decision.fault === 'throttle')
      return this.sendError(
        res,
        'throttle',
        400,
        'ThrottlingException',
        'Rate of requests exceeds the allowed throughput.',
      );
    if (decision.fault && !decision.afterForward) return this.inject(req, res, decision.fault);
    const answer = await this.forward(req, body);
    if (!answer) return void req.socket.destroy();
    this.counts.forwarded++;
    if (answer.status >= 400) countUpstreamError(this.counts, answer.body);
    if (decision.fault) {
      this.counts.afterForward++;
      return this.inject(req, res, decision.fault);
    }
    // The caller may have died meanwhile (a killed server): DynamoDB applied the request anyway.
    if (res.destroyed) return;
    res.writeHead(answer.status, withoutHopHeaders(answer.headers, answer.body.length));
    res.end(answer.body);
  }

  private forward(req: http.IncomingMessage, body: Buffer): Promise<Answer | null> {
    this.pending++;
    const host = this.upstream.hostname.replace(/^\[|\]$/g, '');
    return new Promise<Answer | null>((resolve) => {
      const outgoing = http.request(
        { host, port: this.upstream.port, method: req.method, path: req.url, headers: req.headers, agent: this.agent },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }),
          );
          res.on('error', () => resolve(null));
        },
      );
      outgoing.on('error', () => resolve(null));
      outgoing.end(body);
    }).finally(() => this.settle());
  }

  private settle(): void {
    if (--this.pending > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  private sendError(res: http.ServerResponse, kind: FaultKind, status: number, type: string, message: string): void {
    this.counts.injected[kind]++;
    if (res.destroyed) return;
    const body = JSON.stringify({ __type: `${ERROR_PREFIX}${type}`, message });
    res.writeHead(status, {
      'content-type': JSON_TYPE,
      'content-length': Buffer.byteLength(body),
      'x-amzn-requestid': randomUUID(),
    });
    res.end(body);
  }

  private inject(req: http.IncomingMessage, res: http.ServerResponse, fault: 'serverError' | 'reset'): void {
    if (fault === 'serverError')
      return this.sendError(res, 'serverError', 500, 'InternalServerError', 'Internal server error');
    this.counts.injected.reset++;
    req.socket.destroy();
  }
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function emptyStats(): FaultStats {
  return {
    requests: 0,
    byOperation: {},
    forwarded: 0,
    injected: { throttle: 0, serverError: 0, reset: 0, latency: 0 },
    afterForward: 0,
    upstreamErrors: {},
  };
}

/** Counts DynamoDB's error answers by type; a cancelled transaction also by why (its reasons). */
function countUpstreamError(stats: FaultStats, body: Buffer): void {
  let type = 'unknown';
  try {
    const error = JSON.parse(body.toString()) as { __type?: string; CancellationReasons?: { Code?: string }[] };
    type = String(error.__type ?? 'unknown').replace(/^.*#/, '');
    const reasons = [
      ...new Set((error.CancellationReasons ?? []).map((r) => r.Code).filter((code) => code && code !== 'None')),
    ];
    if (reasons.length > 0) type += ` (${reasons.sort().join(', ')})`;
  } catch {
    // not JSON: counted as unknown
  }
  stats.upstreamErrors[type] = (stats.upstreamErrors[type] ?? 0) + 1;
}

function checkRates(rates: FaultRates): FaultRates {
  for (const [kind, rate] of Object.entries(rates)) {
    if (!(rate >= 0 && rate <= 1)) throw new Error(`fault proxy: rate of ${kind} must be in [0, 1], got ${rate}`);
  }
  if (rates.throttle + rates.serverError + rates.reset > 1)
    throw new Error('fault proxy: throttle + serverError + reset must not exceed 1');
  return rates;
}

/** The body was read in full, so it is sent with a length, whatever the upstream framing was. */
function withoutHopHeaders(headers: http.IncomingHttpHeaders, length: number): http.OutgoingHttpHeaders {
  const { connection: _c, 'keep-alive': _k, 'transfer-encoding': _t, ...rest } = headers;
  return { ...rest, 'content-length': length };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
