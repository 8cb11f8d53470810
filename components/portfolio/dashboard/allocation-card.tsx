'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useLocale, useTranslations } from 'use-intl';
import { displayName } from '@/components/markets/display-name';
import { useTRPC } from '@/components/providers/trpc-provider';
import { ButtonGroup } from '@/components/stocks/button-group';
import { useColorScheme } from '@/components/stocks/use-color-scheme';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import { Skeleton } from '@/components/ui/skeleton';
import { AllocationDonut } from './allocation-donut';
import { sliceLabel, type SliceLabel } from './allocation-labels';
import { allocationSlices } from './chart-data';
import { sliceColor } from './chart-colors';
import { SectionError, SectionLoading } from './section-state';
import type { AllocationBy, HoldingDto } from './types';
import { usePortfolioFormat } from './use-portfolio-format';

/**
 * Where the money is, by holding, sector, currency or account (all accounts only), as a donut with
 * a legend table that states every slice's weight and amount.
 */
export function AllocationCard({
  accountId,
  holdings,
}: {
  accountId?: string;
  /** For Korean names of holdings (the allocation carries English ones). */
  holdings: readonly HoldingDto[] | undefined;
}) {
  const t = useTranslations('portfolio.allocation');
  const locale = useLocale();
  const fmt = usePortfolioFormat();
  const scheme = useColorScheme();
  const trpc = useTRPC();
  const id = useId();
  const [by, setBy] = useState<AllocationBy>('holding');
  const allocation = useQuery({
    ...trpc.portfolios.allocation.queryOptions({ by, ...(accountId ? { accountId } : {}) }),
    placeholderData: keepPreviousData,
  });
  const options: { value: AllocationBy; label: string }[] = [
    { value: 'holding', label: t('by.holding') },
    { value: 'sector', label: t('by.sector') },
    { value: 'currency', label: t('by.currency') },
    ...(accountId ? [] : [{ value: 'account' as const, label: t('by.account') }]),
  ];

  const currencyNames = new Intl.DisplayNames(locale, { type: 'currency' });
  const names = new Map(holdings?.map((h) => [h.symbol, displayName(h, locale)]));
  const nameOf = (label: SliceLabel): string => {
    switch (label.kind) {
      case 'cash':
        return t('cash');
      case 'other':
        return t('other');
      case 'sector':
        return t(`sectors.${label.key}`);
      case 'currency':
        return `${currencyNames.of(label.code) ?? label.code} (${label.code})`;
      case 'holding':
        return names.get(label.symbol) ?? label.fallback;
      case 'text':
        return label.text;
    }
  };

  const data = allocation.data;
  const slices = data
    ? allocationSlices(data).map((slice, index) => {
        const label = sliceLabel(data.by, slice);
        return {
          ...slice,
          name: nameOf(label),
          color: sliceColor(
            scheme,
            index,
            label.kind === 'cash' || label.kind === 'other' ? label.kind : 'slice',
          ),
        };
      })
    : [];

  return (
    <Card aria-labelledby={`${id}-title`} className="min-w-0">
      <CardHeader titleId={`${id}-title`} title={t('title')} />
      <CardBody className="flex flex-col gap-4">
        <ButtonGroup
          label={t('byLabel')}
          options={options}
          value={by}
          onChange={setBy}
          className="self-start"
        />
        {data === undefined ? (
          allocation.isPending ? (
            <SectionLoading className="items-center">
              <Skeleton className="size-[200px] rounded-full" />
              <Skeleton className="h-24 w-full" />
            </SectionLoading>
          ) : (
            <SectionError error={allocation.error} onRetry={() => void allocation.refetch()} />
          )
        ) : slices.length === 0 ? (
          <p className="py-12 text-center text-sm text-muted">{t('empty')}</p>
        ) : (
          <div
            data-testid="allocation"
            data-by={data.by}
            data-slices={slices.length}
            aria-busy={allocation.isPlaceholderData || undefined}
            className={cn(
              'flex flex-col items-center gap-5 transition-opacity',
              allocation.isPlaceholderData && 'opacity-60',
            )}
          >
            <div data-testid="allocation-donut" aria-hidden="true">
              <AllocationDonut slices={slices} scheme={scheme} />
            </div>
            <table className="w-full text-sm">
              <caption className="sr-only">{t('caption', { by: t(`by.${data.by}`) })}</caption>
              <thead className="sr-only">
                <tr>
                  <th scope="col">{t('columns.name')}</th>
                  <th scope="col">{t('columns.weight')}</th>
                  <th scope="col">{t('columns.value')}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-border">
                {slices.map((slice) => (
                  <tr key={slice.key} data-testid="allocation-slice">
                    <th scope="row" className="w-full max-w-0 py-1.5 pr-2 text-left font-normal">
                      <span className="flex min-w-0 items-center gap-2">
                        <span
                          aria-hidden="true"
                          className="size-2.5 shrink-0 rounded-sm"
                          style={{ background: slice.color }}
                        />
                        <span className="truncate" title={slice.name}>
                          {slice.name}
                        </span>
                      </span>
                    </th>
                    <td className="px-2 py-1.5 text-right font-medium whitespace-nowrap tabular-nums">
                      {fmt.percent(slice.weight)}
                    </td>
                    <td className="py-1.5 pl-2 text-right whitespace-nowrap text-muted tabular-nums">
                      {fmt.money(slice.amount, data.currency)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </CardBody>
    </Card>
  );
}
