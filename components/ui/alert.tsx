import type { ReactNode } from 'react';
import { cn } from './cn';

type AlertProps = { tone?: 'error' | 'success' | 'info'; className?: string; children: ReactNode };

const tones = {
  error: 'border-danger/30 bg-danger-subtle text-danger',
  success: 'border-gain/30 bg-success-subtle text-gain',
  info: 'border-accent/30 bg-accent-subtle text-foreground',
};

/** Form-level feedback: errors interrupt (role=alert), confirmations are polite (role=status). */
export function Alert({ tone = 'error', className, children }: AlertProps) {
  return (
    <div
      role={tone === 'error' ? 'alert' : 'status'}
      className={cn('rounded-lg border px-3 py-2 text-sm', tones[tone], className)}
    >
      {children}
    </div>
  );
}
