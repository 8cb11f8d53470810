import type { z } from 'zod';
import { DomainError } from '@/server/errors';

/**
 * Parses `input` with `schema` or throws DomainError('INVALID') whose message names every bad
 * field, e.g. `sma-cross params: fast: Too small: expected number to be >=1`.
 */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  input: unknown,
  what: string,
): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  throw new DomainError('INVALID', `${what}: ${issues.join('; ')}`, {
    issues: result.error.issues.map((issue) => ({
      path: issue.path.map(String),
      message: issue.message,
    })),
  });
}
