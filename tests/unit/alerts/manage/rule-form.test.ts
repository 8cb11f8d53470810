import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import {
  newRuleForm,
  ruleFormFromRule,
  ruleInputFromForm,
  ruleServerProblems,
  ruleUpdateInput,
  withKind,
  type RuleForm,
} from '@/components/alerts/manage/rule-form';
import type { AlertRule } from '@/components/alerts/manage/types';
import { conditionKinds } from '@/server/alerts/rules';
import { listStrategies } from '@/server/analysis/strategies/registry';
import { createRuleInput, updateRuleInput } from '@/server/alerts/schemas';

const smaCross = listStrategies().find((s) => s.id === 'sma-cross')!;

/** The form as the user leaves it: defaults, a stock, a price, a strategy. */
function filled(kind: (typeof conditionKinds)[number]): RuleForm {
  const form = { ...newRuleForm(kind), symbol: '005930.KS' };
  if ('price' in form.params) form.params.price = '80,000';
  if (kind === 'strategy-signal') form.strategy = 'sma-cross';
  return form;
}

/** How a tRPC client error with input issues looks in the browser. */
function serverError(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  if (result.success) throw new Error('expected the server to reject this input');
  return Object.assign(new Error('bad input'), {
    data: { code: 'BAD_REQUEST', zodError: z.flattenError(result.error) },
  });
}

function rule(overrides: Partial<AlertRule> = {}): AlertRule {
  return {
    id: 'r1',
    builtinKey: null,
    condition: { kind: 'price-above', price: '80000' },
    symbol: '005930.KS',
    severity: 'warning',
    cooldownMinutes: 240,
    enabled: true,
    description: 'Price at or above ₩80,000',
    lastFiredAt: null,
    createdAt: new Date('2026-05-01T00:00:00Z'),
    ...overrides,
  };
}

describe('ruleInputFromForm', () => {
  it('turns every kind’s prefilled form into an input the server accepts', () => {
    for (const kind of conditionKinds) {
      const result = ruleInputFromForm(filled(kind), smaCross);
      expect(result.ok, kind).toBe(true);
      if (!result.ok) continue;
      expect(createRuleInput.safeParse(result.input).success, kind).toBe(true);
    }
  });

  it('builds a price rule on a stock: thousands separators dropped, the stock kept', () => {
    const result = ruleInputFromForm({ ...filled('price-above'), severity: 'critical' });
    expect(result).toEqual({
      ok: true,
      input: {
        condition: { kind: 'price-above', price: '80000' },
        symbol: '005930.KS',
        severity: 'critical',
        cooldownMinutes: 60,
        enabled: true,
      },
    });
  });

  it('sends numbers as numbers and choices as chosen', () => {
    const form = filled('golden-cross');
    form.params = { fast: '20', slow: '60', average: 'ema' };
    const result = ruleInputFromForm(form);
    expect(result.ok && result.input.condition).toEqual({
      kind: 'golden-cross',
      fast: 20,
      slow: 60,
      average: 'ema',
    });
  });

  it('drops the stock of holding and portfolio rules', () => {
    const result = ruleInputFromForm({ ...filled('holding-return-below'), symbol: '005930.KS' });
    expect(result.ok && result.input).toMatchObject({
      condition: { kind: 'holding-return-below', percent: -10 },
      symbol: null,
    });
  });

  it('names each field that cannot be sent', () => {
    const form = { ...newRuleForm('day-change'), cooldown: '1.5' };
    form.params.percent = '0';
    expect(ruleInputFromForm(form)).toEqual({
      ok: false,
      invalidStrategyParam: null,
      problems: {
        percent: { key: 'aboveRange', min: 0, max: 1000 },
        symbol: { key: 'symbolRequired' },
        cooldown: { key: 'cooldown', max: 10080 },
      },
    });

    const price = filled('price-below');
    price.params.price = '';
    expect(ruleInputFromForm(price)).toMatchObject({ problems: { price: { key: 'required' } } });
    price.params.price = '0';
    expect(ruleInputFromForm(price)).toMatchObject({ problems: { price: { key: 'price' } } });
    price.params.price = '12abc';
    expect(ruleInputFromForm(price)).toMatchObject({ problems: { price: { key: 'price' } } });

    const rsi = filled('rsi-below');
    rsi.params.period = '14.5';
    rsi.params.level = 'x';
    expect(ruleInputFromForm(rsi)).toMatchObject({
      problems: { period: { key: 'wholeNumber' }, level: { key: 'number' } },
    });

    const cross = filled('death-cross');
    cross.params.fast = '200';
    expect(ruleInputFromForm(cross)).toMatchObject({
      problems: { fast: { key: 'fastBeforeSlow' } },
    });
  });

  it('needs a known strategy for a strategy signal and checks its parameters', () => {
    const form = filled('strategy-signal');
    expect(ruleInputFromForm(form, undefined)).toMatchObject({
      problems: { strategy: { key: 'strategyRequired' } },
    });
    form.strategyParams = { fast: '5', slow: '30' };
    const ok = ruleInputFromForm({ ...form, params: { action: 'SELL' } }, smaCross);
    // Parameters left alone are sent at the strategy's defaults.
    const defaults = Object.fromEntries(smaCross.params.map((p) => [p.name, p.default]));
    expect(ok.ok && ok.input.condition).toEqual({
      kind: 'strategy-signal',
      action: 'SELL',
      strategy: 'sma-cross',
      params: { ...defaults, fast: 5, slow: 30 },
    });
    form.strategyParams = { fast: '0' };
    expect(ruleInputFromForm(form, smaCross)).toMatchObject({
      ok: false,
      invalidStrategyParam: 'fast',
    });
  });
});

describe('editing', () => {
  it('starts from the saved rule and keeps a typed price across price kinds', () => {
    const form = ruleFormFromRule(rule());
    expect(form).toMatchObject({
      kind: 'price-above',
      symbol: '005930.KS',
      params: { price: '80000' },
      severity: 'warning',
      cooldown: '240',
    });
    expect(withKind(form, 'price-below').params).toEqual({ price: '80000' });
    expect(withKind(form, 'rsi-above').params).toEqual({ level: '70', period: '14' });
  });

  it('reads a saved strategy signal back with its parameters', () => {
    const saved = rule({
      condition: {
        kind: 'strategy-signal',
        strategy: 'sma-cross',
        action: 'BUY',
        params: { fast: 5, slow: 30 },
      },
    });
    expect(ruleFormFromRule(saved)).toMatchObject({
      strategy: 'sma-cross',
      params: { action: 'BUY' },
      strategyParams: { fast: '5', slow: '30' },
    });
  });

  it('leaves the condition out of an update that does not change it (its state survives)', () => {
    const saved = rule();
    const form = { ...ruleFormFromRule(saved), severity: 'critical' as const, enabled: false };
    const result = ruleInputFromForm(form);
    if (!result.ok) throw new Error('expected a valid form');
    const update = ruleUpdateInput(saved, result.input);
    expect(update).toEqual({
      id: 'r1',
      severity: 'critical',
      cooldownMinutes: 240,
      enabled: false,
    });
    expect(updateRuleInput.safeParse(update).success).toBe(true);

    form.params.price = '85000';
    const changed = ruleInputFromForm(form);
    if (!changed.ok) throw new Error('expected a valid form');
    expect(ruleUpdateInput(saved, changed.input)).toMatchObject({
      condition: { kind: 'price-above', price: '85000' },
      symbol: '005930.KS',
    });
  });
});

describe('ruleServerProblems', () => {
  it('puts the server’s condition issues on the parameter they name', () => {
    const percent = serverError(createRuleInput, {
      condition: { kind: 'day-change', percent: 5000 },
      symbol: '005930.KS',
      severity: 'info',
      cooldownMinutes: 60,
    });
    expect(ruleServerProblems(percent, 'day-change')).toEqual({
      percent: { key: 'aboveRange', min: 0, max: 1000 },
    });

    const cross = serverError(createRuleInput, {
      condition: { kind: 'macd-cross', direction: 'bullish', fast: 30, slow: 26 },
      symbol: '005930.KS',
      severity: 'info',
      cooldownMinutes: 60,
    });
    expect(ruleServerProblems(cross, 'macd-cross')).toEqual({ fast: { key: 'fastBeforeSlow' } });

    const strategy = serverError(createRuleInput, {
      condition: { kind: 'strategy-signal', strategy: 'no-such', action: 'BUY' },
      symbol: '005930.KS',
      severity: 'info',
      cooldownMinutes: 99999,
    });
    expect(ruleServerProblems(strategy, 'strategy-signal')).toMatchObject({
      strategy: { key: 'server' },
      cooldown: { key: 'cooldown', max: 10080 },
    });
  });

  it('points the rule service’s stock objections at the stock field', () => {
    const noSymbol = Object.assign(new Error('This rule needs a stock symbol.'), {
      data: { code: 'BAD_REQUEST', zodError: null },
    });
    expect(ruleServerProblems(noSymbol, 'price-above')).toEqual({
      symbol: { key: 'symbolRequired' },
    });
    const other = Object.assign(new Error('You can have at most 200 alert rules.'), {
      data: { code: 'BAD_REQUEST', zodError: null },
    });
    expect(ruleServerProblems(other, 'price-above')).toEqual({});
  });
});
