/**
 * Matches the questions of a new import to the ones already stored, in decreasing order of
 * certainty: explicit id; same text in the same section; same text moved to another section;
 * an edited text in the same section (similar enough, best pairs first). What stays unmatched
 * is new and gets a derived id.
 */
import type { ParsedQuestion } from './bank/types';
import type { QuestionRecord } from './content';
import { derivedLocalId, normalizeText, textSimilarity } from './identity';

export interface Incoming {
  question: ParsedQuestion;
  sectionSlug: string;
}

export interface Matching {
  /** The local id each incoming question gets, by index. */
  localIds: string[];
  /** The stored record each incoming question continues, by index (undefined for new ones). */
  priors: (QuestionRecord | undefined)[];
}

/** Below this, an edited question is more likely a different question. */
export const EDIT_SIMILARITY = 0.5;

export function matchQuestions(
  bankId: string,
  incoming: readonly Incoming[],
  stored: readonly QuestionRecord[],
): Matching {
  const priors: (QuestionRecord | undefined)[] = incoming.map(() => undefined);
  const claimed = new Set<string>();
  const claim = (i: number, record: QuestionRecord | undefined): void => {
    if (!record || claimed.has(record.localId)) return;
    priors[i] = record;
    claimed.add(record.localId);
  };
  const byLocalId = new Map(stored.map((record) => [record.localId, record]));
  const norms = incoming.map(({ question }) => normalizeText(question.text));
  const storedNorms = new Map(stored.map((record) => [record.localId, normalizeText(record.text)]));
  const open = (i: number): boolean => priors[i] === undefined && !incoming[i].question.explicitId;
  const unclaimed = (record: QuestionRecord): boolean => !claimed.has(record.localId);

  const inSection = groupBy(stored, (r) => `${r.sectionSlug}\n${storedNorms.get(r.localId)}`);
  const anywhere = groupBy(
    stored.filter((r) => !r.retired),
    (r) => storedNorms.get(r.localId)!,
  );

  incoming.forEach(({ question }, i) => question.explicitId && claim(i, byLocalId.get(question.explicitId)));
  incoming.forEach(({ sectionSlug }, i) => {
    if (open(i)) claim(i, inSection.get(`${sectionSlug}\n${norms[i]}`)?.find(unclaimed));
  });
  incoming.forEach((_incoming, i) => {
    if (open(i)) claim(i, anywhere.get(norms[i])?.find(unclaimed));
  });
  for (const [i, record] of editedPairs(incoming, norms, stored, storedNorms, open, unclaimed)) claim(i, record);

  const used = new Set([
    ...stored.map((r) => r.localId),
    ...incoming.flatMap(({ question }) => question.explicitId ?? []),
  ]);
  const localIds = incoming.map(({ question, sectionSlug }, i) => {
    if (question.explicitId) return question.explicitId;
    if (priors[i]) return priors[i]!.localId;
    let occurrence = 1;
    let id = derivedLocalId(bankId, sectionSlug, norms[i], occurrence);
    while (used.has(id)) id = derivedLocalId(bankId, sectionSlug, norms[i], ++occurrence);
    used.add(id);
    return id;
  });
  return { localIds, priors };
}

function editedPairs(
  incoming: readonly Incoming[],
  norms: readonly string[],
  stored: readonly QuestionRecord[],
  storedNorms: Map<string, string>,
  open: (i: number) => boolean,
  unclaimed: (record: QuestionRecord) => boolean,
): [number, QuestionRecord][] {
  const candidates: { i: number; record: QuestionRecord; score: number }[] = [];
  incoming.forEach(({ sectionSlug }, i) => {
    if (!open(i)) return;
    for (const record of stored) {
      if (record.retired || !unclaimed(record) || record.sectionSlug !== sectionSlug) continue;
      const score = textSimilarity(norms[i], storedNorms.get(record.localId)!);
      if (score >= EDIT_SIMILARITY) candidates.push({ i, record, score });
    }
  });
  candidates.sort((a, b) => b.score - a.score || a.i - b.i);
  const taken = new Set<number>();
  const records = new Set<string>();
  const pairs: [number, QuestionRecord][] = [];
  for (const { i, record } of candidates) {
    if (taken.has(i) || records.has(record.localId)) continue;
    taken.add(i);
    records.add(record.localId);
    pairs.push([i, record]);
  }
  return pairs;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}
