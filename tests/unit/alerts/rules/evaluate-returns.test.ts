import { describe, expect, it } from 'vitest';
import { evaluateCondition, type PortfolioInput } from '@/server/alerts/rules';
import { condition, holdingInput } from './fixtures';

const portfolio = (returnRate: number | null): PortfolioInput => ({
  returnRate,
  totalValue: '12000000',
  currency: 'KRW',
});

describe('holding-return-above / holding-return-below', () => {
  const target = condition({ kind: 'holding-return-above', percent: 20 });
  const floor = condition({ kind: 'holding-return-below', percent: -7 });

  it('compares the return rate (a fraction) with the level in percent, exactly', () => {
    expect(evaluateCondition(target, holdingInput({ returnRate: 0.2 })).active).toBe(true);
    expect(evaluateCondition(target, holdingInput({ returnRate: 0.1999 })).active).toBe(false);
    expect(evaluateCondition(floor, holdingInput({ returnRate: -0.07 })).active).toBe(true);
    expect(evaluateCondition(floor, holdingInput({ returnRate: -0.0699 })).active).toBe(false);
    // 0.57 × 100 is 56.99999999999999 in floats; the decimal comparison sees exactly 57 %.
    const at57 = condition({ kind: 'holding-return-above', percent: 57 });
    expect(evaluateCondition(at57, holdingInput({ returnRate: 0.57 })).active).toBe(true);
  });

  it('observes the return in percent', () => {
    const evaluation = evaluateCondition(target, holdingInput({ returnRate: 0.25 }));
    expect(evaluation.observed).toBe(25);
    expect(evaluation.message).toEqual({
      key: 'alertRules.fired.holdingReturnAbove',
      values: {
        symbol: '005930',
        currency: 'KRW',
        price: '80000',
        averageCost: '70000',
        returnPercent: 25,
        target: 20,
      },
    });
  });

  it('is inactive without a cost basis', () => {
    expect(evaluateCondition(target, holdingInput({ returnRate: null }))).toMatchObject({
      active: false,
      message: { key: 'alertRules.reason.noHoldingReturn' },
    });
  });
});

describe('portfolio-return-above / portfolio-return-below', () => {
  const target = condition({ kind: 'portfolio-return-above', percent: 20 });
  const floor = condition({ kind: 'portfolio-return-below', percent: -10 });

  it('holds at or beyond the level', () => {
    expect(evaluateCondition(target, portfolio(0.21)).active).toBe(true);
    expect(evaluateCondition(target, portfolio(0.19)).active).toBe(false);
    expect(evaluateCondition(floor, portfolio(-0.1)).active).toBe(true);
    expect(evaluateCondition(floor, portfolio(-0.05)).active).toBe(false);
    expect(evaluateCondition(floor, portfolio(-0.12)).message.values).toEqual({
      currency: 'KRW',
      totalValue: '12000000',
      returnPercent: -12,
      target: -10,
    });
  });

  it('is inactive before anything was invested', () => {
    expect(evaluateCondition(floor, portfolio(null))).toMatchObject({
      active: false,
      observed: null,
      message: { key: 'alertRules.reason.noPortfolioReturn' },
    });
  });
});
