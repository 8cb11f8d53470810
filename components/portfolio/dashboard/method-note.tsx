'use client';

import { useTranslations } from 'use-intl';
import { cn } from '@/components/ui/cn';

/**
 * Which method a figure uses, with its definition one click away (a native disclosure: keyboard
 * and screen readers work without script).
 */
export function MethodNote({
  name,
  description,
  className,
}: {
  name: string;
  description: string;
  className?: string;
}) {
  const t = useTranslations('portfolio.methods');
  return (
    <details className={cn('group text-xs text-muted', className)}>
      <summary className="cursor-pointer list-none rounded-sm underline decoration-dotted underline-offset-4 hover:text-foreground [&::-webkit-details-marker]:hidden">
        {t('label', { method: name })}
      </summary>
      <p className="mt-1.5 leading-relaxed text-balance">{description}</p>
    </details>
  );
}
