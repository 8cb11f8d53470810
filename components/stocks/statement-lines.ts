/**
 * The main lines of each financial statement, in reading order, the two the bar chart compares,
 * and the shapes the statements card renders. Keys are the provider-neutral ones in
 * FinancialStatement.lines; values are exact decimal strings, turned into numbers for display only.
 */

export type StatementKindKey = 'income' | 'balance' | 'cashflow';

export const statementLineKeys = {
  income: [
    'totalRevenue',
    'costOfRevenue',
    'grossProfit',
    'operatingExpenses',
    'operatingIncome',
    'ebitda',
    'interestExpense',
    'incomeBeforeTax',
    'incomeTaxExpense',
    'netIncome',
  ],
  balance: [
    'totalAssets',
    'totalCurrentAssets',
    'cashAndCashEquivalentsAtCarryingValue',
    'totalNonCurrentAssets',
    'totalLiabilities',
    'totalCurrentLiabilities',
    'totalShareholderEquity',
  ],
  cashflow: [
    'operatingCashflow',
    'capitalExpenditures',
    'cashflowFromInvestment',
    'cashflowFromFinancing',
    'dividendPayout',
    'netIncome',
  ],
} as const satisfies Record<StatementKindKey, readonly string[]>;

export type StatementLineKey = (typeof statementLineKeys)[StatementKindKey][number];

/** The pair each statement's chart compares. */
export const chartedLines = {
  income: ['totalRevenue', 'netIncome'],
  balance: ['totalAssets', 'totalLiabilities'],
  cashflow: ['operatingCashflow', 'capitalExpenditures'],
} as const satisfies Record<StatementKindKey, readonly [StatementLineKey, StatementLineKey]>;

type StatementLike = { fiscalDateEnding: string; lines: Record<string, string | null> };

function amount(value: string | null | undefined): number | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
}

export type StatementTable = {
  /** Fiscal period ends, newest first. */
  periods: string[];
  rows: { key: StatementLineKey; values: (number | null)[] }[];
};

/** Main lines × periods (newest first); lines no period reports are left out. */
export function statementTable(
  statements: readonly StatementLike[],
  kind: StatementKindKey,
): StatementTable {
  const sorted = [...statements].sort((a, b) =>
    b.fiscalDateEnding.localeCompare(a.fiscalDateEnding),
  );
  const rows = statementLineKeys[kind]
    .map((key) => ({ key, values: sorted.map((statement) => amount(statement.lines[key])) }))
    .filter((row) => row.values.some((value) => value !== null));
  return { periods: sorted.map((statement) => statement.fiscalDateEnding), rows };
}

export type StatementChartPoint = { period: string } & Partial<
  Record<StatementLineKey, number | null>
>;

/** The charted pair per period, oldest first (time runs left to right). */
export function statementChartData(
  statements: readonly StatementLike[],
  kind: StatementKindKey,
): StatementChartPoint[] {
  const [first, second] = chartedLines[kind];
  return [...statements]
    .sort((a, b) => a.fiscalDateEnding.localeCompare(b.fiscalDateEnding))
    .map((statement) => ({
      period: statement.fiscalDateEnding,
      [first]: amount(statement.lines[first]),
      [second]: amount(statement.lines[second]),
    }));
}
