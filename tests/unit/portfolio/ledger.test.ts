import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '@/server/errors';
import { fixedFx, createFxTable } from '@/server/portfolio/calc-fx';
import { applyLedger } from '@/server/portfolio/ledger';
import { ledgerTransactionSchema, type LedgerTransaction } from '@/server/portfolio/types';

let nextId = 0;
function tx(fields: Omit<LedgerTransaction, 'id'> & { id?: string }): LedgerTransaction {
  return { id: `t${++nextId}`, ...fields };
}

const SAMSUNG = '005930.KS';

function samsungLedger(): LedgerTransaction[] {
  return [
    tx({ id: 'dep', type: 'deposit', tradeDate: '2024-01-02', currency: 'KRW', amount: 3_000_000 }),
    tx({
      id: 'b1',
      type: 'buy',
      tradeDate: '2024-01-03',
      currency: 'KRW',
      symbol: SAMSUNG,
      quantity: 10,
      price: 70_000,
      fees: 100,
    }),
    tx({
      id: 'b2',
      type: 'buy',
      tradeDate: '2024-02-01',
      currency: 'KRW',
      symbol: SAMSUNG,
      quantity: 20,
      price: 73_000,
      fees: 200,
    }),
    // Sell tax 0.18% of 1,125,000 = 2,025.
    tx({
      id: 's1',
      type: 'sell',
      tradeDate: '2024-03-04',
      currency: 'KRW',
      symbol: SAMSUNG,
      quantity: 15,
      price: 75_000,
      fees: 150,
      taxes: 2_025,
    }),
    tx({
      id: 'b3',
      type: 'buy',
      tradeDate: '2024-04-01',
      currency: 'KRW',
      symbol: SAMSUNG,
      quantity: 5,
      price: 68_000,
    }),
  ];
}

function expectInvalid(run: () => unknown, pattern: RegExp) {
  try {
    run();
  } catch (error) {
    expect(isDomainError(error)).toBe(true);
    if (isDomainError(error)) expect(error.code).toBe('INVALID');
    expect((error as Error).message).toMatch(pattern);
    return error as Error & { details: Record<string, unknown> };
  }
  throw new Error('expected a DomainError');
}

describe('applyLedger — weighted average cost', () => {
  it('averages buys, realizes at average cost on partial sells, keeps fees and taxes apart', () => {
    const { holdings, cash } = applyLedger(samsungLedger());
    const [samsung] = holdings;
    // avg after two buys: (10×70,000 + 20×73,000) / 30 = 2,160,000 / 30 = 72,000.
    // sell 15 @ 75,000: realized = 1,125,000 − 15×72,000 = 45,000; 15 left, cost 1,080,000.
    // buy 5 @ 68,000: cost 1,420,000 / 20 shares = 71,000.
    expect(samsung).toMatchObject({ symbol: SAMSUNG, currency: 'KRW' });
    expect(samsung!.quantity.toString()).toBe('20');
    expect(samsung!.costBasis.toString()).toBe('1420000');
    expect(samsung!.averageCost.toString()).toBe('71000');
    expect(samsung!.realizedPnl.toString()).toBe('45000');
    expect(samsung!.fees.toString()).toBe('450');
    expect(samsung!.taxes.toString()).toBe('2025');
    // 3,000,000 − 700,100 − 1,460,200 + (1,125,000 − 150 − 2,025) − 340,000 = 1,622,525.
    expect(cash.KRW!.toString()).toBe('1622525');
  });

  it('keeps fractional quantities exact', () => {
    const { holdings } = applyLedger(
      [
        tx({
          type: 'buy',
          tradeDate: '2024-01-02',
          currency: 'USD',
          symbol: 'BTC',
          quantity: '0.1',
          price: 100,
        }),
        tx({
          type: 'buy',
          tradeDate: '2024-01-02',
          currency: 'USD',
          symbol: 'BTC',
          quantity: 0.2,
          price: 100,
        }),
        tx({
          type: 'sell',
          tradeDate: '2024-01-03',
          currency: 'USD',
          symbol: 'BTC',
          quantity: '0.3',
          price: 110,
        }),
      ],
      { allowNegativeCash: true },
    );
    expect(holdings[0]!.quantity.isZero()).toBe(true);
    expect(holdings[0]!.costBasis.isZero()).toBe(true);
    expect(holdings[0]!.realizedPnl.toString()).toBe('3');
  });

  it('splits multiply quantity and divide per-share cost without changing value', () => {
    const { holdings } = applyLedger([
      tx({ type: 'deposit', tradeDate: '2020-08-03', currency: 'USD', amount: 4000 }),
      tx({
        type: 'buy',
        tradeDate: '2020-08-03',
        currency: 'USD',
        symbol: 'AAPL',
        quantity: 10,
        price: 400,
      }),
      tx({
        type: 'split',
        tradeDate: '2020-08-31',
        currency: 'USD',
        symbol: 'AAPL',
        splitRatio: 4,
      }),
      tx({
        type: 'sell',
        tradeDate: '2020-09-01',
        currency: 'USD',
        symbol: 'AAPL',
        quantity: 30,
        price: 120,
      }),
    ]);
    // 4-for-1: 40 shares at 100 (cost 4,000 unchanged); sell 30 @ 120 → realized 30 × 20 = 600.
    const aapl = holdings[0]!;
    expect(aapl.quantity.toString()).toBe('10');
    expect(aapl.averageCost.toString()).toBe('100');
    expect(aapl.realizedPnl.toString()).toBe('600');
  });

  it('records dividends gross with the withholding tax apart', () => {
    const { holdings, cash, holdingFlows } = applyLedger([
      tx({ type: 'deposit', tradeDate: '2024-01-02', currency: 'USD', amount: 1000 }),
      tx({
        type: 'buy',
        tradeDate: '2024-01-02',
        currency: 'USD',
        symbol: 'MSFT',
        quantity: 2,
        price: 370,
      }),
      tx({
        type: 'dividend',
        tradeDate: '2024-03-14',
        currency: 'USD',
        symbol: 'MSFT',
        amount: '1.50',
        taxes: '0.225',
      }),
    ]);
    expect(holdings[0]!.dividends.toString()).toBe('1.5');
    expect(holdings[0]!.taxes.toString()).toBe('0.225');
    expect(cash.USD!.toString()).toBe('261.275');
    expect(holdingFlows.at(-1)).toMatchObject({ date: '2024-03-14', symbol: 'MSFT' });
    expect(holdingFlows.at(-1)!.outflow.toString()).toBe('1.275');
  });
});

describe('applyLedger — rejections', () => {
  it('rejects selling more than held, naming the transaction', () => {
    const ledger = [
      ...samsungLedger(),
      tx({
        id: 'over',
        type: 'sell',
        tradeDate: '2024-05-02',
        currency: 'KRW',
        symbol: SAMSUNG,
        quantity: 21,
        price: 80_000,
      }),
    ];
    const error = expectInvalid(
      () => applyLedger(ledger),
      /Transaction over \(2024-05-02 sell 005930\.KS\).*only 20 held/,
    );
    expect(error.details).toMatchObject({
      transactionId: 'over',
      tradeDate: '2024-05-02',
      symbol: SAMSUNG,
      held: '20',
    });
  });

  it('rejects a sell dated before the buy (replay is in date order, not input order)', () => {
    expectInvalid(
      () =>
        applyLedger([
          tx({ type: 'deposit', tradeDate: '2024-01-01', currency: 'USD', amount: 1000 }),
          tx({
            type: 'buy',
            tradeDate: '2024-01-05',
            currency: 'USD',
            symbol: 'NVDA',
            quantity: 1,
            price: 500,
          }),
          tx({
            id: 'early',
            type: 'sell',
            tradeDate: '2024-01-04',
            currency: 'USD',
            symbol: 'NVDA',
            quantity: 1,
            price: 500,
          }),
        ]),
      /early.*NVDA has never been held/,
    );
  });

  it('rejects negative cash unless the account allows it', () => {
    const ledger = [
      tx({ type: 'deposit', tradeDate: '2024-01-02', currency: 'KRW', amount: 500_000 }),
      tx({
        id: 'big',
        type: 'buy',
        tradeDate: '2024-01-03',
        currency: 'KRW',
        symbol: SAMSUNG,
        quantity: 10,
        price: 70_000,
      }),
    ];
    const error = expectInvalid(
      () => applyLedger(ledger),
      /Transaction big .*cash in KRW would be -200000/,
    );
    expect(error.details).toMatchObject({
      transactionId: 'big',
      currency: 'KRW',
      balance: '-200000',
    });
    expect(applyLedger(ledger, { allowNegativeCash: true }).cash.KRW!.toString()).toBe('-200000');
  });

  it('checks cash at the end of the trade date, so a same-day deposit after the buy is fine', () => {
    const result = applyLedger([
      tx({
        type: 'buy',
        tradeDate: '2024-01-03',
        currency: 'KRW',
        symbol: SAMSUNG,
        quantity: 1,
        price: 70_000,
        sequence: 1,
      }),
      tx({
        type: 'deposit',
        tradeDate: '2024-01-03',
        currency: 'KRW',
        amount: 70_000,
        sequence: 2,
      }),
    ]);
    expect(result.cash.KRW!.isZero()).toBe(true);
  });

  it('rejects missing and negative fields, and a currency different from the holding', () => {
    expectInvalid(
      () =>
        applyLedger(
          [
            tx({
              id: 'np',
              type: 'buy',
              tradeDate: '2024-01-03',
              currency: 'USD',
              symbol: 'AAPL',
              quantity: 1,
            }),
          ],
          { allowNegativeCash: true },
        ),
      /np .*price is required/,
    );
    expectInvalid(
      () =>
        applyLedger([
          tx({ type: 'deposit', tradeDate: '2024-01-03', currency: 'USD', amount: -5 }),
        ]),
      /amount must not be negative/,
    );
    expectInvalid(
      () =>
        applyLedger([tx({ type: 'deposit', tradeDate: '2024-13-03', currency: 'USD', amount: 5 })]),
      /tradeDate must be a calendar date/,
    );
    expectInvalid(
      () =>
        applyLedger(
          [
            tx({
              type: 'buy',
              tradeDate: '2024-01-03',
              currency: 'USD',
              symbol: 'AAPL',
              quantity: 1,
              price: 1,
            }),
            tx({
              id: 'krw',
              type: 'buy',
              tradeDate: '2024-01-04',
              currency: 'KRW',
              symbol: 'AAPL',
              quantity: 1,
              price: 1,
            }),
          ],
          { allowNegativeCash: true },
        ),
      /krw .*currency KRW differs from the holding's currency USD/,
    );
  });
});

describe('applyLedger — replay', () => {
  it('gives the same result whatever the input order (date, then sequence)', () => {
    const ledger = samsungLedger();
    const shuffled = [ledger[3]!, ledger[0]!, ledger[4]!, ledger[2]!, ledger[1]!];
    expect(applyLedger(shuffled)).toEqual(applyLedger(ledger));
  });

  it('recomputes holdings when a past transaction is edited or deleted', () => {
    const ledger = samsungLedger();
    // Edit: the first buy was at 67,000, not 70,000 → avg of the first 30 = (670,000 + 1,460,000)/30
    // = 71,000; realized on 15 @ 75,000 = 60,000; 15 left at 1,065,000 + 340,000 = 1,405,000.
    const edited = ledger.map((t) => (t.id === 'b1' ? { ...t, price: 67_000 } : t));
    const after = applyLedger(edited).holdings[0]!;
    expect(after.realizedPnl.toString()).toBe('60000');
    expect(after.costBasis.toString()).toBe('1405000');
    // Delete the second buy: the sell of 15 now exceeds the 10 held.
    expectInvalid(() => applyLedger(ledger.filter((t) => t.id !== 'b2')), /s1 .*only 10 held/);
    // Delete the deposit: the first buy leaves cash negative.
    expectInvalid(() => applyLedger(ledger.filter((t) => t.id !== 'dep')), /b1 .*cash in KRW/);
  });
});

describe('applyLedger — flows and currencies', () => {
  it('aggregates external flows per day and currency, securities transfers at market value', () => {
    const { dailyFlows, holdings, account } = applyLedger([
      tx({ type: 'deposit', tradeDate: '2024-01-02', currency: 'KRW', amount: 1_000_000 }),
      tx({ type: 'deposit', tradeDate: '2024-01-02', currency: 'KRW', amount: 500_000 }),
      tx({ type: 'deposit', tradeDate: '2024-01-02', currency: 'USD', amount: 100 }),
      tx({
        type: 'withdrawal',
        tradeDate: '2024-01-05',
        currency: 'KRW',
        amount: 200_000,
        fees: 500,
      }),
      // 3 shares carried over at a 60,000 cost, worth 72,000 each on the transfer date.
      tx({
        type: 'transfer_in',
        tradeDate: '2024-01-08',
        currency: 'KRW',
        symbol: SAMSUNG,
        quantity: 3,
        price: 72_000,
        costPrice: 60_000,
      }),
    ]);
    const flat = dailyFlows.map((f) => [
      f.date,
      f.currency,
      f.inflow.toString(),
      f.outflow.toString(),
    ]);
    expect(flat).toEqual([
      ['2024-01-02', 'KRW', '1500000', '0'],
      ['2024-01-02', 'USD', '100', '0'],
      ['2024-01-05', 'KRW', '0', '200000'],
      ['2024-01-08', 'KRW', '216000', '0'],
    ]);
    expect(holdings[0]!.costBasis.toString()).toBe('180000');
    expect(account.byCurrency.KRW!.fees.toString()).toBe('500');
    expect(account.byCurrency.KRW!.inflow.toString()).toBe('1716000');
  });

  it('accumulates amounts in reporting currencies at each transaction date’s rate', () => {
    const fx = createFxTable([
      { date: '2024-01-02', base: 'USD', quote: 'KRW', rate: 1300 },
      { date: '2024-02-01', base: 'USD', quote: 'KRW', rate: 1330 },
      { date: '2024-03-01', base: 'USD', quote: 'KRW', rate: 1340 },
    ]);
    const { holdings, account } = applyLedger(
      [
        tx({ type: 'deposit', tradeDate: '2024-01-02', currency: 'USD', amount: 3000 }),
        tx({
          type: 'buy',
          tradeDate: '2024-01-02',
          currency: 'USD',
          symbol: 'AAPL',
          quantity: 10,
          price: 100,
        }),
        tx({
          type: 'buy',
          tradeDate: '2024-02-01',
          currency: 'USD',
          symbol: 'AAPL',
          quantity: 10,
          price: 110,
        }),
        // Saturday: the Friday (03-01) rate applies.
        tx({
          type: 'sell',
          tradeDate: '2024-03-02',
          currency: 'USD',
          symbol: 'AAPL',
          quantity: 5,
          price: 120,
        }),
      ],
      { reportingCurrencies: ['KRW', 'USD'], fx },
    );
    const krw = holdings[0]!.converted.KRW!;
    expect(holdings[0]!.converted.USD).toBeUndefined();
    // KRW cost: 1,000×1,300 + 1,100×1,330 = 2,763,000; sell 5 of 20 removes a quarter: 690,750.
    expect(krw.costBasis.toString()).toBe('2072250');
    // USD realized: 600 − 5×105 = 75. KRW: 600×1,340 − 690,750 = 113,250, of which price effect
    // 75×1,340 = 100,500 and currency effect 12,750.
    expect(holdings[0]!.realizedPnl.toString()).toBe('75');
    expect(krw.realizedPnl.toString()).toBe('113250');
    expect(krw.realizedPriceEffect.toString()).toBe('100500');
    expect(account.converted.KRW!.inflow.toString()).toBe('3900000');
  });

  it('fails clearly when a needed exchange rate is missing', () => {
    expectInvalid(
      () =>
        applyLedger(
          [tx({ id: 'd', type: 'deposit', tradeDate: '2024-01-02', currency: 'USD', amount: 1 })],
          { reportingCurrencies: ['KRW'], fx: fixedFx([]) },
        ),
      /d .*no USD→KRW exchange rate for 2024-01-02/,
    );
  });

  it('accepts Decimals from another decimal.js copy without losing our precision', () => {
    // The product has 27 significant digits: the global decimal.js (20 digits) would round it.
    const { holdings } = applyLedger(
      [
        tx({
          type: 'buy',
          tradeDate: '2024-01-02',
          currency: 'USD',
          symbol: 'X',
          quantity: new Decimal('123456789.123456789'),
          price: new Decimal('98765.4321'),
        }),
      ],
      { allowNegativeCash: true },
    );
    expect(holdings[0]!.costBasis.toString()).toBe('12193263123456.7900112635269');
  });
});

describe('ledgerTransactionSchema', () => {
  it('names the missing field for the transaction type', () => {
    const result = ledgerTransactionSchema.safeParse({
      id: 'x',
      type: 'buy',
      tradeDate: '2024-01-02',
      currency: 'USD',
      symbol: 'AAPL',
      quantity: '1',
    });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['price', 'required for buy'],
    ]);
  });

  it('keeps decimal strings exact and rejects negative amounts and bad dates', () => {
    const ok = ledgerTransactionSchema.parse({
      id: 'x',
      type: 'deposit',
      tradeDate: '2024-01-02',
      currency: 'KRW',
      amount: '1000000.5',
    });
    expect(ok.amount).toBe('1000000.5');
    const bad = ledgerTransactionSchema.safeParse({
      id: 'x',
      type: 'deposit',
      tradeDate: '2024-02-30',
      currency: 'KRW',
      amount: '-1',
    });
    expect(bad.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['amount', 'tradeDate']);
  });
});
