import { cn } from './cn';

/** A placeholder block; the surrounding region carries aria-busy and a loading label. */
export function Skeleton({ className }: { className?: string }) {
  return (
    <div
      aria-hidden="true"
      className={cn('animate-pulse rounded-md bg-surface-muted', className)}
    />
  );
}
