import type { PrismaClient } from '@/server/generated/prisma/client';
import type { CompanyOverview, FinancialStatement, StatementKind, StatementPeriod } from '../types';
import { companyOverviewSchema, statementLinesSchema } from '../schemas';
import { toDateString } from './bars';
import { chunks } from './sql-batch';

/** Company overviews and financial statements, stored as validated DTOs. */
export function createFundamentalsStore(db: PrismaClient) {
  return {
    async upsertOverview(overview: CompanyOverview, fetchedAt: Date): Promise<void> {
      const data = {
        data: companyOverviewSchema.parse(overview),
        quality: overview.quality,
        provider: overview.provider,
        fetchedAt,
      };
      await db.stockOverview.upsert({
        where: { symbol: overview.symbol },
        create: { symbol: overview.symbol, ...data },
        update: data,
      });
    },

    async getOverview(
      symbol: string,
    ): Promise<{ overview: CompanyOverview; fetchedAt: Date } | null> {
      const row = await db.stockOverview.findUnique({ where: { symbol } });
      if (!row) return null;
      return { overview: companyOverviewSchema.parse(row.data), fetchedAt: row.fetchedAt };
    },

    async upsertStatements(
      statements: readonly FinancialStatement[],
      fetchedAt: Date,
    ): Promise<number> {
      if (statements.length === 0) return 0;
      await db.$transaction(async (tx) => {
        for (const batch of chunks(statements, 500)) {
          const rows = batch.map((s) => ({
            symbol: s.symbol,
            kind: s.kind,
            period: s.period,
            fiscalDate: s.fiscalDateEnding,
            currency: s.currency,
            lines: statementLinesSchema.parse(s.lines),
            quality: s.quality,
            provider: s.provider,
            fetchedAt: fetchedAt.toISOString(),
          }));
          await tx.$executeRawUnsafe(
            `INSERT INTO "FinancialStatement"
               (symbol, kind, period, "fiscalDate", currency, lines, quality, provider, "fetchedAt")
             SELECT symbol, kind, period, "fiscalDate", currency, lines, quality, provider, "fetchedAt"
             FROM json_to_recordset($1::json) AS x(symbol text, kind text, period text,
               "fiscalDate" date, currency text, lines jsonb, quality text, provider text,
               "fetchedAt" timestamp)
             ON CONFLICT (symbol, kind, period, "fiscalDate") DO UPDATE SET
               currency = excluded.currency, lines = excluded.lines, quality = excluded.quality,
               provider = excluded.provider, "fetchedAt" = excluded."fetchedAt"`,
            JSON.stringify(rows),
          );
        }
      });
      return statements.length;
    },

    async getStatements(
      symbol: string,
      kind: StatementKind,
      period: StatementPeriod,
    ): Promise<{ statements: FinancialStatement[]; fetchedAt: Date | null }> {
      const rows = await db.financialStatement.findMany({
        where: { symbol, kind, period },
        orderBy: { fiscalDate: 'desc' },
      });
      return {
        statements: rows.map((row) => ({
          symbol: row.symbol,
          kind: row.kind as StatementKind,
          period: row.period as StatementPeriod,
          fiscalDateEnding: toDateString(row.fiscalDate),
          currency: row.currency,
          lines: statementLinesSchema.parse(row.lines),
          quality: row.quality as FinancialStatement['quality'],
          provider: row.provider as FinancialStatement['provider'],
        })),
        fetchedAt: rows.reduce<Date | null>(
          (latest, row) => (!latest || row.fetchedAt > latest ? row.fetchedAt : latest),
          null,
        ),
      };
    },
  };
}

export type FundamentalsStore = ReturnType<typeof createFundamentalsStore>;
