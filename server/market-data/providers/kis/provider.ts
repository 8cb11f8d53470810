import type { z } from 'zod';
import type { CircuitBreaker } from '@/server/market-data/circuit-breaker';
import { ProviderError } from '@/server/market-data/errors';
import type { FetchLike } from '@/server/market-data/http';
import type { RequestBudget } from '@/server/market-data/rate-budget';
import type { RetryPolicy } from '@/server/market-data/retry';
import type {
  Bar,
  BarRange,
  CompanyOverview,
  MarketDataProvider,
  Quote,
} from '@/server/market-data/types';
import { createKisClient, type KisClient } from './client';
import { chartBarSchema, chartResponseSchema, priceResponseSchema } from './schemas';
import { openKisTickStream, type KisStreamOptions } from './stream';
import { kisListingOf } from './symbols';
import type { TokenStore } from './token-store';

export interface KisProviderConfig {
  appKey: string;
  appSecret: string;
  /** https://openapi.koreainvestment.com:9443 (paper: https://openapivts.koreainvestment.com:29443) */
  baseUrl: string;
  /** ws://ops.koreainvestment.com:21000 (paper: :31000) */
  wsUrl: string;
  tokenStore: TokenStore;
  budget: RequestBudget;
  breaker: CircuitBreaker;
  retry: RetryPolicy;
  timeoutMs?: number;
  fetch?: FetchLike;
  now?: () => number;
  /** Names for overviews: inquire-price does not carry the instrument's name. */
  instrumentOf?: (
    symbol: string,
  ) => { nameEn: string; nameKo: string | null; sector: string | null } | undefined;
  /**
   * The session a quote taken at `at` belongs to (inquire-price has no date). Defaults to the
   * Seoul calendar date, rolled back over weekends and before the 09:00 open; wire the KRX
   * calendar in to handle holidays.
   */
  tradingDayOf?: (at: Date) => string;
  stream?: Pick<KisStreamOptions, 'maxSubscriptions' | 'reconnect' | 'onWarning'>;
}

const PRICE_PATH = '/uapi/domestic-stock/v1/quotations/inquire-price';
const CHART_PATH = '/uapi/domestic-stock/v1/quotations/inquire-daily-itemchartprice';
/** The chart endpoint's page size: a full page means older rows may remain. */
export const KIS_CHART_PAGE_SIZE = 100;
/** Stops a paging loop that KIS keeps feeding (about 160 years of daily bars). */
const MAX_CHART_PAGES = 400;
const KST_OFFSET_MS = 9 * 60 * 60_000;

export function createKisProvider(config: KisProviderConfig): MarketDataProvider {
  const now = config.now ?? Date.now;
  const tradingDayOf = config.tradingDayOf ?? defaultKrxTradingDay;
  const client: KisClient = createKisClient(config);

  async function inquirePrice(code: string, signal?: AbortSignal) {
    const body = await client.get(
      PRICE_PATH,
      'FHKST01010100',
      { FID_COND_MRKT_DIV_CODE: 'J', FID_INPUT_ISCD: code },
      signal,
    );
    const { output } = parse(priceResponseSchema, body, 'inquire-price');
    // Unknown codes come back "successful" with every price zero.
    if (output.stck_prpr === 0 && output.stck_sdpr === 0) {
      throw new ProviderError('kis', 'not-found', `KIS does not know ${code}`);
    }
    return output;
  }

  async function chart(
    symbol: string,
    period: 'D' | 'W',
    range: BarRange | undefined,
    signal?: AbortSignal,
  ): Promise<Bar[]> {
    const { code } = kisListingOf(symbol);
    const from = range?.from ?? '1900-01-01';
    let to = range?.to ?? seoulDate(now());
    const bars = new Map<string, Bar>();
    for (let page = 0; page < MAX_CHART_PAGES && to >= from; page += 1) {
      const body = await client.get(
        CHART_PATH,
        'FHKST03010100',
        {
          FID_COND_MRKT_DIV_CODE: 'J',
          FID_INPUT_ISCD: code,
          FID_INPUT_DATE_1: compact(from),
          FID_INPUT_DATE_2: compact(to),
          FID_PERIOD_DIV_CODE: period,
          FID_ORG_ADJ_PRC: '0',
        },
        signal,
      );
      const rows = parse(chartResponseSchema, body, 'inquire-daily-itemchartprice').output2;
      let oldest: string | undefined;
      for (const [index, row] of rows.entries()) {
        if (!row.stck_bsop_date) continue; // padding rows before the listing date
        const parsed = chartBarSchema.safeParse(row);
        if (!parsed.success) {
          const issue = parsed.error.issues[0]!;
          throw new ProviderError(
            'kis',
            'malformed',
            `inquire-daily-itemchartprice: output2[${index}].${issue.path.join('.')}: ${issue.message}`,
          );
        }
        const r = parsed.data;
        oldest = oldest === undefined || r.stck_bsop_date < oldest ? r.stck_bsop_date : oldest;
        if (r.stck_bsop_date < from || r.stck_bsop_date > to) continue;
        const date = period === 'W' ? weekEndingFriday(r.stck_bsop_date) : r.stck_bsop_date;
        bars.set(date, {
          date,
          open: r.stck_oprc,
          high: r.stck_hgpr,
          low: r.stck_lwpr,
          close: r.stck_clpr,
          volume: r.acml_vol,
        });
      }
      // Without a start date the caller wants the latest page only, like other providers' default.
      if (!range?.from || rows.length < KIS_CHART_PAGE_SIZE || oldest === undefined) break;
      const next = previousDay(oldest);
      if (next >= to) break; // KIS ignored the end date; stop rather than loop
      to = next;
    }
    return [...bars.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  }

  return {
    id: 'kis',
    markets: ['KR'],

    async quote(symbol, signal) {
      const { code } = kisListingOf(symbol);
      const asOf = now();
      const o = await inquirePrice(code, signal);
      const quote: Quote = {
        symbol,
        currency: 'KRW',
        price: o.stck_prpr,
        // Zero before the first trade of the session: unknown, not a price.
        open: o.stck_oprc || null,
        high: o.stck_hgpr || null,
        low: o.stck_lwpr || null,
        previousClose: o.stck_prpr - o.prdy_vrss,
        change: o.prdy_vrss,
        changePercent: o.prdy_ctrt,
        volume: o.acml_vol,
        tradingDay: tradingDayOf(new Date(asOf)),
        asOf,
        provider: 'kis',
      };
      return quote;
    },

    dailyBars(symbol, range, signal) {
      return chart(symbol, 'D', range, signal);
    },

    weeklyBars(symbol, range, signal) {
      return chart(symbol, 'W', range, signal);
    },

    async intradayBars() {
      throw new ProviderError('kis', 'unsupported', 'KIS intraday bars are not implemented');
    },

    async overview(symbol, signal) {
      const listing = kisListingOf(symbol);
      const o = await inquirePrice(listing.code, signal);
      const instrument = config.instrumentOf?.(symbol);
      const overview: CompanyOverview = {
        symbol,
        name: instrument?.nameEn ?? listing.code,
        nameKo: instrument?.nameKo ?? null,
        description: null,
        exchange: listing.exchange,
        currency: 'KRW',
        country: 'South Korea',
        sector: instrument?.sector ?? (o.bstp_kor_isnm?.trim() || null),
        industry: null,
        metrics: {
          // hts_avls is in 억원 (100 million won).
          marketCap: o.hts_avls === null ? null : o.hts_avls * 100_000_000,
          peRatio: o.per,
          eps: o.eps,
          bookValue: o.bps,
          sharesOutstanding: o.lstn_stcn,
          week52High: o.w52_hgpr,
          week52Low: o.w52_lwpr,
        },
        dividendDate: null,
        exDividendDate: null,
        quality: 'real',
        provider: 'kis',
      };
      return overview;
    },

    async statements() {
      throw new ProviderError('kis', 'unsupported', 'KIS does not serve financial statements');
    },

    async search() {
      throw new ProviderError('kis', 'unsupported', 'KIS has no symbol search');
    },

    streamTicks(symbols, handlers) {
      return openKisTickStream(symbols, handlers, {
        ...config.stream,
        wsUrl: config.wsUrl,
        approvalKey: (signal) => client.approvalKey(signal),
        rejectApprovalKey: (key) => client.rejectApprovalKey(key),
      });
    },
  };
}

function parse<S extends z.ZodType>(schema: S, body: unknown, what: string): z.output<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const path = issue.path.length > 0 ? issue.path.join('.') : '(root)';
  throw new ProviderError(
    'kis',
    'malformed',
    `${what}: unexpected payload at ${path}: ${issue.message}`,
  );
}

function seoulDate(epochMs: number): string {
  return new Date(epochMs + KST_OFFSET_MS).toISOString().slice(0, 10);
}

/** Today in Seoul once the 09:00 open has passed, else the weekday before; weekends roll back. */
export function defaultKrxTradingDay(at: Date): string {
  const seoul = new Date(at.getTime() + KST_OFFSET_MS);
  if (seoul.getUTCHours() < 9) seoul.setUTCDate(seoul.getUTCDate() - 1);
  while (seoul.getUTCDay() === 0 || seoul.getUTCDay() === 6) {
    seoul.setUTCDate(seoul.getUTCDate() - 1);
  }
  return seoul.toISOString().slice(0, 10);
}

function compact(date: string): string {
  return date.replaceAll('-', '');
}

function previousDay(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}

/** Weekly bars are keyed by the Friday of their week, whatever day the provider dates them. */
function weekEndingFriday(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  const weekday = day.getUTCDay();
  day.setUTCDate(day.getUTCDate() + (weekday === 0 ? -2 : 5 - weekday));
  return day.toISOString().slice(0, 10);
}
