import type {
  FinancialStatement,
  StatementKind,
  StatementPeriod,
} from '@/server/market-data/types';
import type { DemoInstrument } from './dataset';
import { createRng, hashSeed } from './random';

/**
 * ILLUSTRATIVE statements: the demo ships no reported financials. These are made-up figures on a
 * plausible scale for the company (the manifest's `illustrative` block), internally consistent
 * (gross profit = revenue - cost, …), deterministic per symbol and marked `quality: 'illustrative'`
 * so the UI must label them. Indices and ETFs have none.
 */

const ANNUAL_YEARS = 5;
const QUARTERS = 8;
/** Statements appear this long after the period ends (reporting lag). */
const REPORTING_LAG_DAYS = 60;

interface Period {
  period: StatementPeriod;
  end: string;
  /** Position from the oldest, for growth. */
  index: number;
}

function lastDayOfMonth(year: number, month: number): string {
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

function periodEnds(fiscalYearEndMonth: number, now: number): Period[] {
  const cutoff = new Date(now - REPORTING_LAG_DAYS * 86_400_000).toISOString().slice(0, 10);
  const quarterEnds: string[] = [];
  const nowYear = new Date(now).getUTCFullYear();
  for (let year = nowYear - ANNUAL_YEARS - 1; year <= nowYear; year++) {
    for (let q = 0; q < 4; q++) {
      const month = ((fiscalYearEndMonth - 1 + 3 * q) % 12) + 1;
      quarterEnds.push(lastDayOfMonth(year, month));
    }
  }
  const reported = [...new Set(quarterEnds)].filter((d) => d <= cutoff).sort();
  const quarters = reported.slice(-QUARTERS);
  const years = reported
    .filter((d) => Number(d.slice(5, 7)) === fiscalYearEndMonth)
    .slice(-ANNUAL_YEARS);
  return [
    ...years.map((end, index) => ({ period: 'annual' as const, end, index })),
    ...quarters.map((end, index) => ({ period: 'quarterly' as const, end, index })),
  ];
}

const whole = (value: number): string => String(Math.round(value));

function linesFor(
  kind: StatementKind,
  revenue: number,
  instrument: DemoInstrument,
  rng: ReturnType<typeof createRng>,
): Record<string, string | null> {
  const scale = instrument.illustrative as NonNullable<DemoInstrument['illustrative']>;
  const jitter = () => 1 + 0.05 * rng.normal();
  const grossProfit = revenue * scale.grossMargin * jitter();
  const operatingIncome = revenue * scale.operatingMargin * jitter();
  const depreciation = revenue * 0.06 * jitter();
  const interestExpense = revenue * 0.005 * jitter();
  const incomeBeforeTax = operatingIncome - interestExpense;
  const incomeTax = Math.max(0, incomeBeforeTax * 0.22);
  const netIncome = incomeBeforeTax - incomeTax;
  if (kind === 'income') {
    return {
      totalRevenue: whole(revenue),
      costOfRevenue: whole(revenue - grossProfit),
      grossProfit: whole(grossProfit),
      operatingExpenses: whole(grossProfit - operatingIncome),
      operatingIncome: whole(operatingIncome),
      depreciationAndAmortization: whole(depreciation),
      ebit: whole(operatingIncome),
      ebitda: whole(operatingIncome + depreciation),
      interestExpense: whole(interestExpense),
      incomeBeforeTax: whole(incomeBeforeTax),
      incomeTaxExpense: whole(incomeTax),
      netIncome: whole(netIncome),
    };
  }
  if (kind === 'balance') {
    const totalAssets = revenue * 1.3 * jitter();
    const equity = totalAssets * 0.62 * jitter();
    const currentAssets = totalAssets * 0.42;
    return {
      totalAssets: whole(totalAssets),
      totalCurrentAssets: whole(currentAssets),
      cashAndCashEquivalentsAtCarryingValue: whole(currentAssets * 0.35),
      totalNonCurrentAssets: whole(totalAssets - currentAssets),
      totalLiabilities: whole(totalAssets - equity),
      totalCurrentLiabilities: whole((totalAssets - equity) * 0.55),
      totalShareholderEquity: whole(equity),
    };
  }
  const operatingCashflow = (netIncome + depreciation) * jitter();
  const capitalExpenditures = revenue * 0.08 * jitter();
  const dividendPayout = Math.max(0, netIncome * 0.25);
  return {
    operatingCashflow: whole(operatingCashflow),
    capitalExpenditures: whole(capitalExpenditures),
    cashflowFromInvestment: whole(-capitalExpenditures * 1.1),
    cashflowFromFinancing: whole(-dividendPayout * 1.2),
    dividendPayout: whole(dividendPayout),
    netIncome: whole(netIncome),
  };
}

export function illustrativeStatements(
  instrument: DemoInstrument,
  kind: StatementKind,
  now: number,
): FinancialStatement[] {
  if (instrument.kind !== 'stock' || !instrument.illustrative) return [];
  const { annualRevenue, fiscalYearEndMonth } = instrument.illustrative;
  const periods = periodEnds(fiscalYearEndMonth, now);
  return periods
    .map((p): FinancialStatement => {
      // Keyed by symbol, period and date (not the market seed): a company's figures never change.
      const rng = createRng(hashSeed(instrument.symbol, p.period, p.end, 'statements'));
      const count = p.period === 'annual' ? ANNUAL_YEARS : QUARTERS;
      // Mild growth towards the latest period, which sits at the manifest's scale.
      const growth = Math.pow(p.period === 'annual' ? 1.06 : 1.015, p.index - (count - 1));
      const seasonal = p.period === 'annual' ? 1 : 0.25 * (1 + 0.06 * rng.normal());
      const revenue = annualRevenue * growth * seasonal * (1 + 0.04 * rng.normal());
      return {
        symbol: instrument.symbol,
        kind,
        period: p.period,
        fiscalDateEnding: p.end,
        currency: instrument.currency,
        lines: linesFor(kind, revenue, instrument, rng),
        quality: 'illustrative',
        provider: 'demo',
      };
    })
    .sort((a, b) =>
      a.period === b.period
        ? b.fiscalDateEnding.localeCompare(a.fiscalDateEnding)
        : a.period.localeCompare(b.period),
    );
}
