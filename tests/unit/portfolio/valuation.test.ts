import { describe, expect, it } from 'vitest';
import { createFxTable } from '@/server/portfolio/calc-fx';
import { applyLedger } from '@/server/portfolio/ledger';
import { valuePortfolio } from '@/server/portfolio/valuation';
import type { LedgerTransaction } from '@/server/portfolio/types';

const fx = createFxTable([
  { date: '2024-01-02', base: 'USD', quote: 'KRW', rate: 1300 },
  { date: '2024-02-01', base: 'USD', quote: 'KRW', rate: 1330 },
  { date: '2024-03-14', base: 'USD', quote: 'KRW', rate: 1340 },
  { date: '2024-06-28', base: 'USD', quote: 'KRW', rate: 1380 },
]);
const ledgerOptions = { reportingCurrencies: ['KRW', 'USD'] as const, fx };

// A KRW brokerage account holding Samsung and Apple, with USD cash.
const krwAccount: LedgerTransaction[] = [
  { id: 'k1', type: 'deposit', tradeDate: '2024-01-02', currency: 'KRW', amount: '10000000' },
  { id: 'k2', type: 'deposit', tradeDate: '2024-01-02', currency: 'USD', amount: '6000' },
  {
    id: 'k3',
    type: 'buy',
    tradeDate: '2024-01-03',
    currency: 'KRW',
    symbol: '005930.KS',
    quantity: '100',
    price: '70000',
    fees: '1000',
  },
  {
    id: 'k4',
    type: 'buy',
    tradeDate: '2024-01-03',
    currency: 'USD',
    symbol: 'AAPL',
    quantity: '20',
    price: '180',
    fees: '1',
  },
  {
    id: 'k5',
    type: 'buy',
    tradeDate: '2024-02-01',
    currency: 'USD',
    symbol: 'AAPL',
    quantity: '10',
    price: '190',
  },
  {
    id: 'k6',
    type: 'dividend',
    tradeDate: '2024-03-14',
    currency: 'USD',
    symbol: 'AAPL',
    amount: '7.20',
    taxes: '1.08',
  },
];
// A USD account.
const usdAccount: LedgerTransaction[] = [
  { id: 'u1', type: 'deposit', tradeDate: '2024-01-02', currency: 'USD', amount: '1000' },
  {
    id: 'u2',
    type: 'buy',
    tradeDate: '2024-01-02',
    currency: 'USD',
    symbol: 'MSFT',
    quantity: '5',
    price: '100',
  },
];

const prices = {
  AAPL: { price: '210', currency: 'USD' as const, previousClose: '208' },
  '005930.KS': { price: '80500', currency: 'KRW' as const, previousClose: '81000' },
  MSFT: { price: '120', currency: 'USD' as const },
};

function value(displayCurrency: 'KRW' | 'USD') {
  return valuePortfolio({
    accounts: [
      { id: 'krw', currency: 'KRW', ledger: applyLedger(krwAccount, ledgerOptions) },
      { id: 'usd', currency: 'USD', ledger: applyLedger(usdAccount, ledgerOptions) },
    ],
    prices,
    fx,
    asOf: '2024-06-28',
    displayCurrency,
  });
}

const s = (d: { toString(): string } | null) => (d === null ? null : d.toString());

describe('valuePortfolio', () => {
  it('separates price and currency effects of a US holding in a KRW account', () => {
    const aapl = value('KRW').accounts[0]!.holdings.find((h) => h.symbol === 'AAPL')!;
    // Local: 30 shares, cost 20×180 + 10×190 = 5,500; MV 30 × 210 = 6,300; unrealized 800.
    expect(s(aapl.local.marketValue)).toBe('6300');
    expect(s(aapl.local.unrealizedPnl)).toBe('800');
    expect(aapl.local.returnRate).toBeCloseTo(800 / 5500, 14);
    // KRW: cost at purchase rates 3,600×1,300 + 1,900×1,330 = 7,207,000; MV 6,300×1,380 =
    // 8,694,000; unrealized 1,487,000 = price effect 800×1,380 (1,104,000)
    //                                  + currency effect 5,500×1,380 − 7,207,000 (383,000).
    expect(s(aapl.account.costBasis)).toBe('7207000');
    expect(s(aapl.account.marketValue)).toBe('8694000');
    expect(s(aapl.account.unrealizedPnl)).toBe('1487000');
    expect(s(aapl.account.priceEffect)).toBe('1104000');
    expect(s(aapl.account.currencyEffect)).toBe('383000');
    // Dividend 7.20 at 1,340 = 9,648, withholding 1.08×1,340 = 1,447.2; fee 1×1,300.
    expect(s(aapl.account.dividends)).toBe('9648');
    expect(s(aapl.account.taxes)).toBe('1447.2');
    expect(s(aapl.account.fees)).toBe('1300');
    expect(aapl.account.fxHistorical).toBe(true);
    // Day change 30 × (210 − 208) = 60 USD → 82,800 KRW at today's rate.
    expect(s(aapl.account.dayChange)).toBe('82800');
  });

  it('values the account: cash in both currencies, totals and the FX gain on cash', () => {
    const krw = value('KRW').accounts[0]!;
    const t = krw.account;
    // Cash: KRW 10,000,000 − 7,001,000 = 2,999,000; USD 6,000 − 3,601 − 1,900 + 6.12 = 505.12
    // → 697,065.6 KRW. MV: Samsung 8,050,000 + Apple 8,694,000 = 16,744,000.
    expect(s(t.cash)).toBe('3696065.6');
    expect(s(t.marketValue)).toBe('16744000');
    expect(s(t.totalAssets)).toBe('20440065.6');
    // Contributions at deposit-date rates: 10,000,000 + 6,000×1,300 = 17,800,000.
    expect(s(t.netContributions)).toBe('17800000');
    expect(s(t.totalGain)).toBe('2640065.6');
    // totalReturn = unrealized 2,537,000 + dividends 9,648 − fees 2,300 − taxes 1,447.2.
    expect(s(t.totalReturn)).toBe('2542900.8');
    // The rest is the FX gain on the USD cash: 505.12 USD cost 599,900.8 KRW at historical rates
    // (7,800,000 − 4,681,300 − 2,527,000 + 8,200.8), worth 697,065.6 now → 97,164.8.
    expect(s(t.otherGain)).toBe('97164.8');
    expect(t.returnRate).toBeCloseTo(2640065.6 / 17800000, 14);
    // Day change: Apple +82,800, Samsung 100 × (80,500 − 81,000) = −50,000.
    expect(s(t.dayChange)).toBe('32800');
    const aapl = krw.holdings.find((h) => h.symbol === 'AAPL')!;
    expect(aapl.weightInAccount).toBeCloseTo(8694000 / 20440065.6, 14);
  });

  it('reports a KRW holding in USD with its currency effect', () => {
    const samsung = value('USD').accounts[0]!.holdings.find((h) => h.symbol === '005930.KS')!;
    // Cost in USD at the 2024-01-03 rate (01-02's 1,300 carried forward): 7,000,000 / 1,300.
    const costUsd = 7000000 / 1300;
    expect(samsung.display.costBasis.toNumber()).toBeCloseTo(costUsd, 9);
    expect(samsung.display.priceEffect.toNumber()).toBeCloseTo(1050000 / 1380, 9);
    expect(samsung.display.currencyEffect.toNumber()).toBeCloseTo(7000000 / 1380 - costUsd, 9);
    expect(
      samsung.display.priceEffect
        .plus(samsung.display.currencyEffect)
        .eq(samsung.display.unrealizedPnl),
    ).toBe(true);
  });

  it('totals all accounts in the display currency', () => {
    const valuation = value('KRW');
    const usd = valuation.accounts[1]!;
    // USD account: cash 500 + MSFT 600 = 1,100 USD; in KRW 1,518,000; contributions 1,300,000.
    expect(s(usd.account.totalAssets)).toBe('1100');
    expect(s(usd.display.totalAssets)).toBe('1518000');
    expect(s(usd.display.netContributions)).toBe('1300000');
    expect(s(valuation.total.totalAssets)).toBe('21958065.6');
    expect(usd.weightInTotal).toBeCloseTo(1518000 / 21958065.6, 14);
    const weights = valuation.accounts.map((a) => a.weightInTotal!);
    expect(weights.reduce((x, y) => x + y)).toBeCloseTo(1, 14);
  });

  it('in a single-currency account without transfers, gain = the broken-out parts exactly', () => {
    const ledger = applyLedger([
      { id: '1', type: 'deposit', tradeDate: '2024-01-02', currency: 'KRW', amount: '5000000' },
      {
        id: '2',
        type: 'buy',
        tradeDate: '2024-01-03',
        currency: 'KRW',
        symbol: 'A',
        quantity: '30',
        price: '50000',
        fees: '225',
      },
      {
        id: '3',
        type: 'sell',
        tradeDate: '2024-02-05',
        currency: 'KRW',
        symbol: 'A',
        quantity: '10',
        price: '56000',
        fees: '84',
        taxes: '1008',
      },
      {
        id: '4',
        type: 'dividend',
        tradeDate: '2024-04-15',
        currency: 'KRW',
        symbol: 'A',
        amount: '7220',
        taxes: '1111',
      },
      { id: '5', type: 'interest', tradeDate: '2024-04-30', currency: 'KRW', amount: '1234' },
      { id: '6', type: 'withdrawal', tradeDate: '2024-05-02', currency: 'KRW', amount: '300000' },
    ]);
    const { account } = valuePortfolio({
      accounts: [{ id: 'a', currency: 'KRW', ledger }],
      prices: new Map([['A', { price: '61000', currency: 'KRW' as const }]]),
      fx,
      asOf: '2024-06-28',
      displayCurrency: 'KRW',
    }).accounts[0]!;
    expect(s(account.otherGain)).toBe('0');
    // realized 10 × 6,000 = 60,000; unrealized 20 × 11,000 = 220,000.
    expect(s(account.realizedPnl)).toBe('60000');
    expect(s(account.unrealizedPnl)).toBe('220000');
    expect(s(account.totalGain)).toBe(
      s(account.unrealizedPnl.plus(60000).plus(7220).plus(1234).minus(309).minus(2119)),
    );
  });

  it('values an unpriced position at cost and lists it', () => {
    const valuation = valuePortfolio({
      accounts: [{ id: 'usd', currency: 'USD', ledger: applyLedger(usdAccount) }],
      prices: {},
      fx,
      asOf: '2024-06-28',
      displayCurrency: 'USD',
    });
    const msft = valuation.accounts[0]!.holdings[0]!;
    expect(msft).toMatchObject({ priced: false, price: null });
    expect(s(msft.local.unrealizedPnl)).toBe('0');
    expect(valuation.accounts[0]!.unpricedSymbols).toEqual(['MSFT']);
  });

  it('translates at today’s rate and says so when the ledger has no historical rates', () => {
    const valuation = valuePortfolio({
      accounts: [{ id: 'usd', currency: 'USD', ledger: applyLedger(usdAccount) }],
      prices,
      fx,
      asOf: '2024-06-28',
      displayCurrency: 'KRW',
    });
    const msft = valuation.accounts[0]!.holdings[0]!;
    expect(msft.display.fxHistorical).toBe(false);
    expect(s(msft.display.currencyEffect)).toBe('0');
    expect(s(msft.display.costBasis)).toBe('690000');
  });

  it('rejects a price in the wrong currency and a missing exchange rate', () => {
    const ledger = applyLedger(usdAccount);
    expect(() =>
      valuePortfolio({
        accounts: [{ id: 'usd', currency: 'USD', ledger }],
        prices: { MSFT: { price: '120', currency: 'KRW' } },
        fx,
        asOf: '2024-06-28',
        displayCurrency: 'USD',
      }),
    ).toThrow(/price of MSFT is in KRW but the holding is in USD/);
    expect(() =>
      valuePortfolio({
        accounts: [{ id: 'usd', currency: 'USD', ledger }],
        prices,
        fx,
        asOf: '2023-01-02',
        displayCurrency: 'KRW',
      }),
    ).toThrow(/no USD→KRW exchange rate for 2023-01-02/);
  });
});
