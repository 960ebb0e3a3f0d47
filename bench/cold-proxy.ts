/**
 * A recording HTTP proxy in front of DynamoDB Local, for the one unmeasured traced run of the
 * real bundle (bench/run.ts): it forwards each call unchanged and records its X-Amz-Target, JSON
 * body, when it arrived and when its response was finished, and the phase. The child
 * (bench/cold-child.cjs with QBANK_BENCH_PHASE_URL) moves the phase with GET
 * /__qbank/phase/request before it calls the handler and /__qbank/phase/done after the answer.
 * The proxy answers the request marker only once DynamoDB has been quiet for `quietMs` (no call
 * in flight, none arrived): reads started during init, in however many rounds, are all init.
 *
 * Each response is held `delayMs` before it is sent, so calls sent together always overlap and a
 * call that waited for another's answer never does: round counting (bench/cold-trace.ts) does not
 * depend on how fast DynamoDB Local answered. Timed runs never go through the proxy.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { runOnce, type ChildReport, type Subject } from './cold-start';
import type { Phase, TracedCall } from './cold-trace';

export const PHASE_PATH = '/__qbank/phase/';

export interface RecordingProxy {
  endpoint: string;
  /** Base URL of the phase markers, for QBANK_BENCH_PHASE_URL. */
  phaseUrl: string;
  calls: TracedCall[];
  close(): Promise<void>;
}

export interface ProxyOptions {
  /** How long each answer is held (ms). */
  delayMs?: number;
  /** Quiet time before the request phase begins (ms). */
  quietMs?: number;
  /** The request phase begins after this long even if DynamoDB never goes quiet (ms). */
  maxSettleMs?: number;
}

export async function startRecordingProxy(target: string, options: ProxyOptions = {}): Promise<RecordingProxy> {
  const { delayMs = 25, quietMs = 150, maxSettleMs = 10_000 } = options;
  const upstream = new URL(target);
  const calls: TracedCall[] = [];
  let phase: Phase = 'init';
  let inFlight = 0;
  let lastActivity = performance.now();
  const agent = new http.Agent({ keepAlive: true });

  const whenQuiet = (since: number, then: () => void): void => {
    const now = performance.now();
    if ((inFlight === 0 && now - lastActivity >= quietMs) || now - since >= maxSettleMs) then();
    else setTimeout(() => whenQuiet(since, then), 5);
  };

  const server = http.createServer((req, res) => {
    const startMs = performance.now();
    if (req.url?.startsWith(PHASE_PATH)) {
      const next = req.url.slice(PHASE_PATH.length);
      req.resume();
      if (next === 'request') {
        whenQuiet(startMs, () => {
          phase = 'request';
          res.writeHead(204).end();
        });
      } else if (next === 'done') {
        phase = 'after';
        res.writeHead(204).end();
      } else {
        res.writeHead(404).end();
      }
      return;
    }
    inFlight += 1;
    lastActivity = startMs;
    let finished = false;
    const finish = (): void => {
      if (finished) return;
      finished = true;
      inFlight -= 1;
      lastActivity = performance.now();
    };
    res.on('close', finish);
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const call: TracedCall = {
        target: String(req.headers['x-amz-target'] ?? ''),
        body: parseBody(body),
        startMs,
        endMs: startMs,
        phase,
      };
      calls.push(call);
      const forward = http.request(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          headers: req.headers,
          agent,
        },
        (answer) => {
          const parts: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => parts.push(chunk));
          answer.on('end', () => {
            setTimeout(() => {
              res.on('finish', () => {
                call.endMs = performance.now();
                finish();
              });
              res.writeHead(answer.statusCode ?? 502, answer.headers).end(Buffer.concat(parts));
            }, delayMs);
          });
        },
      );
      forward.on('error', (error) => {
        call.endMs = performance.now();
        res.writeHead(502).end(String(error.message));
        finish();
      });
      forward.end(body);
    });
  });
  // A request cut off by the child's exit still ends its interval.
  server.on('connection', (socket) => socket.on('error', () => undefined));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    phaseUrl: `http://127.0.0.1:${port}${PHASE_PATH}`,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function parseBody(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return body.toString('utf8');
  }
}

/**
 * One unmeasured cold start of a bundle with its DynamoDB endpoint behind the recording proxy
 * (forwarding to `endpoint`): the calls it made, by phase, and the child's report.
 */
export async function traceCalls(
  subject: Subject,
  endpoint: string,
): Promise<{ calls: TracedCall[]; report: ChildReport | undefined }> {
  const proxy = await startRecordingProxy(endpoint);
  try {
    const { report } = await runOnce({
      ...subject,
      env: { ...subject.env, DYNAMODB_ENDPOINT: proxy.endpoint, QBANK_BENCH_PHASE_URL: proxy.phaseUrl },
    });
    return { calls: [...proxy.calls], report };
  } finally {
    await proxy.close();
  }
}
