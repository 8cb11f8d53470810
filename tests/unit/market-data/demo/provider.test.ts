import { afterEach, describe, expect, it, vi } from 'vitest';
import { providerErrorKind } from '@/server/market-data/errors';
import {
  createDemoProvider,
  demoDataInfo,
  demoSymbols,
  type DemoCalendar,
} from '@/server/market-data/providers/demo';
import { aggregateIntraday } from '@/server/market-data/providers/demo/aggregate';
import type { Market, Tick } from '@/server/market-data/types';

/** Weekdays trade; KRX 09:00–15:30 KST, US 09:30–16:00 EDT (June), both in UTC here. */
const calendar: DemoCalendar = {
  isTradingDay: (_market: Market, date: string) => {
    const day = new Date(`${date}T00:00:00Z`).getUTCDay();
    return day !== 0 && day !== 6;
  },
  isSessionOpen: (market: Market, at: Date) => {
    const day = at.getUTCDay();
    if (day === 0 || day === 6) return false;
    const minutes = at.getUTCHours() * 60 + at.getUTCMinutes();
    return market === 'KR' ? minutes < 6 * 60 + 30 : minutes >= 13 * 60 + 30 && minutes < 20 * 60;
  },
};

const TUESDAY_10_KST = Date.UTC(2026, 5, 9, 1, 0, 0);
const KR_CLOSE_TUESDAY = Date.UTC(2026, 5, 9, 6, 30, 0);

function provider(
  clock: { now: number },
  options: { seed?: number; followSessions?: boolean } = {},
) {
  return createDemoProvider({ seed: 5, calendar, now: () => clock.now, ...options });
}

afterEach(() => {
  vi.useRealTimers();
});

/** Drives the provider's stream timer and the injected clock together, one interval at a time. */
async function collectTicks(
  clock: { now: number },
  demo: ReturnType<typeof provider>,
  symbols: string[],
  seconds: number,
): Promise<Tick[]> {
  await demo.quote(symbols[0]!); // loads the data, so the stream opens at once
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  const ticks: Tick[] = [];
  const subscription = demo.streamTicks(symbols, { onTick: (tick) => ticks.push(tick) });
  await new Promise((resolve) => setImmediate(resolve));
  for (let i = 0; i < seconds; i++) {
    clock.now += 1_000;
    vi.advanceTimersByTime(1_000);
  }
  await subscription.close();
  return ticks;
}

describe('demo provider: prices', () => {
  it('gives the same quote for the same seed and clock, another for another seed', async () => {
    const clock = { now: TUESDAY_10_KST };
    const a = await provider(clock).quote('005930.KS');
    const b = await provider(clock).quote('005930.KS');
    const c = await provider(clock, { seed: 6 }).quote('005930.KS');
    expect(b).toEqual(a);
    expect([c.price, c.volume]).not.toEqual([a.price, a.volume]);
    expect(a).toMatchObject({
      symbol: '005930.KS',
      currency: 'KRW',
      tradingDay: '2026-06-09',
      provider: 'demo',
    });
  });

  it('continues the real history with simulated days and today’s live bar', async () => {
    const clock = { now: TUESDAY_10_KST };
    const demo = provider(clock);
    const info = demo.dataInfo('AAPL');
    expect(info).toEqual({ realUntil: '2026-05-29', simulatedFrom: '2026-06-01' });
    const bars = await demo.dailyBars('AAPL', { from: '2026-05-27' });
    expect(bars.map((b) => b.date)).toEqual([
      '2026-05-27',
      '2026-05-28',
      '2026-05-29',
      '2026-06-01',
      '2026-06-02',
      '2026-06-03',
      '2026-06-04',
      '2026-06-05',
      // It is 21:00 on 06-08 in New York: trading continuously, 06-08 is the live session.
      '2026-06-08',
    ]);
    expect(bars[2]).toMatchObject({ close: 312.06, volume: 69_982_800 }); // last real bar
    expect(Math.abs(Math.log(bars[3]!.open / bars[2]!.close))).toBeLessThan(0.05);
    const quote = await demo.quote('AAPL');
    expect(bars.at(-1)).toEqual({
      date: quote.tradingDay,
      open: quote.open,
      high: quote.high,
      low: quote.low,
      close: quote.price,
      volume: quote.volume,
    });
    expect(quote.previousClose).toBe(bars.at(-2)!.close);
  });

  it('shows the same bar for a session while it trades (at its end) and later as history', async () => {
    const atClose = { now: KR_CLOSE_TUESDAY + 60_000 };
    const nextDay = { now: Date.UTC(2026, 5, 10, 3, 0) };
    const [live] = await provider(atClose, { followSessions: true }).dailyBars('000660.KS', {
      from: '2026-06-09',
    });
    const [history] = await provider(nextDay, { followSessions: true }).dailyBars('000660.KS', {
      from: '2026-06-09',
    });
    expect(live).toEqual(history);
    expect(live!.date).toBe('2026-06-09');
  });

  it('aggregates weekly bars dated by Friday', async () => {
    const demo = provider({ now: TUESDAY_10_KST });
    const weeks = await demo.weeklyBars('035420.KS', { from: '2026-05-25' });
    expect(weeks.map((w) => w.date)).toEqual(['2026-05-29', '2026-06-05', '2026-06-12']);
    const days = await demo.dailyBars('035420.KS', { from: '2026-06-01', to: '2026-06-05' });
    expect(weeks[1]).toEqual({
      date: '2026-06-05',
      open: days[0]!.open,
      high: Math.max(...days.map((d) => d.high)),
      low: Math.min(...days.map((d) => d.low)),
      close: days.at(-1)!.close,
      volume: days.reduce((s, d) => s + d.volume, 0),
    });
  });
});

describe('demo provider: live trades', () => {
  it('streams trades on valid ticks, about one per interval, and intraday bars agree with them', async () => {
    const start = TUESDAY_10_KST + 500;
    const clock = { now: start };
    const ticks = await collectTicks(clock, provider(clock), ['005930.KS', 'AAPL'], 180);
    const samsung = ticks.filter((t) => t.symbol === '005930.KS');
    expect(samsung.length).toBeGreaterThan(100);
    expect(samsung.length).toBeLessThanOrEqual(180);
    expect(ticks.filter((t) => t.symbol === 'AAPL').length).toBeGreaterThan(100);
    expect(samsung.every((t) => t.time > start && t.time <= clock.now)).toBe(true);
    expect(samsung.every((t) => t.price % 500 === 0 && t.size > 0)).toBe(true);

    // A second provider with the same seed, asked afterwards, built its bars from the same trades.
    const minutes = await provider({ now: clock.now }).intradayBars('005930.KS', '1min');
    const fullMinute = Date.UTC(2026, 5, 9, 1, 1);
    const inMinute = samsung.filter((t) => t.time >= fullMinute && t.time < fullMinute + 60_000);
    expect(minutes.find((m) => m.time === fullMinute)).toEqual({
      time: fullMinute,
      open: inMinute[0]!.price,
      high: Math.max(...inMinute.map((t) => t.price)),
      low: Math.min(...inMinute.map((t) => t.price)),
      close: inMinute.at(-1)!.price,
      volume: inMinute.reduce((s, t) => s + t.size, 0),
    });
    const quote = await provider({ now: clock.now }).quote('005930.KS');
    expect(minutes.reduce((s, m) => s + m.volume, 0)).toBe(quote.volume);
    expect(samsung.at(-1)!.cumulativeVolume).toBe(quote.volume);
    expect(minutes.at(-1)!.close).toBe(quote.price);
    const fives = await provider({ now: clock.now }).intradayBars('005930.KS', '5min');
    expect(fives).toEqual(aggregateIntraday(minutes, 300_000));
  });

  it('produces the same trades for the same seed', async () => {
    const first = { now: TUESDAY_10_KST };
    const second = { now: TUESDAY_10_KST };
    const a = await collectTicks(first, provider(first), ['MSFT'], 20);
    const b = await collectTicks(second, provider(second), ['MSFT'], 20);
    expect(a.length).toBeGreaterThan(0);
    expect(b).toEqual(a);
  });

  it('with followSessions, trades only while the session is open', async () => {
    const saturday = { now: Date.UTC(2026, 5, 13, 2, 0) };
    expect(
      await collectTicks(saturday, provider(saturday, { followSessions: true }), ['005930.KS'], 30),
    ).toEqual([]);

    const beforeClose = { now: KR_CLOSE_TUESDAY - 20_000 };
    const ticks = await collectTicks(
      beforeClose,
      provider(beforeClose, { followSessions: true }),
      ['005930.KS'],
      60,
    );
    expect(ticks.length).toBeGreaterThan(5);
    expect(ticks.every((t) => calendar.isSessionOpen('KR', new Date(t.time)))).toBe(true);
    expect(ticks.at(-1)!.time).toBeLessThan(KR_CLOSE_TUESDAY);

    // Trading continuously (the default), the same moment keeps ticking after 15:30.
    const continuous = { now: KR_CLOSE_TUESDAY + 60_000 };
    expect(
      (await collectTicks(continuous, provider(continuous), ['005930.KS'], 10)).length,
    ).toBeGreaterThan(0);
  });
});

describe('demo provider: company data and search', () => {
  it('computes overview metrics from the real history only', async () => {
    const demo = provider({ now: TUESDAY_10_KST });
    const overview = await demo.overview('NVDA');
    const real = (await demo.dailyBars('NVDA', { from: '2025-05-30', to: '2026-05-29' })).filter(
      (b) => b.volume > 0,
    );
    const closes = (await demo.dailyBars('NVDA', { to: '2026-05-29' })).map((b) => b.close);
    expect(overview).toMatchObject({
      symbol: 'NVDA',
      quality: 'real',
      provider: 'demo',
      currency: 'USD',
    });
    expect(overview.metrics.week52High).toBe(Math.max(...real.map((b) => b.high)));
    expect(overview.metrics.week52Low).toBe(Math.min(...real.map((b) => b.low)));
    expect(overview.metrics.movingAverage50).toBeCloseTo(
      closes.slice(-50).reduce((s, c) => s + c, 0) / 50,
      3,
    );
    expect(overview.metrics.peRatio).toBeNull();
  });

  it('marks statements illustrative, keeps them stable and consistent, and has none for indices', async () => {
    const demo = provider({ now: TUESDAY_10_KST });
    const income = await demo.statements('AAPL', 'income');
    expect(income.every((s) => s.quality === 'illustrative')).toBe(true);
    expect(income.filter((s) => s.period === 'annual').map((s) => s.fiscalDateEnding)).toEqual([
      '2025-09-30',
      '2024-09-30',
      '2023-09-30',
      '2022-09-30',
      '2021-09-30',
    ]);
    expect(income.filter((s) => s.period === 'quarterly')).toHaveLength(8);
    expect(
      await provider({ now: TUESDAY_10_KST }, { seed: 99 }).statements('AAPL', 'income'),
    ).toEqual(income);
    const latest = income[0]!.lines;
    expect(Number(latest.totalRevenue) - Number(latest.costOfRevenue)).toBe(
      Number(latest.grossProfit),
    );
    const cashflow = await demo.statements('AAPL', 'cashflow');
    expect(cashflow[0]!.lines.netIncome).toBe(latest.netIncome);
    expect(await demo.statements('^KS11', 'income')).toEqual([]);
  });

  it('searches its own instruments by code, ticker and English or Korean name', async () => {
    const demo = provider({ now: TUESDAY_10_KST });
    expect((await demo.search('삼성'))[0]).toMatchObject({ symbol: '005930.KS', source: 'demo' });
    expect((await demo.search('aapl'))[0]).toMatchObject({ symbol: 'AAPL', score: 1 });
    expect((await demo.search('000660'))[0]?.symbol).toBe('000660.KS');
    expect(await demo.search('zzzz')).toEqual([]);
  });

  it('answers not-found for symbols it does not serve', async () => {
    const demo = provider({ now: TUESDAY_10_KST });
    const error = await demo.quote('TSLA').catch((e: unknown) => e);
    expect(providerErrorKind(error)).toBe('not-found');
    expect(demoDataInfo('TSLA')).toBeUndefined();
    expect(demoSymbols()).toContain('^KS11');
  });

  it('rejects bad options, naming the option', () => {
    expect(() => createDemoProvider({ tickIntervalMs: 10 })).toThrow(/tickIntervalMs/);
    expect(() => createDemoProvider({ seed: -1 })).toThrow(/seed/);
  });
});
