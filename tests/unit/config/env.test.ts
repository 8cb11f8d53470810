import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from '@/server/env';
import { resolveSecrets } from '@/server/config/secrets';

const productionBase = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgresql://app@db.example.com:5432/stockvis',
  NEXTAUTH_URL: 'https://stockvis.example.com',
  NEXTAUTH_SECRET: 'a'.repeat(44),
  ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
  INNGEST_EVENT_KEY: 'event-key',
  INNGEST_SIGNING_KEY: 'signkey-prod-abc',
  PUSHER_APP_ID: '1',
  PUSHER_KEY: 'key',
  PUSHER_SECRET: 'secret',
  PUSHER_CLUSTER: 'ap3',
} as const;

function problemsOf(source: Record<string, string | undefined>): string[] {
  try {
    parseEnv(source, '/srv/app');
    return [];
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
}

describe('configuration', () => {
  it('needs nothing for the embedded default', () => {
    const env = parseEnv({}, '/srv/app');
    expect(env.database).toEqual({ kind: 'embedded', dataDir: '/srv/app/.data/pglite' });
    expect(env.jobs).toEqual({ runner: 'local' });
    expect(env.realtime).toEqual({ transport: 'sse' });
    expect(env.production).toBe(false);
  });

  it('uses PostgreSQL, Inngest Cloud and Pusher when they are configured', () => {
    const env = parseEnv({ ...productionBase }, '/srv/app');
    expect(env.production).toBe(true);
    expect(env.database).toEqual({ kind: 'postgres', url: productionBase.DATABASE_URL });
    expect(env.jobs.runner).toBe('inngest');
    expect(env.realtime).toMatchObject({ transport: 'pusher', cluster: 'ap3', useTLS: true });
  });

  it('stops production mode without its secrets, naming each one', () => {
    const problems = problemsOf({
      NODE_ENV: 'production',
      DATABASE_URL: productionBase.DATABASE_URL,
    });
    for (const name of [
      'NEXTAUTH_SECRET',
      'NEXTAUTH_URL',
      'ENCRYPTION_KEY',
      'INNGEST_SIGNING_KEY',
      'INNGEST_EVENT_KEY',
      'PUSHER_APP_ID',
    ]) {
      expect(problems.join('\n')).toContain(name);
    }
  });

  it('lets a long-running production server choose the local runner and SSE explicitly', () => {
    const {
      INNGEST_EVENT_KEY,
      INNGEST_SIGNING_KEY,
      PUSHER_APP_ID,
      PUSHER_KEY,
      PUSHER_SECRET,
      PUSHER_CLUSTER,
      ...rest
    } = productionBase;
    void [
      INNGEST_EVENT_KEY,
      INNGEST_SIGNING_KEY,
      PUSHER_APP_ID,
      PUSHER_KEY,
      PUSHER_SECRET,
      PUSHER_CLUSTER,
    ];
    const env = parseEnv({ ...rest, JOBS_RUNNER: 'local', REALTIME_TRANSPORT: 'sse' }, '/srv/app');
    expect(env.jobs.runner).toBe('local');
    expect(env.realtime.transport).toBe('sse');
  });

  it('rejects malformed values with clear messages', () => {
    expect(problemsOf({ DATABASE_URL: 'mysql://x' }).join()).toMatch(
      /DATABASE_URL: must be a postgres/,
    );
    expect(problemsOf({ NEXTAUTH_SECRET: 'short' }).join()).toMatch(
      /NEXTAUTH_SECRET: must be at least 32/,
    );
    expect(problemsOf({ ENCRYPTION_KEY: 'abc' }).join()).toMatch(
      /ENCRYPTION_KEY: must be 32 bytes/,
    );
    expect(problemsOf({ PUSHER_KEY: 'k' }).join()).toMatch(/must be set together/);
    expect(problemsOf({ GITHUB_ID: 'id' }).join()).toMatch(/GITHUB_ID and GITHUB_SECRET/);
  });

  it('reads the server-wide SMTP for e-mail alerts from one URL, with a clear error when malformed', () => {
    expect(parseEnv({}, '/srv/app').smtp).toBeNull();
    const env = parseEnv(
      {
        SMTP_URL: 'smtps://alerts%40example.com:p%40ss@mail.example.com',
        SMTP_FROM: 'Stockvis <a@example.com>',
      },
      '/srv/app',
    );
    expect(env.smtp).toEqual({
      host: 'mail.example.com',
      port: 465,
      secure: true,
      user: 'alerts@example.com',
      password: 'p@ss',
      from: 'Stockvis <a@example.com>',
    });
    expect(parseEnv({ SMTP_URL: 'smtp://mail.example.com' }, '/srv/app').smtp).toMatchObject({
      port: 587,
      secure: false,
      from: 'stockvis@mail.example.com',
    });
    expect(problemsOf({ SMTP_URL: 'https://mail.example.com' })[0]).toMatch(/SMTP_URL.*smtp:\/\//);
    expect(problemsOf({ SMTP_FROM: 'a@example.com' })[0]).toMatch(/SMTP_URL is not/);
  });

  it('treats empty strings as unset (as .env files write them)', () => {
    expect(parseEnv({ DATABASE_URL: '', PUSHER_KEY: '' }, '/srv/app').database.kind).toBe(
      'embedded',
    );
  });
});

describe('generated secrets', () => {
  it('are created once under the data directory, private, and reused', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stockvis-secrets-'));
    const env = parseEnv({ STOCKVIS_DATA_DIR: dir }, '/');
    const first = resolveSecrets(env);
    const second = resolveSecrets(env);
    expect(first.source).toBe('generated');
    expect(second).toEqual(first);
    expect(Buffer.from(first.encryptionKey, 'base64')).toHaveLength(32);
    expect(fs.statSync(path.join(dir, 'secrets.json')).mode & 0o777).toBe(0o600);
  });

  it('refuse a damaged secrets file with a message that says what to do', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stockvis-secrets-'));
    fs.writeFileSync(path.join(dir, 'secrets.json'), '');
    expect(() => resolveSecrets(parseEnv({ STOCKVIS_DATA_DIR: dir }, '/'))).toThrow(
      /secrets\.json is damaged\. Delete it/,
    );
  });

  it('come from the environment in production mode', () => {
    const env = parseEnv({ ...productionBase }, '/srv/app');
    expect(resolveSecrets(env)).toMatchObject({
      authSecret: productionBase.NEXTAUTH_SECRET,
      source: 'environment',
    });
  });
});
