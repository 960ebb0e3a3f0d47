/**
 * Daily answer streaks. Days are UTC calendar days ("YYYY-MM-DD"), the same for every learner
 * whatever their time zone, so a streak can be kept with plain string comparisons in storage.
 */

export interface StreakState {
  /** The last UTC day with an answer; null before the first one. */
  lastDay: string | null;
  streak: number;
}

const DAY_MS = 86_400_000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The UTC calendar day of an instant, "YYYY-MM-DD". */
export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function dayNumber(day: string): number {
  const ms = Date.parse(`${day}T00:00:00Z`);
  // Date.parse accepts 2025-02-30 as March 2nd; a day must survive the round trip.
  if (!DAY.test(day) || Number.isNaN(ms) || utcDay(new Date(ms)) !== day) {
    throw new RangeError(`not a UTC day: ${day}`);
  }
  return ms / DAY_MS;
}

/** Whole days from `from` to `to`; negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/**
 * The streak after answering on `day`: the same day changes nothing, the next day adds one, a gap
 * starts over at 1. A day before `lastDay` (a late retry, a device with a slow clock) changes
 * nothing either, so out-of-order writes cannot break or double-count a streak.
 */
export function extendStreak(previous: StreakState, day: string): { lastDay: string; streak: number } {
  if (previous.lastDay === null) {
    dayNumber(day);
    return { lastDay: day, streak: 1 };
  }
  const gap = daysBetween(previous.lastDay, day);
  if (gap <= 0) return { lastDay: previous.lastDay, streak: previous.streak };
  return { lastDay: day, streak: gap === 1 ? previous.streak + 1 : 1 };
}

/**
 * The streak as shown on `today`: still alive when the last answer was today or yesterday (the
 * learner can keep it going today), otherwise 0. A last day after today can only come from
 * clock skew between writers; the streak counts as alive then too.
 */
export function currentStreak(state: StreakState, today: string): number {
  if (state.lastDay === null) return 0;
  return daysBetween(state.lastDay, today) <= 1 ? state.streak : 0;
}
