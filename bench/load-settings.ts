/**
 * What `npm run load` runs: the names of its table, tenants and bank, the LOAD_* knobs read once
 * from the environment, and the workload (the operations, their GraphQL and how they are mixed).
 */
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..');
export const TABLE_NAME = 'qbank-load';
export const TENANT = 'load';
/** The raw-SDK phase's users live in a tenant of their own, so the profile check counts the app's attempts only. */
export const RAW_TENANT = 'load-raw';
export const BANK_ID = 'ml-junior';
export const HOST = '127.0.0.1';

const positive = (name: string, fallback: number): number => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`${name} must be a positive number, got "${process.env[name]}"`);
  return value;
};

export const SETTINGS = {
  connections: Math.min(500, Math.round(positive('LOAD_CONNECTIONS', 50))),
  seconds: Math.min(600, positive('LOAD_SECONDS', 30)),
  warmupSeconds: Math.min(60, positive('LOAD_WARMUP_SECONDS', 5)),
  users: Math.round(positive('LOAD_USERS', 1000)),
  logLevel: process.env.LOAD_LOG_LEVEL ?? 'info',
};
/** LOAD_MIX="70,20,10" (randomQuestions, recordAttempt, weakTopics; normalised) changes the mix, e.g. to isolate one operation. */
export const MIX = ((): { randomQuestions: number; recordAttempt: number; weakTopics: number } => {
  const parts = (process.env.LOAD_MIX ?? '70,20,10').split(',').map(Number);
  const total = parts.reduce((a, b) => a + b, 0);
  if (parts.length !== 3 || parts.some((n) => !Number.isFinite(n) || n < 0) || total <= 0)
    throw new Error(`LOAD_MIX must be three weights like 70,20,10, got "${process.env.LOAD_MIX}"`);
  return { randomQuestions: parts[0] / total, recordAttempt: parts[1] / total, weakTopics: parts[2] / total };
})();

/** The operations of the mixed workload. */
export type MixedOperation = keyof typeof MIX;
export type OperationName = MixedOperation | 'floor';

export const QUERIES: Record<OperationName, string> = {
  floor: '{ __typename }',
  randomQuestions: `query Random($b: ID!) { randomQuestions(input: { bankId: $b, count: 10 }) { seed questions { id text } } }`,
  recordAttempt:
    'mutation Record($in: RecordAttemptInput!) { recordAttempt(input: $in) { duplicate attempt { id createdAt } state { due retrievability lapses attempts } } }',
  weakTopics:
    'query Weak($b: ID!) { weakTopics(bankId: $b, limit: 5) { section { id title } attempts mastery confidence } }',
};
export const OUTCOMES = ['CORRECT', 'CORRECT', 'PARTIAL', 'INCORRECT', 'SKIPPED'];

export function chooseOperation(): MixedOperation {
  const x = Math.random();
  if (x < MIX.randomQuestions) return 'randomQuestions';
  if (x < MIX.randomQuestions + MIX.recordAttempt) return 'recordAttempt';
  return 'weakTopics';
}
