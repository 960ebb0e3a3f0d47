/**
 * The few kinds of failure the domain and store layers report. They carry a code from the
 * public contract; src/graphql/errors.ts is the one place that turns them into GraphQL errors.
 */
export type DomainErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'RATE_LIMITED';

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** Extra facts for the client, e.g. `retryAfterMs`; never secrets. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const badInput = (message: string): DomainError => new DomainError('BAD_USER_INPUT', message);

/** A bank file that cannot be imported; `line` is 1-based, 0 when the problem is the whole file. */
export class BankFormatError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly file?: string,
  ) {
    super(message);
    this.name = 'BankFormatError';
  }
}
