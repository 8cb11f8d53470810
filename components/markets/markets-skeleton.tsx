import { Skeleton } from '@/components/ui/skeleton';

/** The page's shape while the first overview loads (the caller labels it busy). */
export function MarketsSkeleton() {
  return (
    <div aria-hidden="true" className="flex flex-col gap-6">
      <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {[0, 1, 2, 3].map((card) => (
          <li key={card} className="rounded-xl border border-border bg-surface p-4">
            <div className="flex justify-between gap-2">
              <div className="flex flex-col gap-1.5">
                <Skeleton className="h-4 w-20" />
                <Skeleton className="h-3 w-14" />
              </div>
              <Skeleton className="h-9 w-24" />
            </div>
            <Skeleton className="mt-4 h-7 w-32" />
            <Skeleton className="mt-2 h-4 w-28" />
            <Skeleton className="mt-4 h-3 w-36" />
          </li>
        ))}
      </ul>
      <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-3">
        <div className="rounded-xl border border-border bg-surface p-5 lg:col-span-2">
          <div className="flex justify-between">
            <Skeleton className="h-5 w-32" />
            <Skeleton className="h-8 w-36" />
          </div>
          <div className="mt-5 flex flex-col gap-4">
            {[0, 1, 2, 3, 4, 5].map((row) => (
              <div key={row} className="flex items-center justify-between gap-4">
                <div className="flex flex-col gap-1.5">
                  <Skeleton className="h-4 w-32" />
                  <Skeleton className="h-3 w-20" />
                </div>
                <Skeleton className="h-4 w-40" />
              </div>
            ))}
          </div>
        </div>
        <div className="flex flex-col gap-6">
          {[0, 1].map((card) => (
            <div key={card} className="rounded-xl border border-border bg-surface p-5">
              <Skeleton className="h-5 w-28" />
              <div className="mt-4 flex flex-col gap-3">
                {[0, 1, 2].map((row) => (
                  <Skeleton key={row} className="h-9 w-full" />
                ))}
              </div>
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
