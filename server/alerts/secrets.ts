import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { DomainError } from '@/server/errors';

/**
 * Secrets at rest (channel configs: bot tokens, webhook URLs, SMTP passwords) with AES-256-GCM.
 * Token format `v1.<iv>.<tag>.<ciphertext>`, each part base64url: the version allows a later scheme
 * change, the 12-byte IV is random per encryption, the 16-byte tag authenticates everything.
 */

const VERSION = 'v1';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A 32-byte AES-256 key (see `parseEncryptionKey`). */
export type EncryptionKey = Buffer;

/** `ENCRYPTION_KEY`: 32 bytes as base64 (`openssl rand -base64 32`) or 64 hex characters. */
export function parseEncryptionKey(text: string): EncryptionKey {
  const value = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, 'hex');
  // Buffer.from ignores stray characters, so the alphabet is checked first.
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(value)) {
    const bytes = Buffer.from(value, 'base64');
    if (bytes.length === KEY_BYTES) return bytes;
  }
  throw new DomainError(
    'INVALID',
    'ENCRYPTION_KEY must be 32 bytes, base64-encoded (openssl rand -base64 32) or as 64 hex characters.',
  );
}

/** A fresh key in the base64 form `parseEncryptionKey` reads (for generated key files). */
export function generateEncryptionKey(): string {
  return randomBytes(KEY_BYTES).toString('base64');
}

/** First 8 hex characters of the key's SHA-256: stored beside ciphertexts to detect a key change. */
export function keyFingerprint(key: EncryptionKey): string {
  return createHash('sha256').update(checkedKey(key)).digest('hex').slice(0, 8);
}

function checkedKey(key: EncryptionKey): Buffer {
  if (key.length !== KEY_BYTES) {
    throw new DomainError('INVALID', `An encryption key must be ${KEY_BYTES} bytes.`);
  }
  return key;
}

/**
 * `context` (optional associated data, e.g. the row id) is authenticated but not stored: a token
 * copied to another row then fails to decrypt instead of lending that row its secret.
 */
export function encryptSecret(plaintext: string, key: EncryptionKey, context?: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', checkedKey(key), iv);
  if (context !== undefined) cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, ...[iv, tag, ciphertext].map((part) => part.toString('base64url'))].join('.');
}

/** Thrown (as a DomainError) when a token is malformed, altered, or sealed with another key. */
function undecryptable(detail: 'malformed' | 'unauthenticated'): DomainError {
  return new DomainError(
    'INVALID',
    detail === 'malformed'
      ? 'The stored secret is not a valid encrypted value.'
      : 'The stored secret cannot be decrypted: ENCRYPTION_KEY changed or the value was altered.',
    { secret: detail },
  );
}

export function decryptSecret(token: string, key: EncryptionKey, context?: string): string {
  const [version, ivText, tagText, ciphertextText, ...rest] = token.split('.');
  if (
    version !== VERSION ||
    ivText === undefined ||
    tagText === undefined ||
    ciphertextText === undefined ||
    rest.length > 0 ||
    ![ivText, tagText, ciphertextText].every(isBase64Url)
  ) {
    throw undecryptable('malformed');
  }
  const iv = Buffer.from(ivText, 'base64url');
  const tag = Buffer.from(tagText, 'base64url');
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw undecryptable('malformed');
  const decipher = createDecipheriv('aes-256-gcm', checkedKey(key), iv, {
    authTagLength: TAG_BYTES,
  });
  decipher.setAuthTag(tag);
  if (context !== undefined) decipher.setAAD(Buffer.from(context, 'utf8'));
  try {
    const ciphertext = Buffer.from(ciphertextText, 'base64url');
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch {
    throw undecryptable('unauthenticated');
  }
}

function isBase64Url(part: string): boolean {
  return /^[A-Za-z0-9_-]*$/.test(part);
}
