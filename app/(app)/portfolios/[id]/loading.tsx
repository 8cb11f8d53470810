import { Skeleton } from '@/components/ui/skeleton';
import { getTranslator } from '@/i18n/server';

export default async function AccountLoading() {
  const t = await getTranslator('common');
  return (
    <div role="status" aria-busy="true" className="flex flex-col gap-6">
      <span className="sr-only">{t('loading')}</span>
      <div className="flex flex-col gap-2">
        <Skeleton className="h-4 w-28" />
        <Skeleton className="h-8 w-64 max-w-full" />
        <Skeleton className="h-5 w-48 max-w-full" />
      </div>
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-3">
        {[0, 1, 2, 3, 4, 5].map((card) => (
          <Skeleton
            key={card}
            className={card === 0 || card === 5 ? 'col-span-2 h-28 lg:col-span-1' : 'h-28'}
          />
        ))}
      </div>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <Skeleton className="h-80 lg:col-span-2" />
        <Skeleton className="h-80" />
      </div>
      <Skeleton className="h-72" />
    </div>
  );
}
