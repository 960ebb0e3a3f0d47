/**
 * The UpdateItem parts of an attempt's writes (attempt-transaction.ts): numbers added (ADD),
 * attributes set (SET), strings added to or removed from a String Set (ADD / DELETE), attributes
 * removed (REMOVE).
 */
import type { AttemptWrite } from './attempt-transaction';

type AddWrite = Extract<AttemptWrite, { kind: 'add' }>;
type SetWrite = Extract<AttemptWrite, { kind: 'set' }>;

/** One UpdateItem for an 'add' write: its ADDs, SETs, DELETEs and REMOVEs in one expression. */
export function addUpdate(table: string, write: AddWrite) {
  const added = Object.entries(write.add);
  const members = Object.entries(write.addToSet ?? {}).map(([field, value]) => [field, new Set([value])] as const);
  const fields = [...added, ...members];
  const sets = Object.entries(write.set ?? {});
  const removed = Object.entries(write.removeFromSet ?? {}).map(([field, value]) => [field, new Set([value])] as const);
  const all = [...fields, ...sets, ...removed];
  const values = Object.fromEntries(all.map(([, value], i) => [`:v${i}`, value]));
  const setClause = sets.map((_, j) => `#f${fields.length + j} = :v${fields.length + j}`).join(', ');
  const first = fields.length + sets.length;
  const deleteClause = removed.map((_, j) => `#f${first + j} :v${first + j}`).join(', ');
  // names only: REMOVE takes no values
  const gone = write.remove ?? [];
  const removeClause = gone.map((_, j) => `#f${all.length + j}`).join(', ');
  const allValues = { ...values, ...write.condition?.ExpressionAttributeValues };
  return {
    TableName: table,
    Key: write.key,
    UpdateExpression: (
      (fields.length > 0 ? `ADD ${fields.map((_, i) => `#f${i} :v${i}`).join(', ')}` : '') +
      (setClause ? ` SET ${setClause}` : '') +
      (deleteClause ? ` DELETE ${deleteClause}` : '') +
      (removeClause ? ` REMOVE ${removeClause}` : '')
    ).trim(),
    ExpressionAttributeNames: Object.fromEntries(
      [...all.map(([field]) => field), ...gone].map((field, i) => [`#f${i}`, field]),
    ),
    ...write.condition,
    // DynamoDB refuses an empty map (a write that only REMOVEs has no values)
    ...(Object.keys(allValues).length > 0 ? { ExpressionAttributeValues: allValues } : {}),
  };
}

/** One UpdateItem for a 'set' write. */
export function setUpdate(table: string, write: SetWrite) {
  const fields = Object.entries(write.set);
  return {
    TableName: table,
    Key: write.key,
    UpdateExpression: `SET ${fields.map((_, i) => `#f${i} = :v${i}`).join(', ')}`,
    ExpressionAttributeNames: Object.fromEntries(fields.map(([field], i) => [`#f${i}`, field])),
    ...write.condition,
    ExpressionAttributeValues: {
      ...Object.fromEntries(fields.map(([, value], i) => [`:v${i}`, value])),
      ...write.condition.ExpressionAttributeValues,
    },
  };
}
