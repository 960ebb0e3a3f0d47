/**
 * Public ids. A bank id is a slug; sections and questions are named inside their bank, so their
 * public ids carry the bank: `ml-junior/obshchie-voprosy`, `ml-junior/7f3a9c2e41b0`.
 */
export interface LocalRef {
  bankId: string;
  localId: string;
}

const BANK_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const LOCAL_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export const isBankId = (id: string): boolean => BANK_ID.test(id);

/** A quiz id is the UUID startQuiz made (lower-case hex and dashes, 36 characters). */
const QUIZ_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const isQuizId = (id: string): boolean => QUIZ_ID.test(id);

export const globalId = (bankId: string, localId: string): string => `${bankId}/${localId}`;

/** Splits a section or question id; null when it cannot be one (so it names nothing). */
export function parseGlobalId(id: string): LocalRef | null {
  const slash = id.indexOf('/');
  if (slash < 0) return null;
  const bankId = id.slice(0, slash);
  const localId = id.slice(slash + 1);
  return BANK_ID.test(bankId) && LOCAL_ID.test(localId) ? { bankId, localId } : null;
}
