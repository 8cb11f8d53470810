import { Skeleton } from '@/components/ui/skeleton';
import { getTranslator } from '@/i18n/server';

/** The alerts page's shape while it loads: header, the rules card, channels and settings. */
export default async function Loading() {
  const t = await getTranslator('common');
  return (
    <div role="status" aria-busy="true">
      <span className="sr-only">{t('loading')}</span>
      <div aria-hidden="true" className="flex flex-col gap-6">
        <div className="mb-0 flex flex-col gap-2 sm:mb-2">
          <Skeleton className="h-8 w-40 max-w-full" />
          <Skeleton className="h-4 w-96 max-w-full" />
        </div>
        <div className="rounded-xl border border-border bg-surface p-5">
          <div className="flex justify-between gap-4">
            <Skeleton className="h-5 w-32" />
            <Skeleton className="h-8 w-28" />
          </div>
          <div className="mt-5 flex flex-col gap-4">
            {[0, 1, 2, 3, 4].map((row) => (
              <div key={row} className="flex items-center justify-between gap-4">
                <div className="flex min-w-0 flex-1 flex-col gap-2">
                  <Skeleton className="h-4 w-3/5" />
                  <Skeleton className="h-3 w-2/5" />
                </div>
                <Skeleton className="h-6 w-11 rounded-full" />
              </div>
            ))}
          </div>
        </div>
        <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
          <Skeleton className="h-64 rounded-xl" />
          <Skeleton className="h-64 rounded-xl" />
        </div>
      </div>
    </div>
  );
}
