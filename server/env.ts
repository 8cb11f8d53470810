import path from 'node:path';
import { z } from 'zod';
import type { RealtimeConfig } from '@/server/realtime/config';

/**
 * Environment, parsed once. Two shapes:
 * - embedded (no DATABASE_URL): PGlite under STOCKVIS_DATA_DIR, generated secrets, in-process job
 *   runner, SSE realtime. Nothing to configure.
 * - server (DATABASE_URL set): PostgreSQL. With NODE_ENV=production this is "production mode" and
 *   every secret must be given; Inngest Cloud and Pusher are the defaults there.
 */

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const booleanString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .optional()
  .transform((value) =>
    value === undefined || value === '' ? undefined : ['true', '1', 'yes'].includes(value),
  );

const positiveInt = z
  .string()
  .regex(/^\d{1,9}$/, 'must be a whole number')
  .transform(Number)
  .pipe(z.number().int().min(1));

const rawEnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .optional(),
  ),
  STOCKVIS_DATA_DIR: optionalString,
  NEXTAUTH_URL: optionalString.pipe(z.url('must be an absolute URL').optional()),
  NEXTAUTH_SECRET: optionalString.pipe(
    z.string().min(32, 'must be at least 32 characters (openssl rand -base64 32)').optional(),
  ),
  ENCRYPTION_KEY: optionalString.pipe(
    z
      .string()
      .refine(
        (value) => Buffer.from(value, 'base64').length === 32,
        'must be 32 bytes, base64-encoded (openssl rand -base64 32)',
      )
      .optional(),
  ),
  TRUSTED_PROXY_HOPS: optionalString.pipe(
    z
      .string()
      .regex(/^\d{1,2}$/, 'must be a small whole number')
      .transform(Number)
      .pipe(z.number().int().min(1).max(10))
      .optional(),
  ),
  GITHUB_ID: optionalString,
  GITHUB_SECRET: optionalString,
  JOBS_RUNNER: optionalString.pipe(z.enum(['inngest', 'local']).optional()),
  INNGEST_EVENT_KEY: optionalString,
  INNGEST_SIGNING_KEY: optionalString,
  INNGEST_BASE_URL: optionalString.pipe(z.url().optional()),
  REALTIME_TRANSPORT: optionalString.pipe(z.enum(['pusher', 'sse']).optional()),
  PUSHER_APP_ID: optionalString,
  PUSHER_KEY: optionalString,
  PUSHER_SECRET: optionalString,
  PUSHER_CLUSTER: optionalString,
  PUSHER_HOST: optionalString,
  PUSHER_PORT: optionalString.pipe(
    z
      .string()
      .regex(/^\d{1,5}$/, 'must be a port number')
      .transform(Number)
      .pipe(z.number().int().min(1).max(65535))
      .optional(),
  ),
  PUSHER_USE_TLS: booleanString,
  ALPHAVANTAGE_API_KEY: optionalString,
  ALPHAVANTAGE_PER_MINUTE: optionalString.pipe(positiveInt.optional()),
  ALPHAVANTAGE_PER_DAY: optionalString.pipe(positiveInt.optional()),
  KIS_APP_KEY: optionalString,
  KIS_APP_SECRET: optionalString,
  KIS_ENV: optionalString.pipe(z.enum(['real', 'paper']).optional()),
  KIS_PER_SECOND: optionalString.pipe(positiveInt.optional()),
  DEMO_SEED: optionalString.pipe(positiveInt.optional()),
  DEMO_FOLLOW_SESSIONS: booleanString,
  COLLECTOR: optionalString.pipe(z.enum(['in-process', 'off']).optional()),
  TICK_RETENTION_HOURS: optionalString.pipe(positiveInt.optional()),
  SMTP_URL: optionalString.pipe(
    z
      .url('must be an smtp:// or smtps:// URL, e.g. smtp://user:password@mail.example.com:587')
      .refine((value) => /^smtps?:\/\//.test(value), 'must start with smtp:// or smtps://')
      .optional(),
  ),
  SMTP_FROM: optionalString,
  LOG_LEVEL: optionalString.pipe(
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  ),
});

export type AppEnv = {
  nodeEnv: 'development' | 'production' | 'test';
  /** True when running against PostgreSQL with NODE_ENV=production: every secret is required. */
  production: boolean;
  database: { kind: 'postgres'; url: string } | { kind: 'embedded'; dataDir: string };
  /** Where generated secrets (and the embedded database) live. */
  dataDir: string;
  auth: {
    url?: string;
    secret?: string;
    github?: { clientId: string; clientSecret: string };
    /** How many proxies append to X-Forwarded-For in front of the app (default 1). */
    trustedProxyHops: number;
  };
  encryptionKey?: string;
  jobs:
    | { runner: 'local' }
    | { runner: 'inngest'; eventKey?: string; signingKey?: string; baseUrl?: string };
  realtime: RealtimeConfig;
  marketData: MarketDataConfig;
  /** Server-wide SMTP for e-mail alert channels (a channel may bring its own). */
  smtp: SmtpConfig | null;
  logLevel?: string;
};

export type SmtpConfig = {
  host: string;
  port: number;
  secure: boolean;
  user?: string;
  password?: string;
  from: string;
};

export type MarketDataConfig = {
  alphaVantage?: { apiKey: string; perMinute: number; perDay: number };
  kis?: { appKey: string; appSecret: string; env: 'real' | 'paper'; perSecond: number };
  demo: { seed: number; followSessions: boolean };
  /** Run the live tick collector inside the server process ("off" where a worker runs it). */
  collector: 'in-process' | 'off';
  tickRetentionHours: number;
};

export class EnvError extends Error {
  override readonly name = 'EnvError';
  constructor(readonly problems: string[]) {
    super(
      `Invalid Stockvis configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}\n` +
        'See .env.example and the configuration table in README.md.',
    );
  }
}

/** Parse and cross-check an environment. Pure: pass any record (tests do). */
export function parseEnv(
  source: Record<string, string | undefined>,
  cwd: string = process.cwd(),
): AppEnv {
  const parsed = rawEnvSchema.safeParse(source);
  if (!parsed.success) {
    throw new EnvError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || 'env'}: ${issue.message}`),
    );
  }
  const raw = parsed.data;
  const problems: string[] = [];
  const production = raw.NODE_ENV === 'production' && raw.DATABASE_URL !== undefined;
  const dataDir = path.resolve(cwd, raw.STOCKVIS_DATA_DIR ?? '.data');

  const github =
    raw.GITHUB_ID && raw.GITHUB_SECRET
      ? { clientId: raw.GITHUB_ID, clientSecret: raw.GITHUB_SECRET }
      : undefined;
  if (Boolean(raw.GITHUB_ID) !== Boolean(raw.GITHUB_SECRET)) {
    problems.push('GITHUB_ID and GITHUB_SECRET must be set together (or neither).');
  }

  const jobsRunner =
    raw.JOBS_RUNNER ?? (raw.INNGEST_SIGNING_KEY || production ? 'inngest' : 'local');
  const jobs: AppEnv['jobs'] =
    jobsRunner === 'local'
      ? { runner: 'local' }
      : {
          runner: 'inngest',
          eventKey: raw.INNGEST_EVENT_KEY,
          signingKey: raw.INNGEST_SIGNING_KEY,
          baseUrl: raw.INNGEST_BASE_URL,
        };

  const pusherKeys = [raw.PUSHER_APP_ID, raw.PUSHER_KEY, raw.PUSHER_SECRET, raw.PUSHER_CLUSTER];
  const pusherComplete = pusherKeys.every(Boolean);
  if (pusherKeys.some(Boolean) && !pusherComplete) {
    problems.push(
      'PUSHER_APP_ID, PUSHER_KEY, PUSHER_SECRET and PUSHER_CLUSTER must be set together (or none).',
    );
  }
  const transport = raw.REALTIME_TRANSPORT ?? (pusherComplete || production ? 'pusher' : 'sse');
  if (transport === 'pusher' && !pusherComplete) {
    problems.push(
      production && !raw.REALTIME_TRANSPORT
        ? 'Production mode uses Pusher Channels: set PUSHER_APP_ID, PUSHER_KEY, PUSHER_SECRET and PUSHER_CLUSTER, or REALTIME_TRANSPORT=sse for a single long-running server.'
        : 'REALTIME_TRANSPORT=pusher needs PUSHER_APP_ID, PUSHER_KEY, PUSHER_SECRET and PUSHER_CLUSTER.',
    );
  }
  const realtime: AppEnv['realtime'] =
    transport === 'pusher' && pusherComplete
      ? {
          transport: 'pusher',
          appId: raw.PUSHER_APP_ID!,
          key: raw.PUSHER_KEY!,
          secret: raw.PUSHER_SECRET!,
          cluster: raw.PUSHER_CLUSTER!,
          host: raw.PUSHER_HOST,
          port: raw.PUSHER_PORT,
          useTLS: raw.PUSHER_USE_TLS ?? true,
        }
      : { transport: 'sse' };

  if (Boolean(raw.KIS_APP_KEY) !== Boolean(raw.KIS_APP_SECRET)) {
    problems.push('KIS_APP_KEY and KIS_APP_SECRET must be set together (or neither).');
  }
  const kisEnv = raw.KIS_ENV ?? 'real';
  const marketData: MarketDataConfig = {
    alphaVantage: raw.ALPHAVANTAGE_API_KEY
      ? {
          apiKey: raw.ALPHAVANTAGE_API_KEY,
          perMinute: raw.ALPHAVANTAGE_PER_MINUTE ?? 5,
          perDay: raw.ALPHAVANTAGE_PER_DAY ?? 25,
        }
      : undefined,
    kis:
      raw.KIS_APP_KEY && raw.KIS_APP_SECRET
        ? {
            appKey: raw.KIS_APP_KEY,
            appSecret: raw.KIS_APP_SECRET,
            env: kisEnv,
            // Real accounts allow about 20 requests a second, paper accounts far fewer.
            perSecond: raw.KIS_PER_SECOND ?? (kisEnv === 'real' ? 15 : 2),
          }
        : undefined,
    demo: { seed: raw.DEMO_SEED ?? 20260522, followSessions: raw.DEMO_FOLLOW_SESSIONS ?? false },
    collector: raw.COLLECTOR ?? 'in-process',
    tickRetentionHours: raw.TICK_RETENTION_HOURS ?? 48,
  };

  let smtp: SmtpConfig | null = null;
  if (raw.SMTP_URL) {
    const url = new URL(raw.SMTP_URL);
    const secure = url.protocol === 'smtps:';
    const user = url.username ? decodeURIComponent(url.username) : undefined;
    smtp = {
      host: url.hostname,
      port: url.port ? Number(url.port) : secure ? 465 : 587,
      secure,
      user,
      password: url.password ? decodeURIComponent(url.password) : undefined,
      from: raw.SMTP_FROM ?? (user?.includes('@') ? user : `stockvis@${url.hostname}`),
    };
  } else if (raw.SMTP_FROM) {
    problems.push('SMTP_FROM is set but SMTP_URL is not: set both (or neither).');
  }

  if (production) {
    const missing = (name: string, why: string) =>
      problems.push(`${name} is required in production mode: ${why}`);
    if (!raw.NEXTAUTH_SECRET) missing('NEXTAUTH_SECRET', 'it signs session tokens.');
    if (!raw.NEXTAUTH_URL)
      missing('NEXTAUTH_URL', 'the public URL of the app, used in sign-in redirects.');
    if (!raw.ENCRYPTION_KEY) missing('ENCRYPTION_KEY', 'it encrypts stored credentials.');
    if (jobs.runner === 'inngest') {
      if (!raw.INNGEST_SIGNING_KEY)
        missing(
          'INNGEST_SIGNING_KEY',
          'Inngest Cloud calls /api/inngest with it (or set JOBS_RUNNER=local on a long-running server).',
        );
      if (!raw.INNGEST_EVENT_KEY) missing('INNGEST_EVENT_KEY', 'it sends events to Inngest Cloud.');
    }
  }
  if (problems.length > 0) throw new EnvError(problems);

  return {
    nodeEnv: raw.NODE_ENV,
    production,
    database: raw.DATABASE_URL
      ? { kind: 'postgres', url: raw.DATABASE_URL }
      : { kind: 'embedded', dataDir: path.join(dataDir, 'pglite') },
    dataDir,
    auth: {
      url: raw.NEXTAUTH_URL,
      secret: raw.NEXTAUTH_SECRET,
      github,
      trustedProxyHops: raw.TRUSTED_PROXY_HOPS ?? 1,
    },
    encryptionKey: raw.ENCRYPTION_KEY,
    jobs,
    realtime,
    marketData,
    smtp,
    logLevel: raw.LOG_LEVEL,
  };
}

const globalForEnv = globalThis as unknown as { stockvisEnv?: AppEnv };

/** The process environment, parsed on first use. Read only by server/services.ts and entry points. */
export function appEnv(): AppEnv {
  return (globalForEnv.stockvisEnv ??= parseEnv(process.env));
}

/** Forget the parsed environment (tests that stub process.env). */
export function resetAppEnvForTesting(): void {
  globalForEnv.stockvisEnv = undefined;
}
