import { describe, expect, it } from 'vitest';
import { evaluateCondition, needsBars } from '@/server/alerts/rules';
import { sliceBarSeries } from '@/server/analysis/bars';
import { listStrategies } from '@/server/analysis/strategies/registry';
import { loadSpy } from '../../analysis/strategies/fixture';
import { barsOf, condition, symbolInput } from './fixtures';

describe('strategy-signal', () => {
  const params = { fast: 2, slow: 3 };
  const buy = condition({ kind: 'strategy-signal', strategy: 'sma-cross', action: 'BUY', params });
  const sell = condition({
    kind: 'strategy-signal',
    strategy: 'sma-cross',
    action: 'SELL',
    params,
  });
  const crossUp = symbolInput({ bars: barsOf([10, 9, 8, 7, 12]) });

  it("holds when the strategy's signal on the latest bar is the action", () => {
    const evaluation = evaluateCondition(buy, crossUp);
    expect(evaluation).toMatchObject({ active: true, observed: 'BUY' });
    expect(evaluation.message).toMatchObject({
      key: 'alertRules.fired.strategySignal',
      values: {
        strategy: 'sma-cross',
        action: 'BUY',
        signalAction: 'BUY',
        reason: 'bullish-cross',
      },
    });
    expect(evaluateCondition(sell, crossUp)).toMatchObject({ active: false, observed: 'BUY' });
    expect(
      evaluateCondition(buy, symbolInput({ bars: barsOf([10, 9, 8, 7, 12, 13]) })),
    ).toMatchObject({ active: false, observed: 'HOLD' });
  });

  it('is inactive while the strategy warms up', () => {
    const evaluation = evaluateCondition(buy, symbolInput({ bars: barsOf([10, 9]) }));
    expect(evaluation).toMatchObject({
      active: false,
      observed: null,
      message: { key: 'alertRules.reason.strategyWarmingUp', values: { have: 2 } },
    });
    expect(evaluateCondition(buy, symbolInput()).message.key).toBe(
      'alertRules.reason.notEnoughBars',
    );
  });

  it.each(listStrategies().map((s) => s.id))(
    'needsBars is enough history for %s with its defaults',
    (strategy) => {
      const c = condition({ kind: 'strategy-signal', strategy, action: 'BUY' });
      const bars = sliceBarSeries(loadSpy(), 0, needsBars(c));
      expect(evaluateCondition(c, symbolInput({ bars })).message.key).not.toMatch(/reason/);
    },
  );
});
