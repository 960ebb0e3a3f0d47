/**
 * Writes a stored bank back as Markdown in the canonical list style, whatever style it was
 * imported from: front matter, the description, a `##` heading per section, and one list
 * item per question carrying its id, tags and difficulty in a metadata comment. Importing the
 * result gives the same ids, texts, answers, tags and difficulties (tests/unit/export-bank).
 *
 * Sub-questions go back under their stem: one bulleted stem item, marked `<!-- stem -->`, per
 * run of consecutive questions sharing a stem.
 *
 * Known limits, all rare: a topic cannot go back to "none" once a section had one (the list
 * style has no heading for that), notes come after the section's questions, a section
 * description that holds a list would read back as questions, and a stem item loses its
 * printed number (it is written as a bullet).
 */
import { stringify } from 'yaml';
import { Catalog, type CatalogData, type CatalogQuestion, type CatalogSection } from '../catalog';
import type { BankRecord, QuestionRecord } from '../content';

export interface StoredBank {
  bank: BankRecord;
  catalog: CatalogData;
  /** The bank's question items; retired ones are skipped. */
  questions: readonly QuestionRecord[];
}

export function exportBank({ bank, catalog: data, questions }: StoredBank): string {
  const catalog = new Catalog(bank.id, bank.catalogVersion, data);
  const records = new Map(questions.map((record) => [record.localId, record]));
  const recordOf = (entry: CatalogQuestion): QuestionRecord => {
    const record = records.get(entry.localId);
    if (!record) throw new Error(`question ${entry.id} is in the catalog but has no item`);
    return record;
  };
  const parts = [frontMatter(bank), `# ${escapeInline(bank.title)}`, bank.description];
  for (const section of catalog.activeSections) {
    const entries = catalog.questions.filter((entry) => entry.sectionSlug === section.slug);
    parts.push(
      sectionMarkdown(
        section,
        entries.map((entry) => ({ entry, record: recordOf(entry) })),
      ),
    );
  }
  return `${parts.filter((part) => part !== '').join('\n\n')}\n`;
}

function frontMatter(bank: BankRecord): string {
  const fields = { id: bank.id, title: bank.title, locale: bank.locale ?? undefined, level: bank.level ?? undefined };
  return `---\n${stringify(fields).trimEnd()}\n---`;
}

function sectionMarkdown(
  section: CatalogSection,
  questions: { entry: CatalogQuestion; record: QuestionRecord }[],
): string {
  const parts = [`## ${escapeInline(section.title)}`, section.description];
  let topic: string | null = null;
  for (let i = 0; i < questions.length; i++) {
    const { entry, record } = questions[i]!;
    if (record.topic !== null && record.topic !== topic) parts.push(`### ${escapeInline(record.topic)}`);
    topic = record.topic ?? topic;
    if (record.stem === null) {
      parts.push(questionItem(entry, record));
      continue;
    }
    // Consecutive sub-questions of one stem go back under one stem item.
    let end = i + 1;
    while (end < questions.length && questions[end]!.record.stem === record.stem) end++;
    parts.push(stemItem(record.stem, questions.slice(i, end)));
    i = end - 1;
  }
  parts.push(...section.notes.map(noteItem));
  return parts.filter((part) => part !== '').join('\n\n');
}

/**
 * `12. Text` (or `- Text` without a printed number), the metadata comment on the line after
 * the text — a comment line ends a paragraph, so it can never be swallowed by the text the way
 * a comment at the end of a line can (inside an unclosed code span) — then the answer.
 */
export function questionItem(entry: Pick<CatalogQuestion, 'number'>, record: QuestionRecord): string {
  const marker = entry.number !== null && /^\d{1,9}$/.test(entry.number) ? `${entry.number}.` : '-';
  const pad = ' '.repeat(marker.length + 1);
  const text = record.sourceUrl ? `${record.text} [[src](${record.sourceUrl})]` : record.text;
  const metadata = [`id: ${record.localId}`];
  if (record.tags.length > 0) metadata.push(`tags: ${record.tags.join(', ')}`);
  if (record.difficulty !== null) metadata.push(`difficulty: ${record.difficulty}`);
  const lines = [`${marker} ${indented(text, pad)}`, `${pad}<!-- ${metadata.join('; ')} -->`];
  for (const part of gradedParts(record)) lines.push('', pad + indented(part, pad));
  return lines.join('\n');
}

/**
 * What follows the text, in the order the importer reads it back: the options (each with its
 * id, so ids survive an import into another table), the answer, the explanation, the references.
 */
function gradedParts(record: QuestionRecord): string[] {
  const options = record.options
    .map((option) => `- [${option.correct ? 'x' : ' '}] ${option.text} <!-- option: ${option.id} -->`)
    .join('\n');
  return [
    options,
    record.answer,
    record.explanation === null ? '' : `**Explanation**: ${record.explanation}`,
    ...record.references.map((url) => `[Reference](${url})`),
  ].filter((part) => part !== '');
}

/**
 * A stem item: the stem, a `<!-- stem -->` marker on the line after it (so the importer takes
 * the item for a stem whatever its text says), then its sub-questions as a nested list.
 */
function stemItem(stem: string, questions: { entry: CatalogQuestion; record: QuestionRecord }[]): string {
  const nested = questions.map(({ entry, record }) => '  ' + indented(questionItem(entry, record), '  '));
  return [`- ${indented(stem, '  ')}\n  <!-- stem -->`, ...nested].join('\n\n');
}

/** A note item: the marker comment first, since a note need not start with a paragraph. */
export function noteItem(note: string): string {
  return `- <!-- note -->\n  ${indented(note, '  ')}`;
}

/** Continuation lines indented into the list item; blank lines stay empty. */
function indented(markdown: string, pad: string): string {
  return markdown
    .split('\n')
    .map((line, i) => (i === 0 || line.trim() === '' ? line : pad + line))
    .join('\n');
}

/**
 * Titles are stored as the text a reader sees, markup dropped; escaping what could start
 * markup (emphasis, code, links, HTML, an entity, a closing `#` run) keeps that text when the
 * heading is read again, and leaves ordinary punctuation alone.
 */
function escapeInline(text: string): string {
  return text
    .replace(/[\\`*_[\]<~]/g, '\\$&')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
    .replace(/(\s)(#+)$/, (_all, space: string, hashes: string) => `${space}${hashes.replace(/#/g, '\\#')}`);
}
