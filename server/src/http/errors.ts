import { ERROR_STATUS, type ErrorCode } from '@landraeume/shared';

/** A failure a client can act on. Services throw these; one handler turns them into HTTP. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what = 'Resource') => new DomainError('not_found', `${what} not found`);
