/**
 * weakTopics's ranking, from the learner's section aggregates or (for items that predate them)
 * from every state: pure functions over what src/usecases/learner.ts read.
 */
import type { QuestionStateRecord } from '../domain/attempts';
import type { Catalog } from '../domain/catalog';
import { parseGlobalId } from '../domain/ids';
import { confidence, correctRate, mastery, rankWeakest, type Tally } from '../domain/learning/mastery';
import { isLeech, retrievability } from '../domain/learning/memory';
import {
  addSums,
  approximateMeanRetrievability,
  stateTerms,
  sumOf,
  type SectionAggregate,
} from '../domain/learning/section-aggregate';
import type { TopicMasteryModel } from './models';

const round4 = (value: number): number => Math.round(value * 10_000) / 10_000;

/** The local ids of the catalog's retired questions. */
export const retiredIds = (catalog: Catalog): string[] => [...catalog.retired].map((question) => question.localId);

/** The `limit` weakest of the catalog's active sections. */
export function rankTopics(catalog: Catalog, topics: ReadonlyMap<string, Topic>, limit: number): TopicMasteryModel[] {
  const inCatalog = [...topics].flatMap(([slug, topic]) => {
    const section = catalog.section(slug);
    return section && !section.retired ? [{ ...topic, section }] : [];
  });
  return rankWeakest(inCatalog, limit).map(({ tally, retrievability, leeches, section }): TopicMasteryModel => ({
    section: { catalog, section },
    attempts: tally.attempts,
    correctRate: round4(correctRate(tally)),
    mastery: round4(mastery(tally)),
    confidence: confidence(tally),
    meanRetrievability: round4(retrievability()),
    leeches,
  }));
}

export interface Topic {
  tally: Tally;
  /** Mean retrievability of the section's reviewed questions: asked only of the topics ranked (by tally). */
  retrievability: () => number;
  leeches: number;
}

/**
 * Topics from the section aggregates, retired questions' states taken out; mean retrievability
 * by the documented approximation (src/domain/learning/section-aggregate.ts).
 */
export function topicsFromAggregates(
  aggregates: ReadonlyMap<string, SectionAggregate>,
  retired: readonly QuestionStateRecord[],
  now: Date,
): Map<string, Topic> {
  const sums = new Map([...aggregates].map(([slug, aggregate]) => [slug, aggregate.sums]));
  for (const state of retired) {
    const own = sums.get(state.sectionSlug);
    if (own) sums.set(state.sectionSlug, addSums(own, stateTerms(state), -1));
  }
  return new Map(
    [...sums].map(([slug, s]) => [
      slug,
      {
        tally: { attempts: sumOf(s, 'stAttempts'), scoreSum: sumOf(s, 'stScore'), correct: sumOf(s, 'stCorrect') },
        retrievability: () => approximateMeanRetrievability(s, now),
        leeches: sumOf(s, 'leeches'),
      },
    ]),
  );
}

/** Topics from every state (exact mean retrievability), for a bank whose items predate the aggregates. */
export function topicsFromStates(
  states: readonly QuestionStateRecord[],
  catalog: Catalog,
  now: Date,
): Map<string, Topic> {
  const topics = new Map<string, { tally: Tally; recall: number[]; leeches: number }>();
  // Retired questions are out of mastery (their attempts stay in the history, `me` and the counters).
  const active = states.filter((state) => catalog.question(parseGlobalId(state.questionId)!.localId));
  for (const state of active) {
    const topic = topics.get(state.sectionSlug) ?? {
      tally: { attempts: 0, scoreSum: 0, correct: 0 },
      recall: [],
      leeches: 0,
    };
    topic.tally = {
      attempts: topic.tally.attempts + state.attempts,
      scoreSum: topic.tally.scoreSum + state.scoreSum,
      correct: topic.tally.correct + state.correct,
    };
    topic.recall.push(retrievability(state.memory, now));
    topic.leeches += isLeech(state.memory) ? 1 : 0;
    topics.set(state.sectionSlug, topic);
  }
  return new Map(
    [...topics].map(([slug, { tally, recall, leeches }]) => [
      slug,
      { tally, leeches, retrievability: () => recall.reduce((a, b) => a + b, 0) / recall.length },
    ]),
  );
}
