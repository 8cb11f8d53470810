import path from 'node:path';
import { defineConfig } from 'prisma/config';

/**
 * Prisma CLI configuration (Prisma 7). The app itself migrates through the wasm schema engine
 * (server/db/migrate.ts, `npm run db:migrate`); this keeps `prisma generate` working and lets
 * `prisma migrate deploy` / `migrate status` be used against DATABASE_URL where the CLI's native
 * engine is available. The URL is only set when DATABASE_URL is, so `prisma generate` needs none.
 */
const url = process.env.DATABASE_URL?.trim();

export default defineConfig({
  schema: path.join('prisma', 'schema.prisma'),
  migrations: {
    path: path.join('prisma', 'migrations'),
    seed: 'tsx scripts/db.ts seed',
  },
  ...(url ? { datasource: { url } } : {}),
});
