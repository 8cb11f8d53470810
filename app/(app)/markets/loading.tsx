import { MarketsSkeleton } from '@/components/markets/markets-skeleton';
import { Skeleton } from '@/components/ui/skeleton';
import { getTranslator } from '@/i18n/server';

export default async function Loading() {
  const t = await getTranslator('common');
  return (
    <div role="status" aria-busy="true">
      <span className="sr-only">{t('loading')}</span>
      <div className="mb-6 flex flex-col gap-2 sm:mb-8">
        <Skeleton className="h-8 w-40 max-w-full" />
        <Skeleton className="h-4 w-96 max-w-full" />
      </div>
      <MarketsSkeleton />
    </div>
  );
}
