import { describe, expect, it } from 'vitest';
import {
  conditionKinds,
  conditionScope,
  isPeriodic,
  ruleConditionSchema,
} from '@/server/alerts/rules';

function problems(input: unknown): string[] {
  const result = ruleConditionSchema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('ruleConditionSchema', () => {
  it('fills the documented defaults', () => {
    expect(ruleConditionSchema.parse({ kind: 'day-change', percent: 3 })).toEqual({
      kind: 'day-change',
      percent: 3,
      direction: 'either',
    });
    expect(ruleConditionSchema.parse({ kind: 'volume-spike', multiple: 2 })).toEqual({
      kind: 'volume-spike',
      multiple: 2,
      lookback: 20,
    });
    expect(ruleConditionSchema.parse({ kind: 'rsi-below', level: 30 })).toEqual({
      kind: 'rsi-below',
      level: 30,
      period: 14,
    });
    expect(ruleConditionSchema.parse({ kind: 'macd-cross', direction: 'bullish' })).toEqual({
      kind: 'macd-cross',
      direction: 'bullish',
      fast: 12,
      slow: 26,
      signal: 9,
    });
    expect(ruleConditionSchema.parse({ kind: 'golden-cross' })).toEqual({
      kind: 'golden-cross',
      fast: 50,
      slow: 200,
      average: 'sma',
    });
    expect(ruleConditionSchema.parse({ kind: 'bollinger-break', side: 'lower' })).toEqual({
      kind: 'bollinger-break',
      side: 'lower',
      period: 20,
      stddev: 2,
    });
  });

  it('normalises price strings and accepts negative return levels', () => {
    expect(ruleConditionSchema.parse({ kind: 'price-above', price: ' 080000.50 ' })).toEqual({
      kind: 'price-above',
      price: '80000.5',
    });
    expect(ruleConditionSchema.parse({ kind: 'portfolio-return-below', percent: -10 })).toEqual({
      kind: 'portfolio-return-below',
      percent: -10,
    });
  });

  it('accepts every strategy of the analysis engine with its own parameters', () => {
    expect(
      ruleConditionSchema.parse({
        kind: 'strategy-signal',
        strategy: 'sma-cross',
        action: 'BUY',
        params: { fast: 5, slow: 30 },
      }),
    ).toMatchObject({ strategy: 'sma-cross', params: { fast: 5, slow: 30 } });
  });

  it.each([
    [{ kind: 'price-above', price: '-1' }, 'price: price must be a decimal string'],
    [{ kind: 'price-above', price: 'abc' }, 'price: price must be a decimal string'],
    [{ kind: 'price-below', price: '0' }, 'price: price must be greater than 0'],
    [{ kind: 'price-above', price: 80000 }, 'price: price must be a decimal string'],
    [{ kind: 'day-change', percent: 0 }, 'percent: percent must be greater than 0'],
    [{ kind: 'day-change', percent: 3, direction: 'sideways' }, 'direction: direction must be'],
    [{ kind: 'holding-return-below', percent: -150 }, 'percent: percent must be at least -100'],
    [{ kind: 'volume-spike', multiple: 1 }, 'multiple: multiple must be greater than 1'],
    [{ kind: 'volume-spike', multiple: 2, lookback: 2.5 }, 'lookback: lookback must be a whole'],
    [{ kind: 'rsi-above', level: 120 }, 'level: level must be between 0 and 100'],
    [{ kind: 'macd-cross', direction: 'bullish', fast: 30 }, 'fast: fast must be less than slow'],
    [{ kind: 'golden-cross', fast: 200, slow: 50 }, 'fast: fast must be less than slow'],
    [{ kind: 'bollinger-break', side: 'middle' }, 'side: side must be upper or lower'],
    [{ kind: 'strategy-signal', strategy: 'nope', action: 'BUY' }, 'strategy: unknown strategy'],
    [
      { kind: 'strategy-signal', strategy: 'sma-cross', action: 'BUY', params: { fast: 40 } },
      'params: sma-cross params: fast: must be less than slow',
    ],
    [{ kind: 'strategy-signal', strategy: 'sma-cross', action: 'HOLD' }, 'action: action must be'],
    [{ kind: 'day-change', percent: 3, extra: 1 }, ': unknown parameter "extra" for day-change'],
    [{ kind: 'price-sideways' }, 'kind: kind must be one of price-above'],
  ])('rejects %j with a clear message', (input, message) => {
    expect(problems(input).join('\n')).toContain(message);
  });
});

describe('condition kinds', () => {
  it('have a scope each', () => {
    expect(conditionKinds.map((kind) => [kind, conditionScope(kind)])).toEqual([
      ['price-above', 'symbol'],
      ['price-below', 'symbol'],
      ['day-change', 'symbol'],
      ['holding-day-move', 'holding'],
      ['holding-return-above', 'holding'],
      ['holding-return-below', 'holding'],
      ['portfolio-return-above', 'portfolio'],
      ['portfolio-return-below', 'portfolio'],
      ['volume-spike', 'symbol'],
      ['rsi-below', 'symbol'],
      ['rsi-above', 'symbol'],
      ['macd-cross', 'symbol'],
      ['golden-cross', 'symbol'],
      ['death-cross', 'symbol'],
      ['bollinger-break', 'symbol'],
      ['strategy-signal', 'symbol'],
    ]);
  });

  it('are periodic (session-scoped) only for moves within a day', () => {
    expect(conditionKinds.filter(isPeriodic)).toEqual([
      'day-change',
      'holding-day-move',
      'volume-spike',
    ]);
  });
});
