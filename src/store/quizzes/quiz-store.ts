/** A user's quizzes. */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  isQuizExpired,
  QUIZ_LIFETIME_DAYS,
  type QuizRecord,
  type QuizStatus,
  type UserRef,
} from '../../domain/attempts';
import type { ClosedStatus } from '../../domain/quiz-lifecycle';
import type { Item } from '../batch';
import type { Dynamo } from '../client';
import type { RequestReads } from '../request-reads';
import { quizFromItem, quizIndexes, quizKey, quizSortKey, quizToItem } from './keys';

export interface QuizPageQuery {
  status: QuizStatus | null;
  first: number;
  /** A quiz's `<createdAt>#<quizId>` to continue after (exclusive). */
  after: string | null;
}

export interface QuizPage {
  quizzes: QuizRecord[];
  /** Whether quizzes older than the last one remain. */
  hasNextPage: boolean;
}

/** What a close found: the quiz it closed, or the quiz as it stood when the close did not apply (null: none). */
export type CloseResult = { closed: true; quiz: QuizRecord } | { closed: false; quiz: QuizRecord | null };

/** Quizzes created at or before this instant have expired. */
const oldestUnexpired = (now: Date): string => new Date(now.getTime() - QUIZ_LIFETIME_DAYS * 86_400_000).toISOString();

export class QuizStore {
  constructor(
    private readonly dynamo: Dynamo,
    private readonly reads: RequestReads,
  ) {}

  async create(user: UserRef, quiz: QuizRecord): Promise<void> {
    await this.dynamo.doc.send(new PutCommand({ TableName: this.dynamo.tableName, Item: quizToItem(user, quiz) }));
  }

  /** The quiz, through the request's batched reads; null when the user has no such quiz, or it has expired. */
  async get(user: UserRef, quizId: string, now = new Date()): Promise<QuizRecord | null> {
    const [item] = await this.reads.load([quizKey(user, quizId)]);
    const quiz = item ? quizFromItem(item) : null;
    return quiz && !isQuizExpired(quiz, now) ? quiz : null;
  }

  /**
   * A page of the user's unexpired quizzes, newest first: one Query of the index (all quizzes, or
   * those of one status). Expiry is createdAt + QUIZ_LIFETIME_DAYS, so the key condition stops at
   * the oldest unexpired quiz and expired ones cost nothing, even before TTL deletes them.
   */
  async list(user: UserRef, query: QuizPageQuery, now = new Date()): Promise<QuizPage> {
    const oldest = oldestUnexpired(now);
    const index = query.status ? quizIndexes.status(user, query.status) : quizIndexes.all(user);
    const page = await this.dynamo.doc.send(
      new QueryCommand({
        TableName: this.dynamo.tableName,
        IndexName: index.index,
        KeyConditionExpression: `${index.index}PK = :pk AND ${index.index}SK BETWEEN :from AND :to`,
        ExpressionAttributeValues: {
          ':pk': index.pk,
          // created after `oldest` ('~' sorts above every id character), before the cursor (exclusive)
          ':from': `${oldest}#~`,
          ':to': query.after ?? '~',
        },
        ScanIndexForward: false,
        // the cursor's own quiz may come first (BETWEEN is inclusive), and one more tells there is a next page
        Limit: query.first + 1 + (query.after ? 1 : 0),
      }),
    );
    const quizzes = ((page.Items ?? []) as Item[])
      .map(quizFromItem)
      .filter(
        (quiz) => (!query.after || quizSortKey(quiz.createdAt, quiz.id) < query.after) && !isQuizExpired(quiz, now),
      );
    return { quizzes: quizzes.slice(0, query.first), hasNextPage: quizzes.length > query.first };
  }

  /**
   * Closes an unexpired quiz that is in progress, in one conditional UpdateItem (its index entry
   * by status moves along). When the condition fails — no such quiz, expired, or already closed —
   * the quiz is read back strongly consistent, so the caller can tell which.
   */
  async close(user: UserRef, quizId: string, status: ClosedStatus, now = new Date()): Promise<CloseResult> {
    const key = quizKey(user, quizId);
    try {
      const result = await this.dynamo.doc.send(
        new UpdateCommand({
          TableName: this.dynamo.tableName,
          Key: key,
          UpdateExpression: 'SET #status = :status, #at = :at, GSI3PK = :index',
          ConditionExpression:
            'attribute_exists(PK) AND (attribute_not_exists(#status) OR #status = :open) AND ' +
            // quizzes stored before expiresAt existed expire QUIZ_LIFETIME_DAYS after createdAt all the same
            '(expiresAt > :now OR (attribute_not_exists(expiresAt) AND createdAt > :oldest))',
          ExpressionAttributeNames: {
            '#status': 'status',
            '#at': status === 'FINISHED' ? 'finishedAt' : 'abandonedAt',
          },
          ExpressionAttributeValues: {
            ':status': status,
            ':at': now.toISOString(),
            ':index': quizIndexes.status(user, status).pk,
            ':now': now.getTime() / 1000,
            ':oldest': oldestUnexpired(now),
            ':open': 'IN_PROGRESS',
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      this.reads.forget([key]);
      return { closed: true, quiz: quizFromItem(result.Attributes as Item) };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const [item] = await this.reads.readConsistent([key]);
      return { closed: false, quiz: item ? quizFromItem(item) : null };
    }
  }
}
