import { describe, expect, it } from 'vitest';
import { createRuleInput, updateRuleInput } from '@/server/alerts/schemas';

describe('alert rule inputs', () => {
  it('a partial update changes only what it names (no default switches a rule back on)', () => {
    expect(updateRuleInput.parse({ id: 'r1', severity: 'critical' })).toEqual({
      id: 'r1',
      severity: 'critical',
    });
  });

  it('a new rule is on unless asked otherwise, and validates its condition', () => {
    const rule = createRuleInput.parse({
      condition: { kind: 'price-above', price: '080000.50' },
      symbol: '005930',
      severity: 'info',
      cooldownMinutes: 60,
    });
    expect(rule).toMatchObject({
      enabled: true,
      symbol: '005930.KS',
      condition: { kind: 'price-above', price: '80000.5' },
    });
    expect(
      createRuleInput.safeParse({
        condition: { kind: 'price-above', price: '-1' },
        symbol: 'AAPL',
        severity: 'info',
        cooldownMinutes: 60,
      }).success,
    ).toBe(false);
  });
});
