/**
 * Tenant-wide counters: keys, parsers and item mappers. Each counter is spread over
 * COUNTER_SHARDS partitions by user (attempt-effects.ts), so no question is a hot item; readers
 * add the shards up.
 *
 *   question / section  PK T#<t>#STAT#<bank>#<shard>  SK Q#<localId> | S#<section>
 *   activity            PK T#<t>#ACT#<bank>#<shard>   SK <YYYY-MM-DD>
 *
 * A question counter keeps its answer-time histogram as top-level attributes b0, b1, … (ADD
 * cannot create entries inside a map), and so its option picks: pick_<optionId> (attempts that
 * picked the option) and strongPick_<optionId> (those by strong learners).
 */
import {
  ACTIVITY_COUNT_FIELDS,
  QUESTION_COUNT_FIELDS,
  SECTION_COUNT_FIELDS,
  type ActivityCounts,
  type QuestionCounts,
  type SectionCounts,
} from '../../domain/counters';
import type { TimeHistogram } from '../../domain/learning/time-histogram';
import type { Item, Key } from '../batch';

const QUESTION_PREFIX = 'Q#';
const SECTION_PREFIX = 'S#';
const BUCKET = /^b\d+$/;
const PICK = 'pick_';
const STRONG_PICK = 'strongPick_';

/** A question counter's option picks as the top-level attributes an ADD creates. */
export function pickAttributes(counts: Pick<QuestionCounts, 'picks' | 'strongPicks'>): Record<string, number> {
  return {
    ...Object.fromEntries(Object.entries(counts.picks).map(([id, n]) => [PICK + id, n])),
    ...Object.fromEntries(Object.entries(counts.strongPicks).map(([id, n]) => [STRONG_PICK + id, n])),
  };
}

export const counterPartition = (tenantId: string, bankId: string, shard: number): string =>
  `T#${tenantId}#STAT#${bankId}#${shard}`;
export const activityPartition = (tenantId: string, bankId: string, shard: number): string =>
  `T#${tenantId}#ACT#${bankId}#${shard}`;
export const questionCounterKey = (tenantId: string, bankId: string, shard: number, localId: string): Key => ({
  PK: counterPartition(tenantId, bankId, shard),
  SK: `${QUESTION_PREFIX}${localId}`,
});
export const sectionCounterKey = (tenantId: string, bankId: string, shard: number, section: string): Key => ({
  PK: counterPartition(tenantId, bankId, shard),
  SK: `${SECTION_PREFIX}${section}`,
});
export const activityKey = (tenantId: string, bankId: string, shard: number, day: string): Key => ({
  PK: activityPartition(tenantId, bankId, shard),
  SK: day,
});
export const COUNTER_PREFIX = { question: QUESTION_PREFIX, section: SECTION_PREFIX } as const;

const num = (item: Item, name: string): number => Number(item[name] ?? 0);

export function questionCountsFromItem(item: Item): QuestionCounts {
  const histogram: TimeHistogram = {};
  const picks: Record<string, number> = {};
  const strongPicks: Record<string, number> = {};
  for (const [name, value] of Object.entries(item)) {
    if (BUCKET.test(name)) histogram[name] = Number(value);
    else if (name.startsWith(PICK)) picks[name.slice(PICK.length)] = Number(value);
    else if (name.startsWith(STRONG_PICK)) strongPicks[name.slice(STRONG_PICK.length)] = Number(value);
  }
  const counts = Object.fromEntries(QUESTION_COUNT_FIELDS.map((field) => [field, num(item, field)])) as Omit<
    QuestionCounts,
    'histogram' | 'picks' | 'strongPicks'
  >;
  return { ...counts, histogram, picks, strongPicks };
}

export const sectionCountsFromItem = (item: Item): SectionCounts =>
  Object.fromEntries(SECTION_COUNT_FIELDS.map((field) => [field, num(item, field)])) as unknown as SectionCounts;
export const activityCountsFromItem = (item: Item): ActivityCounts =>
  Object.fromEntries(ACTIVITY_COUNT_FIELDS.map((field) => [field, num(item, field)])) as unknown as ActivityCounts;

/** A whole counter item (the rebuild writes totals into one shard). */
export function questionCountsToItem(key: Key, { histogram, picks, strongPicks, ...counts }: QuestionCounts): Item {
  return { ...key, ...counts, ...histogram, ...pickAttributes({ picks, strongPicks }) };
}

export const countsToItem = (key: Key, counts: SectionCounts | ActivityCounts): Item => ({ ...key, ...counts });

/** A counter item as the maintenance scan meets it; null for an item of no counter partition. */
export type CounterItem =
  | { kind: 'question'; tenantId: string; bankId: string; localId: string; counts: QuestionCounts }
  | { kind: 'section'; tenantId: string; bankId: string; section: string; counts: SectionCounts }
  | { kind: 'activity'; tenantId: string; bankId: string; day: string; counts: ActivityCounts };

/** `T#<tenant>#STAT#<bank>#<shard>` or `T#<tenant>#ACT#<bank>#<shard>`; tenant and bank ids hold no '#'. */
export function parseCounterItem(item: Item): CounterItem | null {
  const parts = item.PK.split('#');
  if (parts.length !== 5 || parts[0] !== 'T') return null;
  const [, tenantId, kind, bankId] = parts;
  if (kind === 'ACT') return { kind: 'activity', tenantId, bankId, day: item.SK, counts: activityCountsFromItem(item) };
  if (kind !== 'STAT') return null;
  if (item.SK.startsWith(QUESTION_PREFIX))
    return {
      kind: 'question',
      tenantId,
      bankId,
      localId: item.SK.slice(QUESTION_PREFIX.length),
      counts: questionCountsFromItem(item),
    };
  if (item.SK.startsWith(SECTION_PREFIX))
    return {
      kind: 'section',
      tenantId,
      bankId,
      section: item.SK.slice(SECTION_PREFIX.length),
      counts: sectionCountsFromItem(item),
    };
  return null;
}
