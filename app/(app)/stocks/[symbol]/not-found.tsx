import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button';
import { getTranslator } from '@/i18n/server';

/** An unknown or malformed symbol: say so and offer the ways to find the right one. */
export default async function StockNotFound() {
  const t = await getTranslator('stocks.page');
  return (
    <div
      data-testid="stock-not-found"
      className="flex flex-col items-center gap-4 py-16 text-center"
    >
      <p className="text-sm font-semibold text-accent">404</p>
      <h1 className="text-2xl font-semibold">{t('notFoundTitle')}</h1>
      <p className="max-w-md text-balance text-muted">{t('notFoundBody')}</p>
      <div className="mt-2 flex flex-wrap justify-center gap-2">
        <Link href="/markets" className={buttonClasses()}>
          {t('browseMarkets')}
        </Link>
        <Link href="/dashboard" className={buttonClasses({ variant: 'secondary' })}>
          {t('backToDashboard')}
        </Link>
      </div>
    </div>
  );
}
