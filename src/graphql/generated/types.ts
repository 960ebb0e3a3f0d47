import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { BankRecord } from '../../domain/content';
import type { SectionModel, QuestionModel, OptionModel, QuestionConnectionModel, QuestionSetModel, QuestionSearchConnectionModel, QuestionStateModel, RecordAttemptPayloadModel, QuizItemModel, QuizConnectionModel, TopicMasteryModel, QuestionStatsModel, SectionStatsModel, AttemptConnectionModel, UserModel } from '../../usecases/models';
import type { AttemptRecord, QuizRecord } from '../../domain/attempts';
import type { GraphQLContext } from '../context';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /**
   * An instant: an ISO 8601 date-time in UTC with milliseconds, e.g. `2026-12-03T06:45:15.123Z`.
   * As an input it takes any ISO 8601 date-time with a zone (`Z` or `±hh:mm`) and normalises it to
   * UTC; anything else is BAD_USER_INPUT. Calendar days (`ActivityDay.date`) are plain `YYYY-MM-DD`
   * strings, not instants.
   */
  DateTime: { input: string; output: string; }
};

/** Attempts of all the tenant's users on one UTC calendar day in one bank (no per-user data). */
export type ActivityDay = {
  __typename?: 'ActivityDay';
  /** Distinct users with at least one attempt that day. */
  activeUsers: Scalars['Int']['output'];
  /** Attempts recorded that day (all users). */
  attempts: Scalars['Int']['output'];
  /** YYYY-MM-DD (UTC). */
  date: Scalars['String']['output'];
};

/** One recorded answer of a user to a question. */
export type Attempt = {
  __typename?: 'Attempt';
  /** The learner's answer text as given; null when not given. */
  answer: Maybe<Scalars['String']['output']>;
  /** The frontend's idempotency key given when recording. */
  clientAttemptId: Scalars['String']['output'];
  /** When the attempt was recorded. */
  createdAt: Scalars['DateTime']['output'];
  /** The attempt's id (a UUID). */
  id: Scalars['ID']['output'];
  /** The outcome given when recording. */
  outcome: Outcome;
  /** The question answered (retired ones included). */
  question: Question;
  /** The quiz the attempt was recorded in; null for none. */
  quizId: Maybe<Scalars['ID']['output']>;
  /** 0 to 1: the given score, or the outcome's default (graded choice questions: the computed partial credit). */
  score: Scalars['Float']['output'];
  /** The options picked, for an attempt on a choice question; null for an open one. */
  selectedOptionIds: Maybe<Array<Scalars['ID']['output']>>;
  /** Milliseconds spent answering, 0 to 3,600,000; null when not given. */
  timeSpentMs: Maybe<Scalars['Int']['output']>;
};

/** A page of the user's attempts (Relay connection), newest first. */
export type AttemptConnection = {
  __typename?: 'AttemptConnection';
  /** The attempts of this page, newest first. */
  edges: Array<AttemptEdge>;
  /** Where this page is: pass `endCursor` as `after` for the next one. */
  pageInfo: PageInfo;
};

/** One attempt in an AttemptConnection page. */
export type AttemptEdge = {
  __typename?: 'AttemptEdge';
  /** Opaque cursor of this attempt: pass as `after` to continue after it. */
  cursor: Scalars['String']['output'];
  /** The attempt. */
  node: Attempt;
};

/** Ids must have the shape the API returns (a bank id, `<bank id>/<section>`, `<bank id>/<question>`), else BAD_USER_INPUT. */
export type AttemptFilter = {
  /** Only attempts at questions of this bank. */
  bankId?: InputMaybe<Scalars['ID']['input']>;
  /** Only attempts at this question. */
  questionId?: InputMaybe<Scalars['ID']['input']>;
  /** Attempts naming this quiz of the user (its id as `startQuiz` returned it, a lower-case UUID; another shape is BAD_USER_INPUT), every attempt and not only the first per question, read in one Query. A quiz of someone else, or none, gives an empty page. */
  quizId?: InputMaybe<Scalars['ID']['input']>;
  /** Only attempts at questions of this section (`<bank id>/<section slug>`). */
  sectionId?: InputMaybe<Scalars['ID']['input']>;
  /** Attempts at or after this instant: ISO 8601, `2024-03-07` (midnight UTC) or a date-time with a zone (`2024-03-07T09:30:00Z`, `…+02:00`), years 0000–9999. Anything else is BAD_USER_INPUT. Later than the `after` cursor: an empty page. */
  since?: InputMaybe<Scalars['String']['input']>;
};

/** A bank of interview questions, imported from one Markdown file. */
export type Bank = {
  __typename?: 'Bank';
  /** Markdown: the text before the first section of the source. */
  description: Scalars['String']['output'];
  /** How many live questions have each difficulty, as "1", "2", "3" in that order; questions without one are not counted. */
  difficulties: Array<FacetCount>;
  /** The bank's slug, e.g. `ml-junior`: stable across re-imports. */
  id: Scalars['ID']['output'];
  /** Free-form audience level from the front matter (e.g. `junior`); null when not given. */
  level: Maybe<Scalars['String']['output']>;
  /** Language code of the content (e.g. `ru`), from front matter or the file name; null when unknown. */
  locale: Maybe<Scalars['String']['output']>;
  /** Active (not retired) questions in the bank. */
  questionCount: Scalars['Int']['output'];
  /** Active sections that have live questions, in source order (an empty section stays readable by id). */
  sections: Array<Section>;
  /** Same as id: banks are named by a URL-safe slug. */
  slug: Scalars['String']['output'];
  /** How many live (not retired) questions carry each tag: most used first, then by tag. */
  tags: Array<FacetCount>;
  /** The bank's title (its `#` heading or front matter). */
  title: Scalars['String']['output'];
  /** How many live questions have each topic (the heading below a section heading); questions without one are not counted. Most used first, then by topic. */
  topics: Array<FacetCount>;
  /** When an import last changed the bank. */
  updatedAt: Scalars['DateTime']['output'];
};

/** A value of a facet (a tag, a topic, a difficulty) and how many live questions of the bank have it. */
export type FacetCount = {
  __typename?: 'FacetCount';
  /** How many live (not retired) questions have it; always at least 1. */
  count: Scalars['Int']['output'];
  /** The tag or topic as written in the source, or the difficulty as "1", "2" or "3". */
  value: Scalars['String']['output'];
};

/** How the server graded a choice question's attempt. */
export type Grading = {
  __typename?: 'Grading';
  /** Every correct option picked and nothing else (score 1). */
  correct: Scalars['Boolean']['output'];
  /** The question's correct options, so the app can show the answer. */
  correctOptionIds: Array<Scalars['ID']['output']>;
  /** The question's explanation, if it has one. */
  explanation: Maybe<Scalars['String']['output']>;
  /** 0 to 1: (right picks − wrong picks) / correct options, floored at 0. */
  score: Scalars['Float']['output'];
};

/** Writes. Every mutation needs a user (a user token, or `x-user-id` with a secret key); else UNAUTHENTICATED. */
export type Mutation = {
  __typename?: 'Mutation';
  /** Closes an in-progress quiz of the calling user as ABANDONED; from then on attempts naming it are refused (`reason: QUIZ_CLOSED`). Abandoning an abandoned quiz returns it unchanged; abandoning a finished one is BAD_USER_INPUT with `reason: QUIZ_CLOSED` and `status: FINISHED`. An unknown, foreign or expired quiz is NOT_FOUND. Needs a user. */
  abandonQuiz: Quiz;
  /** Closes an in-progress quiz of the calling user as FINISHED (unanswered questions are allowed); from then on attempts naming it are refused (BAD_USER_INPUT, `extensions.reason: QUIZ_CLOSED`). Finishing a finished quiz returns it unchanged; finishing an abandoned one is BAD_USER_INPUT with `reason: QUIZ_CLOSED` and `status: ABANDONED`. An unknown, foreign or expired quiz is NOT_FOUND. Needs a user. */
  finishQuiz: Quiz;
  /** Records the user's answer to a question and updates its spaced-repetition state; a choice question is graded by the server from `selectedOptionIds`. Idempotent per `clientAttemptId`. Needs a user (a user token, or `x-user-id` with a secret key); else UNAUTHENTICATED. */
  recordAttempt: RecordAttemptPayload;
  /** Picks a quiz of questions for the user from a bank. Needs a user (a user token, or `x-user-id` with a secret key); else UNAUTHENTICATED. */
  startQuiz: Quiz;
};


/** Writes. Every mutation needs a user (a user token, or `x-user-id` with a secret key); else UNAUTHENTICATED. */
export type MutationAbandonQuizArgs = {
  id: Scalars['ID']['input'];
};


/** Writes. Every mutation needs a user (a user token, or `x-user-id` with a secret key); else UNAUTHENTICATED. */
export type MutationFinishQuizArgs = {
  id: Scalars['ID']['input'];
};


/** Writes. Every mutation needs a user (a user token, or `x-user-id` with a secret key); else UNAUTHENTICATED. */
export type MutationRecordAttemptArgs = {
  input: RecordAttemptInput;
};


/** Writes. Every mutation needs a user (a user token, or `x-user-id` with a secret key); else UNAUTHENTICATED. */
export type MutationStartQuizArgs = {
  input: StartQuizInput;
};

/** One option of a choice question. */
export type Option = {
  __typename?: 'Option';
  /**
   * Whether the option is right. Null for a publishable key until the calling user has answered
   * the question (recordAttempt); a secret key always sees it.
   */
  correct: Maybe<Scalars['Boolean']['output']>;
  /** Stable across re-imports, re-orderings and small edits of the option. */
  id: Scalars['ID']['output'];
  /** Markdown. */
  text: Scalars['String']['output'];
};

/** How often one option of a choice question was picked. */
export type OptionStats = {
  __typename?: 'OptionStats';
  /** The option; its `correct` is withheld from a publishable key like Question.options. */
  option: Option;
  /** picks / graded attempts of the question (0 to 1; 0 before any). Multiple-choice picks add up to more than 1. */
  pickRate: Scalars['Float']['output'];
  /** Graded attempts that picked the option. */
  picks: Scalars['Int']['output'];
};

/**
 * A learner's self-graded outcome for an open interview question.
 * FSRS ratings: CORRECT → Good, PARTIAL → Hard, INCORRECT → Again, SKIPPED → Again.
 */
export type Outcome =
  /** Answered right (FSRS Good; default score 1). */
  | 'CORRECT'
  /** Answered wrong (FSRS Again; default score 0). */
  | 'INCORRECT'
  /** Partly right (FSRS Hard; default score 0.5). */
  | 'PARTIAL'
  /** Not answered (FSRS Again; default score 0). */
  | 'SKIPPED';

/** Relay paging state of a connection page. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Cursor of the last edge (pass as `after`); null on an empty page. */
  endCursor: Maybe<Scalars['String']['output']>;
  /** True when another page follows this one. */
  hasNextPage: Scalars['Boolean']['output'];
  /** True when the page was asked for with `after` (pages are fetched forward only). */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** Cursor of the first edge; null on an empty page. */
  startCursor: Maybe<Scalars['String']['output']>;
};

/** Reads. Content fields need any key of the tenant (publishable or secret) and no user; user-scoped fields say so. */
export type Query = {
  __typename?: 'Query';
  /** One entry per UTC day, oldest first, ending today. `days` 1 to 90 (default 30). Tenant-wide. Any key of the tenant (publishable or secret), no user needed. */
  activity: Array<ActivityDay>;
  /** The user's attempts, newest first. `first` 1 to 100 (default 20). Needs a user (a user token, or `x-user-id` with a secret key); else UNAUTHENTICATED. */
  attempts: AttemptConnection;
  /** A bank by id; null when no bank has that id. Any key of the tenant (publishable or secret), no user needed. */
  bank: Maybe<Bank>;
  /** All banks, ordered by id. Any key of the tenant (publishable or secret), no user needed. */
  banks: Array<Bank>;
  /** The user's questions due for review, most overdue first. `limit` 1 to 100 (default 20). Needs a user (a user token, or `x-user-id` with a secret key); else UNAUTHENTICATED. */
  dueQuestions: Array<QuestionState>;
  /** Lowest success rate first among questions with at least `minAttempts` (default 5) attempts. `limit` 1 to 100 (default 10). Tenant-wide. Any key of the tenant (publishable or secret), no user needed. */
  hardestQuestions: Array<QuestionStats>;
  /** The calling user. UNAUTHENTICATED when the request names no user. Needs a user (a user token, or `x-user-id` with a secret key). */
  me: User;
  /** The calling user's unexpired quizzes, newest first (by creation), in one Query: for resume and history screens. Needs a user (a user token, or `x-user-id` with a secret key); else UNAUTHENTICATED. */
  myQuizzes: QuizConnection;
  /** Any question, retired ones included. Any key of the tenant (publishable or secret), no user needed. */
  question: Maybe<Question>;
  /** Tenant-wide; any key of the tenant. No user needed. */
  questionStats: QuestionStats;
  /** Active questions, ordered by bank, section and position. `first` is 1 to 100 (default 20). Any key of the tenant (publishable or secret), no user needed. */
  questions: QuestionConnection;
  /** A quiz of the calling user; null for any other id and once the quiz has expired. Needs a user (a user token, or `x-user-id` with a secret key); else UNAUTHENTICATED. */
  quiz: Maybe<Quiz>;
  /** A random set of active questions. Any key of the tenant (publishable or secret), no user needed. With `excludeSeen` it needs a user. */
  randomQuestions: QuestionSet;
  /**
   * Full-text search over a bank's active questions, their text and answer, best match first.
   * `query` is 1 to 200 characters of at most 10 words; a question matches when it holds every
   * word (stop words such as "the" or "и" are ignored). Words are matched by their stem — Russian
   * (Cyrillic) words by the Snowball Russian stemmer, English (Latin) ones by the Porter stemmer —
   * so "градиентный" finds "градиента" and "regularizing" finds "regularization"; a word also
   * matches longer words it begins ("регуляр" finds "регуляризация"). Case and `ё`/`е` do not count.
   * `first` is 1 to 50 (default 20). An empty query, an unknown bank or a foreign cursor is
   * BAD_USER_INPUT; a bank imported before search and not yet indexed is NOT_FOUND with
   * `reason: SEARCH_INDEX_MISSING`.
   */
  searchQuestions: QuestionSearchConnection;
  /** A section by id (`<bank id>/<section slug>`); null when none. Any key of the tenant (publishable or secret), no user needed. */
  section: Maybe<Section>;
  /** Tenant-wide figures per active section of a bank, in bank order. Any key of the tenant (publishable or secret), no user needed. */
  sectionStats: Array<SectionStats>;
  /** The user's attempted sections of a bank, weakest first. `limit` 1 to 50 (default 5). Needs a user (a user token, or `x-user-id` with a secret key); else UNAUTHENTICATED. */
  weakTopics: Array<TopicMastery>;
};


/** Reads. Content fields need any key of the tenant (publishable or secret) and no user; user-scoped fields say so. */
export type QueryActivityArgs = {
  bankId: Scalars['ID']['input'];
  days?: InputMaybe<Scalars['Int']['input']>;
};


/** Reads. Content fields need any key of the tenant (publishable or secret) and no user; user-scoped fields say so. */
export type QueryAttemptsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AttemptFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Reads. Content fields need any key of the tenant (publishable or secret) and no user; user-scoped fields say so. */
export type QueryBankArgs = {
  id: Scalars['ID']['input'];
};


/** Reads. Content fields need any key of the tenant (publishable or secret) and no user; user-scoped fields say so. */
export type QueryBanksArgs = {
  locale?: InputMaybe<Scalars['String']['input']>;
};


/** Reads. Content fields need any key of the tenant (publishable or secret) and no user; user-scoped fields say so. */
export type QueryDueQuestionsArgs = {
  bankId: Scalars['ID']['input'];
  limit?: InputMaybe<Scalars['Int']['input']>;
  sectionIds?: InputMaybe<Array<Scalars['ID']['input']>>;
};


/** Reads. Content fields need any key of the tenant (publishable or secret) and no user; user-scoped fields say so. */
export type QueryHardestQuestionsArgs = {
  bankId: Scalars['ID']['input'];
  limit?: InputMaybe<Scalars['Int']['input']>;
  minAttempts?: InputMaybe<Scalars['Int']['input']>;
};


/** Reads. Content fields need any key of the tenant (publishable or secret) and no user; user-scoped fields say so. */
export type QueryMyQuizzesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<QuizStatus>;
};


/** Reads. Content fields need any key of the tenant (publishable or secret) and no user; user-scoped fields say so. */
export type QueryQuestionArgs = {
  id: Scalars['ID']['input'];
};


/** Reads. Content fields need any key of the tenant (publishable or secret) and no user; user-scoped fields say so. */
export type QueryQuestionStatsArgs = {
  questionId: Scalars['ID']['input'];
};


/** Reads. Content fields need any key of the tenant (publishable or secret) and no user; user-scoped fields say so. */
export type QueryQuestionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<QuestionFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Reads. Content fields need any key of the tenant (publishable or secret) and no user; user-scoped fields say so. */
export type QueryQuizArgs = {
  id: Scalars['ID']['input'];
};


/** Reads. Content fields need any key of the tenant (publishable or secret) and no user; user-scoped fields say so. */
export type QueryRandomQuestionsArgs = {
  input: RandomQuestionsInput;
};


/** Reads. Content fields need any key of the tenant (publishable or secret) and no user; user-scoped fields say so. */
export type QuerySearchQuestionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  bankId: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  query: Scalars['String']['input'];
};


/** Reads. Content fields need any key of the tenant (publishable or secret) and no user; user-scoped fields say so. */
export type QuerySectionArgs = {
  id: Scalars['ID']['input'];
};


/** Reads. Content fields need any key of the tenant (publishable or secret) and no user; user-scoped fields say so. */
export type QuerySectionStatsArgs = {
  bankId: Scalars['ID']['input'];
};


/** Reads. Content fields need any key of the tenant (publishable or secret) and no user; user-scoped fields say so. */
export type QueryWeakTopicsArgs = {
  bankId: Scalars['ID']['input'];
  limit?: InputMaybe<Scalars['Int']['input']>;
};

/** One interview question. `text` and `answer` are Markdown as written in the source. */
export type Question = {
  __typename?: 'Question';
  /** Everything in the item after the question; empty when the source gives no answer. */
  answer: Scalars['String']['output'];
  /** The bank the question belongs to. */
  bank: Bank;
  /** 1 easy, 2 medium, 3 hard; null when the source does not say. */
  difficulty: Maybe<Scalars['Int']['output']>;
  /**
   * Why the right options are right (Markdown). Null when the source has none, and, like
   * `Option.correct`, withheld from a publishable key until the calling user has answered the
   * question; secret keys always see it.
   */
  explanation: Maybe<Scalars['String']['output']>;
  /** `<bank id>/<explicit id or derived id>`: stable across re-imports. */
  id: Scalars['ID']['output'];
  /** OPEN without options; the choice kinds follow from the task list's marks in the Markdown. */
  kind: QuestionKind;
  /** The label printed in the source ("22"); null for bullet items. Not unique. */
  number: Maybe<Scalars['String']['output']>;
  /**
   * The options of a choice question ([] for an open one). With `shuffleOptions` (the default) they
   * come in a random order that is stable for the question, the quiz or the randomQuestions seed it
   * was served with; `shuffleOptions: false` gives the source order.
   */
  options: Array<Option>;
  /** 1-based order in the section. */
  position: Scalars['Int']['output'];
  /** URLs the source cites after the options (`[Reference](url)`), relative ones resolved with --source-url. */
  references: Array<Scalars['String']['output']>;
  /** Removed from the source: still readable by id, no longer listed or sampled. */
  retired: Scalars['Boolean']['output'];
  /** The section the question is in (possibly retired). */
  section: Section;
  /** Where the question is in its bank's Markdown file. */
  source: QuestionSource;
  /** The source the bank cites for this question (a trailing `[[src](url)]` link in the Markdown), if any. */
  sourceUrl: Maybe<Scalars['String']['output']>;
  /** The shared prompt of a sub-question (Markdown), shown above `text`: the content of the list item whose nested items are the sub-questions, before the first of them. Null for a standalone question. */
  stem: Maybe<Scalars['String']['output']>;
  /** Tags from the source's metadata comment; [] when none. */
  tags: Array<Scalars['String']['output']>;
  /** The question (Markdown). */
  text: Scalars['String']['output'];
  /** The heading below the section heading that groups this question, if any. */
  topic: Maybe<Scalars['String']['output']>;
};


/** One interview question. `text` and `answer` are Markdown as written in the source. */
export type QuestionOptionsArgs = {
  shuffleOptions?: InputMaybe<Scalars['Boolean']['input']>;
};

/** A page of questions (Relay connection). */
export type QuestionConnection = {
  __typename?: 'QuestionConnection';
  /** The questions of this page. */
  edges: Array<QuestionEdge>;
  /** Where this page is: pass `endCursor` as `after` for the next one. */
  pageInfo: PageInfo;
  /** Questions matching the filter, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** One question in a QuestionConnection page. */
export type QuestionEdge = {
  __typename?: 'QuestionEdge';
  /** Opaque cursor of this question: pass as `after` to continue after it. */
  cursor: Scalars['String']['output'];
  /** The question. */
  node: Question;
};

/**
 * Narrows a question listing. All given conditions apply; a question matches `tags` when it has
 * any of them. Unknown bank or section ids and unknown tags are rejected with BAD_USER_INPUT.
 */
export type QuestionFilter = {
  /** Only questions of this bank. */
  bankId?: InputMaybe<Scalars['ID']['input']>;
  /** Only questions of these difficulties (1 easy, 2 medium, 3 hard; questions without one never match). Values outside 1–3 are BAD_USER_INPUT. */
  difficulty?: InputMaybe<Array<Scalars['Int']['input']>>;
  /** Only questions of these kinds. */
  kinds?: InputMaybe<Array<QuestionKind>>;
  /** Only questions of these sections (`<bank id>/<section slug>`). */
  sectionIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Only questions with at least one of these tags. */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** How a question is answered: open (self-graded) or a kind of choice question. */
export type QuestionKind =
  /** Two or more options are right; graded with partial credit. */
  | 'MULTIPLE_CHOICE'
  /** No options: the learner grades their own answer (recordAttempt's outcome). */
  | 'OPEN'
  /** Exactly one option is right. */
  | 'SINGLE_CHOICE'
  /** Two options reading true/false (True/False, Yes/No, Верно/Неверно, Да/Нет), one right. */
  | 'TRUE_FALSE';

/** A page of `searchQuestions` results, best match first (a Relay connection). */
export type QuestionSearchConnection = {
  __typename?: 'QuestionSearchConnection';
  /** The page's matches, best first; equal scores keep the bank's order. */
  edges: Array<QuestionSearchEdge>;
  /** Where the page stands in the results. */
  pageInfo: PageInfo;
  /** Questions matching the query, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** One match of a search: the question and how well it matches. */
export type QuestionSearchEdge = {
  __typename?: 'QuestionSearchEdge';
  /** Pass as `after` to get the matches that follow; valid only with the same query. */
  cursor: Scalars['String']['output'];
  /** The matching question (active: retired questions are never found). */
  node: Question;
  /**
   * Relevance (BM25, higher is better, rounded to 4 decimals): a word found in the question's
   * text counts three times a word found in its answer. Comparable within one query only.
   */
  score: Scalars['Float']['output'];
};

/** The result of randomQuestions: a sampled set of questions and how it was drawn. */
export type QuestionSet = {
  __typename?: 'QuestionSet';
  /** With `excludeSeen`: the unseen pool ran out and seen questions (weakest first) filled the set. */
  exhausted: Scalars['Boolean']['output'];
  /** How many questions matched the filter after exclusions. */
  poolSize: Scalars['Int']['output'];
  /** At most `count`; the whole pool when it is smaller. */
  questions: Array<Question>;
  /** The seed used: pass it back to get the same set. */
  seed: Scalars['String']['output'];
  /** The sampling strategy used. */
  strategy: SamplingStrategy;
};

/** Where a question came from in its bank's Markdown file. */
export type QuestionSource = {
  __typename?: 'QuestionSource';
  /** The file's name as imported ("theory.md"); empty for banks imported before files were recorded. */
  file: Scalars['String']['output'];
  /** 1-based line where the question starts in that file (where it last started, once retired); 0 when unknown. */
  line: Scalars['Int']['output'];
  /** A link to that line (`<file URL>#L<line>`) when the import was given the file's URL (`--source-url`). */
  url: Maybe<Scalars['String']['output']>;
};

/** The user's spaced-repetition state for one question (FSRS). */
export type QuestionState = {
  __typename?: 'QuestionState';
  /** How many attempts the user recorded at the question. */
  attempts: Scalars['Int']['output'];
  /**
   * Same value as `memoryDifficulty`.
   * @deprecated Renamed to `memoryDifficulty` (FSRS, 1–10), distinct from `Question.difficulty` (1–3). Removed in the next release.
   */
  difficulty: Scalars['Float']['output'];
  /** When the question is next due. */
  due: Scalars['DateTime']['output'];
  /** Times the question was forgotten after being learned (FSRS lapses). */
  lapses: Scalars['Int']['output'];
  /** When the user last answered the question. */
  lastAttemptAt: Scalars['DateTime']['output'];
  /** The outcome of the user's last attempt. */
  lastOutcome: Outcome;
  /** 8 lapses or more: the question keeps being forgotten. */
  leech: Scalars['Boolean']['output'];
  /** FSRS memory difficulty of the question for this user: 1 (easy to remember) to 10 (hard). Not `Question.difficulty`. */
  memoryDifficulty: Scalars['Float']['output'];
  /** The question this state is for. */
  question: Question;
  /** Probability of recall right now, 0 to 1. */
  retrievability: Scalars['Float']['output'];
  /** FSRS stability in days: the interval after which recall probability falls to 90 %. */
  stability: Scalars['Float']['output'];
};

/** Tenant-wide figures for a question: counts of all users' attempts, no per-user data. */
export type QuestionStats = {
  __typename?: 'QuestionStats';
  /** Attempts of all users. */
  attempts: Scalars['Int']['output'];
  /** Attempts graded CORRECT. */
  correct: Scalars['Int']['output'];
  /** Attempts graded INCORRECT. */
  incorrect: Scalars['Int']['output'];
  /** Mean score, 0 to 1 (0 without attempts). */
  meanScore: Scalars['Float']['output'];
  /** From a log-scale histogram: within about 10 %. Null when no attempt reported a time. */
  medianTimeMs: Maybe<Scalars['Int']['output']>;
  /** Per option of a choice question, in source order: how often it was picked (distractor analysis). Empty for an open question. */
  options: Array<OptionStats>;
  /** 90th percentile of time spent in milliseconds (within about 10 %); null when no attempt reported a time. */
  p90TimeMs: Maybe<Scalars['Int']['output']>;
  /** Attempts graded PARTIAL. */
  partial: Scalars['Int']['output'];
  /** The question. */
  question: Question;
  /** Attempts graded SKIPPED. */
  skipped: Scalars['Int']['output'];
  /** correct / attempts (0 without attempts). */
  successRate: Scalars['Float']['output'];
  /**
   * A sign of a wrong answer key: among at least 10 graded attempts by strong learners (5 or more
   * earlier attempts, at least 70 % of them correct), some distractor was picked more often than
   * every correct option. Always false for an open question.
   */
  suspectedWrongKey: Scalars['Boolean']['output'];
  /** Distinct users who attempted the question. */
  uniqueUsers: Scalars['Int']['output'];
};

/** A fixed set of questions picked for one user by startQuiz; attempts may name it with `quizId`. */
export type Quiz = {
  __typename?: 'Quiz';
  /** When `abandonQuiz` closed the quiz (ISO 8601); null otherwise. */
  abandonedAt: Maybe<Scalars['DateTime']['output']>;
  /** Questions of the quiz answered so far (first attempt of each counts). */
  answered: Scalars['Int']['output'];
  /** When startQuiz made the quiz. */
  createdAt: Scalars['DateTime']['output'];
  /** The strategy ran out of fresh questions and filled up with the weakest ones. */
  exhausted: Scalars['Boolean']['output'];
  /** 30 days after createdAt. From then on the quiz is gone: `quiz(id)` is null and attempts naming it are refused (retries of attempts recorded before are still answered). */
  expiresAt: Scalars['DateTime']['output'];
  /** When `finishQuiz` closed the quiz (ISO 8601); null otherwise. */
  finishedAt: Maybe<Scalars['DateTime']['output']>;
  /** The quiz id (a lower-case UUID): pass it as `quizId` to recordAttempt. */
  id: Scalars['ID']['output'];
  /** The quiz's questions in order, each with whether and how it was answered in this quiz (its first attempt there). Read in one batch, whatever the quiz's size. */
  items: Array<QuizItem>;
  /** The quiz's questions in the order to ask them. */
  questions: Array<Question>;
  /** Mean score of the answered questions; null before the first answer. */
  score: Maybe<Scalars['Float']['output']>;
  /** The seed the picking used. */
  seed: Scalars['String']['output'];
  /** IN_PROGRESS until `finishQuiz` or `abandonQuiz` closes it; a closed quiz takes no new attempts. */
  status: QuizStatus;
  /** The strategy that picked the questions. */
  strategy: QuizStrategy;
};

/** A page of the user's quizzes, newest first. */
export type QuizConnection = {
  __typename?: 'QuizConnection';
  /** The quizzes of this page. */
  edges: Array<QuizEdge>;
  /** Where this page stands; pass `endCursor` as `after` for the next one. */
  pageInfo: PageInfo;
};

/** A quiz and the cursor that continues after it. */
export type QuizEdge = {
  __typename?: 'QuizEdge';
  /** Opaque: pass it as `after` to continue after this quiz. */
  cursor: Scalars['String']['output'];
  /** The quiz. */
  node: Quiz;
};

/** One question of a quiz and its answer within the quiz. */
export type QuizItem = {
  __typename?: 'QuizItem';
  /** Whether an attempt naming this quiz answered the question. */
  answered: Scalars['Boolean']['output'];
  /** The quiz's first attempt at the question; null when unanswered (or answered before attempts were linked to quiz items). All attempts of the quiz: `attempts(filter: { quizId })`. */
  attempt: Maybe<Attempt>;
  /** The outcome of the quiz's first attempt at the question; null when unanswered (or answered before attempts were linked to quiz items). */
  outcome: Maybe<Outcome>;
  /** 1-based place of the question in the quiz. */
  position: Scalars['Int']['output'];
  /** The question (still served when retired since the quiz started). */
  question: Question;
  /** The score of the quiz's first attempt at the question (the one the quiz's score counts); null when unanswered. */
  score: Maybe<Scalars['Float']['output']>;
};

/** Where a quiz stands. An expired quiz (past `expiresAt`) is gone whatever its status: `quiz(id)` is null and `myQuizzes` leaves it out. */
export type QuizStatus =
  /** Closed by `abandonQuiz`: attempts naming it are refused. */
  | 'ABANDONED'
  /** Closed by `finishQuiz` (unanswered questions allowed): attempts naming it are refused. */
  | 'FINISHED'
  /** Started and not closed: attempts naming it are recorded. */
  | 'IN_PROGRESS';

/** How startQuiz picks questions. */
export type QuizStrategy =
  /** Spread evenly over the chosen sections. */
  | 'BALANCED'
  /** Questions due for review first (most overdue first), then unseen ones, then the weakest. */
  | 'DUE'
  /** Questions the user has never attempted first, then the weakest. */
  | 'NEW_FIRST'
  /** Uniform over the filtered pool. */
  | 'UNIFORM'
  /** Biased toward the user's weakest sections (lowest smoothed mastery). */
  | 'WEAK_TOPICS';

/** What randomQuestions samples from, and how many. */
export type RandomQuestionsInput = {
  /** Only questions of this bank. */
  bankId?: InputMaybe<Scalars['ID']['input']>;
  /** 1 to 50. */
  count?: InputMaybe<Scalars['Int']['input']>;
  /** Only questions of these difficulties (1 easy, 2 medium, 3 hard; questions without one never match). Values outside 1–3 are BAD_USER_INPUT. */
  difficulty?: InputMaybe<Array<Scalars['Int']['input']>>;
  /** Up to 500 question ids to leave out (ids that name nothing are ignored). */
  excludeQuestionIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Leave out questions this user has attempted (needs a user). When the pool runs out, the weakest seen questions fill the set and `exhausted` is true. */
  excludeSeen?: InputMaybe<Scalars['Boolean']['input']>;
  /** Only questions of these kinds. */
  kinds?: InputMaybe<Array<QuestionKind>>;
  /** Only questions of these sections (`<bank id>/<section slug>`). */
  sectionIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Replays a set: the same seed and input give the same questions in the same order. Up to 128 characters; a new one is made when absent. */
  seed?: InputMaybe<Scalars['String']['input']>;
  /** How picks spread over sections (default UNIFORM). */
  strategy?: InputMaybe<SamplingStrategy>;
  /** Only questions with at least one of these tags. */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** One answer to record with recordAttempt. */
export type RecordAttemptInput = {
  /** The learner's answer, up to 10,000 characters. */
  answer?: InputMaybe<Scalars['String']['input']>;
  /** The frontend's idempotency key: 1–128 printable ASCII characters without whitespace (0x21–0x7E), so `<quizId>:<questionId>` works. Retrying with the same key returns the original attempt, however late — even after its question was retired or its quiz expired; reusing it for a different attempt is refused. */
  clientAttemptId: Scalars['String']['input'];
  /** The learner's own grading: required for an OPEN question, refused (BAD_USER_INPUT) for a choice question, which the server grades from `selectedOptionIds`. */
  outcome?: InputMaybe<Outcome>;
  /** An active question, `<bank id>/<question id>` as the API returns it (retired questions take no new attempts). */
  questionId: Scalars['ID']['input'];
  /** A quiz of this user that contains the question: the id `startQuiz` returned (a lower-case UUID), or absent/null for none. An empty string, another shape, a quiz past `expiresAt` or one that does not hold the question is BAD_USER_INPUT; so is a finished or abandoned quiz, with `extensions.reason: QUIZ_CLOSED` and its `status`. */
  quizId?: InputMaybe<Scalars['ID']['input']>;
  /** 0 to 1. Defaults from the outcome: CORRECT 1, PARTIAL 0.5, INCORRECT and SKIPPED 0. Refused for a choice question (the server computes it). */
  score?: InputMaybe<Scalars['Float']['input']>;
  /** The options the learner picked (ids of the question's `options`): required for a choice question, refused for an OPEN one. Exactly one for SINGLE_CHOICE and TRUE_FALSE; an unknown or repeated id is BAD_USER_INPUT. */
  selectedOptionIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** 0 to 3,600,000. */
  timeSpentMs?: InputMaybe<Scalars['Int']['input']>;
};

/** What recordAttempt recorded and the question's new spaced-repetition state. */
export type RecordAttemptPayload = {
  __typename?: 'RecordAttemptPayload';
  /** The recorded attempt (the original one for a duplicate). */
  attempt: Attempt;
  /** True when this clientAttemptId was recorded before: nothing changed. */
  duplicate: Scalars['Boolean']['output'];
  /** The server's grading of a choice question (a duplicate gets the original grading); null for an open question. */
  grading: Maybe<Grading>;
  /** The user's spaced-repetition state for the question after the attempt. */
  state: QuestionState;
};

/** How randomQuestions spreads its picks. */
export type SamplingStrategy =
  /** Picks spread as evenly as possible over the chosen sections (all sections when none are given). */
  | 'BALANCED'
  /** Uniform sampling without replacement over the whole filtered pool. */
  | 'UNIFORM';

/** A `##` section of a bank. */
export type Section = {
  __typename?: 'Section';
  /** The bank the section belongs to. */
  bank: Bank;
  /** Markdown between the section heading and its first question. */
  description: Scalars['String']['output'];
  /** `<bank id>/<section slug>` */
  id: Scalars['ID']['output'];
  /** Markdown of the items marked `<!-- note -->`: remarks about the section, not questions. */
  notes: Array<Scalars['String']['output']>;
  /** 1-based order in the bank. */
  position: Scalars['Int']['output'];
  /** Active questions in the section. */
  questionCount: Scalars['Int']['output'];
  /** The section's active questions in order (a Relay connection). */
  questions: QuestionConnection;
  /** The section is no longer in the source; only retired questions still lead here. */
  retired: Scalars['Boolean']['output'];
  /** URL-safe slug of the title, unique in the bank. */
  slug: Scalars['String']['output'];
  /** The section's heading text. */
  title: Scalars['String']['output'];
};


/** A `##` section of a bank. */
export type SectionQuestionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** Tenant-wide figures for a section: counts of all users' attempts, no per-user data. */
export type SectionStats = {
  __typename?: 'SectionStats';
  /** Attempts of all users at the section's questions. */
  attempts: Scalars['Int']['output'];
  /** The section. */
  section: Section;
  /** correct / attempts (0 without attempts). */
  successRate: Scalars['Float']['output'];
  /** Distinct users who attempted a question of the section. */
  uniqueUsers: Scalars['Int']['output'];
};

/** What startQuiz picks from, how many and how. */
export type StartQuizInput = {
  /** The bank to pick from. */
  bankId: Scalars['ID']['input'];
  /** 1 to 50. */
  count?: InputMaybe<Scalars['Int']['input']>;
  /** Only questions of these difficulties (1 easy, 2 medium, 3 hard; questions without one never match). Values outside 1–3 are BAD_USER_INPUT. */
  difficulty?: InputMaybe<Array<Scalars['Int']['input']>>;
  /** Only questions of these kinds. */
  kinds?: InputMaybe<Array<QuestionKind>>;
  /** Only questions of these sections (`<bank id>/<section slug>`). */
  sectionIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Replays a pick: the same seed and input give the same questions. Up to 128 characters; a new one is made when absent. */
  seed?: InputMaybe<Scalars['String']['input']>;
  /** How questions are picked (default UNIFORM). */
  strategy?: InputMaybe<QuizStrategy>;
  /** Only questions with at least one of these tags. */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** How well the user knows one section: a Beta(1, 1) prior smooths the mean score. */
export type TopicMastery = {
  __typename?: 'TopicMastery';
  /** The user's attempts at the section's questions. */
  attempts: Scalars['Int']['output'];
  /** 0 with no evidence, toward 1 as attempts accumulate (1 − posterior sd / prior sd). */
  confidence: Scalars['Float']['output'];
  /** Share of those attempts graded CORRECT, 0 to 1. */
  correctRate: Scalars['Float']['output'];
  /** The user's leech questions in the section (8 lapses or more). */
  leeches: Scalars['Int']['output'];
  /** (score sum + 1) / (attempts + 2): 1 of 1 does not beat 45 of 50. */
  mastery: Scalars['Float']['output'];
  /** Mean probability of recall now over the section's attempted questions, computed from the learner's section aggregates (a documented approximation: within 0.05 of the per-question mean, 0.004 on average). */
  meanRetrievability: Scalars['Float']['output'];
  /** The section. */
  section: Section;
};

/**
 * The user a request acts for: named by a user token (`Authorization: Bearer <JWT>`, signed with
 * the tenant's user-token secret) or, with a secret key, by the `x-user-id` header.
 */
export type User = {
  __typename?: 'User';
  /** How many attempts the user recorded (all banks). */
  attemptCount: Scalars['Int']['output'];
  /** Share of attempts graded CORRECT. */
  correctRate: Scalars['Float']['output'];
  /** The user id as the token's `sub` or the `x-user-id` header gives it. */
  id: Scalars['ID']['output'];
  /** When the user last recorded an attempt; null before the first. */
  lastAttemptAt: Maybe<Scalars['DateTime']['output']>;
  /** Consecutive UTC days with an attempt, ending today or yesterday. */
  streakDays: Scalars['Int']['output'];
  /** The tenant (client application) the user belongs to. */
  tenantId: Scalars['ID']['output'];
};



export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;





/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  ActivityDay: ResolverTypeWrapper<ActivityDay>;
  Attempt: ResolverTypeWrapper<AttemptRecord>;
  AttemptConnection: ResolverTypeWrapper<AttemptConnectionModel>;
  AttemptEdge: ResolverTypeWrapper<Omit<AttemptEdge, 'node'> & { node: ResolversTypes['Attempt'] }>;
  AttemptFilter: AttemptFilter;
  Bank: ResolverTypeWrapper<BankRecord>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  FacetCount: ResolverTypeWrapper<FacetCount>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  Grading: ResolverTypeWrapper<Grading>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Option: ResolverTypeWrapper<OptionModel>;
  OptionStats: ResolverTypeWrapper<Omit<OptionStats, 'option'> & { option: ResolversTypes['Option'] }>;
  Outcome: Outcome;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Question: ResolverTypeWrapper<QuestionModel>;
  QuestionConnection: ResolverTypeWrapper<QuestionConnectionModel>;
  QuestionEdge: ResolverTypeWrapper<Omit<QuestionEdge, 'node'> & { node: ResolversTypes['Question'] }>;
  QuestionFilter: QuestionFilter;
  QuestionKind: QuestionKind;
  QuestionSearchConnection: ResolverTypeWrapper<QuestionSearchConnectionModel>;
  QuestionSearchEdge: ResolverTypeWrapper<Omit<QuestionSearchEdge, 'node'> & { node: ResolversTypes['Question'] }>;
  QuestionSet: ResolverTypeWrapper<QuestionSetModel>;
  QuestionSource: ResolverTypeWrapper<QuestionSource>;
  QuestionState: ResolverTypeWrapper<QuestionStateModel>;
  QuestionStats: ResolverTypeWrapper<QuestionStatsModel>;
  Quiz: ResolverTypeWrapper<QuizRecord>;
  QuizConnection: ResolverTypeWrapper<QuizConnectionModel>;
  QuizEdge: ResolverTypeWrapper<Omit<QuizEdge, 'node'> & { node: ResolversTypes['Quiz'] }>;
  QuizItem: ResolverTypeWrapper<QuizItemModel>;
  QuizStatus: QuizStatus;
  QuizStrategy: QuizStrategy;
  RandomQuestionsInput: RandomQuestionsInput;
  RecordAttemptInput: RecordAttemptInput;
  RecordAttemptPayload: ResolverTypeWrapper<RecordAttemptPayloadModel>;
  SamplingStrategy: SamplingStrategy;
  Section: ResolverTypeWrapper<SectionModel>;
  SectionStats: ResolverTypeWrapper<SectionStatsModel>;
  StartQuizInput: StartQuizInput;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  TopicMastery: ResolverTypeWrapper<TopicMasteryModel>;
  User: ResolverTypeWrapper<UserModel>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  ActivityDay: ActivityDay;
  Attempt: AttemptRecord;
  AttemptConnection: AttemptConnectionModel;
  AttemptEdge: Omit<AttemptEdge, 'node'> & { node: ResolversParentTypes['Attempt'] };
  AttemptFilter: AttemptFilter;
  Bank: BankRecord;
  Boolean: Scalars['Boolean']['output'];
  DateTime: Scalars['DateTime']['output'];
  FacetCount: FacetCount;
  Float: Scalars['Float']['output'];
  Grading: Grading;
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  Mutation: Record<PropertyKey, never>;
  Option: OptionModel;
  OptionStats: Omit<OptionStats, 'option'> & { option: ResolversParentTypes['Option'] };
  PageInfo: PageInfo;
  Query: Record<PropertyKey, never>;
  Question: QuestionModel;
  QuestionConnection: QuestionConnectionModel;
  QuestionEdge: Omit<QuestionEdge, 'node'> & { node: ResolversParentTypes['Question'] };
  QuestionFilter: QuestionFilter;
  QuestionSearchConnection: QuestionSearchConnectionModel;
  QuestionSearchEdge: Omit<QuestionSearchEdge, 'node'> & { node: ResolversParentTypes['Question'] };
  QuestionSet: QuestionSetModel;
  QuestionSource: QuestionSource;
  QuestionState: QuestionStateModel;
  QuestionStats: QuestionStatsModel;
  Quiz: QuizRecord;
  QuizConnection: QuizConnectionModel;
  QuizEdge: Omit<QuizEdge, 'node'> & { node: ResolversParentTypes['Quiz'] };
  QuizItem: QuizItemModel;
  RandomQuestionsInput: RandomQuestionsInput;
  RecordAttemptInput: RecordAttemptInput;
  RecordAttemptPayload: RecordAttemptPayloadModel;
  Section: SectionModel;
  SectionStats: SectionStatsModel;
  StartQuizInput: StartQuizInput;
  String: Scalars['String']['output'];
  TopicMastery: TopicMasteryModel;
  User: UserModel;
};

export type ActivityDayResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ActivityDay'] = ResolversParentTypes['ActivityDay']> = {
  activeUsers?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  attempts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  date?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type AttemptResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Attempt'] = ResolversParentTypes['Attempt']> = {
  answer?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  clientAttemptId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  outcome?: Resolver<ResolversTypes['Outcome'], ParentType, ContextType>;
  question?: Resolver<ResolversTypes['Question'], ParentType, ContextType>;
  quizId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  selectedOptionIds?: Resolver<Maybe<Array<ResolversTypes['ID']>>, ParentType, ContextType>;
  timeSpentMs?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type AttemptConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AttemptConnection'] = ResolversParentTypes['AttemptConnection']> = {
  edges?: Resolver<Array<ResolversTypes['AttemptEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type AttemptEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AttemptEdge'] = ResolversParentTypes['AttemptEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Attempt'], ParentType, ContextType>;
};

export type BankResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Bank'] = ResolversParentTypes['Bank']> = {
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  difficulties?: Resolver<Array<ResolversTypes['FacetCount']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  level?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  locale?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  questionCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sections?: Resolver<Array<ResolversTypes['Section']>, ParentType, ContextType>;
  slug?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  tags?: Resolver<Array<ResolversTypes['FacetCount']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  topics?: Resolver<Array<ResolversTypes['FacetCount']>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type FacetCountResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['FacetCount'] = ResolversParentTypes['FacetCount']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type GradingResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Grading'] = ResolversParentTypes['Grading']> = {
  correct?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  correctOptionIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  explanation?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  abandonQuiz?: Resolver<ResolversTypes['Quiz'], ParentType, ContextType, RequireFields<MutationAbandonQuizArgs, 'id'>>;
  finishQuiz?: Resolver<ResolversTypes['Quiz'], ParentType, ContextType, RequireFields<MutationFinishQuizArgs, 'id'>>;
  recordAttempt?: Resolver<ResolversTypes['RecordAttemptPayload'], ParentType, ContextType, RequireFields<MutationRecordAttemptArgs, 'input'>>;
  startQuiz?: Resolver<ResolversTypes['Quiz'], ParentType, ContextType, RequireFields<MutationStartQuizArgs, 'input'>>;
};

export type OptionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Option'] = ResolversParentTypes['Option']> = {
  correct?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type OptionStatsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['OptionStats'] = ResolversParentTypes['OptionStats']> = {
  option?: Resolver<ResolversTypes['Option'], ParentType, ContextType>;
  pickRate?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  picks?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type QueryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  activity?: Resolver<Array<ResolversTypes['ActivityDay']>, ParentType, ContextType, RequireFields<QueryActivityArgs, 'bankId'>>;
  attempts?: Resolver<ResolversTypes['AttemptConnection'], ParentType, ContextType, Partial<QueryAttemptsArgs>>;
  bank?: Resolver<Maybe<ResolversTypes['Bank']>, ParentType, ContextType, RequireFields<QueryBankArgs, 'id'>>;
  banks?: Resolver<Array<ResolversTypes['Bank']>, ParentType, ContextType, Partial<QueryBanksArgs>>;
  dueQuestions?: Resolver<Array<ResolversTypes['QuestionState']>, ParentType, ContextType, RequireFields<QueryDueQuestionsArgs, 'bankId'>>;
  hardestQuestions?: Resolver<Array<ResolversTypes['QuestionStats']>, ParentType, ContextType, RequireFields<QueryHardestQuestionsArgs, 'bankId'>>;
  me?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  myQuizzes?: Resolver<ResolversTypes['QuizConnection'], ParentType, ContextType, Partial<QueryMyQuizzesArgs>>;
  question?: Resolver<Maybe<ResolversTypes['Question']>, ParentType, ContextType, RequireFields<QueryQuestionArgs, 'id'>>;
  questionStats?: Resolver<ResolversTypes['QuestionStats'], ParentType, ContextType, RequireFields<QueryQuestionStatsArgs, 'questionId'>>;
  questions?: Resolver<ResolversTypes['QuestionConnection'], ParentType, ContextType, Partial<QueryQuestionsArgs>>;
  quiz?: Resolver<Maybe<ResolversTypes['Quiz']>, ParentType, ContextType, RequireFields<QueryQuizArgs, 'id'>>;
  randomQuestions?: Resolver<ResolversTypes['QuestionSet'], ParentType, ContextType, RequireFields<QueryRandomQuestionsArgs, 'input'>>;
  searchQuestions?: Resolver<ResolversTypes['QuestionSearchConnection'], ParentType, ContextType, RequireFields<QuerySearchQuestionsArgs, 'bankId' | 'query'>>;
  section?: Resolver<Maybe<ResolversTypes['Section']>, ParentType, ContextType, RequireFields<QuerySectionArgs, 'id'>>;
  sectionStats?: Resolver<Array<ResolversTypes['SectionStats']>, ParentType, ContextType, RequireFields<QuerySectionStatsArgs, 'bankId'>>;
  weakTopics?: Resolver<Array<ResolversTypes['TopicMastery']>, ParentType, ContextType, RequireFields<QueryWeakTopicsArgs, 'bankId'>>;
};

export type QuestionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Question'] = ResolversParentTypes['Question']> = {
  answer?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  bank?: Resolver<ResolversTypes['Bank'], ParentType, ContextType>;
  difficulty?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  explanation?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['QuestionKind'], ParentType, ContextType>;
  number?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  options?: Resolver<Array<ResolversTypes['Option']>, ParentType, ContextType, RequireFields<QuestionOptionsArgs, 'shuffleOptions'>>;
  position?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  references?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  retired?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  section?: Resolver<ResolversTypes['Section'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['QuestionSource'], ParentType, ContextType>;
  sourceUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  stem?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  tags?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  topic?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type QuestionConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['QuestionConnection'] = ResolversParentTypes['QuestionConnection']> = {
  edges?: Resolver<Array<ResolversTypes['QuestionEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type QuestionEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['QuestionEdge'] = ResolversParentTypes['QuestionEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Question'], ParentType, ContextType>;
};

export type QuestionSearchConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['QuestionSearchConnection'] = ResolversParentTypes['QuestionSearchConnection']> = {
  edges?: Resolver<Array<ResolversTypes['QuestionSearchEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type QuestionSearchEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['QuestionSearchEdge'] = ResolversParentTypes['QuestionSearchEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Question'], ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type QuestionSetResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['QuestionSet'] = ResolversParentTypes['QuestionSet']> = {
  exhausted?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  poolSize?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  questions?: Resolver<Array<ResolversTypes['Question']>, ParentType, ContextType>;
  seed?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  strategy?: Resolver<ResolversTypes['SamplingStrategy'], ParentType, ContextType>;
};

export type QuestionSourceResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['QuestionSource'] = ResolversParentTypes['QuestionSource']> = {
  file?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  line?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  url?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type QuestionStateResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['QuestionState'] = ResolversParentTypes['QuestionState']> = {
  attempts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  difficulty?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  due?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  lapses?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lastAttemptAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  lastOutcome?: Resolver<ResolversTypes['Outcome'], ParentType, ContextType>;
  leech?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  memoryDifficulty?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  question?: Resolver<ResolversTypes['Question'], ParentType, ContextType>;
  retrievability?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  stability?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type QuestionStatsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['QuestionStats'] = ResolversParentTypes['QuestionStats']> = {
  attempts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  correct?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  incorrect?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  meanScore?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  medianTimeMs?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  options?: Resolver<Array<ResolversTypes['OptionStats']>, ParentType, ContextType>;
  p90TimeMs?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  partial?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  question?: Resolver<ResolversTypes['Question'], ParentType, ContextType>;
  skipped?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  successRate?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  suspectedWrongKey?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  uniqueUsers?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type QuizResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Quiz'] = ResolversParentTypes['Quiz']> = {
  abandonedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  answered?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  exhausted?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  finishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  items?: Resolver<Array<ResolversTypes['QuizItem']>, ParentType, ContextType>;
  questions?: Resolver<Array<ResolversTypes['Question']>, ParentType, ContextType>;
  score?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  seed?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['QuizStatus'], ParentType, ContextType>;
  strategy?: Resolver<ResolversTypes['QuizStrategy'], ParentType, ContextType>;
};

export type QuizConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['QuizConnection'] = ResolversParentTypes['QuizConnection']> = {
  edges?: Resolver<Array<ResolversTypes['QuizEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type QuizEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['QuizEdge'] = ResolversParentTypes['QuizEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Quiz'], ParentType, ContextType>;
};

export type QuizItemResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['QuizItem'] = ResolversParentTypes['QuizItem']> = {
  answered?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  attempt?: Resolver<Maybe<ResolversTypes['Attempt']>, ParentType, ContextType>;
  outcome?: Resolver<Maybe<ResolversTypes['Outcome']>, ParentType, ContextType>;
  position?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  question?: Resolver<ResolversTypes['Question'], ParentType, ContextType>;
  score?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type RecordAttemptPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RecordAttemptPayload'] = ResolversParentTypes['RecordAttemptPayload']> = {
  attempt?: Resolver<ResolversTypes['Attempt'], ParentType, ContextType>;
  duplicate?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  grading?: Resolver<Maybe<ResolversTypes['Grading']>, ParentType, ContextType>;
  state?: Resolver<ResolversTypes['QuestionState'], ParentType, ContextType>;
};

export type SectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Section'] = ResolversParentTypes['Section']> = {
  bank?: Resolver<ResolversTypes['Bank'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  notes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  position?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  questionCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  questions?: Resolver<ResolversTypes['QuestionConnection'], ParentType, ContextType, Partial<SectionQuestionsArgs>>;
  retired?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  slug?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type SectionStatsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SectionStats'] = ResolversParentTypes['SectionStats']> = {
  attempts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  section?: Resolver<ResolversTypes['Section'], ParentType, ContextType>;
  successRate?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  uniqueUsers?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type TopicMasteryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['TopicMastery'] = ResolversParentTypes['TopicMastery']> = {
  attempts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  confidence?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  correctRate?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  leeches?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  mastery?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  meanRetrievability?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  section?: Resolver<ResolversTypes['Section'], ParentType, ContextType>;
};

export type UserResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User']> = {
  attemptCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  correctRate?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastAttemptAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  streakDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  tenantId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type Resolvers<ContextType = GraphQLContext> = {
  ActivityDay?: ActivityDayResolvers<ContextType>;
  Attempt?: AttemptResolvers<ContextType>;
  AttemptConnection?: AttemptConnectionResolvers<ContextType>;
  AttemptEdge?: AttemptEdgeResolvers<ContextType>;
  Bank?: BankResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  FacetCount?: FacetCountResolvers<ContextType>;
  Grading?: GradingResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Option?: OptionResolvers<ContextType>;
  OptionStats?: OptionStatsResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Question?: QuestionResolvers<ContextType>;
  QuestionConnection?: QuestionConnectionResolvers<ContextType>;
  QuestionEdge?: QuestionEdgeResolvers<ContextType>;
  QuestionSearchConnection?: QuestionSearchConnectionResolvers<ContextType>;
  QuestionSearchEdge?: QuestionSearchEdgeResolvers<ContextType>;
  QuestionSet?: QuestionSetResolvers<ContextType>;
  QuestionSource?: QuestionSourceResolvers<ContextType>;
  QuestionState?: QuestionStateResolvers<ContextType>;
  QuestionStats?: QuestionStatsResolvers<ContextType>;
  Quiz?: QuizResolvers<ContextType>;
  QuizConnection?: QuizConnectionResolvers<ContextType>;
  QuizEdge?: QuizEdgeResolvers<ContextType>;
  QuizItem?: QuizItemResolvers<ContextType>;
  RecordAttemptPayload?: RecordAttemptPayloadResolvers<ContextType>;
  Section?: SectionResolvers<ContextType>;
  SectionStats?: SectionStatsResolvers<ContextType>;
  TopicMastery?: TopicMasteryResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
};

