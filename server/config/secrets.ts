import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { AppEnv } from '@/server/env';

export type AppSecrets = {
  /** Signs next-auth JWT session cookies. */
  authSecret: string;
  /** 32-byte base64 key for encrypting stored credentials (AES-256-GCM). */
  encryptionKey: string;
  /** Where the secrets came from, for the health page and logs (never the values). */
  source: 'environment' | 'generated';
};

const storedSecretsSchema = z.object({
  authSecret: z.string().min(32),
  encryptionKey: z.string().refine((v) => Buffer.from(v, 'base64').length === 32),
});

export const SECRETS_FILE = 'secrets.json';

/**
 * Secrets from the environment, or (outside production mode) generated once and kept in
 * `<dataDir>/secrets.json` with mode 0600 so sessions survive restarts with nothing configured.
 */
export function resolveSecrets(env: AppEnv): AppSecrets {
  if (env.auth.secret && env.encryptionKey) {
    return { authSecret: env.auth.secret, encryptionKey: env.encryptionKey, source: 'environment' };
  }
  if (env.production) {
    // parseEnv already refuses this; keep the invariant local too.
    throw new Error('NEXTAUTH_SECRET and ENCRYPTION_KEY must be set in production mode.');
  }
  const stored = readOrCreateStoredSecrets(env.dataDir);
  return {
    authSecret: env.auth.secret ?? stored.authSecret,
    encryptionKey: env.encryptionKey ?? stored.encryptionKey,
    source: env.auth.secret || env.encryptionKey ? 'environment' : 'generated',
  };
}

function readOrCreateStoredSecrets(dataDir: string): z.infer<typeof storedSecretsSchema> {
  const file = path.join(dataDir, SECRETS_FILE);
  if (fs.existsSync(file)) {
    let parsed: ReturnType<typeof storedSecretsSchema.safeParse> | undefined;
    try {
      parsed = storedSecretsSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    } catch {
      parsed = undefined;
    }
    if (!parsed?.success) {
      throw new Error(
        `${file} is damaged. Delete it to generate new secrets (everyone will have to sign in again).`,
      );
    }
    return parsed.data;
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const secrets = {
    authSecret: randomBytes(32).toString('base64url'),
    encryptionKey: randomBytes(32).toString('base64'),
  };
  // Written whole to a private temporary file, then linked into place: another process starting
  // at the same moment sees either no file or a complete one, and link() refuses to overwrite.
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  fs.writeFileSync(temporary, JSON.stringify(secrets, null, 2) + '\n', { mode: 0o600 });
  try {
    fs.linkSync(temporary, file);
    return secrets;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      return readOrCreateStoredSecrets(dataDir);
    throw error;
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}
