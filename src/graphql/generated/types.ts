import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { BankRecord } from '../../domain/content';
import type { SectionModel, QuestionModel, OptionModel, QuestionConnectionModel, QuestionSetModel, QuestionStateModel, RecordAttemptPayloadModel, TopicMasteryModel, QuestionStatsModel, SectionStatsModel, AttemptConnectionModel, UserModel } from '../../usecases/models';
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
  /** The bank's slug, e.g. `ml-junior`: stable across re-imports. */
  id: Scalars['ID']['output'];
  /** Free-form audience level from the front matter (e.g. `junior`); null when not given. */
  level: Maybe<Scalars['String']['output']>;
  /** Language code of the content (e.g. `ru`), from front matter or the file name; null when unknown. */
  locale: Maybe<Scalars['String']['output']>;
  /** Active (not retired) questions in the bank. */
  questionCount: Scalars['Int']['output'];
  /** Active sections, in source order. */
  sections: Array<Section>;
  /** Same as id: banks are named by a URL-safe slug. */
  slug: Scalars['String']['output'];
  /** The bank's title (its `#` heading or front matter). */
  title: Scalars['String']['output'];
  /** When an import last changed the bank. */
  updatedAt: Scalars['DateTime']['output'];
};

/** Writes. Every mutation needs a user (a user token, or `x-user-id` with a secret key); else UNAUTHENTICATED. */
export type Mutation = {
  __typename?: 'Mutation';
  /** Records the user's answer to a question and updates its spaced-repetition state. Idempotent per `clientAttemptId`. Needs a user (a user token, or `x-user-id` with a secret key); else UNAUTHENTICATED. */
  recordAttempt: RecordAttemptPayload;
  /** Picks a quiz of questions for the user from a bank. Needs a user (a user token, or `x-user-id` with a secret key); else UNAUTHENTICATED. */
  startQuiz: Quiz;
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
  /** The shared prompt of a sub-question (Markdown), shown above `text`; null for a standalone question. Sub-questions are not imported yet, so today it is always null. */
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
  /** Distinct users who attempted the question. */
  uniqueUsers: Scalars['Int']['output'];
};

/** A fixed set of questions picked for one user by startQuiz; attempts may name it with `quizId`. */
export type Quiz = {
  __typename?: 'Quiz';
  /** Questions of the quiz answered so far (first attempt of each counts). */
  answered: Scalars['Int']['output'];
  /** When startQuiz made the quiz. */
  createdAt: Scalars['DateTime']['output'];
  /** The strategy ran out of fresh questions and filled up with the weakest ones. */
  exhausted: Scalars['Boolean']['output'];
  /** 30 days after createdAt. From then on the quiz is gone: `quiz(id)` is null and attempts naming it are refused (retries of attempts recorded before are still answered). */
  expiresAt: Scalars['DateTime']['output'];
  /** The quiz id (a lower-case UUID): pass it as `quizId` to recordAttempt. */
  id: Scalars['ID']['output'];
  /** The quiz's questions in the order to ask them. */
  questions: Array<Question>;
  /** Mean score of the answered questions; null before the first answer. */
  score: Maybe<Scalars['Float']['output']>;
  /** The seed the picking used. */
  seed: Scalars['String']['output'];
  /** The strategy that picked the questions. */
  strategy: QuizStrategy;
};

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
  /** Up to 500 question ids to leave out (ids that name nothing are ignored). */
  excludeQuestionIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Leave out questions this user has attempted (needs a user). When the pool runs out, the weakest seen questions fill the set and `exhausted` is true. */
  excludeSeen?: InputMaybe<Scalars['Boolean']['input']>;
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
  /** The frontend's idempotency key (1–128 of A–Z a–z 0–9 _ . : -). Retrying with the same key returns the original attempt, however late — even after its question was retired or its quiz expired; reusing it for a different attempt is refused. */
  clientAttemptId: Scalars['String']['input'];
  /** How the answer went (self-graded for open questions). */
  outcome: Outcome;
  /** An active question, `<bank id>/<question id>` as the API returns it (retired questions take no new attempts). */
  questionId: Scalars['ID']['input'];
  /** A quiz of this user that contains the question: the id `startQuiz` returned (a lower-case UUID), or absent/null for none. An empty string, another shape, a quiz past `expiresAt` or one that does not hold the question is BAD_USER_INPUT. */
  quizId?: InputMaybe<Scalars['ID']['input']>;
  /** 0 to 1. Defaults from the outcome: CORRECT 1, PARTIAL 0.5, INCORRECT and SKIPPED 0. */
  score?: InputMaybe<Scalars['Float']['input']>;
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
  /** Mean probability of recall now over the section's attempted questions. */
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
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Option: ResolverTypeWrapper<OptionModel>;
  Outcome: Outcome;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Question: ResolverTypeWrapper<QuestionModel>;
  QuestionConnection: ResolverTypeWrapper<QuestionConnectionModel>;
  QuestionEdge: ResolverTypeWrapper<Omit<QuestionEdge, 'node'> & { node: ResolversTypes['Question'] }>;
  QuestionFilter: QuestionFilter;
  QuestionKind: QuestionKind;
  QuestionSet: ResolverTypeWrapper<QuestionSetModel>;
  QuestionSource: ResolverTypeWrapper<QuestionSource>;
  QuestionState: ResolverTypeWrapper<QuestionStateModel>;
  QuestionStats: ResolverTypeWrapper<QuestionStatsModel>;
  Quiz: ResolverTypeWrapper<QuizRecord>;
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
  Float: Scalars['Float']['output'];
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  Mutation: Record<PropertyKey, never>;
  Option: OptionModel;
  PageInfo: PageInfo;
  Query: Record<PropertyKey, never>;
  Question: QuestionModel;
  QuestionConnection: QuestionConnectionModel;
  QuestionEdge: Omit<QuestionEdge, 'node'> & { node: ResolversParentTypes['Question'] };
  QuestionFilter: QuestionFilter;
  QuestionSet: QuestionSetModel;
  QuestionSource: QuestionSource;
  QuestionState: QuestionStateModel;
  QuestionStats: QuestionStatsModel;
  Quiz: QuizRecord;
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
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  level?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  locale?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  questionCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sections?: Resolver<Array<ResolversTypes['Section']>, ParentType, ContextType>;
  slug?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type MutationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  recordAttempt?: Resolver<ResolversTypes['RecordAttemptPayload'], ParentType, ContextType, RequireFields<MutationRecordAttemptArgs, 'input'>>;
  startQuiz?: Resolver<ResolversTypes['Quiz'], ParentType, ContextType, RequireFields<MutationStartQuizArgs, 'input'>>;
};

export type OptionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Option'] = ResolversParentTypes['Option']> = {
  correct?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
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
  banks?: Resolver<Array<ResolversTypes['Bank']>, ParentType, ContextType>;
  dueQuestions?: Resolver<Array<ResolversTypes['QuestionState']>, ParentType, ContextType, RequireFields<QueryDueQuestionsArgs, 'bankId'>>;
  hardestQuestions?: Resolver<Array<ResolversTypes['QuestionStats']>, ParentType, ContextType, RequireFields<QueryHardestQuestionsArgs, 'bankId'>>;
  me?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  question?: Resolver<Maybe<ResolversTypes['Question']>, ParentType, ContextType, RequireFields<QueryQuestionArgs, 'id'>>;
  questionStats?: Resolver<ResolversTypes['QuestionStats'], ParentType, ContextType, RequireFields<QueryQuestionStatsArgs, 'questionId'>>;
  questions?: Resolver<ResolversTypes['QuestionConnection'], ParentType, ContextType, Partial<QueryQuestionsArgs>>;
  quiz?: Resolver<Maybe<ResolversTypes['Quiz']>, ParentType, ContextType, RequireFields<QueryQuizArgs, 'id'>>;
  randomQuestions?: Resolver<ResolversTypes['QuestionSet'], ParentType, ContextType, RequireFields<QueryRandomQuestionsArgs, 'input'>>;
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
  p90TimeMs?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  partial?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  question?: Resolver<ResolversTypes['Question'], ParentType, ContextType>;
  skipped?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  successRate?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  uniqueUsers?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type QuizResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Quiz'] = ResolversParentTypes['Quiz']> = {
  answered?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  exhausted?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  questions?: Resolver<Array<ResolversTypes['Question']>, ParentType, ContextType>;
  score?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  seed?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  strategy?: Resolver<ResolversTypes['QuizStrategy'], ParentType, ContextType>;
};

export type RecordAttemptPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RecordAttemptPayload'] = ResolversParentTypes['RecordAttemptPayload']> = {
  attempt?: Resolver<ResolversTypes['Attempt'], ParentType, ContextType>;
  duplicate?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
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
  Mutation?: MutationResolvers<ContextType>;
  Option?: OptionResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Question?: QuestionResolvers<ContextType>;
  QuestionConnection?: QuestionConnectionResolvers<ContextType>;
  QuestionEdge?: QuestionEdgeResolvers<ContextType>;
  QuestionSet?: QuestionSetResolvers<ContextType>;
  QuestionSource?: QuestionSourceResolvers<ContextType>;
  QuestionState?: QuestionStateResolvers<ContextType>;
  QuestionStats?: QuestionStatsResolvers<ContextType>;
  Quiz?: QuizResolvers<ContextType>;
  RecordAttemptPayload?: RecordAttemptPayloadResolvers<ContextType>;
  Section?: SectionResolvers<ContextType>;
  SectionStats?: SectionStatsResolvers<ContextType>;
  TopicMastery?: TopicMasteryResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
};

