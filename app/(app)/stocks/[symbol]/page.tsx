import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { AddHoldingButton } from '@/components/portfolio/ledger/add-holding-button';
import { StockView } from '@/components/stocks/stock-view';
import { getLocale, getTranslator } from '@/i18n/server';
import { isSessionOpen } from '@/server/market-data/sessions';
import { loadStock } from './load-stock';

type Params = { params: Promise<{ symbol: string }> };

async function stockFor(params: Params['params']) {
  const symbol = decodeURIComponent((await params).symbol);
  return { symbol, detail: await loadStock(symbol) };
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const [{ detail }, locale, t] = await Promise.all([
    stockFor(params),
    getLocale(),
    getTranslator('stocks.page'),
  ]);
  if (!detail) return { title: t('notFoundTitle') };
  const { instrument } = detail;
  const name = (locale === 'ko' && instrument.nameKo) || instrument.nameEn;
  return { title: `${name} (${instrument.symbol})` };
}

export default async function StockPage({ params }: Params) {
  const { symbol, detail } = await stockFor(params);
  if (!detail) notFound();
  // One address per stock: /stocks/005930 and /stocks/aapl lead to the canonical symbol.
  if (detail.instrument.symbol !== symbol) {
    redirect(`/stocks/${encodeURIComponent(detail.instrument.symbol)}`);
  }
  return (
    <StockView
      detail={detail}
      marketOpen={isSessionOpen(detail.instrument.market, new Date())}
      portfolioAction={
        // An index cannot be held.
        detail.instrument.kind === 'index' ? null : (
          <AddHoldingButton symbol={detail.instrument.symbol} />
        )
      }
    />
  );
}
