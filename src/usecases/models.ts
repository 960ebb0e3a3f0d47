/**
 * What the use cases return and the resolvers pass between each other (codegen "mappers"):
 * records plus catalog facts.
 */
import type { Catalog, CatalogQuestion, CatalogSection } from '../domain/catalog';
import type { AttemptGrading, AttemptRecord, QuestionStateRecord, QuizRecord, UserRef } from '../domain/attempts';
import type { OptionRecord, QuestionRecord } from '../domain/content';
import type { QuestionStatistics } from '../domain/counters';
import type { Strategy } from '../domain/random-set';

export interface SectionModel {
  catalog: Catalog;
  section: CatalogSection;
}

export interface QuestionModel {
  record: QuestionRecord;
  /** The question's place in its bank's current catalog; undefined once retired. */
  entry: CatalogQuestion | undefined;
  catalog: Catalog;
  /** What the options are shuffled by besides the question: the quiz id or the randomQuestions seed. */
  optionSeed?: string;
}

/** An option with the question it belongs to: whether the caller may see `correct` depends on it. */
export interface OptionModel {
  option: OptionRecord;
  question: QuestionModel;
}

export interface QuestionConnectionModel {
  edges: { cursor: string; node: QuestionModel }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
}

/** A page of searchQuestions: edges carry their relevance; `catalogVersion` is the catalog (and index) it was read from. */
export interface QuestionSearchConnectionModel {
  edges: { cursor: string; score: number; node: QuestionModel }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
  catalogVersion: string;
}

export interface QuestionSetModel {
  questions: QuestionModel[];
  poolSize: number;
  seed: string;
  strategy: Strategy;
  exhausted: boolean;
}

export type UserModel = UserRef;

export interface QuestionStateModel {
  record: QuestionStateRecord;
  /** The instant retrievability is computed for: the request's time. */
  now: Date;
  /** The question, when the resolver read it together with the state. */
  question?: QuestionModel;
}

export interface RecordAttemptPayloadModel {
  attempt: AttemptRecord;
  duplicate: boolean;
  state: QuestionStateModel;
  /** The attempt's grading (a choice question); null for an open question. */
  grading: AttemptGrading | null;
}

export interface TopicMasteryModel {
  section: SectionModel;
  attempts: number;
  correctRate: number;
  mastery: number;
  confidence: number;
  meanRetrievability: number;
  leeches: number;
}

export type QuestionStatsModel = QuestionStatistics;

export interface SectionStatsModel {
  section: SectionModel;
  attempts: number;
  successRate: number;
  uniqueUsers: number;
}

export interface AttemptConnectionModel {
  edges: { cursor: string; node: AttemptRecord }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

/** One question of a quiz; its answer is read when asked for (src/usecases/quizzes.ts). */
export interface QuizItemModel {
  user: UserRef;
  quiz: QuizRecord;
  /** 0-based place in the quiz. */
  index: number;
  questionId: string;
}

export interface QuizConnectionModel {
  edges: { cursor: string; node: QuizRecord }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}
