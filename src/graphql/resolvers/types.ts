/** Field resolvers of the content types: mapping from records and catalogs, no logic. */
import { globalId } from '../../domain/ids';
import { questionSource } from '../../domain/provenance';
import { shuffledOptions } from '../../domain/option-order';
import type { GraphQLContext } from '../context';
import type { BankResolvers, OptionResolvers, QuestionResolvers, SectionResolvers } from '../generated/types';
import type { QuestionModel } from '../../usecases/models';

export const Bank: BankResolvers = {
  slug: (bank) => bank.id,
  sections: (bank, _args, { use }) => use.content.sections(bank.id),
  tags: (bank, _args, { use }) => use.content.bankFacet(bank.id, 'tags'),
  topics: (bank, _args, { use }) => use.content.bankFacet(bank.id, 'topics'),
  difficulties: (bank, _args, { use }) => use.content.bankFacet(bank.id, 'difficulties'),
};

export const Section: SectionResolvers = {
  id: ({ catalog, section }) => globalId(catalog.bankId, section.slug),
  slug: ({ section }) => section.slug,
  bank: ({ catalog }, _args, { use }) => use.content.existingBank(catalog.bankId),
  title: ({ section }) => section.title,
  description: ({ section }) => section.description,
  notes: ({ section }) => section.notes,
  position: ({ section }) => section.position,
  retired: ({ section }) => section.retired,
  questionCount: ({ catalog, section }) => catalog.questionCount(section.slug),
  questions: (section, { first, after }, { use }) => use.content.sectionQuestions(section, first, after),
};

export const Question: QuestionResolvers = {
  id: ({ record }) => record.id,
  bank: ({ record }, _args, { use }) => use.content.existingBank(record.bankId),
  section: ({ record, catalog }) => {
    const section = catalog.section(record.sectionSlug);
    if (!section) throw new Error(`section ${record.sectionSlug} of ${record.id} is missing from the catalog`);
    return { catalog, section };
  },
  position: ({ record, entry }) => entry?.position ?? record.lastPosition ?? 0,
  number: ({ record, entry }) => (entry ? entry.number : record.lastNumber),
  text: ({ record }) => record.text,
  answer: ({ record }) => record.answer,
  tags: ({ record }) => record.tags,
  difficulty: ({ record }) => record.difficulty,
  topic: ({ record }) => record.topic,
  retired: ({ record, entry }) => record.retired || !entry,
  // The bank item is already loaded for the catalog, so this costs no DynamoDB call.
  source: async ({ record, entry }, _args, { use }) =>
    questionSource(await use.content.existingBank(record.bankId), entry?.line ?? record.lastLine ?? 0),
  sourceUrl: ({ record }) => record.sourceUrl,
  kind: ({ record }) => record.kind,
  options: (question, { shuffleOptions }) => {
    const { record, optionSeed } = question;
    const options =
      shuffleOptions === false ? record.options : shuffledOptions(record.options, record.id, optionSeed ?? '');
    return options.map((option) => ({ option, question }));
  },
  explanation: async (question, _args, context) =>
    (await mayReveal(question, context)) ? question.record.explanation : null,
  references: ({ record }) => record.references,
  stem: ({ record }) => record.stem,
};

export const Option: OptionResolvers = {
  id: ({ option }) => option.id,
  text: ({ option }) => option.text,
  correct: async ({ option, question }, _args, context) =>
    (await mayReveal(question, context)) ? option.correct : null,
};

function mayReveal({ record }: QuestionModel, { caller, use }: GraphQLContext): Promise<boolean> {
  const user = caller.tenantId && caller.userId ? { tenantId: caller.tenantId, userId: caller.userId } : null;
  return use.learner.mayRevealAnswer({ secret: caller.kind === 'secret', user }, record);
}
