import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openChannelConfig, sealChannelConfig } from '@/server/alerts/channels/stored-config';
import type { ChannelConfig } from '@/server/alerts/channels/types';
import {
  decryptSecret,
  encryptSecret,
  generateEncryptionKey,
  keyFingerprint,
  parseEncryptionKey,
} from '@/server/alerts/secrets';
import { isDomainError } from '@/server/errors';

const key = parseEncryptionKey('3q2+7wABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhs=');
const otherKey = randomBytes(32);

/** The DomainError a call throws (fails the test if it does not throw one). */
function domainErrorOf(call: () => unknown) {
  try {
    call();
  } catch (error) {
    if (isDomainError(error)) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('parseEncryptionKey', () => {
  it('reads 32 bytes as base64, base64url or 64 hex characters', () => {
    const bytes = randomBytes(32);
    for (const text of [
      bytes.toString('base64'),
      bytes.toString('base64url'),
      bytes.toString('hex'),
      bytes.toString('hex').toUpperCase(),
      ` ${bytes.toString('base64')}\n`,
    ]) {
      expect(parseEncryptionKey(text).equals(bytes), text).toBe(true);
    }
    expect(parseEncryptionKey(generateEncryptionKey())).toHaveLength(32);
  });

  it.each([
    ['empty', ''],
    ['too short', randomBytes(16).toString('base64')],
    ['too long', randomBytes(48).toString('base64')],
    ['not base64', 'this is not a key at all, not even close!!!!'],
    ['63 hex characters', 'a'.repeat(63)],
  ])('rejects %s with a message naming the expected forms', (_, text) => {
    const error = domainErrorOf(() => parseEncryptionKey(text));
    expect(error.code).toBe('INVALID');
    expect(error.message).toMatch(/32 bytes.*base64.*64 hex/);
  });
});

describe('keyFingerprint', () => {
  it('is 8 hex characters, stable per key and different between keys', () => {
    expect(keyFingerprint(key)).toMatch(/^[0-9a-f]{8}$/);
    expect(keyFingerprint(Buffer.from(key))).toBe(keyFingerprint(key));
    expect(keyFingerprint(otherKey)).not.toBe(keyFingerprint(key));
  });
});

describe('encryptSecret / decryptSecret (AES-256-GCM)', () => {
  const plaintext = '{"botToken":"123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw","note":"알림 🚨"}';

  it('round-trips text in the v1.<iv>.<tag>.<ciphertext> format with a fresh IV each time', () => {
    const token = encryptSecret(plaintext, key);
    expect(token).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/);
    expect(token).not.toContain('AAHdqTcv');
    expect(decryptSecret(token, key)).toBe(plaintext);
    const again = encryptSecret(plaintext, key);
    expect(again).not.toBe(token);
    expect(again.split('.')[1]).not.toBe(token.split('.')[1]);
    expect(decryptSecret(again, key)).toBe(plaintext);
    expect(decryptSecret(encryptSecret('', key), key)).toBe('');
  });

  it('refuses a token sealed with another key', () => {
    const error = domainErrorOf(() => decryptSecret(encryptSecret(plaintext, otherKey), key));
    expect(error.message).toMatch(/ENCRYPTION_KEY changed or the value was altered/);
    expect(error.details).toEqual({ secret: 'unauthenticated' });
  });

  it('detects tampering with the ciphertext, the tag or the IV', () => {
    const token = encryptSecret(plaintext, key);
    const [version, iv, tag, ciphertext] = token.split('.') as [string, string, string, string];
    const flip = (part: string) => {
      const bytes = Buffer.from(part, 'base64url');
      bytes[0] = (bytes[0] ?? 0) ^ 0x01;
      return bytes.toString('base64url');
    };
    for (const altered of [
      [version, iv, tag, flip(ciphertext)],
      [version, iv, flip(tag), ciphertext],
      [version, flip(iv), tag, ciphertext],
    ]) {
      expect(domainErrorOf(() => decryptSecret(altered.join('.'), key)).details).toEqual({
        secret: 'unauthenticated',
      });
    }
  });

  it('binds a token to its context when one is given', () => {
    const token = encryptSecret(plaintext, key, 'channel:ck1');
    expect(decryptSecret(token, key, 'channel:ck1')).toBe(plaintext);
    expect(domainErrorOf(() => decryptSecret(token, key, 'channel:ck2')).details).toEqual({
      secret: 'unauthenticated',
    });
    expect(domainErrorOf(() => decryptSecret(token, key)).details).toEqual({
      secret: 'unauthenticated',
    });
  });

  it('rejects malformed tokens', () => {
    const token = encryptSecret(plaintext, key);
    for (const bad of [
      '',
      'plain text',
      token.replace(/^v1/, 'v2'),
      `${token}.extra`,
      token.split('.').slice(0, 3).join('.'),
      token.replace(/\.[^.]+\./, '.AAAA.'),
    ]) {
      expect(domainErrorOf(() => decryptSecret(bad, key)).details, bad).toEqual({
        secret: 'malformed',
      });
    }
  });

  it('refuses keys that are not 32 bytes', () => {
    expect(domainErrorOf(() => encryptSecret('x', randomBytes(16))).code).toBe('INVALID');
  });
});

describe('sealed channel configs', () => {
  const config: ChannelConfig = {
    kind: 'webhook',
    url: 'https://ops.example.com/hooks/stockvis',
    secret: 'whsec_5f2c9a0d7e61b4c3',
  };

  it('round-trip through encryption bound to their row', () => {
    const token = sealChannelConfig(config, key, 'ck_row_1');
    expect(token).not.toContain('whsec');
    expect(openChannelConfig(token, key, 'ck_row_1')).toEqual(config);
    expect(() => openChannelConfig(token, key, 'ck_row_2')).toThrow(/cannot be decrypted/);
    expect(() => openChannelConfig(token, otherKey, 'ck_row_1')).toThrow(/cannot be decrypted/);
  });

  it('refuse a stored value that no longer passes validation', () => {
    const token = encryptSecret(
      JSON.stringify({ kind: 'webhook', url: 'nope', secret: 'x' }),
      key,
      'r',
    );
    expect(() => openChannelConfig(token, key, 'r')).toThrow(/no longer valid/);
  });
});
