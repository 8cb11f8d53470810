/**
 * `npm run bench:ticks [-- --ticks 600000 --symbols 50 --json]`: how many ticks per second the live
 * pipeline (collector → ids → buffered writer → PostgreSQL ticks + minute bars, and realtime
 * messages through the SSE hub) sustains on this machine, and proof that every tick arrived
 * exactly once. Runs against a scratch database created on the PostgreSQL server at
 * BENCH_DATABASE_URL / TEST_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/test) and
 * dropped afterwards. Pass `--embedded` to measure the embedded PGlite instead.
 */
import { parseArgs } from 'node:util';
import { createScratchDatabase } from './bench/scratch-database';
import { pgliteClientAdapter } from '@/server/db/client';
import { applyMigrations } from '@/server/db/migrate';
import { openMemoryPglite } from '@/server/db/pglite-template';
import { pgliteEngineAdapter } from '@/server/db/engine-adapters/pglite';
import { PrismaClient } from '@/server/generated/prisma/client';
import { logger } from '@/server/logger';
import { createCollector, type TickMessage } from '@/server/market-data/live/collector';
import { createTickWriter } from '@/server/market-data/live/tick-writer';
import { createTickStore } from '@/server/market-data/store/ticks';
import { roundToTick } from '@/server/market-data/tick-size';
import type {
  MarketDataProvider,
  Quote,
  Tick,
  TickStreamHandlers,
} from '@/server/market-data/types';
import { stockChannel } from '@/server/realtime/channels';
import { createSsePublisher } from '@/server/realtime/publisher';
import { createSseHub } from '@/server/realtime/sse-hub';

const { values: args } = parseArgs({
  options: {
    ticks: { type: 'string', default: '600000' },
    symbols: { type: 'string', default: '50' },
    json: { type: 'boolean', default: false },
    embedded: { type: 'boolean', default: false },
  },
});
const TOTAL = Number(args.ticks);
const SYMBOLS = Number(args.symbols);
if (!Number.isInteger(TOTAL) || TOTAL < 1 || !Number.isInteger(SYMBOLS) || SYMBOLS < 1) {
  console.error('--ticks and --symbols must be positive whole numbers');
  process.exit(2);
}
/** The producer pauses while this many ticks wait for the database (back-pressure, bounded memory). */
const HIGH_WATER = 60_000;
const CHUNK = 2_000;

const log = logger.child({ module: 'bench' });
log.level = 'warn';

type Scratch = { prisma: PrismaClient; label: string; dispose(): Promise<void> };

async function scratchDatabase(): Promise<Scratch> {
  if (args.embedded) {
    const pglite = await openMemoryPglite();
    const prisma = new PrismaClient({ adapter: pgliteClientAdapter(pglite) });
    const engine = pgliteEngineAdapter(pglite);
    await applyMigrations(engine);
    return {
      prisma,
      label: 'embedded PGlite (in memory)',
      dispose: async () => {
        await prisma.$disconnect();
        await engine.close();
        await pglite.close();
      },
    };
  }
  const scratch = await createScratchDatabase();
  return {
    prisma: scratch.handle.prisma,
    label: `PostgreSQL ${scratch.label}`,
    dispose: () => scratch.dispose(),
  };
}

/** A provider that streams as fast as the pipeline absorbs: a seeded random walk on valid ticks. */
function firehose(symbols: string[], total: number, buffered: () => number) {
  let emitted = 0;
  const last = new Map<string, number>();
  let seed = 42;
  const random = () => {
    seed = (seed * 1_664_525 + 1_013_904_223) >>> 0;
    return seed / 2 ** 32;
  };
  const provider: MarketDataProvider = {
    id: 'demo',
    markets: ['KR'],
    quote: async (symbol): Promise<Quote> => ({
      symbol,
      currency: 'KRW',
      price: 70_000,
      open: 70_000,
      high: 70_000,
      low: 70_000,
      previousClose: 70_000,
      change: 0,
      changePercent: 0,
      volume: 0,
      tradingDay: '2026-11-20',
      asOf: Date.now(),
      provider: 'demo',
    }),
    dailyBars: async () => [],
    weeklyBars: async () => [],
    intradayBars: async () => [],
    overview: async () => {
      throw new Error('unused');
    },
    statements: async () => [],
    search: async () => [],
    streamTicks(_symbols: string[], handlers: TickStreamHandlers) {
      let stopped = false;
      const pump = () => {
        if (stopped) return;
        if (buffered() > HIGH_WATER) {
          setTimeout(pump, 5);
          return;
        }
        const now = Date.now();
        for (let i = 0; i < CHUNK && emitted < total; i++, emitted++) {
          const symbol = symbols[emitted % symbols.length]!;
          const previous = last.get(symbol) ?? 70_000;
          const price = roundToTick(previous * (1 + (random() - 0.5) * 0.002), 'KR', 'stock');
          last.set(symbol, price);
          const tick: Tick = { symbol, price, size: 1 + Math.floor(random() * 50), time: now };
          handlers.onTick(tick);
        }
        if (emitted < total) setImmediate(pump);
      };
      setImmediate(pump);
      return {
        subscribe: () => undefined,
        unsubscribe: () => undefined,
        close: async () => {
          stopped = true;
        },
      };
    },
  };
  return { provider, emitted: () => emitted, last };
}

async function main() {
  const scratch = await scratchDatabase();
  const store = createTickStore(scratch.prisma);
  const sizes: number[] = [];
  const ids: bigint[] = [];
  const countingStore = {
    ...store,
    insert: (batch: Parameters<typeof store.insert>[0]) => store.insert(batch),
  };
  const writer = createTickWriter(countingStore, log, { flushIntervalMs: 250 });
  const symbols = Array.from({ length: SYMBOLS }, (_, i) => `${String(100_000 + i * 7)}.KS`);
  const source = firehose(symbols, TOTAL, () => writer.stats().buffered);
  const hub = createSseHub();
  let messages = 0;
  const lastPublished = new Map<string, number>();
  hub.subscribe(
    symbols.map((symbol) => stockChannel(symbol)),
    (message) => {
      messages += 1;
      const tick = message.payload as TickMessage;
      lastPublished.set(tick.symbol, tick.price);
    },
  );
  const collector = createCollector({
    id: 'bench',
    streams: [{ provider: source.provider, symbols: async () => symbols }],
    writer: {
      ...writer,
      push(ticks) {
        for (const tick of ticks) {
          ids.push(tick.id);
          sizes.push(tick.size);
        }
        writer.push(ticks);
      },
    },
    seedQuote: (provider, symbol) => provider.quote(symbol),
    sessionDate: () => '2026-11-20',
    publish: (message) =>
      createSsePublisher(hub).publish(stockChannel(message.symbol), 'tick', message),
    saveQuotes: async () => undefined,
    saveStats: async () => undefined,
    log,
    statsMs: 60_000,
    resyncMs: 600_000,
  });

  const started = performance.now();
  await collector.start();
  while (source.emitted() < TOTAL) await new Promise((resolve) => setTimeout(resolve, 20));
  await collector.stop(); // flushes every buffered tick
  const elapsedMs = performance.now() - started;
  await new Promise((resolve) => setTimeout(resolve, 300)); // last throttled publishes

  const [check] = await scratch.prisma.$queryRawUnsafe<
    { n: number; distinct_ids: number; id_sum: string; bar_ticks: number; bar_volume: string }[]
  >(`SELECT (SELECT count(*)::int FROM "Tick") AS n,
            (SELECT count(DISTINCT id)::int FROM "Tick") AS distinct_ids,
            (SELECT coalesce(sum(id), 0)::text FROM "Tick") AS id_sum,
            (SELECT coalesce(sum("tickCount"), 0)::int FROM "IntradayBar") AS bar_ticks,
            (SELECT coalesce(sum(volume), 0)::text FROM "IntradayBar") AS bar_volume`);
  const expectedIdSum = ids.reduce((sum, id) => sum + id, 0n).toString();
  const expectedVolume = sizes.reduce((sum, size) => sum + size, 0);
  const finalPricesPublished = symbols.every(
    (symbol) => lastPublished.get(symbol) === source.last.get(symbol),
  );
  const exactlyOnce =
    check!.n === TOTAL &&
    check!.distinct_ids === TOTAL &&
    check!.id_sum === expectedIdSum &&
    check!.bar_ticks === TOTAL &&
    check!.bar_volume === String(expectedVolume);
  const stats = writer.stats();
  const result = {
    database: scratch.label,
    ticks: TOTAL,
    symbols: SYMBOLS,
    elapsedMs: Math.round(elapsedMs),
    ticksPerSecond: Math.round((TOTAL / elapsedMs) * 1000),
    flushes: stats.flushes,
    failedFlushes: stats.failedFlushes,
    realtimeMessages: messages,
    realtimeMessagesPerSecond: Math.round((messages / elapsedMs) * 1000),
    persisted: check!.n,
    exactlyOnce,
    finalPricesPublished,
  };
  await scratch.dispose();
  if (args.json) {
    console.log(JSON.stringify(result));
  } else {
    console.log(`Tick pipeline on ${result.database}`);
    console.log(
      `  ${TOTAL.toLocaleString()} ticks over ${SYMBOLS} symbols in ${(elapsedMs / 1000).toFixed(2)} s`,
    );
    console.log(
      `  persisted:  ${result.ticksPerSecond.toLocaleString()} ticks/s (${stats.flushes} flushes of up to 10,000)`,
    );
    console.log(
      `  realtime:   ${messages.toLocaleString()} messages (latest state per symbol every 250 ms)`,
    );
    console.log(
      `  exactly once: ${exactlyOnce ? 'yes' : 'NO'} (rows ${check!.n}, distinct ids ${check!.distinct_ids}, minute-bar ticks ${check!.bar_ticks}, id checksum ${check!.id_sum === expectedIdSum ? 'matches' : 'differs'})`,
    );
    console.log(`  final price of every symbol published: ${finalPricesPublished ? 'yes' : 'NO'}`);
  }
  if (!exactlyOnce || !finalPricesPublished) process.exit(1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
