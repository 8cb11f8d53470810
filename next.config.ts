import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // Native and WebAssembly server packages load from node_modules at run time, not bundled.
  // (Turbopack warns that @prisma/schema-engine-wasm "can't be external" because its glue is an
  // ES module; server/db/schema-engine.ts loads it by file URL, so the warning is harmless.)
  serverExternalPackages: [
    '@electric-sql/pglite',
    'pglite-prisma-adapter',
    '@prisma/schema-engine-wasm',
    '@prisma/adapter-pg',
    '@node-rs/argon2',
    'pg',
    'pino',
    'croner',
    'pusher',
    'ws',
  ],
  // Migrations are applied at start, so deployments must carry them.
  outputFileTracingIncludes: {
    '/**': [
      './prisma/migrations/**/*',
      './prisma/schema.prisma',
      './package.json',
      // Instrument master, holiday calendars and the demo's history, read with fs at run time.
      './server/market-data/data/**/*',
      // Loaded by a computed file URL, which tracing cannot follow.
      './node_modules/@prisma/schema-engine-wasm/**/*',
    ],
  },
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
