import { IndicatorContext } from '@/server/analysis/strategies/context';
import type { PrismaClient } from '@/server/generated/prisma/client';
import { companyOverviewSchema } from '@/server/market-data/schemas';
import type { CompanyOverview } from '@/server/market-data/types';
import type { PortfolioAnalyticsService } from '@/server/portfolio/analytics-service';
import { dailyReportContentSchema, type DailyReportContent } from './content';
import { upcomingDividends } from './dividends';
import { engineSignals } from './engine-signals';
import { firedAlerts } from './fired-alerts';
import { portfolioFigures, previousValue } from './portfolio-figures';
import { dayMovers, heldSymbols } from './positions';
import { readDailySeries } from './read-bars';
import {
  ACCURACY_BARS,
  ACCURACY_HORIZON,
  WARMUP_BARS,
  resolveStrategies,
  strategyAccuracy,
} from './strategy-accuracy';

export type DailyReportDeps = {
  db: PrismaClient;
  analytics: Pick<PortfolioAnalyticsService, 'summary' | 'holdings' | 'history'>;
};

export type DailyReportInput = {
  userId: string;
  /** The user's local date (YYYY-MM-DD) the report is for. */
  date: string;
  now: Date;
  /** AlertSettings.followedStrategies (empty: the user's strategy rules, then the defaults). */
  followedStrategies: readonly string[];
};

const dateValue = (date: string) => new Date(`${date}T00:00:00Z`);

async function previousReport(db: PrismaClient, userId: string, date: string) {
  const row = await db.dailyReport.findFirst({
    where: { userId, date: { lt: dateValue(date) } },
    orderBy: { date: 'desc' },
    select: { date: true, content: true },
  });
  if (!row) return null;
  // An unreadable older report is skipped: the snapshot then serves as the comparison.
  const parsed = dailyReportContentSchema.safeParse(row.content);
  return parsed.success
    ? { date: row.date.toISOString().slice(0, 10), content: parsed.data }
    : null;
}

async function readOverviews(db: PrismaClient, symbols: readonly string[]) {
  const rows = await db.stockOverview.findMany({
    where: { symbol: { in: [...symbols] } },
    select: { symbol: true, data: true },
  });
  const overviews = new Map<string, CompanyOverview>();
  for (const row of rows) {
    const parsed = companyOverviewSchema.safeParse(row.data);
    if (parsed.success) overviews.set(row.symbol, parsed.data);
  }
  return overviews;
}

async function ruleStrategies(db: PrismaClient, userId: string): Promise<string[]> {
  const rules = await db.alertRule.findMany({
    where: { userId, kind: 'strategy-signal', enabled: true },
    orderBy: { createdAt: 'asc' },
    select: { params: true },
  });
  return rules.flatMap((rule) => {
    const strategy = (rule.params as { strategy?: unknown } | null)?.strategy;
    return typeof strategy === 'string' ? [strategy] : [];
  });
}

/**
 * A user's daily report for their local `date`, from their portfolio as of `now`: value and
 * changes, the day's best and worst holdings, alerts of the last 24 hours, the engine's calls on
 * held symbols, upcoming dividends and the recent accuracy of the strategies they follow.
 */
export async function buildDailyReport(
  deps: DailyReportDeps,
  input: DailyReportInput,
): Promise<DailyReportContent> {
  const { db, analytics } = deps;
  const { userId, date, now } = input;
  const [summary, holdings, history, previous, alerts, rules] = await Promise.all([
    analytics.summary(userId),
    analytics.holdings(userId),
    analytics.history(userId, { range: '1W' }),
    previousReport(db, userId, date),
    firedAlerts(db, userId, now),
    input.followedStrategies.length > 0 ? Promise.resolve([]) : ruleStrategies(db, userId),
  ]);
  const held = heldSymbols(holdings);
  const symbols = held.map((h) => h.symbol);
  const [series, overviews] = await Promise.all([
    readDailySeries(db, symbols, date, ACCURACY_BARS + WARMUP_BARS),
    readOverviews(db, symbols),
  ]);
  // One indicator cache per symbol, shared by today's calls and the accuracy evaluation.
  const contexts = new Map([...series].map(([symbol, s]) => [symbol, new IndicatorContext(s)]));
  const strategies = resolveStrategies(input.followedStrategies, rules);
  const content: DailyReportContent = {
    version: 1,
    date,
    generatedAt: now.toISOString(),
    currency: summary.currency,
    portfolio: portfolioFigures(
      summary,
      held.length,
      previousValue(summary.currency, summary.asOf, previous, history),
    ),
    ...dayMovers(held),
    alerts,
    signals: engineSignals(held, series, contexts, date),
    dividends: upcomingDividends(held, overviews, date),
    strategies: {
      source: strategies.source,
      horizon: ACCURACY_HORIZON,
      bars: ACCURACY_BARS,
      items: held.length > 0 ? strategyAccuracy(strategies.ids, series, contexts) : [],
    },
  };
  // Whatever is stored must read back: validate on write as well.
  return dailyReportContentSchema.parse(content);
}
