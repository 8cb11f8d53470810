'use client';

import { useId, type ReactNode } from 'react';
import { cn } from '@/components/ui/cn';

/**
 * An on/off switch (role="switch", aria-checked), operable by click, Space and Enter. With
 * `labelHidden` the label is only read out (lists); otherwise it is shown beside the switch.
 */
export function ToggleSwitch({
  checked,
  onChange,
  label,
  labelHidden = false,
  hint,
  disabled = false,
  className,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  label: string;
  labelHidden?: boolean;
  hint?: ReactNode;
  disabled?: boolean;
  className?: string;
}) {
  const id = useId();
  const control = (
    <button
      id={id}
      type="button"
      role="switch"
      aria-checked={checked}
      aria-label={labelHidden ? label : undefined}
      aria-describedby={hint && !labelHidden ? `${id}-hint` : undefined}
      disabled={disabled}
      onClick={() => onChange(!checked)}
      className={cn(
        'relative inline-flex h-6 w-11 shrink-0 items-center rounded-full border transition-colors',
        'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent',
        'disabled:cursor-not-allowed disabled:opacity-60',
        checked ? 'border-accent bg-accent' : 'border-transparent bg-muted/45',
      )}
    >
      <span
        aria-hidden="true"
        className={cn(
          'inline-block size-4.5 rounded-full shadow-sm transition-transform',
          checked
            ? 'translate-x-5.5 bg-accent-foreground'
            : 'translate-x-0.5 bg-white dark:bg-surface',
        )}
      />
    </button>
  );
  if (labelHidden) return <span className={className}>{control}</span>;
  return (
    <div className={cn('flex flex-col gap-1', className)}>
      <div className="flex items-center gap-3">
        {control}
        <label htmlFor={id} className="cursor-pointer text-sm font-medium">
          {label}
        </label>
      </div>
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-muted">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
