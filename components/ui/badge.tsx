import type { HTMLAttributes } from 'react';
import { cn } from './cn';

type Tone = 'neutral' | 'success' | 'warning' | 'danger' | 'info';

const tones: Record<Tone, string> = {
  neutral: 'bg-surface-muted text-muted',
  success: 'bg-success-subtle text-gain',
  warning: 'bg-warning-subtle text-warning',
  danger: 'bg-danger-subtle text-danger',
  info: 'bg-accent-subtle text-accent',
};

const dots: Record<Tone, string> = {
  neutral: 'bg-muted',
  success: 'bg-gain',
  warning: 'bg-warning',
  danger: 'bg-danger',
  info: 'bg-accent',
};

type BadgeProps = HTMLAttributes<HTMLSpanElement> & { tone?: Tone; dot?: boolean };

export function Badge({
  tone = 'neutral',
  dot = false,
  className,
  children,
  ...props
}: BadgeProps) {
  return (
    <span
      className={cn(
        'inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap',
        tones[tone],
        className,
      )}
      {...props}
    >
      {dot ? <span aria-hidden="true" className={cn('size-1.5 rounded-full', dots[tone])} /> : null}
      {children}
    </span>
  );
}
