import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { describeCondition, renderAlertText, renderAlertTitle } from '@/server/alerts/messages';
import {
  conditionKinds,
  evaluateCondition,
  kindKey,
  reasonKeys,
  type Evaluation,
  type PortfolioInput,
  type RuleCondition,
} from '@/server/alerts/rules';
import { messagesFor } from '@/i18n/messages';
import { barsOf, condition, holdingInput, symbolInput } from './fixtures';

const locales = ['en', 'ko'] as const;
const portfolio = (returnRate: number): PortfolioInput => ({
  returnRate,
  totalValue: '12345678',
  currency: 'KRW',
});
const crossUp = barsOf([10, 9, 8, 7, 12]);
const flat = barsOf([10, 10, 10, 10, 10]);

/** For every kind: a condition with an input where it holds and one where it does not. */
const cases: [RuleCondition, Evaluation, Evaluation][] = (
  [
    [
      { kind: 'price-above', price: '80000' },
      symbolInput({ price: '81000' }),
      symbolInput({ price: '79000' }),
    ],
    [
      { kind: 'price-below', price: '80000' },
      symbolInput({ price: '79000' }),
      symbolInput({ price: '81000' }),
    ],
    [{ kind: 'day-change', percent: 2 }, symbolInput(), symbolInput({ previousClose: '80000' })],
    [
      { kind: 'holding-day-move', percent: 2 },
      holdingInput(),
      holdingInput({ previousClose: '80000' }),
    ],
    [{ kind: 'holding-return-above', percent: 5 }, holdingInput(), holdingInput({ returnRate: 0 })],
    [{ kind: 'holding-return-below', percent: 5 }, holdingInput({ returnRate: 0 }), holdingInput()],
    [{ kind: 'portfolio-return-above', percent: 20 }, portfolio(0.25), portfolio(0.1)],
    [{ kind: 'portfolio-return-below', percent: -10 }, portfolio(-0.15), portfolio(0.1)],
    [
      { kind: 'volume-spike', multiple: 2, lookback: 3 },
      symbolInput({ bars: barsOf([1, 1, 1, 1], [100, 100, 100, 900]) }),
      symbolInput({ bars: barsOf([1, 1, 1, 1]) }),
    ],
    [
      { kind: 'rsi-below', level: 30, period: 2 },
      symbolInput({ bars: barsOf([10, 9, 8]) }),
      symbolInput({ bars: barsOf([8, 9, 10]) }),
    ],
    [
      { kind: 'rsi-above', level: 70, period: 2 },
      symbolInput({ bars: barsOf([8, 9, 10]) }),
      symbolInput({ bars: barsOf([10, 9, 8]) }),
    ],
    [
      { kind: 'macd-cross', direction: 'bullish', fast: 2, slow: 3, signal: 2 },
      symbolInput({ bars: barsOf([100, 99, 97, 94, 90, 85, 79, 95]) }),
      symbolInput({ bars: barsOf([100, 99, 97, 94, 90, 85, 79]) }),
    ],
    [
      { kind: 'golden-cross', fast: 2, slow: 3 },
      symbolInput({ bars: crossUp }),
      symbolInput({ bars: flat }),
    ],
    [
      { kind: 'death-cross', fast: 2, slow: 3 },
      symbolInput({ bars: barsOf([7, 8, 9, 10, 5]) }),
      symbolInput({ bars: flat }),
    ],
    [
      { kind: 'bollinger-break', side: 'upper', period: 3, stddev: 1 },
      symbolInput({ bars: barsOf([10, 10, 10, 13]) }),
      symbolInput({ bars: flat }),
    ],
    [
      {
        kind: 'strategy-signal',
        strategy: 'sma-cross',
        action: 'BUY',
        params: { fast: 2, slow: 3 },
      },
      symbolInput({ bars: crossUp }),
      symbolInput({ bars: flat }),
    ],
  ] as const
).map(([raw, activeInput, inactiveInput]) => {
  const c = condition(raw);
  return [c, evaluateCondition(c, activeInput), evaluateCondition(c, inactiveInput)];
});

let errors: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  // use-intl reports a missing key or value through console.error and renders a fallback.
  errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  expect(errors).not.toHaveBeenCalled();
  errors.mockRestore();
});

function expectRendered(text: string) {
  expect(text).not.toMatch(/[{}]|alertRules\.|undefined|NaN/);
  expect(text.length).toBeGreaterThan(3);
}

describe('every kind renders in both languages', () => {
  it('covers every kind', () => {
    expect(cases.map(([c]) => c.kind)).toEqual([...conditionKinds]);
  });

  it.each(
    cases.flatMap(([c, active, inactive]) =>
      locales.map((l) => [c.kind, l, active, inactive, c] as const),
    ),
  )('%s in %s: title, body, current state and description', (kind, locale, active, inactive, c) => {
    expect(active.active, `${kind} should hold`).toBe(true);
    expect(active.message.key).toBe(`alertRules.fired.${kindKey(kind)}`);
    expect(inactive.active, `${kind} should not hold`).toBe(false);
    expect(inactive.message.key).toBe(`alertRules.current.${kindKey(kind)}`);
    expectRendered(renderAlertTitle(locale, active.message));
    expectRendered(renderAlertText(locale, active.message));
    expectRendered(renderAlertText(locale, inactive.message));
    expectRendered(renderAlertText(locale, describeCondition(c, { currency: 'KRW' })));
  });

  it('has a text for every reason', () => {
    const values = { symbol: 'AAPL', lookback: 20, needed: 30, have: 5, strategy: 'macd-cross' };
    for (const locale of locales) {
      for (const reason of reasonKeys) {
        expectRendered(renderAlertText(locale, { key: `alertRules.reason.${reason}`, values }));
      }
    }
  });

  it('names every kind, severity and built-in rule in the catalogue', () => {
    for (const locale of locales) {
      const catalogue = messagesFor(locale).alertRules;
      expect(Object.keys(catalogue.kinds)).toEqual(conditionKinds.map(kindKey));
      expect(Object.keys(catalogue.severities)).toEqual(['info', 'warning', 'critical']);
    }
  });
});

describe('formatting', () => {
  it('shows KRW in whole won and USD in cents', () => {
    const krw = evaluateCondition(
      condition({ kind: 'price-above', price: '80000' }),
      symbolInput({ price: '80500' }),
    );
    expect(renderAlertTitle('en', krw.message)).toBe('005930 at or above ₩80,000');
    expect(renderAlertText('en', krw.message)).toBe(
      '005930 is at ₩80,500, at or above your alert price of ₩80,000.',
    );
    expect(renderAlertText('ko', krw.message)).toBe(
      '005930 현재가 ₩80,500 — 알림 가격 ₩80,000 이상에 도달했습니다.',
    );
    const usd = evaluateCondition(
      condition({ kind: 'price-below', price: '182.5' }),
      symbolInput({ symbol: 'AAPL', currency: 'USD', price: '180' }),
    );
    expect(renderAlertText('en', usd.message)).toBe(
      'Apple Inc. (AAPL) is at $180.00, at or below your alert price of $182.50.',
    );
  });

  it('names a known stock in the reader’s language, with its code', () => {
    const krw = evaluateCondition(
      condition({ kind: 'price-above', price: '80000' }),
      symbolInput({ symbol: '005930.KS', price: '80500' }),
    );
    expect(renderAlertText('ko', krw.message)).toMatch(/^삼성전자 \(005930\) /);
    expect(renderAlertText('en', krw.message)).toMatch(/^Samsung Electronics \(005930\) /);
  });

  it('signs changes and returns in percent', () => {
    const move = evaluateCondition(
      condition({ kind: 'day-change', percent: 3, direction: 'down' }),
      symbolInput({ symbol: 'AAPL', currency: 'USD', price: '174.6', previousClose: '180' }),
    );
    expect(renderAlertTitle('en', move.message)).toBe('Apple Inc. (AAPL) -3.00% today');
    expect(renderAlertText('en', move.message)).toBe(
      'Apple Inc. (AAPL) is -3.00% today at $174.60 (previous close $180.00): a move of 3% or more down.',
    );
    expect(renderAlertText('ko', move.message)).toBe(
      '애플 (AAPL) 오늘 -3.00%, 현재가 US$174.60 (전일 종가 US$180.00) — 알림 기준인 하락 3% 이상에 도달했습니다.',
    );
    const floor = evaluateCondition(
      condition({ kind: 'portfolio-return-below', percent: -10 }),
      portfolio(-0.1234),
    );
    expect(renderAlertText('en', floor.message)).toBe(
      "Your portfolio's return is -12.34% (total value ₩12,345,678), at or below your alert level of -10%.",
    );
  });

  it('names strategies and their reasons in the reader’s language', () => {
    const signal = cases.find(([c]) => c.kind === 'strategy-signal')![1];
    expect(renderAlertText('en', signal.message)).toBe(
      'SMA crossover signals buy on 005930 at ₩12: Bullish crossover.',
    );
    expect(renderAlertText('ko', signal.message)).toContain('SMA 교차 전략 매수 신호');
  });

  it('describes conditions for the rules list', () => {
    const price = condition({ kind: 'price-above', price: '80000' });
    expect(renderAlertText('en', describeCondition(price, { currency: 'KRW' }))).toBe(
      'Price at or above ₩80,000',
    );
    expect(renderAlertText('ko', describeCondition(price, { currency: 'KRW' }))).toBe(
      '가격 ₩80,000 이상',
    );
    expect(renderAlertText('en', describeCondition(price))).toBe('Price at or above 80,000');
    const move = condition({ kind: 'holding-day-move', percent: 3 });
    expect(renderAlertText('en', describeCondition(move))).toBe(
      'A holding moves 3% or more in a day either way',
    );
    expect(renderAlertText('ko', describeCondition(move))).toBe('보유 종목 하루 등락 3% 이상');
    const floor = condition({ kind: 'portfolio-return-below', percent: -10 });
    expect(renderAlertText('en', describeCondition(floor))).toBe(
      'Portfolio return at or below -10%',
    );
  });
});
