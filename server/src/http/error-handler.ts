import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import type { ErrorBody } from '@landraeume/shared';
import { QueryRunnerAlreadyReleasedError } from 'typeorm';
import { DomainError } from './errors';
import { requestLocale } from './locale';
import { INVALID_INPUT_MESSAGE, translateIssue } from './validation-messages';

/** body-parser reports its failures with a `type`; these are the client's mistakes, not ours. */
const BODY_PARSER_ERRORS: Record<string, DomainError> = {
  'entity.parse.failed': new DomainError('malformed_json', 'The request body is not valid JSON'),
  'entity.too.large': new DomainError('payload_too_large', 'The request body is too large'),
  'encoding.unsupported': new DomainError('unsupported_media_type', 'Unsupported content encoding'),
  'charset.unsupported': new DomainError('unsupported_media_type', 'Unsupported charset'),
  'request.aborted': new DomainError('invalid_input', 'The request was aborted'),
  'request.size.invalid': new DomainError('invalid_input', 'The request body length does not match Content-Length'),
  'stream.encoding.set': new DomainError('invalid_input', 'Invalid request stream'),
  'parameters.too.many': new DomainError('payload_too_large', 'Too many parameters'),
};

/** Connection-level database failures mean "try again later", not "we are broken". */
const UNAVAILABLE_PG_CODES = new Set(['57P01', '57P02', '57P03', '53300', '08000', '08001', '08003', '08006']);
const UNAVAILABLE_NET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND']);

function isDatabaseUnavailable(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  // TypeORM releases a transaction's runner when its connection breaks; the next query says so.
  if (err instanceof QueryRunnerAlreadyReleasedError) return true;
  const { code, message } = err as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (UNAVAILABLE_PG_CODES.has(code) || UNAVAILABLE_NET_CODES.has(code))) return true;
  return typeof message === 'string' && /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/.test(message);
}

/**
 * Text PostgreSQL cannot hold (a NUL byte, a broken encoding) is the sender's mistake. The shared
 * schemas refuse control characters in every free-text field; this catches any they miss.
 */
const UNSTORABLE_TEXT_CODES = new Set(['22021', '22P05']);
const isUnstorableText = (err: unknown) => typeof err === 'object' && err !== null && UNSTORABLE_TEXT_CODES.has(String((err as { code?: unknown }).code));

export function toDomainError(err: unknown): DomainError | undefined {
  if (err instanceof DomainError) return err;
  const type = typeof err === 'object' && err !== null ? (err as { type?: unknown }).type : undefined;
  if (typeof type === 'string' && BODY_PARSER_ERRORS[type]) return BODY_PARSER_ERRORS[type];
  if (isDatabaseUnavailable(err)) return new DomainError('service_unavailable', 'The service is temporarily unavailable, please try again shortly');
  if (isUnstorableText(err)) return new DomainError('invalid_input', 'The request contains characters that cannot be stored');
  return undefined;
}

interface Issue {
  path: string;
  message: string;
  code: string;
}

/** Validation issues are written for people: translated into the caller's language. */
function localized(error: DomainError, req: Request): DomainError {
  const issues = (error.details as { issues?: Issue[] } | undefined)?.issues;
  if (error.code !== 'invalid_input' || !Array.isArray(issues)) return error;
  const locale = requestLocale(req);
  return new DomainError('invalid_input', INVALID_INPUT_MESSAGE[locale], {
    issues: issues.map((issue) => ({ ...issue, key: issue.message, message: translateIssue(issue.message, issue.code, locale) })),
  });
}

export function errorBody(error: DomainError): ErrorBody {
  return { error: { code: error.code, message: error.message, ...(error.details === undefined ? {} : { details: error.details }) } };
}

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new DomainError('not_found', `No route for ${req.method} ${req.path}`));
};

/** The only place that writes error responses: JSON always, and nothing internal leaks. */
export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  const known = toDomainError(err);
  const error = localized(known ?? new DomainError('internal_error', 'An unexpected error occurred'), req);
  if (!known || error.status >= 500) req.log?.error({ err }, 'request failed');
  if (res.headersSent) {
    res.end();
    return;
  }
  if (error.code === 'service_unavailable') res.setHeader('Retry-After', '5');
  const retryAfter = (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
  if (error.code === 'rate_limited' && retryAfter) res.setHeader('Retry-After', String(retryAfter));
  res.status(error.status).json(errorBody(error));
};
