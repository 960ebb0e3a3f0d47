/**
 * What a frontend asks of the content: banks and their sections, a question by id, pages of
 * questions and random sets. Any key (or none, locally) may ask; only `excludeSeen` needs a user.
 */
import { randomBytes } from 'node:crypto';
import type { QuestionStateRecord, UserRef } from '../domain/attempts';

import type { FacetCount } from '../domain/catalog';
import type { BankRecord } from '../domain/content';
import { globalId, isBankId, parseGlobalId } from '../domain/ids';
import { checkPageSize } from '../domain/pagination';
import { selectPool, type PoolFilter } from '../domain/pool-filter';
import { QuestionPool } from '../domain/question-pool';
import { weakestFirst } from '../domain/quiz-picking';
import { pickRandomSet, type Strategy } from '../domain/random-set';
import type { BanksRead, Stores } from '../store';
import { connectionOf, pageOf, questionModels, readPicked, scopedBankIds, type Scope } from './content-access';
import type { QuestionConnectionModel, QuestionModel, QuestionSetModel, SectionModel } from './models';

export interface RandomQuestionsInput extends Scope {
  count?: number | null;
  seed?: string | null;
  strategy?: Strategy | null;
  excludeQuestionIds?: readonly string[] | null;
  excludeSeen?: boolean | null;
}

export class ContentQueries {
  constructor(private readonly stores: Stores) {}

  /** All banks, or those of one locale (compared exactly, as stored: "ru", "en"). */
  async banks(locale?: string | null): Promise<BankRecord[]> {
    const banks = await this.stores.content.banks();
    return locale == null ? banks : banks.filter((bank) => bank.locale === locale);
  }

  /** How many live questions of the bank have each tag, topic or difficulty, from its catalog. */
  async bankFacet(bankId: string, facet: 'tags' | 'topics' | 'difficulties'): Promise<FacetCount[]> {
    const catalog = await this.stores.content.catalog(bankId);
    if (!catalog) return [];
    if (facet === 'tags') return catalog.tagCounts();
    return facet === 'topics' ? catalog.topicCounts() : catalog.difficultyCounts();
  }

  /** The bank items this request has read so far (what its content answers were built from). */
  banksRead(): BanksRead {
    return this.stores.content.banksRead;
  }

  bank(id: string): Promise<BankRecord | null> {
    return isBankId(id) ? this.stores.content.bank(id) : Promise.resolve(null);
  }

  /** A bank that other data refers to (a section's, a question's). */
  existingBank(id: string): Promise<BankRecord> {
    return this.stores.content.existingBank(id);
  }

  /** The bank's sections with live questions, in order (an empty one stays readable by id). */
  async sections(bankId: string): Promise<SectionModel[]> {
    const catalog = await this.stores.content.catalog(bankId);
    return catalog ? catalog.listedSections.map((section) => ({ catalog, section })) : [];
  }

  async section(id: string): Promise<SectionModel | null> {
    const ref = parseGlobalId(id);
    const catalog = ref && (await this.stores.content.catalog(ref.bankId));
    const section = catalog?.section(ref!.localId);
    return catalog && section ? { catalog, section } : null;
  }

  /** Any question, retired ones included; on a warm container the question and its bank cost one BatchGetItem. */
  async question(id: string): Promise<QuestionModel | null> {
    const ref = parseGlobalId(id);
    if (!ref) return null;
    const { question } = await this.stores.content.question(ref.bankId, ref.localId);
    return question && { ...question, entry: question.catalog.question(ref.localId) };
  }

  /** A question other data refers to (an attempt's, a state's). */
  async existingQuestion(id: string): Promise<QuestionModel> {
    const question = await this.question(id);
    if (!question) throw new Error(`question ${id} is referred to but missing`);
    return question;
  }

  async questions(
    filter: Scope & PoolFilter,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<QuestionConnectionModel> {
    const size = checkPageSize(first);
    const { value, questions } = await readPicked(this.stores.content, filter, (catalogs) =>
      pageOf(selectPool(catalogs, filter), size, after),
    );
    return connectionOf(value, questions);
  }

  /** A section's questions (none once it is retired), with the catalog the section came from. */
  async sectionQuestions(
    { catalog, section }: SectionModel,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<QuestionConnectionModel> {
    const sectionIds = [globalId(catalog.bankId, section.slug)];
    const pool = section.retired ? new QuestionPool([]) : selectPool([catalog], { sectionIds });
    const page = pageOf(pool, checkPageSize(first), after);
    return connectionOf(page.value, await questionModels(this.stores.content, [catalog], page.entries));
  }

  async randomQuestions(input: RandomQuestionsInput, user: UserRef | null): Promise<QuestionSetModel> {
    const strategy = input.strategy ?? 'UNIFORM';
    const seed = input.seed ?? randomBytes(9).toString('base64url');
    const request = { count: input.count ?? 10, seed, strategy, excludeQuestionIds: input.excludeQuestionIds ?? [] };
    if (!input.excludeSeen || !user) {
      const { value, questions } = await readPicked(this.stores.content, input, (catalogs) => {
        const { picks, poolSize } = pickRandomSet(selectPool(catalogs, input), request);
        return { entries: picks, value: poolSize };
      });
      return { questions: seeded(questions, seed), poolSize: value, seed, strategy, exhausted: false };
    }
    // Seen questions leave the pool; when it runs out, the weakest seen ones come back first. Which
    // questions were seen comes from the user's seen items (SEEN#, one Query per bank, O(sections));
    // the states themselves are read only when the refill needs their mastery.
    const seen = await this.seenQuestions(user, input);
    const pick = (states: ReadonlyMap<string, QuestionStateRecord> | null) =>
      readPicked(this.stores.content, input, (catalogs) => {
        const { entries } = selectPool(catalogs, input);
        // Differs per user, so it is not shared: scanning it once costs less than indexing it.
        const unseen = new QuestionPool(entries.filter((entry) => !seen.ids.has(entry.question.id)));
        const { picks, poolSize } = pickRandomSet(unseen, request);
        const excluded = new Set(request.excludeQuestionIds);
        const missing = request.count - picks.length;
        const refill =
          missing > 0 && states
            ? weakestFirst(
                entries.filter((e) => states.has(e.question.id) && !excluded.has(e.question.id)),
                states,
              ).slice(0, missing)
            : [];
        const needsStates = missing > 0 && states === null && entries.some((e) => seen.ids.has(e.question.id));
        return {
          entries: needsStates ? [] : [...picks, ...refill],
          value: { poolSize, exhausted: missing > 0, needsStates },
        };
      });
    let picked = await pick(seen.states);
    if (picked.value.needsStates) picked = await pick(await this.seenStates(user, input));
    const { value, questions } = picked;
    return { questions: seeded(questions, seed), poolSize: value.poolSize, seed, strategy, exhausted: value.exhausted };
  }

  /**
   * The question ids the user has answered in the banks in scope, from the SEEN# items: one Query
   * per bank. A bank without the seen marker (legacy) adds the v2 section items' sets (one more
   * Query); one whose items predate the aggregates is read from its states
   * (then returned too, so the refill needs no second read).
   */
  private async seenQuestions(
    user: UserRef,
    scope: Scope,
  ): Promise<{ ids: Set<string>; states: Map<string, QuestionStateRecord> | null }> {
    const bankIds = scopedBankIds(scope) ?? (await this.stores.content.banks()).map((bank) => bank.id);
    const perBank = await Promise.all(
      bankIds.map(async (bankId) => {
        const { complete, seen } = await this.stores.sections.seenLocalIds(user, bankId);
        // legacy (no marker): the v2 section items' sets, with what attempts since added to the seen items
        const legacy = complete ? [] : await this.stores.sections.sectionAggregates(user, bankId);
        if (legacy)
          return { ids: [...seen, ...[...legacy.values()].flatMap((a) => a.seen)].map((id) => globalId(bankId, id)) };
        return { states: await this.stores.learner.states(user, bankId) };
      }),
    );
    const states = perBank.flatMap((bank) => bank.states ?? []);
    const ids = new Set([...perBank.flatMap((bank) => bank.ids ?? []), ...states.map((state) => state.questionId)]);
    const complete = perBank.every((bank) => bank.states);
    return { ids, states: complete ? new Map(states.map((state) => [state.questionId, state])) : null };
  }

  /** The user's states in the banks in scope, by question id: one Query per bank. */
  private async seenStates(user: UserRef, scope: Scope): Promise<Map<string, QuestionStateRecord>> {
    const bankIds = scopedBankIds(scope) ?? (await this.stores.content.banks()).map((bank) => bank.id);
    const perBank = await Promise.all(bankIds.map((bankId) => this.stores.learner.states(user, bankId)));
    return new Map(perBank.flat().map((state) => [state.questionId, state]));
  }
}

/** Options of a set's questions are shuffled by the set's seed (see option-order.ts). */
export function seeded(questions: QuestionModel[], optionSeed: string): QuestionModel[] {
  return questions.map((question) => ({ ...question, optionSeed }));
}
