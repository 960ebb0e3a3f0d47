/**
 * The bank a request will most likely read, guessed from its raw text before it is parsed or
 * authenticated, so that a container that does not hold that bank's catalog can read it in the
 * same round trip as the API key (see App.contextFor). Only a guess: the operation still reads
 * and checks everything it needs as usual, so a wrong or missing guess costs at most one Query,
 * never a wrong answer. Recognised: a `bankId` argument or variable, a question id
 * (`<bank>/<question>`) given as `id` or `questionId`, and `bank(id: …)`.
 */
import { isBankId } from '../domain/ids';

export interface BankHint {
  bankId: string;
  /** The request mentions searchQuestions: its full-text index is worth reading too. */
  search: boolean;
}

// `\\?"` : in a JSON body the query's own quotes arrive escaped (`bankId: \"ml-junior\"`).
const PATTERNS = [
  /\bbankId\\?"?\s*:\s*\\?"([a-z0-9][a-z0-9-]{0,63})\\?"/,
  /\b(?:questionId|id)\\?"?\s*:\s*\\?"([a-z0-9][a-z0-9-]{0,63})\//,
  /\bbank\s*\(\s*id\s*:\s*\\?"([a-z0-9][a-z0-9-]{0,63})\\?"/,
];

/** Texts longer than this are not searched: the hint is for ordinary requests, cheaply. */
const MAX_SCANNED = 16 * 1024;

/** The first bank the texts (a POST body, or a GET's query and variables) name, if any. */
export function bankHintOf(texts: readonly (string | undefined)[]): BankHint | null {
  for (const text of texts) {
    if (!text) continue;
    const scanned = text.length > MAX_SCANNED ? text.slice(0, MAX_SCANNED) : text;
    for (const pattern of PATTERNS) {
      const bankId = pattern.exec(scanned)?.[1];
      if (bankId && isBankId(bankId)) return { bankId, search: scanned.includes('searchQuestions') };
    }
  }
  return null;
}
