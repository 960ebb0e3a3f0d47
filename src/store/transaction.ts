/**
 * TransactWriteItems with named items. DynamoDB reports why a transaction was cancelled as a list
 * of reasons in the order of its items; naming each item here, once, is what turns that list into
 * "profile ConditionalCheckFailed" for the attempt path and for the stats rebuild alike.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Dynamo } from './client';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export interface NamedItem {
  /** What the item is, e.g. `idempotency`, `profile`, `question counter`. */
  name: string;
  item: TransactItem;
}

/** A reason DynamoDB gave for cancelling, with the name of its item. */
export interface CancelledItem {
  name: string;
  code: string;
}

/** The transaction was cancelled; `items` names every item that had a reason other than None. */
export class TransactionCancelled extends Error {
  constructor(readonly items: readonly CancelledItem[]) {
    super(`transaction cancelled: ${items.map(({ name, code }) => `${name} ${code}`).join(', ') || 'no reason given'}`);
    this.name = 'TransactionCancelled';
  }

  /** Whether the named item failed its condition. */
  failed(name: string): boolean {
    return this.items.some((item) => item.name === name && item.code === 'ConditionalCheckFailed');
  }

  /** Whether another writer got in the way: a failed condition or a conflicting transaction. */
  get contended(): boolean {
    return this.items.some(({ code }) => code === 'ConditionalCheckFailed' || code === 'TransactionConflict');
  }
}

/** The reasons of a cancelled transaction, by item name. */
export function cancelledItems(items: readonly NamedItem[], error: TransactionCanceledException): CancelledItem[] {
  return (error.CancellationReasons ?? []).flatMap((reason, i) =>
    reason.Code && reason.Code !== 'None' ? [{ name: items[i]?.name ?? `item ${i}`, code: reason.Code }] : [],
  );
}

/** Sends the items as one transaction; a cancellation comes back as TransactionCancelled. */
export async function transactWrite(dynamo: Dynamo, items: readonly NamedItem[]): Promise<void> {
  try {
    await dynamo.doc.send(new TransactWriteCommand({ TransactItems: items.map(({ item }) => item) }));
  } catch (error) {
    if (error instanceof TransactionCanceledException) throw new TransactionCancelled(cancelledItems(items, error));
    throw error;
  }
}
