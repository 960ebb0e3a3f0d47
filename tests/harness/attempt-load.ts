/**
 * The client side of the reliability runs: concurrent clients recording attempts, each retrying
 * a failed request with the same clientAttemptId until it is stored, as the API asks frontends
 * to. Two clients share each user, so attempts of one user also race each other on the
 * profile's version. Every answer is checked as it comes: anything but a stored attempt or a
 * masked INTERNAL_SERVER_ERROR is unexpected, and no body may carry a stack trace or internals.
 * Used by tests/e2e/faults.test.ts and `npm run chaos`.
 */
import { OUTCOMES } from '../../src/domain/learning/outcomes';
import { seededRandom } from '../../src/domain/sampling';

export const RECORD_ATTEMPT = `mutation Record($input: RecordAttemptInput!) {
  recordAttempt(input: $input) { duplicate attempt { id clientAttemptId question { id } } state { attempts } }
}`;

export interface Reply {
  status: number;
  body: string;
}

/** Sends one recordAttempt as the user; rejects when no answer came at all (network failure). */
export type Transport = (userId: string, input: Record<string, unknown>) => Promise<Reply>;

export interface LoadOptions {
  clients: number;
  attempts: number;
  seed: string;
  questionIds: readonly string[];
  transport: Transport;
  /** After each stored attempt, with how many are stored so far (e.g. to kill a server mid-way). */
  onStored?: (stored: number) => void;
  /** Users the clients act for (default: one per two clients, so attempts of a user race). */
  users?: number;
  /** Requests per attempt before the client gives up (a gave-up attempt is a failure). */
  maxTries?: number;
}

export interface LoadReport {
  attempts: number;
  stored: number;
  requests: number;
  /** Requests after the first for an attempt. */
  clientRetries: number;
  /**
   * Failed requests by why: masked (INTERNAL_SERVER_ERROR), network (no answer), busy (RATE_LIMITED
   * with retryAfterMs: the user's other attempts kept winning; retried after the wait).
   */
  failures: { masked: number; network: number; busy: number };
  /** Stored answers that said duplicate: true (the attempt had been stored by an earlier try). */
  duplicates: number;
  /** Bodies (shortened) that carried a stack trace or internals. */
  leaks: string[];
  /** Answers that were neither a stored attempt nor a masked error, and attempts given up. */
  unexpected: string[];
  /** `<userId> <clientAttemptId>` → the attempt id the API returned. */
  recorded: Map<string, string>;
  requestMs: number[];
  attemptMs: number[];
  elapsedMs: number;
}

/** What must never reach a client: stack frames, source paths, SDK and network internals. */
export const LEAK =
  /\n\s+at\s|\bat\s+\S+\s+\(|stacktrace|node_modules|\.[jt]s:\d+|Exception|ECONN|EPIPE|socket hang up|InternalServerError|Throttl|dynamodb|TransactWrite|BatchGet|"PK"|T#/i;

type Verdict = 'stored' | 'masked' | 'busy' | 'unexpected';

export async function runAttemptLoad(options: LoadOptions): Promise<LoadReport> {
  const report: LoadReport = {
    attempts: options.attempts,
    stored: 0,
    requests: 0,
    clientRetries: 0,
    failures: { masked: 0, network: 0, busy: 0 },
    duplicates: 0,
    leaks: [],
    unexpected: [],
    recorded: new Map(),
    requestMs: [],
    attemptMs: [],
    elapsedMs: 0,
  };
  const started = Date.now();
  const users = options.users ?? Math.max(1, Math.ceil(options.clients / 2));
  await Promise.all(
    Array.from({ length: options.clients }, async (_, client) => {
      for (let n = client; n < options.attempts; n += options.clients)
        await recordOne(options, report, `learner-${client % users}`, n);
    }),
  );
  report.elapsedMs = Date.now() - started;
  return report;
}

/** The attempt number n: its payload is a function of the seed and n only. */
export function attemptInput(seed: string, questionIds: readonly string[], n: number): Record<string, unknown> {
  const random = seededRandom(`${seed}/attempt/${n}`);
  const questionId = questionIds[Math.floor(random() * questionIds.length)];
  const outcome = OUTCOMES[Math.floor(random() * OUTCOMES.length)];
  const timed = random() < 0.8;
  return {
    questionId,
    outcome,
    ...(timed ? { timeSpentMs: Math.floor(random() * 120_000) } : {}),
    clientAttemptId: `chaos-${n}`,
  };
}

async function recordOne(options: LoadOptions, report: LoadReport, userId: string, n: number): Promise<void> {
  const input = attemptInput(options.seed, options.questionIds, n);
  const backoff = seededRandom(`${options.seed}/backoff/${n}`);
  const maxTries = options.maxTries ?? 200;
  const started = Date.now();
  for (let tries = 1; tries <= maxTries; tries++) {
    if (tries > 1) report.clientRetries++;
    report.requests++;
    const sentAt = Date.now();
    const reply = await options.transport(userId, input).catch(() => null);
    if (!reply) {
      report.failures.network++;
    } else {
      report.requestMs.push(Date.now() - sentAt);
      const verdict = judge(report, reply, userId, input.clientAttemptId as string);
      if (verdict === 'stored') {
        report.stored++;
        report.attemptMs.push(Date.now() - started);
        options.onStored?.(report.stored);
        return;
      }
      if (verdict === 'unexpected') return;
      report.failures[verdict]++;
    }
    // Capped exponential back-off with jitter, as a frontend would retry.
    await new Promise((resolve) => setTimeout(resolve, Math.min(500, 10 * 2 ** tries) * (0.5 + backoff() / 2)));
  }
  report.unexpected.push(`${userId} ${input.clientAttemptId}: gave up after ${maxTries} requests`);
}

function judge(report: LoadReport, reply: Reply, userId: string, clientAttemptId: string): Verdict {
  if (LEAK.test(reply.body)) report.leaks.push(`${reply.status} ${reply.body.slice(0, 300)}`);
  const body = parse(reply.body);
  const payload = body?.data?.recordAttempt;
  if (reply.status === 200 && payload && !body?.errors && payload.attempt?.clientAttemptId === clientAttemptId) {
    report.recorded.set(`${userId} ${clientAttemptId}`, payload.attempt.id);
    if (payload.duplicate) report.duplicates++;
    return 'stored';
  }
  if (isMasked(reply, body)) return 'masked';
  if (isBusy(body)) return 'busy';
  report.unexpected.push(`${userId} ${clientAttemptId}: ${reply.status} ${reply.body.slice(0, 300)}`);
  return 'unexpected';
}

/** The only acceptable failure: INTERNAL_SERVER_ERROR with the generic message and a request id. */
function isMasked(reply: Reply, body: ParsedBody | null): boolean {
  const errors = body?.errors ?? [];
  if (errors.length === 0 || (reply.status !== 200 && reply.status !== 500)) return false;
  return errors.every(
    (e) =>
      e.extensions?.code === 'INTERNAL_SERVER_ERROR' &&
      e.message === 'Internal server error' &&
      typeof e.extensions.requestId === 'string',
  );
}

/** The user's other attempts kept winning: RATE_LIMITED with a wait, to retry with the same id. */
function isBusy(body: ParsedBody | null): boolean {
  const errors = body?.errors ?? [];
  return (
    errors.length > 0 &&
    errors.every((e) => e.extensions?.code === 'RATE_LIMITED' && typeof e.extensions.retryAfterMs === 'number')
  );
}

interface ParsedBody {
  data?: { recordAttempt?: { duplicate: boolean; attempt?: { id: string; clientAttemptId: string } } | null } | null;
  errors?: { message: string; extensions?: { code?: string; requestId?: unknown; retryAfterMs?: unknown } }[];
}

function parse(text: string): ParsedBody | null {
  try {
    return JSON.parse(text) as ParsedBody;
  } catch {
    return null;
  }
}

/** The q-th quantile (0–1) of the values, nearest-rank. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}
