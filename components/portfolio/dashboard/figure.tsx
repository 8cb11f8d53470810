import type { ReactNode } from 'react';
import { cn } from '@/components/ui/cn';

/** One headline figure in a card: label, value, and what qualifies it. */
export function FigureCard({
  label,
  value,
  children,
  className,
  testId,
}: {
  label: ReactNode;
  value: ReactNode;
  children?: ReactNode;
  className?: string;
  testId?: string;
}) {
  return (
    <div
      data-testid={testId}
      className={cn(
        'flex min-w-0 flex-col gap-1 rounded-xl border border-border bg-surface p-4 shadow-xs',
        className,
      )}
    >
      <dt className="text-sm text-muted">{label}</dt>
      <dd className="text-base font-semibold tracking-tight tabular-nums sm:text-xl">{value}</dd>
      {children ? <dd className="flex flex-col gap-1 text-xs text-muted">{children}</dd> : null}
    </div>
  );
}

/** A labelled figure inside a card body (returns, risk, benchmark). */
export function FigureRow({
  label,
  value,
  children,
  testId,
}: {
  label: ReactNode;
  value: ReactNode;
  children?: ReactNode;
  testId?: string;
}) {
  return (
    <div data-testid={testId} className="flex flex-col gap-1 py-3 first:pt-0 last:pb-0">
      <div className="flex items-baseline justify-between gap-3">
        <dt className="text-sm font-medium">{label}</dt>
        <dd className="text-base font-semibold tabular-nums">{value}</dd>
      </div>
      {children ? <dd className="flex flex-col gap-1 text-xs text-muted">{children}</dd> : null}
    </div>
  );
}

/** A small figure in a row of figures (benchmark comparison). */
export function InlineFigure({
  label,
  value,
  testId,
}: {
  label: ReactNode;
  value: ReactNode;
  testId?: string;
}) {
  return (
    <div data-testid={testId} className="flex min-w-0 flex-col gap-0.5">
      <dt className="truncate text-xs text-muted">{label}</dt>
      <dd className="text-sm font-semibold tabular-nums sm:text-base">{value}</dd>
    </div>
  );
}
