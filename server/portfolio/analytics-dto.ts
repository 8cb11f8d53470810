/**
 * DTOs the dashboard reads (summary, holdings, allocation). Money is an exact decimal string
 * (superjson does not know Decimal), rates are numbers (fractions: 0.0123 = 1.23%), and every
 * figure whose method matters names it.
 */
import type Decimal from 'decimal.js';
import { getInstrument } from '@/server/market-data/instruments';
import type { UserValuation } from './analytics-valuation';
import { ZERO, rateOf, toDecimal } from './money';
import type { Currency } from './types';
import type { HoldingValuation } from './valuation';

const str = (value: Decimal) => value.toFixed();
const strOrNull = (value: Decimal | null) => (value === null ? null : value.toFixed());

export interface FxInfoDto {
  pair: 'USD/KRW';
  rate: string;
  date: string;
  /** 'illustrative' rates are a generated series, not market data (see server/market-data/fx). */
  quality: string;
  provider: string;
}

export interface SummaryDto {
  asOf: string;
  currency: Currency;
  totalValue: string;
  cash: string;
  marketValue: string;
  /** Net contributions: deposits and transfers in less withdrawals and transfers out. */
  invested: string;
  costBasis: string;
  unrealizedPnl: string;
  unrealizedReturnRate: number | null;
  realizedPnl: string;
  dividends: string;
  interest: string;
  fees: string;
  taxes: string;
  /** Σ quantity × (price − previous close) of open positions; null when no previous close. */
  dayChange: string | null;
  dayChangeRate: number | null;
  totalReturn: {
    amount: string;
    rate: number | null;
    method: 'simple' | 'cost-basis';
    description: string;
  };
  /** Currency part of unrealized and realized P&L (foreign holdings). */
  currencyEffect: string;
  accounts: number;
  unpricedSymbols: string[];
  fx: FxInfoDto | null;
}

export function summaryDto(v: UserValuation): SummaryDto {
  const t = v.valuation.total;
  const dayChange = t.dayChange;
  const previous = dayChange ? t.totalAssets.minus(dayChange) : null;
  const contributed = t.netContributions.gt(0);
  return {
    asOf: v.asOf,
    currency: v.displayCurrency,
    totalValue: str(t.totalAssets),
    cash: str(t.cash),
    marketValue: str(t.marketValue),
    invested: str(t.netContributions),
    costBasis: str(t.costBasis),
    unrealizedPnl: str(t.unrealizedPnl),
    unrealizedReturnRate: t.unrealizedReturnRate,
    realizedPnl: str(t.realizedPnl),
    dividends: str(t.dividends),
    interest: str(t.interest),
    fees: str(t.fees),
    taxes: str(t.taxes),
    dayChange: strOrNull(dayChange),
    dayChangeRate: dayChange && previous ? rateOf(dayChange, previous) : null,
    totalReturn: contributed
      ? {
          amount: str(t.totalGain),
          rate: t.returnRate,
          method: 'simple',
          description: '(total value − net contributions) / net contributions',
        }
      : {
          // Ledgers of buys without deposits have no contributions to divide by.
          amount: str(t.totalReturn),
          rate: rateOf(t.totalReturn, t.costBasis),
          method: 'cost-basis',
          description:
            '(unrealized + realized P&L + dividends − fees − taxes) / cost basis of open positions',
        },
    currencyEffect: str(t.currencyEffect.plus(t.realizedCurrencyEffect)),
    accounts: v.accounts.length,
    unpricedSymbols: [...new Set(v.valuation.accounts.flatMap((a) => a.unpricedSymbols))],
    fx: v.usdKrw ? { pair: 'USD/KRW', ...v.usdKrw } : null,
  };
}

export interface HoldingDto {
  accountId: string;
  accountName: string;
  symbol: string;
  name: string;
  nameKo: string | null;
  /** The instrument's currency: quantity × price is in it. */
  currency: Currency;
  quantity: string;
  averageCost: string;
  price: string | null;
  priceSource: 'live' | 'quote' | 'close' | null;
  priceDate: string | null;
  previousClose: string | null;
  marketValueLocal: string;
  displayCurrency: Currency;
  marketValue: string;
  costBasis: string;
  dayChange: string | null;
  dayChangeRate: number | null;
  unrealizedPnl: string;
  unrealizedReturnRate: number | null;
  realizedPnl: string;
  dividends: string;
  /** Currency part of the display-currency unrealized P&L. */
  currencyEffect: string;
  /** Of total assets (all accounts, or the account when filtered), cash included. */
  weight: number | null;
}

export function holdingsDto(v: UserValuation, byAccount: boolean): HoldingDto[] {
  const names = new Map(v.accounts.map((a) => [a.id, a.name]));
  const rows: HoldingDto[] = [];
  for (const account of v.valuation.accounts) {
    for (const h of account.holdings) {
      if (h.quantity.isZero()) continue;
      rows.push(holdingDto(v, h, names.get(account.accountId) ?? '', byAccount));
    }
  }
  return rows.sort((a, b) => Number(b.marketValue) - Number(a.marketValue));
}

function holdingDto(
  v: UserValuation,
  h: HoldingValuation,
  accountName: string,
  byAccount: boolean,
): HoldingDto {
  const instrument = getInstrument(h.symbol);
  const price = v.prices.get(h.symbol);
  const usable = h.priced ? price : undefined;
  const previous = usable?.previousClose ? toDecimal(usable.previousClose) : null;
  return {
    accountId: h.accountId,
    accountName,
    symbol: h.symbol,
    name: instrument?.nameEn ?? h.symbol,
    nameKo: instrument?.nameKo ?? null,
    currency: h.currency,
    quantity: str(h.quantity),
    averageCost: str(h.averageCost),
    price: h.price ? str(h.price) : null,
    priceSource: usable?.source ?? null,
    priceDate: usable?.date ?? null,
    previousClose: strOrNull(previous),
    marketValueLocal: str(h.local.marketValue),
    displayCurrency: h.display.currency,
    marketValue: str(h.display.marketValue),
    costBasis: str(h.display.costBasis),
    dayChange: strOrNull(h.display.dayChange),
    dayChangeRate:
      h.price && previous && !previous.isZero() ? rateOf(h.price.minus(previous), previous) : null,
    unrealizedPnl: str(h.display.unrealizedPnl),
    unrealizedReturnRate: h.display.returnRate,
    realizedPnl: str(h.display.realizedPnl),
    dividends: str(h.display.dividends),
    currencyEffect: str(h.display.currencyEffect),
    weight: byAccount ? h.weightInAccount : h.weightInTotal,
  };
}

export type AllocationBy = 'holding' | 'sector' | 'currency' | 'account';

export interface AllocationDto {
  by: AllocationBy;
  currency: Currency;
  total: string;
  /** Largest first; weights sum to 1 over total assets (cash is its own slice). */
  slices: { key: string; label: string; value: string; weight: number | null }[];
}

export function allocationDto(v: UserValuation, by: AllocationBy): AllocationDto {
  const total = v.valuation.total.totalAssets;
  const slices = new Map<string, { label: string; value: Decimal }>();
  const add = (key: string, label: string, value: Decimal) => {
    const slice = slices.get(key);
    if (slice) slice.value = slice.value.plus(value);
    else slices.set(key, { label, value });
  };
  const rate = (from: Currency) => v.fx.lookup(from, v.displayCurrency, v.asOf) ?? ZERO;
  for (const account of v.valuation.accounts) {
    const accountName = v.accounts.find((a) => a.id === account.accountId)?.name ?? '';
    if (by === 'account') {
      add(account.accountId, accountName, account.display.totalAssets);
      continue;
    }
    for (const h of account.holdings) {
      if (h.quantity.isZero()) continue;
      const instrument = getInstrument(h.symbol);
      if (by === 'holding') add(h.symbol, instrument?.nameEn ?? h.symbol, h.display.marketValue);
      else if (by === 'sector') {
        const sector = instrument?.sector ?? (instrument?.kind === 'etf' ? 'ETF' : 'Unclassified');
        add(`sector:${sector}`, sector, h.display.marketValue);
      } else add(h.currency, h.currency, h.display.marketValue);
    }
    if (by === 'currency') {
      // Cash per currency: the account's balances translated at today's rate.
      for (const [currency, balance] of cashByCurrency(v, account.accountId)) {
        add(currency, currency, balance.times(rate(currency)));
      }
    } else add('cash', 'Cash', account.display.cash);
  }
  return {
    by,
    currency: v.displayCurrency,
    total: str(total),
    slices: [...slices]
      .map(([key, s]) => ({
        key,
        label: s.label,
        value: str(s.value),
        weight: rateOf(s.value, total),
      }))
      .filter((s) => Number(s.value) !== 0)
      .sort((a, b) => Number(b.value) - Number(a.value)),
  };
}

function cashByCurrency(v: UserValuation, accountId: string): Map<Currency, Decimal> {
  const result = new Map<Currency, Decimal>();
  const account = v.cash.get(accountId);
  if (account)
    for (const [currency, balance] of Object.entries(account))
      result.set(currency as Currency, balance);
  return result;
}
