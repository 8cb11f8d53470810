import type { DomainErrorCode } from '@/server/errors';

/** JSON error body for the realtime route handlers: a code for programs, a message for developers. */
export function realtimeErrorResponse(
  status: number,
  code: DomainErrorCode,
  message: string,
  headers: Record<string, string> = {},
): Response {
  return Response.json(
    { error: { code, message } },
    { status, headers: { 'Cache-Control': 'no-store', ...headers } },
  );
}

/** Who is asking; the lead's getSessionUser satisfies this. */
export type SessionUserLookup = () => Promise<{ id: string } | null>;
