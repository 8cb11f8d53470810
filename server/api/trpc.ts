import type { AppLocale } from '@/i18n/locale';
import { initTRPC, TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import superjson from 'superjson';
import { z, ZodError } from 'zod';
import { isDomainError, type DomainErrorCode } from '@/server/errors';
import type { Logger } from '@/server/logger';
import type { Services } from '@/server/services';
import type { SessionUser } from '@/server/users/service';

export type TRPCContext = {
  user: SessionUser | null;
  requestId: string;
  ip: string;
  log: Logger;
  services: () => Promise<Services>;
  /** The reader's language (NEXT_LOCALE cookie, then Accept-Language) for server-rendered text. */
  locale?: AppLocale;
};

const trpcCodeOf: Record<DomainErrorCode, TRPC_ERROR_CODE_KEY> = {
  NOT_FOUND: 'NOT_FOUND',
  FORBIDDEN: 'FORBIDDEN',
  UNAUTHORIZED: 'UNAUTHORIZED',
  INVALID: 'BAD_REQUEST',
  CONFLICT: 'CONFLICT',
  RATE_LIMITED: 'TOO_MANY_REQUESTS',
  PROVIDER_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  BROKER_REJECTED: 'UNPROCESSABLE_CONTENT',
  UNAVAILABLE: 'SERVICE_UNAVAILABLE',
};

const t = initTRPC.context<TRPCContext>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const domain = isDomainError(error.cause) ? error.cause : null;
    // An unexpected failure's message can carry SQL or hostnames: browsers get a generic one in
    // production (the log has the details, keyed by the request id in the response header).
    const hideMessage =
      error.code === 'INTERNAL_SERVER_ERROR' && !domain && process.env.NODE_ENV === 'production';
    return {
      ...shape,
      message: hideMessage ? 'Internal server error' : shape.message,
      data: {
        ...shape.data,
        ...(hideMessage ? { stack: undefined } : {}),
        // Field errors for forms; messages are i18n keys or zod's defaults.
        zodError: error.cause instanceof ZodError ? z.flattenError(error.cause) : null,
        domainCode: domain?.code ?? null,
        field: typeof domain?.details.field === 'string' ? domain.details.field : null,
        retryAfterMs:
          typeof domain?.details.retryAfterMs === 'number' ? domain.details.retryAfterMs : null,
      },
    };
  },
});

/** Domain errors become the matching HTTP-mapped tRPC error; anything else stays a 500. */
const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && isDomainError(result.error.cause)) {
    const cause = result.error.cause;
    throw new TRPCError({ code: trpcCodeOf[cause.code], message: cause.message, cause });
  }
  return result;
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

export const publicProcedure = t.procedure.use(mapDomainErrors);

/** Signed-in users only (401 otherwise); `ctx.userId` scopes every query. */
export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in first.' });
  return next({
    ctx: {
      ...ctx,
      user: ctx.user,
      userId: ctx.user.id,
      log: ctx.log.child({ userId: ctx.user.id }),
    },
  });
});
