'use client';

import { cn } from '@/components/ui/cn';

/** A row of toggle buttons, one pressed (aria-pressed), labelled as a group. */
export function ButtonGroup<T extends string>({
  label,
  options,
  value,
  onChange,
  className,
}: {
  label: string;
  options: readonly { value: T; label: string }[];
  value: T;
  onChange: (value: T) => void;
  className?: string;
}) {
  return (
    <div
      role="group"
      aria-label={label}
      className={cn(
        'inline-flex max-w-full overflow-x-auto rounded-lg border border-border bg-surface p-0.5',
        className,
      )}
    >
      {options.map((option) => {
        const pressed = option.value === value;
        return (
          <button
            key={option.value}
            type="button"
            aria-pressed={pressed}
            onClick={() => onChange(option.value)}
            className={cn(
              'h-8 min-w-8 shrink-0 rounded-md px-2 text-xs whitespace-nowrap font-medium transition-colors sm:min-w-9 sm:px-2.5 sm:text-sm',
              pressed
                ? 'bg-accent text-accent-foreground'
                : 'text-muted hover:bg-surface-muted hover:text-foreground',
            )}
          >
            {option.label}
          </button>
        );
      })}
    </div>
  );
}
