import { Skeleton } from '@/components/ui/skeleton';
import { getTranslator } from '@/i18n/server';

export default async function StockLoading() {
  const t = await getTranslator('stocks.page');
  return (
    <div role="status" aria-busy="true" className="flex flex-col gap-6">
      <span className="sr-only">{t('loading')}</span>
      <div className="flex flex-col gap-2">
        <Skeleton className="h-8 w-56 max-w-full" />
        <Skeleton className="h-4 w-80 max-w-full" />
        <Skeleton className="mt-2 h-10 w-48" />
      </div>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <Skeleton className="h-[420px] lg:col-span-2" />
        <Skeleton className="h-[420px]" />
      </div>
      <Skeleton className="h-72" />
    </div>
  );
}
