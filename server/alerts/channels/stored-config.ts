import { decryptSecret, encryptSecret, type EncryptionKey } from '@/server/alerts/secrets';
import { DomainError } from '@/server/errors';
import { channelConfigSchemaFor, type ChannelConfig, type ChannelSchemaOptions } from './types';

/**
 * A channel's whole config is stored as one encrypted token (tokens, webhook URLs and SMTP
 * passwords are all in it); `rowId` binds the token to its row.
 */
export function sealChannelConfig(
  config: ChannelConfig,
  key: EncryptionKey,
  rowId: string,
): string {
  return encryptSecret(JSON.stringify(config), key, rowId);
}

/** Decrypts and re-validates; a DomainError when the key changed or the stored value is unusable. */
export function openChannelConfig(
  token: string,
  key: EncryptionKey,
  rowId: string,
  options: ChannelSchemaOptions = {},
): ChannelConfig {
  const plaintext = decryptSecret(token, key, rowId);
  let value: unknown;
  try {
    value = JSON.parse(plaintext);
  } catch {
    throw new DomainError('INVALID', 'The stored channel settings are not valid JSON.');
  }
  const parsed = channelConfigSchemaFor(options).safeParse(value);
  if (!parsed.success) {
    throw new DomainError('INVALID', 'The stored channel settings are no longer valid.');
  }
  return parsed.data;
}
