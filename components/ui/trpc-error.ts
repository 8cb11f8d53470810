/**
 * Reading tRPC client errors without importing server types: `error.data.code` is the tRPC code
 * and `error.data.zodError` the input issues (flattened or tree form). Pure, so it is unit-tested.
 */

export type ErrorMessageKey =
  | 'generic'
  | 'network'
  | 'unauthorized'
  | 'forbidden'
  | 'notFound'
  | 'conflict'
  | 'tooManyRequests'
  | 'badRequest';

const keysByCode: Record<string, ErrorMessageKey> = {
  UNAUTHORIZED: 'unauthorized',
  FORBIDDEN: 'forbidden',
  NOT_FOUND: 'notFound',
  CONFLICT: 'conflict',
  TOO_MANY_REQUESTS: 'tooManyRequests',
  BAD_REQUEST: 'badRequest',
  PARSE_ERROR: 'badRequest',
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function dataOf(error: unknown): Record<string, unknown> | undefined {
  if (!isRecord(error) || !isRecord(error.data)) return undefined;
  return error.data;
}

/** The tRPC error code (`'CONFLICT'`, `'UNAUTHORIZED'`, …), or undefined for non-tRPC errors. */
export function trpcErrorCode(error: unknown): string | undefined {
  const code = dataOf(error)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Which `errors.*` message describes this error. */
export function errorMessageKey(error: unknown): ErrorMessageKey {
  const code = trpcErrorCode(error);
  if (code) return keysByCode[code] ?? 'generic';
  // A tRPC client error without data never got a response from the server.
  const message = isRecord(error) && typeof error.message === 'string' ? error.message : '';
  return /fetch|network|load failed/i.test(message) ? 'network' : 'generic';
}

/** Field → issue messages from `error.data.zodError` (z.flattenError or z.treeifyError shape). */
export function fieldIssues(error: unknown): Record<string, string[]> {
  const zodError = dataOf(error)?.zodError;
  if (!isRecord(zodError)) return {};
  const out: Record<string, string[]> = {};
  if (isRecord(zodError.fieldErrors)) {
    for (const [field, issues] of Object.entries(zodError.fieldErrors)) {
      if (Array.isArray(issues) && issues.length > 0) out[field] = issues.map(String);
    }
  } else if (isRecord(zodError.properties)) {
    for (const [field, node] of Object.entries(zodError.properties)) {
      const issues = isRecord(node) && Array.isArray(node.errors) ? node.errors : [];
      if (issues.length > 0) out[field] = issues.map(String);
    }
  }
  return out;
}

/** The input field a domain error points at (`error.data.field`), e.g. `'currentPassword'`. */
export function errorField(error: unknown): string | undefined {
  const field = dataOf(error)?.field;
  return typeof field === 'string' ? field : undefined;
}
