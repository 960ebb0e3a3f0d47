/** A user's quizzes. */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { isQuizExpired, type QuizRecord, type UserRef } from '../../domain/attempts';
import type { Dynamo } from '../client';
import type { RequestReads } from '../request-reads';
import { quizKey, quizFromItem, quizToItem } from './keys';

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
}
