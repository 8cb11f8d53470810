import { describe, expect, it } from 'vitest';
import { engineSignals } from '@/server/alerts/reports/engine-signals';
import type { HeldSymbol } from '@/server/alerts/reports/positions';
import { barSeriesFrom } from '@/server/analysis/bars';
import { IndicatorContext } from '@/server/analysis/strategies/context';
import { addDays } from '@/server/portfolio/calc-dates';

const held = (symbol: string): HeldSymbol => ({
  symbol,
  name: `${symbol} Inc.`,
  nameKo: null,
  currency: 'USD',
  quantity: '1',
  price: '1',
  dayChangeRate: 0,
  dayChange: '0',
  displayCurrency: 'USD',
});

/** 30 falling closes (130 … 101) then a jump to 300: SMA 10 crosses above SMA 20 on the last bar. */
function jumpEndingOn(lastDate: string) {
  const closes = [...Array.from({ length: 30 }, (_, i) => 130 - i), 300];
  return barSeriesFrom(
    closes.map((close, i) => ({
      date: addDays(lastDate, i - (closes.length - 1)),
      open: close,
      high: close,
      low: close,
      close,
      volume: 100,
    })),
  );
}

describe('engineSignals', () => {
  it("lists each strategy's BUY or SELL on the latest bar, with its reason", () => {
    const series = new Map([['JUMP', jumpEndingOn('2024-03-14')]]);
    const signals = engineSignals([held('JUMP')], series, new Map(), '2024-03-15');
    expect(signals.every((s) => s.action === 'BUY' || s.action === 'SELL')).toBe(true);
    expect(signals.every((s) => s.barDate === '2024-03-14' && s.name === 'JUMP Inc.')).toBe(true);
    expect(signals.find((s) => s.strategy === 'sma-cross')).toMatchObject({
      symbol: 'JUMP',
      strategyName: 'SMA crossover',
      action: 'BUY',
      reasonKey: 'sma-cross.bullish-cross',
      reasonParams: { fast: 10, slow: 20 },
    });
  });

  it('skips symbols whose latest bar is more than a week old or missing', () => {
    const stale = jumpEndingOn('2024-03-07');
    const fresh = jumpEndingOn('2024-03-08');
    const series = new Map([
      ['STALE', stale],
      ['FRESH', fresh],
    ]);
    const contexts = new Map([['FRESH', new IndicatorContext(fresh)]]);
    const signals = engineSignals(
      [held('STALE'), held('FRESH'), held('NO-BARS')],
      series,
      contexts,
      '2024-03-15',
    );
    expect(new Set(signals.map((s) => s.symbol))).toEqual(new Set(['FRESH']));
  });
});
