import { BankFormatError } from '../errors';
import type { WarningSink } from './bank-style';
import type { HtmlComment } from './markdown-tree';

/**
 * Metadata rides in HTML comments so that a bank still renders cleanly anywhere:
 * `<!-- id: gradient-and-loss; tags: basics, optimisation; difficulty: 1 -->`, `<!-- note -->`,
 * `<!-- stem -->`. A comment counts as metadata when it names at least one known key (or is a
 * bare `note` or `stem`);
 * any other comment is the author's own and stays in the Markdown.
 */
export interface MetadataComment {
  comment: HtmlComment;
  entries: MetadataEntry[];
}

export interface MetadataEntry {
  key: string;
  /** null for a bare word such as `note`. */
  value: string | null;
  line: number;
}

export interface ItemMetadata {
  id: string | null;
  /** Line of the comment that gave the id. */
  idLine: number;
  tags: string[];
  difficulty: number | null;
  note: boolean;
}

export const QUESTION_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const VALUED_KEYS = new Set(['id', 'tags', 'difficulty']);

/** The comments among `comments` that carry metadata, read but not yet checked. */
export function metadataComments(comments: readonly HtmlComment[]): MetadataComment[] {
  return comments
    .map((comment) => ({ comment, entries: entriesOf(comment) }))
    .filter(({ entries }) =>
      entries.some(
        (entry) => isNoteMarker(entry) || isStemEntry(entry) || (entry.value !== null && VALUED_KEYS.has(entry.key)),
      ),
    );
}

/** `<!-- stem -->`: the list item is a prompt shared by the questions of its nested list (list-style.ts). */
export function isStemMarker(comment: HtmlComment): boolean {
  return entriesOf(comment).some(isStemEntry);
}

export function marksNote(found: readonly MetadataComment[]): boolean {
  return found.some(({ entries }) => entries.some(isNoteMarker));
}

/** Checks and merges the metadata of one item; unknown keys are warned about, bad values throw. */
export function itemMetadata(found: readonly MetadataComment[], fileName: string, warn: WarningSink): ItemMetadata {
  const metadata: ItemMetadata = { id: null, idLine: 0, tags: [], difficulty: null, note: false };
  for (const entry of found.flatMap(({ entries }) => entries)) {
    if (isNoteMarker(entry)) metadata.note = true;
    else if (isStemEntry(entry))
      warn(entry.line, 'a stem marker is ignored here: it needs a nested list of sub-questions after it');
    else if (entry.key === 'id' || entry.key === 'difficulty') readSingleValue(metadata, entry, fileName);
    else if (entry.key === 'tags') metadata.tags = [...new Set([...metadata.tags, ...tagsOf(entry.value ?? '')])];
    else warn(entry.line, `unknown metadata "${entry.key}" is ignored`);
  }
  return metadata;
}

function readSingleValue(metadata: ItemMetadata, entry: MetadataEntry, fileName: string): void {
  const value = entry.value ?? '';
  const fail = (message: string): never => {
    throw new BankFormatError(message, entry.line, fileName);
  };
  if (entry.key === 'id') {
    if (!QUESTION_ID_PATTERN.test(value)) {
      fail(`id "${value}" must be 1 to 64 letters, digits, "_" or "-", starting with a letter or digit`);
    }
    if (metadata.id !== null && metadata.id !== value) fail(`the item has two ids: "${metadata.id}" and "${value}"`);
    metadata.id = value;
    metadata.idLine = entry.line;
    return;
  }
  if (!/^[1-3]$/.test(value)) fail(`difficulty must be 1, 2 or 3, not "${value}"`);
  if (metadata.difficulty !== null && metadata.difficulty !== Number(value)) {
    fail(`the item has two difficulties: ${metadata.difficulty} and ${value}`);
  }
  metadata.difficulty = Number(value);
}

function tagsOf(value: string): string[] {
  return value
    .split(',')
    .map((tag) => tag.trim().toLowerCase())
    .filter((tag) => tag !== '');
}

function isNoteMarker(entry: MetadataEntry): boolean {
  return entry.key === 'note' && entry.value === null;
}

function isStemEntry(entry: MetadataEntry): boolean {
  return entry.key === 'stem' && entry.value === null;
}

function entriesOf(comment: HtmlComment): MetadataEntry[] {
  const body = comment.raw.slice('<!--'.length, -'-->'.length);
  return body
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const colon = part.indexOf(':');
      if (colon < 0) return { key: part.toLowerCase(), value: null, line: comment.line };
      return {
        key: part.slice(0, colon).trim().toLowerCase(),
        value: part.slice(colon + 1).trim(),
        line: comment.line,
      };
    });
}
