/**
 * A bank's full-text index, built at import from the active questions of the catalog it is
 * published with, and searched in memory. Ranking is BM25 over two fields: a hit in the
 * question's text counts TEXT_WEIGHT times a hit in its answer (the answer, and a choice
 * question's options and explanation).
 *
 * Serialized form (JSON, gzipped by the store): `f` the format, `ids` the questions' local ids
 * in catalog order, `len` the stem counts of text and answer per question (flattened), `terms`
 * the stems in code-unit order and `post[i]` the postings of `terms[i]` as flattened triples
 * `[question index delta, hits in text, hits in answer]`.
 */
import type { QuestionRecord } from '../content';
import { stemsOf } from './text';

/** Bumped when the serialized form or the stemming changes: banks are then indexed again. */
export const SEARCH_FORMAT = 1;

/** The version of the index published with a catalog version (the bank item names it). */
export const searchVersionOf = (catalogVersion: string): string => `${SEARCH_FORMAT}.${catalogVersion}`;

interface SerializedIndex {
  f: number;
  ids: string[];
  len: number[];
  terms: string[];
  post: number[][];
}

export type Searchable = Pick<QuestionRecord, 'localId' | 'text' | 'answer'> &
  Partial<Pick<QuestionRecord, 'options' | 'explanation'>>;

/** What counts as a question's answer: the answer, and a choice question's options and explanation. */
const answerOf = (question: Searchable): string =>
  [question.answer, ...(question.options ?? []).map((option) => option.text), question.explanation ?? ''].join('\n');

/** Indexes questions (active ones, in catalog order); returns the serialized index. */
export function buildSearchIndex(questions: readonly Searchable[]): string {
  const postings = new Map<string, number[]>();
  const len: number[] = [];
  questions.forEach((question, doc) => {
    const counts = new Map<string, [number, number]>();
    const text = stemsOf(question.text);
    const answer = stemsOf(answerOf(question));
    for (const stem of text) (counts.get(stem) ?? counts.set(stem, [0, 0]).get(stem)!)[0]++;
    for (const stem of answer) (counts.get(stem) ?? counts.set(stem, [0, 0]).get(stem)!)[1]++;
    len.push(text.length, answer.length);
    for (const [stem, [inText, inAnswer]] of counts) {
      let list = postings.get(stem);
      if (!list) postings.set(stem, (list = []));
      list.push(doc, inText, inAnswer);
    }
  });
  const terms = [...postings.keys()].sort(byCodeUnits);
  const post = terms.map((term) => deltaEncode(postings.get(term)!));
  const index: SerializedIndex = { f: SEARCH_FORMAT, ids: questions.map((q) => q.localId), len, terms, post };
  return JSON.stringify(index);
}

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function deltaEncode(triples: number[]): number[] {
  const out = triples.slice();
  for (let i = out.length - 3; i >= 3; i -= 3) out[i] -= out[i - 3];
  return out;
}

/** One question found: its local id, its place in the catalog order and its relevance. */
export interface SearchHit {
  localId: string;
  order: number;
  score: number;
}

/** BM25 parameters: term-frequency saturation and length normalisation. */
const K1 = 1.2;
const B = 0.75;
const TEXT_WEIGHT = 3;
const ANSWER_WEIGHT = 1;
/** A query stem also matches longer stems it begins (a prefix, as typed) at this weight… */
const PREFIX_WEIGHT = 0.6;
/** …and shorter stems that begin it, at most this many letters shorter (stemmers disagree on endings). */
const SHORTER_BY = 2;
const SHORTER_WEIGHT = 0.8;
/** Prefixes shorter than this match only exactly. */
const MIN_PREFIX = 3;

interface Posting {
  docs: Int32Array;
  inText: Int32Array;
  inAnswer: Int32Array;
}

export class SearchIndex {
  private readonly ids: string[];
  private readonly textLen: Float64Array;
  private readonly answerLen: Float64Array;
  private readonly avgText: number;
  private readonly avgAnswer: number;
  private readonly terms: string[];
  private readonly raw: number[][];
  private readonly decoded = new Map<number, Posting>();
  private readonly termIndex: Map<string, number>;

  constructor(serialized: string) {
    const index = JSON.parse(serialized) as SerializedIndex;
    if (index.f !== SEARCH_FORMAT) throw new Error(`search index format ${index.f} is not ${SEARCH_FORMAT}`);
    this.ids = index.ids;
    this.textLen = Float64Array.from(index.len.filter((_, i) => i % 2 === 0));
    this.answerLen = Float64Array.from(index.len.filter((_, i) => i % 2 === 1));
    this.avgText = mean(this.textLen);
    this.avgAnswer = mean(this.answerLen);
    this.terms = index.terms;
    this.raw = index.post;
    this.termIndex = new Map(index.terms.map((term, i) => [term, i]));
  }

  /** Questions indexed. */
  get size(): number {
    return this.ids.length;
  }

  /**
   * The questions holding every one of the stems (in text or answer), best first; equal scores
   * keep catalog order.
   */
  search(stems: readonly string[]): SearchHit[] {
    if (stems.length === 0 || this.ids.length === 0) return [];
    let scores: Float64Array | null = null;
    let matched: Uint8Array | null = null;
    for (const stem of stems) {
      const best = this.scoreStem(stem);
      if (!scores || !matched) {
        scores = best.scores;
        matched = best.matched;
        continue;
      }
      for (let doc = 0; doc < this.ids.length; doc++) {
        if (matched[doc] && best.matched[doc]) scores[doc] += best.scores[doc];
        else matched[doc] = 0;
      }
    }
    const hits: SearchHit[] = [];
    for (let doc = 0; doc < this.ids.length; doc++)
      if (matched![doc]) hits.push({ localId: this.ids[doc], order: doc, score: scores![doc] });
    return hits.sort((a, b) => b.score - a.score || a.order - b.order);
  }

  /** Each question's best score for one query stem over the stems it matches. */
  private scoreStem(stem: string): { scores: Float64Array; matched: Uint8Array } {
    const scores = new Float64Array(this.ids.length);
    const matched = new Uint8Array(this.ids.length);
    for (const [term, weight] of this.variants(stem)) {
      const posting = this.posting(term);
      const n = this.ids.length;
      const df = posting.docs.length;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      for (let i = 0; i < df; i++) {
        const doc = posting.docs[i];
        const score =
          weight *
          idf *
          (TEXT_WEIGHT * saturate(posting.inText[i], this.textLen[doc], this.avgText) +
            ANSWER_WEIGHT * saturate(posting.inAnswer[i], this.answerLen[doc], this.avgAnswer));
        if (score > scores[doc]) scores[doc] = score;
        matched[doc] = 1;
      }
    }
    return { scores, matched };
  }

  /** The indexed stems a query stem matches, with the weight of each. */
  private variants(stem: string): [number, number][] {
    const found = new Map<number, number>();
    const exact = this.termIndex.get(stem);
    if (exact !== undefined) found.set(exact, 1);
    if (stem.length >= MIN_PREFIX) {
      for (let i = lowerBound(this.terms, stem); i < this.terms.length && this.terms[i].startsWith(stem); i++)
        if (!found.has(i)) found.set(i, PREFIX_WEIGHT);
      for (let cut = 1; cut <= SHORTER_BY && stem.length - cut >= MIN_PREFIX + 1; cut++) {
        const shorter = this.termIndex.get(stem.slice(0, -cut));
        if (shorter !== undefined && !found.has(shorter)) found.set(shorter, SHORTER_WEIGHT);
      }
    }
    return [...found];
  }

  private posting(term: number): Posting {
    let posting = this.decoded.get(term);
    if (!posting) {
      const raw = this.raw[term];
      const count = raw.length / 3;
      posting = { docs: new Int32Array(count), inText: new Int32Array(count), inAnswer: new Int32Array(count) };
      let doc = 0;
      for (let i = 0; i < count; i++) {
        doc = i === 0 ? raw[0] : doc + raw[i * 3];
        posting.docs[i] = doc;
        posting.inText[i] = raw[i * 3 + 1];
        posting.inAnswer[i] = raw[i * 3 + 2];
      }
      this.decoded.set(term, posting);
    }
    return posting;
  }
}

function saturate(hits: number, length: number, average: number): number {
  if (hits === 0) return 0;
  return (hits * (K1 + 1)) / (hits + K1 * (1 - B + (B * length) / (average || 1)));
}

function mean(values: Float64Array): number {
  let sum = 0;
  for (const value of values) sum += value;
  return values.length === 0 ? 0 : sum / values.length;
}

function lowerBound(sorted: readonly string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
