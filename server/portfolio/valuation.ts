/**
 * Values ledger results at current prices and exchange rates: per holding, per account and in
 * total, each in the holding's own currency (holdings only), the account currency and a display
 * currency.
 *
 * FX effect. For a holding in currency L reported in currency R, with market value MV_L, cost basis
 * C_L, the current rate X (R per L) and C_R the cost basis in R at each purchase date's rate (from
 * the ledger's `reportingCurrencies`):
 *   unrealized_R   = MV_L·X − C_R
 *   priceEffect    = (MV_L − C_L)·X          the local gain, translated at today's rate
 *   currencyEffect = C_L·X − C_R             = C_L·(X − average purchase rate)
 * and priceEffect + currencyEffect = unrealized_R exactly. Realized P&L splits the same way on each
 * sale date (`realizedCurrencyEffect`); dividends are translated at their payment date's rate.
 * Without historical amounts for R (ledger run without that reporting currency) everything is
 * translated at today's rate, the currency effect is zero and `fxHistorical` is false.
 *
 * Cash in a foreign currency is translated at today's rate; its FX gain is not split out but is
 * part of `otherGain` (see AccountValuation). Day change is translated at today's rate too.
 */
import type Decimal from 'decimal.js';
import { DomainError } from '@/server/errors';
import type { FxLookup } from './calc-fx';
import type { LedgerResult } from './ledger';
import { ONE, ZERO, rateOf, toDecimal, toDecimalOr, type DecimalInput } from './money';
import type { AccountAmounts, Currency, Holding } from './types';

export interface PriceQuote {
  price: DecimalInput;
  currency: Currency;
  /** Previous session's close, for the day change. */
  previousClose?: DecimalInput | null;
}

export interface ValuationInput {
  accounts: readonly { id: string; currency: Currency; ledger: LedgerResult }[];
  /** Latest price per symbol. */
  prices: ReadonlyMap<string, PriceQuote> | Readonly<Record<string, PriceQuote>>;
  /** Rates as of `asOf` are used to translate current values. */
  fx: FxLookup;
  asOf: string;
  displayCurrency: Currency;
  /** Include positions with quantity 0 (they still carry realized P&L). Default true. */
  includeClosed?: boolean;
}

/** Amounts of one holding (or a sum of them) in one currency. */
export interface ValueBreakdown {
  currency: Currency;
  marketValue: Decimal;
  costBasis: Decimal;
  /** marketValue − costBasis = priceEffect + currencyEffect. */
  unrealizedPnl: Decimal;
  realizedPnl: Decimal;
  dividends: Decimal;
  fees: Decimal;
  taxes: Decimal;
  /** unrealizedPnl + realizedPnl + dividends − fees − taxes. */
  totalReturn: Decimal;
  /** unrealizedPnl / costBasis (the brokerage "평가수익률"); null without cost basis. */
  returnRate: number | null;
  priceEffect: Decimal;
  currencyEffect: Decimal;
  /** Currency part of realizedPnl (realizedPnl − Σ local realized × sale-date rate). */
  realizedCurrencyEffect: Decimal;
  /** quantity × (price − previousClose), null when no previous close is known. */
  dayChange: Decimal | null;
  /** False when amounts were translated at today's rate for lack of historical ones. */
  fxHistorical: boolean;
}

export interface HoldingValuation {
  accountId: string;
  symbol: string;
  currency: Currency;
  quantity: Decimal;
  averageCost: Decimal;
  /** Null when no price was given; the position is then valued at cost (`priced: false`). */
  price: Decimal | null;
  priced: boolean;
  local: ValueBreakdown;
  account: ValueBreakdown;
  display: ValueBreakdown;
  /** Market value / account total assets (cash included), and / total assets of all accounts. */
  weightInAccount: number | null;
  weightInTotal: number | null;
}

export interface AccountTotals extends Omit<ValueBreakdown, 'returnRate'> {
  cash: Decimal;
  /** cash + marketValue. */
  totalAssets: Decimal;
  interest: Decimal;
  /** Deposits and transfers in, withdrawals and transfers out (at flow-date rates if known). */
  inflow: Decimal;
  outflow: Decimal;
  netContributions: Decimal;
  /** totalAssets − netContributions: everything the account has earned. */
  totalGain: Decimal;
  /**
   * totalGain − (totalReturn + interest): FX gains on foreign cash, and transferred-in securities'
   * value above their carried cost. Zero for a single-currency account without transfers.
   */
  otherGain: Decimal;
  /** totalGain / netContributions (simple return); null when nothing net was contributed. */
  returnRate: number | null;
  /** unrealizedPnl / costBasis. */
  unrealizedReturnRate: number | null;
}

export interface AccountValuation {
  accountId: string;
  currency: Currency;
  holdings: HoldingValuation[];
  account: AccountTotals;
  display: AccountTotals;
  weightInTotal: number | null;
  /** Open positions without a price (valued at cost). */
  unpricedSymbols: string[];
}

export interface PortfolioValuation {
  asOf: string;
  displayCurrency: Currency;
  accounts: AccountValuation[];
  total: AccountTotals;
}

function lookupPrice(prices: ValuationInput['prices'], symbol: string): PriceQuote | undefined {
  if (prices instanceof Map) return prices.get(symbol);
  return Object.hasOwn(prices, symbol) ? (prices as Record<string, PriceQuote>)[symbol] : undefined;
}

function currentRate(input: ValuationInput, from: Currency, to: Currency): Decimal {
  const rate = input.fx(from, to, input.asOf);
  if (rate === undefined) {
    throw new DomainError('INVALID', `no ${from}→${to} exchange rate for ${input.asOf}`, {
      from,
      to,
      date: input.asOf,
    });
  }
  return rate;
}

function breakdown(
  holding: Holding,
  marketValueLocal: Decimal,
  dayChangeLocal: Decimal | null,
  to: Currency,
  rate: Decimal,
): ValueBreakdown {
  const localGain = marketValueLocal.minus(holding.costBasis);
  const converted = to === holding.currency ? undefined : holding.converted[to];
  const same = to === holding.currency;
  const costBasis = same
    ? holding.costBasis
    : (converted?.costBasis ?? holding.costBasis.times(rate));
  const marketValue = marketValueLocal.times(rate);
  const pick = (field: 'realizedPnl' | 'dividends' | 'fees' | 'taxes') =>
    same ? holding[field] : (converted?.[field] ?? holding[field].times(rate));
  const realizedPnl = pick('realizedPnl');
  const dividends = pick('dividends');
  const fees = pick('fees');
  const taxes = pick('taxes');
  const unrealizedPnl = marketValue.minus(costBasis);
  const priceEffect = localGain.times(rate);
  return {
    currency: to,
    marketValue,
    costBasis,
    unrealizedPnl,
    realizedPnl,
    dividends,
    fees,
    taxes,
    totalReturn: unrealizedPnl.plus(realizedPnl).plus(dividends).minus(fees).minus(taxes),
    returnRate: rateOf(unrealizedPnl, costBasis),
    priceEffect,
    currencyEffect: unrealizedPnl.minus(priceEffect),
    realizedCurrencyEffect: converted
      ? converted.realizedPnl.minus(converted.realizedPriceEffect)
      : ZERO,
    dayChange: dayChangeLocal ? dayChangeLocal.times(rate) : null,
    fxHistorical: same || converted !== undefined,
  };
}

function emptyTotals(currency: Currency): AccountTotals {
  return {
    currency,
    cash: ZERO,
    marketValue: ZERO,
    totalAssets: ZERO,
    costBasis: ZERO,
    unrealizedPnl: ZERO,
    realizedPnl: ZERO,
    dividends: ZERO,
    interest: ZERO,
    fees: ZERO,
    taxes: ZERO,
    totalReturn: ZERO,
    priceEffect: ZERO,
    currencyEffect: ZERO,
    realizedCurrencyEffect: ZERO,
    dayChange: null,
    fxHistorical: true,
    inflow: ZERO,
    outflow: ZERO,
    netContributions: ZERO,
    totalGain: ZERO,
    otherGain: ZERO,
    returnRate: null,
    unrealizedReturnRate: null,
  };
}

const summed = [
  'cash',
  'marketValue',
  'costBasis',
  'unrealizedPnl',
  'realizedPnl',
  'dividends',
  'interest',
  'fees',
  'taxes',
  'priceEffect',
  'currencyEffect',
  'realizedCurrencyEffect',
  'inflow',
  'outflow',
] as const;

function addInto(
  totals: AccountTotals,
  part: Partial<Pick<AccountTotals, (typeof summed)[number]>> & {
    dayChange?: Decimal | null;
    fxHistorical?: boolean;
  },
) {
  for (const key of summed) {
    const value = part[key];
    if (value) totals[key] = totals[key].plus(value);
  }
  if (part.dayChange) totals.dayChange = (totals.dayChange ?? ZERO).plus(part.dayChange);
  if (part.fxHistorical === false) totals.fxHistorical = false;
}

function finish(totals: AccountTotals): AccountTotals {
  totals.totalAssets = totals.cash.plus(totals.marketValue);
  totals.totalReturn = totals.unrealizedPnl
    .plus(totals.realizedPnl)
    .plus(totals.dividends)
    .minus(totals.fees)
    .minus(totals.taxes);
  totals.netContributions = totals.inflow.minus(totals.outflow);
  totals.totalGain = totals.totalAssets.minus(totals.netContributions);
  totals.otherGain = totals.totalGain.minus(totals.totalReturn).minus(totals.interest);
  totals.returnRate = totals.netContributions.gt(0)
    ? rateOf(totals.totalGain, totals.netContributions)
    : null;
  totals.unrealizedReturnRate = rateOf(totals.unrealizedPnl, totals.costBasis);
  return totals;
}

/** Account-level amounts (interest, unattributed fees/taxes, flows) and cash in currency `to`. */
function accountLevel(input: ValuationInput, ledger: LedgerResult, to: Currency) {
  const historical = ledger.account.converted[to];
  let amounts: AccountAmounts;
  let fxHistorical = true;
  if (historical) amounts = historical;
  else {
    amounts = { interest: ZERO, fees: ZERO, taxes: ZERO, inflow: ZERO, outflow: ZERO };
    for (const [currency, own] of Object.entries(ledger.account.byCurrency) as [
      Currency,
      AccountAmounts,
    ][]) {
      const rate = currentRate(input, currency, to);
      if (currency !== to) fxHistorical = false;
      for (const key of ['interest', 'fees', 'taxes', 'inflow', 'outflow'] as const) {
        amounts[key] = amounts[key].plus(own[key].times(rate));
      }
    }
  }
  let cash = ZERO;
  for (const [currency, balance] of Object.entries(ledger.cash) as [Currency, Decimal][]) {
    cash = cash.plus(balance.times(currentRate(input, currency, to)));
  }
  return { ...amounts, cash, fxHistorical };
}

export function valuePortfolio(input: ValuationInput): PortfolioValuation {
  const includeClosed = input.includeClosed ?? true;
  const accounts: AccountValuation[] = [];
  const total = emptyTotals(input.displayCurrency);

  for (const acct of input.accounts) {
    const accountTotals = emptyTotals(acct.currency);
    const displayTotals = emptyTotals(input.displayCurrency);
    const holdings: HoldingValuation[] = [];
    for (const holding of acct.ledger.holdings) {
      if (!includeClosed && holding.quantity.isZero()) continue;
      const quote = lookupPrice(input.prices, holding.symbol);
      if (quote && quote.currency !== holding.currency) {
        throw new DomainError(
          'INVALID',
          `price of ${holding.symbol} is in ${quote.currency} but the holding is in ${holding.currency}`,
          { symbol: holding.symbol, field: 'currency' },
        );
      }
      const price = quote ? toDecimal(quote.price, `prices.${holding.symbol}.price`) : null;
      const marketValueLocal = price ? holding.quantity.times(price) : holding.costBasis;
      const previousClose =
        quote && quote.previousClose !== null && quote.previousClose !== undefined
          ? toDecimalOr(quote.previousClose, `prices.${holding.symbol}.previousClose`)
          : null;
      const dayChangeLocal =
        price && previousClose ? holding.quantity.times(price.minus(previousClose)) : null;
      const local = breakdown(holding, marketValueLocal, dayChangeLocal, holding.currency, ONE);
      const account = breakdown(
        holding,
        marketValueLocal,
        dayChangeLocal,
        acct.currency,
        currentRate(input, holding.currency, acct.currency),
      );
      const display = breakdown(
        holding,
        marketValueLocal,
        dayChangeLocal,
        input.displayCurrency,
        currentRate(input, holding.currency, input.displayCurrency),
      );
      addInto(accountTotals, account);
      addInto(displayTotals, display);
      holdings.push({
        accountId: acct.id,
        symbol: holding.symbol,
        currency: holding.currency,
        quantity: holding.quantity,
        averageCost: holding.averageCost,
        price,
        priced: price !== null,
        local,
        account,
        display,
        weightInAccount: null,
        weightInTotal: null,
      });
    }
    addInto(accountTotals, accountLevel(input, acct.ledger, acct.currency));
    addInto(displayTotals, accountLevel(input, acct.ledger, input.displayCurrency));
    finish(accountTotals);
    finish(displayTotals);
    for (const h of holdings) {
      h.weightInAccount = rateOf(h.account.marketValue, accountTotals.totalAssets);
    }
    addInto(total, displayTotals);
    accounts.push({
      accountId: acct.id,
      currency: acct.currency,
      holdings,
      account: accountTotals,
      display: displayTotals,
      weightInTotal: null,
      unpricedSymbols: holdings
        .filter((h) => !h.priced && !h.quantity.isZero())
        .map((h) => h.symbol),
    });
  }
  finish(total);
  for (const a of accounts) {
    a.weightInTotal = rateOf(a.display.totalAssets, total.totalAssets);
    for (const h of a.holdings) h.weightInTotal = rateOf(h.display.marketValue, total.totalAssets);
  }
  return { asOf: input.asOf, displayCurrency: input.displayCurrency, accounts, total };
}
