import type { GraphQLResolveInfo } from 'graphql';
import type { BankRecord } from '../../domain/content';
import type { SectionModel, QuestionModel, QuestionConnectionModel, QuestionSetModel } from '../models';
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
};

/** A bank of interview questions, imported from one Markdown file. */
export type Bank = {
  __typename?: 'Bank';
  /** Markdown: the text before the first section of the source. */
  description: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  level: Maybe<Scalars['String']['output']>;
  locale: Maybe<Scalars['String']['output']>;
  /** Active (not retired) questions in the bank. */
  questionCount: Scalars['Int']['output'];
  /** Active sections, in source order. */
  sections: Array<Section>;
  /** Same as id: banks are named by a URL-safe slug. */
  slug: Scalars['String']['output'];
  title: Scalars['String']['output'];
  /** When an import last changed the bank (ISO 8601). */
  updatedAt: Scalars['String']['output'];
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor: Maybe<Scalars['String']['output']>;
};

export type Query = {
  __typename?: 'Query';
  bank: Maybe<Bank>;
  /** All banks, ordered by id. */
  banks: Array<Bank>;
  /** The calling user. UNAUTHENTICATED when the request names no user. */
  me: User;
  /** Any question, retired ones included. */
  question: Maybe<Question>;
  /** Active questions, ordered by bank, section and position. `first` is 1 to 100 (default 20). */
  questions: QuestionConnection;
  randomQuestions: QuestionSet;
  section: Maybe<Section>;
};


export type QueryBankArgs = {
  id: Scalars['ID']['input'];
};


export type QueryQuestionArgs = {
  id: Scalars['ID']['input'];
};


export type QueryQuestionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<QuestionFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryRandomQuestionsArgs = {
  input: RandomQuestionsInput;
};


export type QuerySectionArgs = {
  id: Scalars['ID']['input'];
};

/** One interview question. `text` and `answer` are Markdown as written in the source. */
export type Question = {
  __typename?: 'Question';
  /** Everything in the item after the question; empty when the source gives no answer. */
  answer: Scalars['String']['output'];
  bank: Bank;
  /** 1 easy, 2 medium, 3 hard; null when the source does not say. */
  difficulty: Maybe<Scalars['Int']['output']>;
  /** `<bank id>/<explicit id or derived id>`: stable across re-imports. */
  id: Scalars['ID']['output'];
  /** The label printed in the source ("22"); null for bullet items. Not unique. */
  number: Maybe<Scalars['String']['output']>;
  /** 1-based order in the section. */
  position: Scalars['Int']['output'];
  /** Removed from the source: still readable by id, no longer listed or sampled. */
  retired: Scalars['Boolean']['output'];
  section: Section;
  /** Where the question is in its bank's Markdown file. */
  source: QuestionSource;
  /** The source the bank cites for this question (a trailing `[[src](url)]` link in the Markdown), if any. */
  sourceUrl: Maybe<Scalars['String']['output']>;
  tags: Array<Scalars['String']['output']>;
  text: Scalars['String']['output'];
  /** The heading below the section heading that groups this question, if any. */
  topic: Maybe<Scalars['String']['output']>;
};

export type QuestionConnection = {
  __typename?: 'QuestionConnection';
  edges: Array<QuestionEdge>;
  pageInfo: PageInfo;
  /** Questions matching the filter, over all pages. */
  totalCount: Scalars['Int']['output'];
};

export type QuestionEdge = {
  __typename?: 'QuestionEdge';
  cursor: Scalars['String']['output'];
  node: Question;
};

/**
 * Narrows a question listing. All given conditions apply; a question matches `tags` when it has
 * any of them. Unknown bank or section ids and unknown tags are rejected with BAD_USER_INPUT.
 */
export type QuestionFilter = {
  bankId?: InputMaybe<Scalars['ID']['input']>;
  sectionIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type QuestionSet = {
  __typename?: 'QuestionSet';
  /** How many questions matched the filter after exclusions. */
  poolSize: Scalars['Int']['output'];
  /** At most `count`; the whole pool when it is smaller. */
  questions: Array<Question>;
  /** The seed used: pass it back to get the same set. */
  seed: Scalars['String']['output'];
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

export type RandomQuestionsInput = {
  bankId?: InputMaybe<Scalars['ID']['input']>;
  /** 1 to 50. */
  count?: InputMaybe<Scalars['Int']['input']>;
  /** Up to 500 question ids to leave out (ids that name nothing are ignored). */
  excludeQuestionIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  sectionIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Replays a set: the same seed and input give the same questions in the same order. Up to 128 characters; a new one is made when absent. */
  seed?: InputMaybe<Scalars['String']['input']>;
  strategy?: InputMaybe<SamplingStrategy>;
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type SamplingStrategy =
  /** Picks spread as evenly as possible over the chosen sections (all sections when none are given). */
  | 'BALANCED'
  /** Uniform sampling without replacement over the whole filtered pool. */
  | 'UNIFORM';

/** A `##` section of a bank. */
export type Section = {
  __typename?: 'Section';
  bank: Bank;
  /** Markdown between the section heading and its first question. */
  description: Scalars['String']['output'];
  /** `<bank id>/<section slug>` */
  id: Scalars['ID']['output'];
  /** Markdown of the items marked `<!-- note -->`: remarks about the section, not questions. */
  notes: Array<Scalars['String']['output']>;
  /** 1-based order in the bank. */
  position: Scalars['Int']['output'];
  questionCount: Scalars['Int']['output'];
  /** The section's active questions in order (a Relay connection). */
  questions: QuestionConnection;
  /** The section is no longer in the source; only retired questions still lead here. */
  retired: Scalars['Boolean']['output'];
  slug: Scalars['String']['output'];
  title: Scalars['String']['output'];
};


/** A `##` section of a bank. */
export type SectionQuestionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/**
 * The user a request acts for: named by a user token (`Authorization: Bearer <JWT>`, signed with
 * the tenant's user-token secret) or, with a secret key, by the `x-user-id` header.
 */
export type User = {
  __typename?: 'User';
  id: Scalars['ID']['output'];
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
  Bank: ResolverTypeWrapper<BankRecord>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Question: ResolverTypeWrapper<QuestionModel>;
  QuestionConnection: ResolverTypeWrapper<QuestionConnectionModel>;
  QuestionEdge: ResolverTypeWrapper<Omit<QuestionEdge, 'node'> & { node: ResolversTypes['Question'] }>;
  QuestionFilter: QuestionFilter;
  QuestionSet: ResolverTypeWrapper<QuestionSetModel>;
  QuestionSource: ResolverTypeWrapper<QuestionSource>;
  RandomQuestionsInput: RandomQuestionsInput;
  SamplingStrategy: SamplingStrategy;
  Section: ResolverTypeWrapper<SectionModel>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  User: ResolverTypeWrapper<User>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Bank: BankRecord;
  Boolean: Scalars['Boolean']['output'];
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  PageInfo: PageInfo;
  Query: Record<PropertyKey, never>;
  Question: QuestionModel;
  QuestionConnection: QuestionConnectionModel;
  QuestionEdge: Omit<QuestionEdge, 'node'> & { node: ResolversParentTypes['Question'] };
  QuestionFilter: QuestionFilter;
  QuestionSet: QuestionSetModel;
  QuestionSource: QuestionSource;
  RandomQuestionsInput: RandomQuestionsInput;
  Section: SectionModel;
  String: Scalars['String']['output'];
  User: User;
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
  updatedAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type QueryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  bank?: Resolver<Maybe<ResolversTypes['Bank']>, ParentType, ContextType, RequireFields<QueryBankArgs, 'id'>>;
  banks?: Resolver<Array<ResolversTypes['Bank']>, ParentType, ContextType>;
  me?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  question?: Resolver<Maybe<ResolversTypes['Question']>, ParentType, ContextType, RequireFields<QueryQuestionArgs, 'id'>>;
  questions?: Resolver<ResolversTypes['QuestionConnection'], ParentType, ContextType, Partial<QueryQuestionsArgs>>;
  randomQuestions?: Resolver<ResolversTypes['QuestionSet'], ParentType, ContextType, RequireFields<QueryRandomQuestionsArgs, 'input'>>;
  section?: Resolver<Maybe<ResolversTypes['Section']>, ParentType, ContextType, RequireFields<QuerySectionArgs, 'id'>>;
};

export type QuestionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Question'] = ResolversParentTypes['Question']> = {
  answer?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  bank?: Resolver<ResolversTypes['Bank'], ParentType, ContextType>;
  difficulty?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  number?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  position?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  retired?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  section?: Resolver<ResolversTypes['Section'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['QuestionSource'], ParentType, ContextType>;
  sourceUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
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

export type UserResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  tenantId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type Resolvers<ContextType = GraphQLContext> = {
  Bank?: BankResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Question?: QuestionResolvers<ContextType>;
  QuestionConnection?: QuestionConnectionResolvers<ContextType>;
  QuestionEdge?: QuestionEdgeResolvers<ContextType>;
  QuestionSet?: QuestionSetResolvers<ContextType>;
  QuestionSource?: QuestionSourceResolvers<ContextType>;
  Section?: SectionResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
};

