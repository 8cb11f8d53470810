import type { ProviderId } from '@/server/market-data/types';

/**
 * Where provider credentials that cost a request to obtain are kept between calls and across
 * processes. KIS issues at most one access token a minute per app key and each lasts a day, so the
 * token (and when it was issued) must outlive a restart: the app's store is the `ProviderToken`
 * table; tests and single-process tools use the in-memory one.
 */
export interface StoredProviderToken {
  token: string;
  expiresAt: Date;
  issuedAt: Date;
}

export interface TokenStore {
  get(provider: ProviderId, key: string): Promise<StoredProviderToken | null>;
  /** Replaces whatever was stored under (provider, key). */
  put(provider: ProviderId, key: string, token: StoredProviderToken): Promise<void>;
}

export function createMemoryTokenStore(): TokenStore {
  const tokens = new Map<string, StoredProviderToken>();
  const id = (provider: ProviderId, key: string) => `${provider}\u0000${key}`;
  return {
    async get(provider, key) {
      const token = tokens.get(id(provider, key));
      return token ? { ...token } : null;
    },
    async put(provider, key, token) {
      tokens.set(id(provider, key), { ...token });
    },
  };
}
