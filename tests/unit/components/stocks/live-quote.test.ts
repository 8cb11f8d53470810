import { describe, expect, it } from 'vitest';
import { applyTick, liveQuoteFrom } from '@/components/stocks/live-quote';
import { parseTickMessage, type TickMessage } from '@/components/stocks/tick-message';

const base = liveQuoteFrom({
  symbol: '005930.KS',
  currency: 'KRW',
  price: 70_000,
  change: 500,
  changePercent: 0.72,
  open: 69_600,
  high: 70_200,
  low: 69_400,
  previousClose: 69_500,
  volume: 1_000,
  asOf: 1_000,
})!;

function tick(overrides: Partial<TickMessage> = {}): TickMessage {
  return {
    symbol: '005930.KS',
    price: 70_100,
    change: 600,
    changePercent: 0.86,
    volume: 1_200,
    high: 70_200,
    low: 69_400,
    time: 2_000,
    currency: 'KRW',
    ...overrides,
  };
}

describe('applyTick', () => {
  it('takes the price, change, range and volume of a newer tick and notes the move', () => {
    const next = applyTick(base, tick({ price: 70_300, high: 70_300 }))!;
    expect(next.price).toBe(70_300);
    expect(next.change).toBe(600);
    expect(next.high).toBe(70_300);
    expect(next.volume).toBe(1_200);
    expect(next.asOf).toBe(2_000);
    expect(next.lastMove).toBe('up');
    expect(next.open).toBe(69_600);
    expect(applyTick(next, tick({ price: 70_000, time: 3_000 }))!.lastMove).toBe('down');
  });

  it('ignores ticks older than the shown quote and ticks of other symbols', () => {
    expect(applyTick(base, tick({ time: 500 }))).toBe(base);
    expect(applyTick(base, tick({ symbol: 'AAPL' }))).toBe(base);
  });

  it('keeps known values where the tick has none', () => {
    const next = applyTick(base, tick({ change: null, changePercent: null, volume: null }))!;
    expect(next.change).toBe(500);
    expect(next.changePercent).toBe(0.72);
    expect(next.volume).toBe(1_000);
  });

  it('starts a quote from the first tick when there was none', () => {
    const first = applyTick(null, tick())!;
    expect(first.price).toBe(70_100);
    expect(first.previousClose).toBe(69_500);
    expect(first.open).toBeNull();
  });
});

describe('parseTickMessage', () => {
  it('accepts the collector message and rejects anything else', () => {
    expect(parseTickMessage(tick())).toEqual(tick());
    expect(parseTickMessage({ ...tick(), price: '70100' })).toBeNull();
    expect(parseTickMessage(null)).toBeNull();
  });
});
