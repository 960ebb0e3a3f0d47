/**
 * Replays a ReplayPlan (bench/cold-trace.ts) with the low-level commands of
 * @aws-sdk/client-dynamodb: the recorded wire body of each call is its command input.
 */
import {
  BatchGetItemCommand,
  DescribeTableCommand,
  GetItemCommand,
  QueryCommand,
  ScanCommand,
  TransactGetItemsCommand,
} from '@aws-sdk/client-dynamodb';
import type { ReadOperation, ReplayCall } from '../cold-trace';

// Each constructor takes its own input type; the plan's inputs are that type on the wire.
type AnyCommand = new (input: never) => object;

export const COMMANDS: Record<ReadOperation, AnyCommand> = {
  GetItem: GetItemCommand,
  BatchGetItem: BatchGetItemCommand,
  Query: QueryCommand,
  TransactGetItems: TransactGetItemsCommand,
  Scan: ScanCommand,
  DescribeTable: DescribeTableCommand,
};

export type Send = (command: object) => Promise<unknown>;

export function commandFor(call: ReplayCall): object {
  const Command = COMMANDS[call.operation] as new (input: unknown) => object;
  if (!Command) throw new Error(`no command for DynamoDB ${String(call.operation)}`);
  return new Command(call.input);
}

/** Sends the rounds one after the other, the calls of a round in parallel; resolves to the calls sent. */
export async function runRounds(send: Send, rounds: readonly (readonly ReplayCall[])[]): Promise<number> {
  let sent = 0;
  for (const round of rounds) {
    await Promise.all(round.map((call) => send(commandFor(call))));
    sent += round.length;
  }
  return sent;
}
