/**
 * A recording HTTP proxy in front of DynamoDB Local, for the one unmeasured traced run of the
 * real bundle (bench/run.ts): it forwards each call unchanged and records its X-Amz-Target, JSON
 * body, when it arrived and when its response was finished, and the phase. The child
 * (bench/cold-child.cjs with QBANK_BENCH_PHASE_URL) moves the phase with GET
 * /__qbank/phase/request before it calls the handler and /__qbank/phase/done after the answer.
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

export async function startRecordingProxy(target: string, delayMs = 25): Promise<RecordingProxy> {
  const upstream = new URL(target);
  const calls: TracedCall[] = [];
  let phase: Phase = 'init';
  const agent = new http.Agent({ keepAlive: true });
  const server = http.createServer((req, res) => {
    const startMs = performance.now();
    if (req.url?.startsWith(PHASE_PATH)) {
      const next = req.url.slice(PHASE_PATH.length);
      if (next === 'request' || next === 'done') phase = next === 'done' ? 'after' : 'request';
      req.resume();
      res.writeHead(next === 'request' || next === 'done' ? 204 : 404).end();
      return;
    }
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
              res.on('finish', () => (call.endMs = performance.now()));
              res.writeHead(answer.statusCode ?? 502, answer.headers).end(Buffer.concat(parts));
            }, delayMs);
          });
        },
      );
      forward.on('error', (error) => {
        call.endMs = performance.now();
        res.writeHead(502).end(String(error.message));
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
