import { describe, expect, it } from 'vitest';
import { evaluateCondition } from '@/server/alerts/rules';
import { barsOf, condition, holdingInput, symbolInput } from './fixtures';

describe('price-above / price-below', () => {
  const above = condition({ kind: 'price-above', price: '80000' });
  const below = condition({ kind: 'price-below', price: '80000' });

  it('holds at or beyond the threshold, compared as decimals', () => {
    expect(evaluateCondition(above, symbolInput({ price: '80000' })).active).toBe(true);
    expect(evaluateCondition(above, symbolInput({ price: '79999.99' })).active).toBe(false);
    expect(evaluateCondition(below, symbolInput({ price: '80000' })).active).toBe(true);
    expect(evaluateCondition(below, symbolInput({ price: '80000.01' })).active).toBe(false);
    // 0.1 + 0.2 style float noise cannot flip a decimal comparison.
    const cents = condition({ kind: 'price-above', price: '0.3' });
    expect(evaluateCondition(cents, symbolInput({ price: '0.30' })).active).toBe(true);
  });

  it('reports the observed price and a fired or current message', () => {
    expect(evaluateCondition(above, symbolInput({ price: '80500' }))).toEqual({
      active: true,
      observed: '80500',
      message: {
        key: 'alertRules.fired.priceAbove',
        values: { symbol: '005930', currency: 'KRW', price: '80500', threshold: '80000' },
      },
    });
    expect(evaluateCondition(above, symbolInput({ price: '79000' })).message.key).toBe(
      'alertRules.current.priceAbove',
    );
  });

  it('is inactive with a reason when there is no price', () => {
    expect(evaluateCondition(above, symbolInput({ price: '' }))).toEqual({
      active: false,
      observed: null,
      message: { key: 'alertRules.reason.noPrice', values: { symbol: '005930' } },
    });
  });
});

describe('day-change', () => {
  const either = condition({ kind: 'day-change', percent: 3 });
  const up = condition({ kind: 'day-change', percent: 3, direction: 'up' });
  const down = condition({ kind: 'day-change', percent: 3, direction: 'down' });
  const at = (price: string) => symbolInput({ price, previousClose: '100000' });

  it('compares the change versus the previous close in the chosen direction', () => {
    expect(evaluateCondition(either, at('103000')).active).toBe(true);
    expect(evaluateCondition(either, at('97000')).active).toBe(true);
    expect(evaluateCondition(either, at('102999')).active).toBe(false);
    expect(evaluateCondition(up, at('103000')).active).toBe(true);
    expect(evaluateCondition(up, at('97000')).active).toBe(false);
    expect(evaluateCondition(down, at('97000')).active).toBe(true);
    expect(evaluateCondition(down, at('103000')).active).toBe(false);
  });

  it('observes the change in percent', () => {
    const evaluation = evaluateCondition(either, at('96500'));
    expect(evaluation.observed).toBe(-3.5);
    expect(evaluation.message.values).toMatchObject({ change: -3.5, move: 'down', percent: 3 });
  });

  it('is inactive without a previous close', () => {
    const evaluation = evaluateCondition(either, symbolInput({ previousClose: null }));
    expect(evaluation).toMatchObject({ active: false, observed: null });
    expect(evaluation.message.key).toBe('alertRules.reason.noPreviousClose');
  });
});

describe('holding-day-move', () => {
  const move = condition({ kind: 'holding-day-move', percent: 5 });

  it('applies to a holding', () => {
    const input = holdingInput({ price: '94000', previousClose: '100000' });
    const evaluation = evaluateCondition(move, input);
    expect(evaluation.active).toBe(true);
    expect(evaluation.message.key).toBe('alertRules.fired.holdingDayMove');
    expect(
      evaluateCondition(move, holdingInput({ price: '96000', previousClose: '100000' })),
    ).toMatchObject({ active: false, observed: -4 });
  });

  it('refuses symbol data without the holding', () => {
    // @ts-expect-error a holding condition needs a holding input
    expect(() => evaluateCondition(move, symbolInput())).toThrow(/holding data/);
  });
});

describe('volume-spike', () => {
  const spike = condition({ kind: 'volume-spike', multiple: 3, lookback: 4 });
  const bars = barsOf([10, 10, 10, 10, 11], [100, 120, 80, 100, 350]);

  it("compares today's volume with the mean of the previous lookback days", () => {
    const evaluation = evaluateCondition(spike, symbolInput({ bars }));
    expect(evaluation).toMatchObject({ active: true, observed: 3.5 });
    expect(evaluation.message.values).toMatchObject({ volume: 350, averageVolume: 100 });
  });

  it("prefers the quote's volume over the live bar's", () => {
    expect(evaluateCondition(spike, symbolInput({ bars, volume: 250 }))).toMatchObject({
      active: false,
      observed: 2.5,
    });
  });

  it('needs lookback + 1 bars and a non-zero average', () => {
    const short = evaluateCondition(spike, symbolInput({ bars: barsOf([1, 1, 1, 1]) }));
    expect(short.message).toEqual({
      key: 'alertRules.reason.notEnoughBars',
      values: { symbol: '005930', needed: 5, have: 4 },
    });
    const quiet = barsOf([1, 1, 1, 1, 1], [0, 0, 0, 0, 500]);
    expect(evaluateCondition(spike, symbolInput({ bars: quiet })).message.key).toBe(
      'alertRules.reason.noAverageVolume',
    );
    expect(evaluateCondition(spike, symbolInput()).message.key).toBe(
      'alertRules.reason.notEnoughBars',
    );
  });
});
