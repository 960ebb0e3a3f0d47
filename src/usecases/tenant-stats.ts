/**
 * Tenant-wide aggregates: sums over the sharded counters that every attempt adds to. They hold
 * no per-user data, so any key of the tenant may read them.
 */
import { emptySectionCounts, hardestFirst, questionStatistics, successRate } from '../domain/counters';
import { badInput } from '../domain/errors';
import { parseGlobalId } from '../domain/ids';
import { utcDay } from '../domain/learning/streak';
import type { Stores } from '../store';
import { bounded, catalogOf } from './learner';
import type { QuestionStatsModel, SectionStatsModel } from './models';

export interface ActivityDay {
  date: string;
  attempts: number;
  activeUsers: number;
}

export class TenantStats {
  constructor(private readonly stores: Stores) {}

  /** One question's figures: on a warm container the question, its bank and its counter shards in one BatchGetItem. */
  async question(tenantId: string, questionId: string): Promise<QuestionStatsModel> {
    const ref = parseGlobalId(questionId);
    if (!ref) throw badInput(`unknown question id "${questionId}"`);
    const { content, counters } = this.stores;
    const { question, along } = await content.question(
      ref.bankId,
      ref.localId,
      counters.questionRead(tenantId, ref.bankId, ref.localId),
    );
    if (!question) throw badInput(`unknown question id "${questionId}"`);
    return questionStatistics(questionId, along);
  }

  async sections(tenantId: string, bankId: string): Promise<SectionStatsModel[]> {
    const [catalog, counts] = await Promise.all([
      catalogOf(this.stores, bankId),
      this.stores.counters.sectionsOfBank(tenantId, bankId),
    ]);
    return catalog.activeSections.map((section): SectionStatsModel => {
      const sums = counts.get(section.slug) ?? emptySectionCounts();
      return {
        section: { catalog, section },
        attempts: sums.attempts,
        successRate: successRate(sums),
        uniqueUsers: sums.uniqueUsers,
      };
    });
  }

  async hardestQuestions(
    tenantId: string,
    bankId: string,
    limit: number | null | undefined,
    minAttempts: number | null | undefined,
  ): Promise<QuestionStatsModel[]> {
    const size = bounded(limit, 10, 100, 'limit');
    const floor = bounded(minAttempts, 5, 1_000_000, 'minAttempts');
    const [catalog, counts] = await Promise.all([
      catalogOf(this.stores, bankId),
      this.stores.counters.questionsOfBank(tenantId, bankId),
    ]);
    return [...counts]
      .filter(([localId]) => catalog.question(localId))
      .map(([localId, question]) => questionStatistics(`${bankId}/${localId}`, question))
      .filter((stats) => stats.attempts >= floor)
      .sort(hardestFirst)
      .slice(0, size);
  }

  async activity(tenantId: string, bankId: string, days: number | null | undefined): Promise<ActivityDay[]> {
    const span = bounded(days, 30, 90, 'days');
    await catalogOf(this.stores, bankId);
    const today = new Date();
    const dates = Array.from({ length: span }, (_, i) =>
      utcDay(new Date(today.getTime() - (span - 1 - i) * 86_400_000)),
    );
    const counts = await this.stores.counters.activity(tenantId, bankId, dates[0], dates[dates.length - 1]);
    return dates.map((date) => ({
      date,
      attempts: counts.get(date)?.attempts ?? 0,
      activeUsers: counts.get(date)?.activeUsers ?? 0,
    }));
  }
}
