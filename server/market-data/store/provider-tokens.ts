import type { PrismaClient } from '@/server/generated/prisma/client';
import type { TokenStore } from '../providers/kis/token-store';

/** Provider tokens in the database: shared by every process and kept across restarts. */
export function createDbTokenStore(db: PrismaClient): TokenStore {
  return {
    async get(provider, key) {
      const row = await db.providerToken.findUnique({ where: { provider_key: { provider, key } } });
      return row ? { token: row.token, issuedAt: row.issuedAt, expiresAt: row.expiresAt } : null;
    },
    async put(provider, key, token) {
      const data = { token: token.token, issuedAt: token.issuedAt, expiresAt: token.expiresAt };
      await db.providerToken.upsert({
        where: { provider_key: { provider, key } },
        create: { provider, key, ...data },
        update: data,
      });
    },
  };
}
