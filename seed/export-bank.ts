/** Reads a stored bank back out as Markdown in the canonical list style (npm run seed -- export). */
import { exportBank } from '../src/domain/bank/export';
import { readExistingBank } from '../src/store';
import type { Dynamo } from '../src/store/client';

/** The bank's Markdown, or null when there is no such bank. One Query over its partition. */
export async function exportStoredBank(dynamo: Dynamo, bankId: string): Promise<string | null> {
  const { bank, catalog, questions } = await readExistingBank(dynamo, bankId);
  if (!bank || !catalog) return null;
  return exportBank({ bank, catalog, questions });
}
