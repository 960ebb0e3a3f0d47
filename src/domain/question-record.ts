/** The stored content of one question as an import writes it: a revision, named by a content hash. */
import { createHash } from 'node:crypto';
import type { ParsedQuestion } from './bank/types';
import type { QuestionRecord } from './content';
import { contentHash } from './identity';
import { globalId } from './ids';
import { optionRecords } from './option-ids';

/**
 * A new revision id for content written at `now`: never one an earlier import used, so no import
 * overwrites a revision that a published catalog (or a concurrent import) names.
 */
export function revisionOf(contentHash: string, now: string): string {
  return createHash('sha256').update(`${contentHash}@${now}`).digest('hex').slice(0, 12);
}

export function questionRecord(
  bankId: string,
  localId: string,
  sectionSlug: string,
  q: ParsedQuestion,
  prior: QuestionRecord | undefined,
  now: string,
): QuestionRecord {
  const content = {
    sectionSlug,
    text: q.text,
    answer: q.answer,
    tags: q.tags,
    difficulty: q.difficulty,
    topic: q.topic,
  };
  const graded = {
    kind: q.kind,
    options: optionRecords(q.options, prior?.options ?? []),
    explanation: q.explanation,
    references: q.references,
    stem: q.stem,
  };
  const hash = contentHash(hashedContent(content, q.sourceUrl, graded));
  return {
    id: globalId(bankId, localId),
    bankId,
    localId,
    ...content,
    sourceUrl: q.sourceUrl,
    ...graded,
    contentHash: hash,
    revision: revisionOf(hash, now),
    retired: false,
    retiredAt: null,
    lastPosition: null,
    lastNumber: null,
    lastLine: null,
    createdAt: prior?.createdAt ?? now,
    updatedAt: now,
  };
}

/**
 * Fields added after the first release are hashed only when present, so questions stored
 * before them keep their hash and an unchanged bank still writes nothing.
 */
function hashedContent(
  content: object,
  sourceUrl: string | null,
  graded: Pick<QuestionRecord, 'kind' | 'options' | 'explanation' | 'references' | 'stem'>,
): object {
  const withSource = sourceUrl === null ? content : { ...content, sourceUrl };
  const isPlain =
    graded.kind === 'OPEN' && graded.explanation === null && graded.references.length === 0 && graded.stem === null;
  return isPlain ? withSource : { ...withSource, ...graded };
}
