import { describe, expect, it } from 'vitest';
import { evaluateCondition, needsBars, type RuleCondition } from '@/server/alerts/rules';
import { sliceBarSeries } from '@/server/analysis/bars';
import { loadSpy } from '../../analysis/strategies/fixture';
import { barsOf, condition, symbolInput } from './fixtures';

const on = (closes: number[]) => symbolInput({ bars: barsOf(closes) });

describe('rsi-below / rsi-above', () => {
  // Period 2 by hand: changes +1, −1 seed averages 0.5 / 0.5 → RSI 50 at bar 2; then +2 gives
  // Wilder averages 1.25 / 0.25, RS 5, RSI 100 − 100/6 = 83.33 at bar 3.
  const above = condition({ kind: 'rsi-above', level: 80, period: 2 });
  const below = condition({ kind: 'rsi-below', level: 50, period: 2 });

  it('reads the latest RSI against the level', () => {
    const fired = evaluateCondition(above, on([10, 11, 10, 12]));
    expect(fired.active).toBe(true);
    expect(fired.observed).toBeCloseTo(83.333, 3);
    expect(evaluateCondition(above, on([10, 11, 10])).active).toBe(false);
    expect(evaluateCondition(below, on([10, 11, 10])).active).toBe(true);
    expect(evaluateCondition(below, on([10, 11, 10, 12])).active).toBe(false);
  });

  it('holds while the level is beyond, on every evaluation', () => {
    const falling = condition({ kind: 'rsi-below', level: 30, period: 2 });
    expect(evaluateCondition(falling, on([10, 9, 8])).active).toBe(true);
    expect(evaluateCondition(falling, on([10, 9, 8, 7])).active).toBe(true);
  });

  it('needs period + 1 bars', () => {
    expect(evaluateCondition(above, on([10, 11]))).toMatchObject({
      active: false,
      observed: null,
      message: { key: 'alertRules.reason.notEnoughBars', values: { needed: 3, have: 2 } },
    });
  });
});

describe('macd-cross', () => {
  const params = { fast: 2, slow: 3, signal: 2 };
  const bullish = condition({ kind: 'macd-cross', direction: 'bullish', ...params });
  const bearish = condition({ kind: 'macd-cross', direction: 'bearish', ...params });
  // An accelerating fall keeps MACD under its signal line; the jump to 95 crosses it upwards.
  const fall = [100, 99, 97, 94, 90, 85, 79];

  it('holds only on the bar where MACD crosses its signal line', () => {
    expect(evaluateCondition(bullish, on(fall)).active).toBe(false);
    const cross = evaluateCondition(bullish, on([...fall, 95]));
    expect(cross.active).toBe(true);
    expect(cross.message.key).toBe('alertRules.fired.macdCross');
    expect(evaluateCondition(bullish, on([...fall, 95, 99])).active).toBe(false);
    expect(evaluateCondition(bearish, on([...fall, 95])).active).toBe(false);
  });

  it('detects the bearish cross on a fall after a rise', () => {
    const rise = fall.map((x) => 200 - x);
    expect(evaluateCondition(bearish, on([...rise, 105])).active).toBe(true);
  });
});

describe('golden-cross / death-cross', () => {
  const golden = condition({ kind: 'golden-cross', fast: 2, slow: 3 });
  const death = condition({ kind: 'death-cross', fast: 2, slow: 3 });

  it('holds on the bar where the fast SMA crosses the slow one', () => {
    // Bar 3: SMA2 7.5 < SMA3 8; bar 4: SMA2 9.5 > SMA3 9.
    const evaluation = evaluateCondition(golden, on([10, 9, 8, 7, 12]));
    expect(evaluation.active).toBe(true);
    expect(evaluation.message.values).toMatchObject({ fastValue: 9.5, slowValue: 9 });
    expect(evaluation.observed).toBeCloseTo(0.5, 12);
    expect(evaluateCondition(golden, on([10, 9, 8, 7, 12, 13])).active).toBe(false);
    expect(evaluateCondition(death, on([10, 9, 8, 7, 12])).active).toBe(false);
    expect(evaluateCondition(death, on([7, 8, 9, 10, 5])).active).toBe(true);
  });

  it('uses exponential averages when asked', () => {
    const ema = condition({ kind: 'golden-cross', fast: 2, slow: 3, average: 'ema' });
    expect(evaluateCondition(ema, on([10, 9, 8, 7, 12])).active).toBe(true);
    expect(evaluateCondition(ema, on([10, 9, 8, 7, 6])).active).toBe(false);
  });

  it('needs the slow average on the last two bars', () => {
    expect(needsBars(golden)).toBe(4);
    expect(evaluateCondition(golden, on([10, 9, 12])).message.key).toBe(
      'alertRules.reason.notEnoughBars',
    );
  });
});

describe('bollinger-break', () => {
  const upper = condition({ kind: 'bollinger-break', side: 'upper', period: 3, stddev: 1 });
  const lower = condition({ kind: 'bollinger-break', side: 'lower', period: 3, stddev: 1 });

  it('holds while the close is beyond the band', () => {
    // Window 10, 10, 13: mean 11, population σ √2 → upper band 12.41.
    const evaluation = evaluateCondition(upper, on([10, 10, 10, 13]));
    expect(evaluation.active).toBe(true);
    expect(evaluation.message.values.band).toBeCloseTo(11 + Math.SQRT2, 12);
    expect(evaluateCondition(lower, on([10, 10, 10, 13])).active).toBe(false);
    expect(evaluateCondition(lower, on([10, 10, 10, 7])).active).toBe(true);
  });

  it('is not broken by a flat series whose bands collapse onto the price', () => {
    expect(evaluateCondition(upper, on([10, 10, 10, 10])).active).toBe(false);
    expect(evaluateCondition(lower, on([10, 10, 10, 10])).active).toBe(false);
  });
});

describe('needsBars', () => {
  const spy = loadSpy();
  const conditions: RuleCondition[] = [
    condition({ kind: 'rsi-below', level: 30 }),
    condition({ kind: 'macd-cross', direction: 'bullish' }),
    condition({ kind: 'golden-cross' }),
    condition({ kind: 'death-cross', average: 'ema' }),
    condition({ kind: 'bollinger-break', side: 'upper' }),
    condition({ kind: 'volume-spike', multiple: 2 }),
  ];

  it.each(conditions.map((c) => [c.kind, c] as const))(
    '%s is judged with exactly needsBars bars and not with one fewer',
    (_, c) => {
      const needed = needsBars(c);
      const judged = evaluateCondition(c, symbolInput({ bars: sliceBarSeries(spy, 0, needed) }));
      expect(judged.message.key).not.toMatch(/reason/);
      const short = sliceBarSeries(spy, 0, needed - 1);
      expect(evaluateCondition(c, symbolInput({ bars: short })).message.key).toBe(
        'alertRules.reason.notEnoughBars',
      );
    },
  );

  it('is 0 for kinds that read only quotes or the portfolio', () => {
    expect(needsBars(condition({ kind: 'price-above', price: '1' }))).toBe(0);
    expect(needsBars(condition({ kind: 'day-change', percent: 1 }))).toBe(0);
    expect(needsBars(condition({ kind: 'portfolio-return-above', percent: 1 }))).toBe(0);
  });
});
