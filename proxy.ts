import { NextResponse, type NextRequest } from 'next/server';

/**
 * Layouts don't receive the URL, yet the signed-in guard in app/(app)/layout.tsx must send people
 * back where they were going after sign-in. This passes the requested path along as a header.
 */
export const REQUEST_PATH_HEADER = 'x-stockvis-path';

export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set(REQUEST_PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  // Pages only: API routes, build assets and files in public/ don't need it.
  matcher: ['/((?!api/|_next/|favicon.ico|.*\\.[a-z0-9]+$).*)'],
};
