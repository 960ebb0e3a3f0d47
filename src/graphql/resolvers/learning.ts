/** A learner's attempts, quizzes, weak topics and due questions. All need a user. */
import { randomBytes, randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { QuestionStateRecord, QuizRecord, UserRef } from '../../domain/attempts';
import type { Catalog } from '../../domain/catalog';
import { badInput } from '../../domain/errors';
import { isBankId, parseGlobalId } from '../../domain/ids';
import { isLeech, retrievability } from '../../domain/learning/memory';
import { confidence, correctRate, mastery, rankWeakest, type Tally } from '../../domain/learning/mastery';
import { selectPool } from '../../domain/question-pool';
import { pickForUser, type QuizStrategy } from '../../domain/quiz-picking';
import { checkRandomSetRequest } from '../../domain/random-set';
import { quizKey } from '../../store/keys';
import { quizFromItem, quizToItem } from '../../store/learning-items';
import { catalogsInScope } from '../content-access';
import type { GraphQLContext } from '../context';
import type { MutationResolvers, QueryResolvers } from '../generated/types';
import type { QuestionStateModel, TopicMasteryModel } from '../models';
import { attemptInput, recordAttempt } from '../record-attempt';
import { attemptsConnection } from './attempts';
import { requireUser } from './user';

const bounded = (value: number | null | undefined, fallback: number, max: number, name: string): number => {
  const n = value ?? fallback;
  if (!Number.isInteger(n) || n < 1 || n > max) throw badInput(`"${name}" must be an integer from 1 to ${max}, got ${n}`);
  return n;
};

const round4 = (value: number): number => Math.round(value * 10_000) / 10_000;

const unknownBank = (bankId: string) => badInput(`unknown bank id "${bankId}"`);

async function catalogOf(context: GraphQLContext, bankId: string) {
  const catalog = isBankId(bankId) ? await context.content.catalog(bankId) : null;
  if (!catalog) throw unknownBank(bankId);
  return catalog;
}

/** Due states worth listing: questions still in the catalog, in the asked sections (checked here). */
function dueFilter(catalog: Catalog, bankId: string, sectionIds: readonly string[]): (state: QuestionStateRecord) => boolean {
  const sections = new Set(sectionIds.map((id) => parseGlobalId(id)));
  for (const ref of sections) if (!ref || ref.bankId !== bankId || catalog.section(ref.localId)?.retired !== false) throw badInput(`unknown section id in bank "${bankId}"`);
  const wanted = new Set([...sections].map((ref) => ref!.localId));
  return (state) => {
    const entry = catalog.question(parseGlobalId(state.questionId)!.localId);
    return !!entry && (wanted.size === 0 || wanted.has(entry.sectionSlug));
  };
}

/**
 * dueQuestions on a warm container: the states are filtered with the catalog it holds, and the
 * catalog's version is checked in the same BatchGetItem that reads the questions — the Query and
 * that batch, two calls in all. Undefined when no catalog is held, when it names no such section
 * (it may predate the section), or when an import has replaced it: then the caller reads afresh.
 */
async function dueWithHeldCatalog(context: GraphQLContext, user: UserRef, bankId: string, sectionIds: readonly string[], limit: number, now: Date): Promise<QuestionStateModel[] | undefined> {
  const held = context.content.cachedCatalog(bankId);
  if (!held) return undefined;
  let keep: (state: QuestionStateRecord) => boolean;
  try {
    keep = dueFilter(held, bankId, sectionIds);
  } catch {
    return undefined;
  }
  const due = await context.learning.due(user, bankId, now.toISOString(), limit, keep);
  const refs = due.map((state) => parseGlobalId(state.questionId)!);
  const [bank, questions] = await Promise.all([context.content.bank(bankId), context.content.published([held], refs)]);
  if (bank?.catalogVersion !== held.version) return undefined;
  return due.map((record, i) => {
    const { record: question, catalog } = questions[i]!;
    return { record, now, question: { record: question, catalog, entry: catalog.question(question.localId) } };
  });
}

export const learningMutations: MutationResolvers = {
  recordAttempt: (_parent, { input }, context) => recordAttempt(context, requireUser(context), attemptInput(input)),

  startQuiz: async (_parent, { input }, context) => {
    const user = requireUser(context);
    const request = { count: input.count ?? 10, seed: input.seed ?? randomBytes(9).toString('base64url'), strategy: (input.strategy ?? 'UNIFORM') as QuizStrategy, now: new Date() };
    checkRandomSetRequest({ ...request, strategy: 'UNIFORM', excludeQuestionIds: [] });
    const [catalogs, states] = await Promise.all([catalogsInScope(context.content, input), context.learning.states(user, input.bankId)]);
    const { picks, exhausted } = pickForUser(selectPool(catalogs, input), new Map(states.map((s) => [s.questionId, s])), request);
    const quiz: QuizRecord = {
      id: randomUUID(),
      bankId: input.bankId,
      questionIds: picks.map((entry) => entry.question.id),
      strategy: request.strategy,
      seed: request.seed,
      createdAt: request.now.toISOString(),
      exhausted,
      answered: {},
    };
    await context.dynamo.doc.send(new PutCommand({ TableName: context.dynamo.tableName, Item: quizToItem(user.tenantId, user.userId, quiz) }));
    return quiz;
  },
};

export const learningQueries: Pick<QueryResolvers, 'quiz' | 'attempts' | 'weakTopics' | 'dueQuestions'> = {
  quiz: async (_parent, { id }, context) => {
    const user = requireUser(context);
    if (!/^[0-9a-f-]{36}$/.test(id)) return null;
    const [item] = await context.content.loadItems([quizKey(user.tenantId, user.userId, id)]);
    return item ? quizFromItem(item) : null;
  },

  attempts: (_parent, { first, after, filter }, context) => attemptsConnection(context, requireUser(context), bounded(first, 20, 100, 'first'), after, filter),

  weakTopics: async (_parent, { bankId, limit }, context) => {
    const user = requireUser(context);
    const size = bounded(limit, 5, 50, 'limit');
    const [catalog, states] = await Promise.all([catalogOf(context, bankId), context.learning.states(user, bankId)]);
    const now = new Date();
    const topics = new Map<string, { tally: Tally; recall: number[]; leeches: number }>();
    for (const state of states) {
      const topic = topics.get(state.sectionSlug) ?? { tally: { attempts: 0, scoreSum: 0, correct: 0 }, recall: [], leeches: 0 };
      topic.tally = { attempts: topic.tally.attempts + state.attempts, scoreSum: topic.tally.scoreSum + state.scoreSum, correct: topic.tally.correct + state.correct };
      topic.recall.push(retrievability(state.memory, now));
      topic.leeches += isLeech(state.memory) ? 1 : 0;
      topics.set(state.sectionSlug, topic);
    }
    const ranked = rankWeakest(
      [...topics].flatMap(([slug, topic]) => {
        const section = catalog.section(slug);
        return section && !section.retired ? [{ ...topic, section }] : [];
      }),
      size,
    );
    return ranked.map(
      ({ tally, recall, leeches, section }): TopicMasteryModel => ({
        section: { catalog, section },
        attempts: tally.attempts,
        correctRate: round4(correctRate(tally)),
        mastery: round4(mastery(tally)),
        confidence: confidence(tally),
        meanRetrievability: round4(recall.reduce((a, b) => a + b, 0) / recall.length),
        leeches,
      }),
    );
  },

  dueQuestions: async (_parent, { bankId, sectionIds, limit }, context) => {
    const user = requireUser(context);
    const size = bounded(limit, 20, 100, 'limit');
    if (!isBankId(bankId)) throw unknownBank(bankId); // before its Query, whose key it is part of
    const now = new Date();
    const warm = await dueWithHeldCatalog(context, user, bankId, sectionIds ?? [], size, now);
    if (warm) return warm;
    // The Query needs no catalog, so both reads start together; the catalog only filters the states.
    const keep = catalogOf(context, bankId).then((catalog) => dueFilter(catalog, bankId, sectionIds ?? []));
    const due = await context.learning.due(user, bankId, now.toISOString(), size, keep);
    return due.map((record) => ({ record, now }));
  },
};
