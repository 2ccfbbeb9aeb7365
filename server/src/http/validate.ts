import type { z } from 'zod';
import { DomainError } from './errors';

/** Parses request input with a shared schema; a mismatch is the client's fault, never a 500. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, where: 'body' | 'query' | 'params' = 'body'): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new DomainError('invalid_input', `Invalid request ${where}`, {
      issues: result.error.issues.map((issue) => ({
        path: issue.path.map(String).join('.'),
        message: issue.message,
        code: issue.code,
      })),
    });
  }
  return result.data;
}
