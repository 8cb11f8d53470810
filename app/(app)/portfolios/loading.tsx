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
      <div className="rounded-xl border border-border p-5">
        <Skeleton className="mb-5 h-5 w-32" />
        <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
          {[0, 1].map((key) => (
            <div key={key} className="flex flex-col gap-3 rounded-lg border border-border p-4">
              <Skeleton className="h-5 w-44" />
              <Skeleton className="h-5 w-32" />
              <Skeleton className="h-12 w-full" />
              <Skeleton className="h-8 w-full" />
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
