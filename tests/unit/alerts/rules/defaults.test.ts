import { describe, expect, it } from 'vitest';
import {
  builtinRules,
  evaluateCondition,
  ruleConditionSchema,
  severities,
  type PortfolioInput,
} from '@/server/alerts/rules';
import { holdingInput } from './fixtures';

const portfolio = (returnRate: number): PortfolioInput => ({
  returnRate,
  totalValue: '1000000',
  currency: 'KRW',
});

describe('builtinRules', () => {
  it('are the seed design defaults under stable keys', () => {
    expect(
      builtinRules().map(({ key, condition, severity }) => ({ key, condition, severity })),
    ).toEqual([
      {
        key: 'holding-day-move-3',
        condition: { kind: 'holding-day-move', percent: 3, direction: 'either' },
        severity: 'info',
      },
      {
        key: 'holding-day-move-5',
        condition: { kind: 'holding-day-move', percent: 5, direction: 'either' },
        severity: 'warning',
      },
      {
        key: 'holding-return-target',
        condition: { kind: 'holding-return-above', percent: 20 },
        severity: 'info',
      },
      {
        key: 'portfolio-return-target',
        condition: { kind: 'portfolio-return-above', percent: 20 },
        severity: 'info',
      },
      {
        key: 'portfolio-return-floor',
        condition: { kind: 'portfolio-return-below', percent: -10 },
        severity: 'critical',
      },
    ]);
  });

  it('are valid stored conditions with a severity and a cooldown', () => {
    for (const rule of builtinRules()) {
      expect(ruleConditionSchema.parse(rule.condition)).toEqual(rule.condition);
      expect(severities).toContain(rule.severity);
      expect(rule.cooldownMinutes).toBeGreaterThan(0);
    }
  });

  it('fire as designed: a 6% drop triggers both move rules, −10% the critical floor', () => {
    const [move3, move5, , , floor] = builtinRules();
    const drop = holdingInput({ price: '94000', previousClose: '100000' });
    expect(evaluateCondition(move3!.condition, drop).active).toBe(true);
    expect(evaluateCondition(move5!.condition, drop).active).toBe(true);
    expect(evaluateCondition(floor!.condition, portfolio(-0.1)).active).toBe(true);
    expect(evaluateCondition(floor!.condition, portfolio(-0.09)).active).toBe(false);
  });

  it('returns a fresh copy each time', () => {
    const rules = builtinRules();
    rules[0]!.cooldownMinutes = 1;
    expect(builtinRules()[0]!.cooldownMinutes).not.toBe(1);
  });
});
