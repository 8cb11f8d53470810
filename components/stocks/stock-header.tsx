'use client';

import type { ReactNode } from 'react';
import { useFormatter, useLocale, useTranslations, type NumberFormatOptions } from 'use-intl';
import { useRealtimeStatus } from '@/components/providers/realtime-provider';
import { Badge } from '@/components/ui/badge';
import { cn } from '@/components/ui/cn';
import { marketTimeZones, type MarketCode } from './market-time';
import { priceArrow, priceTone } from './price-colors';
import {
  changeFormatOptions,
  percentChangeOptions,
  priceFormatOptions,
  type PriceKind,
} from './price-format';
import type { QuoteLike } from './live-quote';
import { useLiveQuote } from './use-live-quote';
import { useThrottledValue } from './use-throttled-value';

export type HeaderInstrument = {
  symbol: string;
  code: string;
  market: MarketCode;
  exchange: string;
  currency: string;
  kind: PriceKind;
  nameEn: string;
  nameKo: string | null;
};

type Props = {
  instrument: HeaderInstrument;
  initialQuote: QuoteLike | null;
  /** Whether the market's regular session is open (computed on the server). */
  marketOpen: boolean;
  /** The demo's simulated market trades around the clock. */
  simulatedLive: boolean;
  /** Buttons beside the name (add to watchlist, and add to portfolio once that exists). */
  actions?: ReactNode;
};

const ANNOUNCE_EVERY_MS = 30_000;

/** Name, identifiers and the live quote: price, change, day range, volume, as-of time. */
export function StockHeader({
  instrument,
  initialQuote,
  marketOpen,
  simulatedLive,
  actions,
}: Props) {
  const t = useTranslations('stocks.header');
  const format = useFormatter();
  const locale = useLocale();
  const quote = useLiveQuote(instrument.symbol, initialQuote);
  const realtime = useRealtimeStatus();
  const timeZone = marketTimeZones[instrument.market];
  const korean = locale.startsWith('ko');
  const primaryName = (korean && instrument.nameKo) || instrument.nameEn;
  const secondaryName = korean ? (instrument.nameKo ? instrument.nameEn : null) : instrument.nameKo;
  const priceOptions = priceFormatOptions(instrument.currency, instrument.kind);
  const price = quote ? format.number(quote.price, priceOptions) : null;
  const tone = priceTone(quote?.change, locale);
  const announced = useThrottledValue(price, ANNOUNCE_EVERY_MS);

  const stat = (value: number | null | undefined, options: NumberFormatOptions) =>
    value === null || value === undefined ? '—' : format.number(value, options);

  return (
    <header className="mb-6 flex flex-col gap-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">{primaryName}</h1>
          <div className="mt-1.5 flex flex-wrap items-center gap-2 text-sm text-muted">
            {secondaryName ? <span>{secondaryName}</span> : null}
            <span className="font-mono text-foreground">{instrument.symbol}</span>
            <Badge>{instrument.exchange}</Badge>
            <Badge>{instrument.currency}</Badge>
            <Badge tone={marketOpen ? 'success' : 'neutral'} dot>
              {marketOpen ? t('marketOpen') : t('marketClosed')}
            </Badge>
            {simulatedLive ? <Badge tone="warning">{t('simulatedLive')}</Badge> : null}
          </div>
        </div>
        {actions ? <div className="flex flex-wrap items-center gap-2">{actions}</div> : null}
      </div>

      {quote ? (
        <div className="flex flex-wrap items-end gap-x-8 gap-y-3">
          <div>
            <p className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
              <span
                data-testid="last-price"
                data-price={quote.price}
                data-as-of={quote.asOf}
                className="text-3xl font-semibold tabular-nums sm:text-4xl"
              >
                {price}
              </span>
              <span className={cn('text-base font-medium tabular-nums sm:text-lg', tone)}>
                <span aria-hidden="true">{priceArrow(quote.change)} </span>
                {stat(quote.change, changeFormatOptions(instrument.currency, instrument.kind))} (
                {stat(
                  quote.changePercent === null ? null : quote.changePercent / 100,
                  percentChangeOptions,
                )}
                )
              </span>
            </p>
            <p className="mt-1 flex flex-wrap items-center gap-2 text-xs text-muted">
              <Badge
                tone={realtime === 'open' ? 'success' : 'neutral'}
                dot
                data-testid="live-status"
                data-status={realtime}
              >
                {t(`live.${realtime}`)}
              </Badge>
              {t('asOf', {
                time: format.dateTime(new Date(quote.asOf), {
                  timeZone,
                  month: 'short',
                  day: 'numeric',
                  hour: '2-digit',
                  minute: '2-digit',
                  second: '2-digit',
                }),
                zone: t(`zones.${instrument.market}`),
              })}
            </p>
            <p className="sr-only" role="status" aria-live="polite">
              {announced ? t('announce', { name: primaryName, price: announced }) : ''}
            </p>
          </div>
          <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-4">
            {(
              [
                ['open', stat(quote.open, priceOptions)],
                ['high', stat(quote.high, priceOptions)],
                ['low', stat(quote.low, priceOptions)],
                ['volume', stat(quote.volume, { notation: 'compact', maximumFractionDigits: 1 })],
              ] as const
            ).map(([key, value]) => (
              <div key={key} className="flex gap-2 sm:flex-col sm:gap-0">
                <dt className="text-muted">{t(key)}</dt>
                <dd className="font-medium tabular-nums">{value}</dd>
              </div>
            ))}
          </dl>
        </div>
      ) : (
        <p className="text-sm text-muted" data-testid="last-price">
          {t('noQuote')}
        </p>
      )}
    </header>
  );
}
