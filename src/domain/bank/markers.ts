/**
 * Conventions public banks write around a question's text, in every style: a difficulty
 * marker (an emoji from a legend, `[E]`/`[M]`/`[H]`, a bracketed "easy"/"medium"/"hard") and a
 * trailing source link `[[src](url)]`. They are metadata, not words of the question: taken out
 * of the text, they become `difficulty` and `sourceUrl`. Words and links count only at the
 * start or end of the text, so an "(easy)" in the middle of a sentence stays what it is. The
 * legend emoji count wherever they are: banks use them for nothing else, and a typo glued to
 * one ("metric? ⭐️I" in the bold-lines sample) must not hide it.
 */
export interface QuestionMarkers {
  /** The text without its markers, trimmed. */
  text: string;
  /** 1 easy, 2 medium, 3 hard: the highest marker found, or null. */
  difficulty: number | null;
  sourceUrl: string | null;
}

interface MarkerPattern {
  pattern: RegExp;
  read(match: RegExpExecArray): { difficulty?: number; sourceUrl?: string } | null;
}

// 👶 easy, ⭐ medium, 🚀 hard (legends say "expert"); copied from rendered pages, they come with
// or without a zero-width joiner (U+200D) and the emoji variation selector (U+FE0F) around them.
const EMOJI_LEVELS: Readonly<Record<string, number>> = { '\u{1F476}': 1, '\u2B50': 2, '\u{1F680}': 3 };
const LEGEND_EMOJI = /[ \t]*(?:\u200D|\uFE0F)*(\u{1F476}|\u2B50|\u{1F680})(?:\u200D|\uFE0F)*[ \t]*/u;

const WORD_LEVELS: Readonly<Record<string, number>> = { e: 1, easy: 1, m: 2, medium: 2, h: 3, hard: 3, expert: 3 };
// Letters only in square brackets ("[E]"); words in square brackets or parentheses, optionally
// emphasised ("*(hard)*"). A bare trailing "(H)" is too often part of the text to be a marker.
const BRACKETED = '[*_]{0,2}(?:\\[(easy|medium|hard|expert|[emh])\\]|\\((easy|medium|hard|expert)\\))[*_]{0,2}';

// A Markdown link whose URL may hold balanced parentheses (Wikipedia) and an optional title.
const LINK = '\\[([^\\[\\]]*)\\]\\(\\s*<?((?:[^()\\s<>]|\\([^()\\s]*\\))+)>?(?:\\s+"[^"]*")?\\s*\\)';
const SOURCE_LABEL = /^(src|source|источник)$/i;

const level = (words: Readonly<Record<string, number>>, key: string | undefined) => ({
  difficulty: words[(key ?? '').toLowerCase()],
});

const MARKERS: MarkerPattern[] = [
  { pattern: new RegExp(`\\s*${BRACKETED}$`, 'i'), read: (m) => level(WORD_LEVELS, m[1] ?? m[2]) },
  { pattern: new RegExp(`^${BRACKETED}\\s*(?:[:\\-–—]\\s+)?`, 'i'), read: (m) => level(WORD_LEVELS, m[1] ?? m[2]) },
  { pattern: /^(easy|medium|hard)\s*:\s+/i, read: (m) => level(WORD_LEVELS, m[1]) },
  // `[[src](url)]`: double brackets mark a citation whatever the label says.
  { pattern: new RegExp(`\\s*\\[${LINK}\\]$`), read: (m) => ({ sourceUrl: m[2]! }) },
  // A plain trailing link counts only when it says it is the source: others are part of the text.
  {
    pattern: new RegExp(`\\s*\\(?${LINK}\\)?$`),
    read: (m) => (SOURCE_LABEL.test(m[1]!.trim()) ? { sourceUrl: m[2]! } : null),
  },
];

export function readQuestionMarkers(markdown: string): QuestionMarkers {
  const found: QuestionMarkers = { ...withoutLegendEmoji(markdown), sourceUrl: null };
  for (let changed = true; changed;) {
    changed = false;
    for (const { pattern, read } of MARKERS) {
      const match = pattern.exec(found.text);
      const marker = match && read(match);
      if (!match || !marker) continue;
      found.text = (found.text.slice(0, match.index) + found.text.slice(match.index + match[0].length)).trim();
      if (marker.difficulty !== undefined) found.difficulty = Math.max(found.difficulty ?? 0, marker.difficulty);
      if (marker.sourceUrl !== undefined) found.sourceUrl ??= marker.sourceUrl;
      changed = true;
    }
  }
  return found;
}

/**
 * Takes the legend emoji out of the text, one at a time. What stood around one is joined by a
 * space when more text follows ("metric? ⭐️I" → "metric? I", "a 🚀 (b)" → "a (b)"), and by
 * nothing at either end or before closing emphasis ("X? 👶**" → "X?**").
 */
function withoutLegendEmoji(markdown: string): { text: string; difficulty: number | null } {
  let difficulty: number | null = null;
  let text = markdown;
  for (let match = LEGEND_EMOJI.exec(text); match; match = LEGEND_EMOJI.exec(text)) {
    difficulty = Math.max(difficulty ?? 0, EMOJI_LEVELS[match[1]!]!);
    const rest = text.slice(match.index + match[0].length);
    const joiner = match.index > 0 && /^[^\s*_]/.test(rest) ? ' ' : '';
    text = text.slice(0, match.index) + joiner + rest;
  }
  return { text: text.trim(), difficulty };
}

/** The higher of two difficulties, either of which may be unknown. */
export function higherDifficulty(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.max(a, b);
}

const NUMBER_LABEL = /^(?:Q\s?)?(\d{1,9})[.):][ \t]+(?=\S)/;

/** "1) What is…" → number "1", text "What is…": printed numbers are labels, not words of the question. */
export function splitNumberLabel(text: string): { number: string | null; text: string } {
  const match = NUMBER_LABEL.exec(text);
  return match ? { number: match[1]!, text: text.slice(match[0].length) } : { number: null, text };
}

/** Ends with a question mark once markers and closing emphasis are set aside. */
export function endsWithQuestionMark(markdown: string): boolean {
  return /[?？][*_`]*$/.test(readQuestionMarkers(markdown).text);
}

/** Reads as a question: ends with "?" or starts with a printed number ("3.", "1)"). */
export function looksLikeQuestion(markdown: string): boolean {
  return endsWithQuestionMark(markdown) || NUMBER_LABEL.test(readQuestionMarkers(markdown).text);
}
