import { describe, expect, it } from 'vitest';
import { logger } from '@/server/logger';
import { createCollector, type TickMessage } from '@/server/market-data/live/collector';
import type { TickWriter } from '@/server/market-data/live/tick-writer';
import type { IdentifiedTick } from '@/server/market-data/store/ticks';
import type { MarketDataProvider, Quote, TickStreamHandlers } from '@/server/market-data/types';

function fakeProvider() {
  let handlers: TickStreamHandlers | undefined;
  const subscribed = new Set<string>();
  const provider = {
    id: 'demo',
    markets: ['KR'],
    quote: async (symbol: string): Promise<Quote> => ({
      symbol,
      currency: 'KRW',
      price: 70_000,
      open: 70_000,
      high: 70_000,
      low: 70_000,
      previousClose: 70_000,
      change: 0,
      changePercent: 0,
      volume: 1_000,
      tradingDay: '2026-11-20',
      asOf: 0,
      provider: 'demo',
    }),
    streamTicks(symbols: string[], h: TickStreamHandlers) {
      handlers = h;
      symbols.forEach((s) => subscribed.add(s));
      return {
        subscribe: (more: string[]) => more.forEach((s) => subscribed.add(s)),
        unsubscribe: (less: string[]) => less.forEach((s) => subscribed.delete(s)),
        close: async () => undefined,
      };
    },
  } as unknown as MarketDataProvider;
  return {
    provider,
    subscribed,
    emit: (tick: Parameters<TickStreamHandlers['onTick']>[0]) => handlers!.onTick(tick),
  };
}

function fakeWriter() {
  const pushed: IdentifiedTick[] = [];
  let closed = false;
  const writer = {
    push: (ticks: readonly IdentifiedTick[]) => pushed.push(...ticks),
    flush: async () => undefined,
    close: async () => {
      closed = true;
    },
    stats: () => ({
      buffered: 0,
      inFlight: 0,
      persisted: pushed.length,
      flushes: 0,
      failedFlushes: 0,
      lastFlushAt: null,
      lastFlushMs: null,
      lastError: null,
    }),
  } as unknown as TickWriter;
  return { writer, pushed, isClosed: () => closed };
}

describe('live collector', () => {
  it('stores every tick with a unique id, keeps the running quote and publishes the latest state per symbol', async () => {
    const source = fakeProvider();
    const sink = fakeWriter();
    const published: TickMessage[] = [];
    let symbols = ['005930.KS'];
    const collector = createCollector({
      id: 'test',
      streams: [{ provider: source.provider, symbols: async () => symbols }],
      writer: sink.writer,
      seedQuote: (provider, symbol) => provider.quote(symbol),
      sessionDate: () => '2026-11-20',
      publish: async (message) => {
        published.push(message);
      },
      saveQuotes: async () => undefined,
      saveStats: async () => undefined,
      log: logger,
      publishThrottleMs: 10_000, // nothing goes out until stop() in this test
    });
    await collector.start();
    source.emit({ symbol: '005930.KS', price: 70_500, size: 10, time: 1 });
    source.emit({ symbol: '005930.KS', price: 69_900, size: 5, time: 2 });
    source.emit({ symbol: '005930.KS', price: 70_700, size: 1, time: 3 });

    expect(sink.pushed).toHaveLength(3);
    expect(new Set(sink.pushed.map((t) => t.id)).size).toBe(3);
    expect(collector.liveQuote('005930.KS')).toMatchObject({
      price: 70_700,
      high: 70_700,
      low: 69_900,
      change: 700,
      volume: 1_016,
    });
    expect(collector.liveQuote('005930.KS')!.changePercent).toBeCloseTo(1, 10);

    symbols = ['005930.KS', '000660.KS'];
    await collector.resync();
    expect([...source.subscribed].sort()).toEqual(['000660.KS', '005930.KS']);

    await collector.stop();
    // One coalesced message with the final state, sent on stop; the writer was drained.
    expect(published).toEqual([
      expect.objectContaining({ symbol: '005930.KS', price: 70_700, change: 700, time: 3 }),
    ]);
    expect(sink.isClosed()).toBe(true);
  });

  it('rolls the session over: the last price becomes the previous close', async () => {
    const source = fakeProvider();
    const sink = fakeWriter();
    let day = '2026-11-20';
    const collector = createCollector({
      id: 'test',
      streams: [{ provider: source.provider, symbols: async () => ['005930.KS'] }],
      writer: sink.writer,
      seedQuote: (provider, symbol) => provider.quote(symbol),
      sessionDate: () => day,
      publish: async () => undefined,
      saveQuotes: async () => undefined,
      saveStats: async () => undefined,
      log: logger,
    });
    await collector.start();
    source.emit({ symbol: '005930.KS', price: 71_000, size: 1, time: 1 });
    day = '2026-11-23';
    source.emit({ symbol: '005930.KS', price: 71_500, size: 2, time: 2 });
    expect(collector.liveQuote('005930.KS')).toMatchObject({
      previousClose: 71_000,
      open: 71_500,
      change: 500,
      volume: 2,
      tradingDay: '2026-11-23',
    });
    await collector.stop();
  });
});
