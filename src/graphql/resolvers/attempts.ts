/** The user's attempts as a Relay connection, and the field resolvers of learning types. */
import type { AttemptRecord, QuizRecord, UserRef } from '../../domain/attempts';
import { badInput } from '../../domain/errors';
import { parseGlobalId } from '../../domain/ids';
import { isLeech, retrievability } from '../../domain/learning/memory';
import type { AttemptQuery } from '../../store/learning-reader';
import type { GraphQLContext } from '../context';
import type { AttemptFilter, AttemptResolvers, QuestionStateResolvers, QuizResolvers } from '../generated/types';
import type { AttemptConnectionModel, QuestionModel } from '../models';

const CURSOR_PREFIX = 'ac1:';
const SORT_KEY = /^\d{4}-\d{2}-\d{2}T[\d:.]+Z#[0-9a-f-]{36}$/;

const encode = (attempt: AttemptRecord): string => Buffer.from(`${CURSOR_PREFIX}${attempt.createdAt}#${attempt.id}`).toString('base64url');

function decode(cursor: string): string {
  const text = /^[A-Za-z0-9_-]{1,200}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  const sortKey = text.slice(CURSOR_PREFIX.length);
  if (!text.startsWith(CURSOR_PREFIX) || !SORT_KEY.test(sortKey)) throw badInput('"after" is not a cursor returned by this API');
  return sortKey;
}

/** The narrowest index the filter allows: a question's, a section's, a bank's, or all attempts. */
function attemptQuery(filter: AttemptFilter | null | undefined, first: number, after: string | null | undefined): AttemptQuery {
  const since = filter?.since ?? null;
  if (since !== null && Number.isNaN(Date.parse(since))) throw badInput(`"since" must be an ISO 8601 date, got "${since}"`);
  const sinceIso = since === null ? null : new Date(since).toISOString();
  const base = { since: sinceIso, first, after: after ? decode(after) : null };
  if (filter?.questionId) return { ...base, index: 'question', id: filter.questionId };
  if (filter?.sectionId) return { ...base, index: 'section', id: filter.sectionId };
  if (filter?.bankId) return { ...base, index: 'bank', id: filter.bankId };
  return { ...base, index: null, id: null };
}

export async function attemptsConnection(context: GraphQLContext, user: UserRef, first: number, after: string | null | undefined, filter: AttemptFilter | null | undefined): Promise<AttemptConnectionModel> {
  const page = await context.learning.attempts(user, attemptQuery(filter, first, after));
  // A question filter is exact; bank and section filters narrow what the index cannot.
  const matches = (a: AttemptRecord) =>
    (!filter?.bankId || a.bankId === filter.bankId) && (!filter?.sectionId || `${a.bankId}/${a.sectionSlug}` === filter.sectionId);
  const edges = page.attempts.filter(matches).map((node) => ({ cursor: encode(node), node }));
  return {
    edges,
    pageInfo: { hasNextPage: page.next !== null, hasPreviousPage: !!after, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
  };
}

/** Any question, retired ones included, with its place in the current catalog. */
export async function questionModel(context: GraphQLContext, questionId: string): Promise<QuestionModel> {
  const ref = parseGlobalId(questionId);
  const stored = ref && (await context.content.question(ref.bankId, ref.localId));
  if (!stored) throw new Error(`question ${questionId} is referred to but missing`);
  return { ...stored, entry: stored.catalog.question(ref!.localId) };
}

export const Attempt: AttemptResolvers = {
  question: (attempt, _args, context) => questionModel(context, attempt.questionId),
};

export const QuestionState: QuestionStateResolvers = {
  question: ({ record, question }, _args, context) => question ?? questionModel(context, record.questionId),
  stability: ({ record }) => record.memory.stability,
  difficulty: ({ record }) => record.memory.difficulty,
  retrievability: ({ record, now }) => retrievability(record.memory, now),
  due: ({ record }) => record.memory.due,
  lapses: ({ record }) => record.memory.lapses,
  leech: ({ record }) => isLeech(record.memory),
  attempts: ({ record }) => record.attempts,
  lastOutcome: ({ record }) => record.lastOutcome,
  lastAttemptAt: ({ record }) => record.lastAttemptAt,
};

export const Quiz: QuizResolvers = {
  questions: (quiz: QuizRecord, _args, context) => Promise.all(quiz.questionIds.map((id) => questionModel(context, id))),
  answered: (quiz) => Object.keys(quiz.answered).length,
  score: (quiz) => {
    const scores = Object.values(quiz.answered);
    return scores.length === 0 ? null : Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10_000) / 10_000;
  },
  strategy: (quiz) => quiz.strategy as QuizRecord['strategy'] & ('UNIFORM' | 'BALANCED' | 'WEAK_TOPICS' | 'DUE' | 'NEW_FIRST'),
};
