'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'use-intl';
import { cn } from '@/components/ui/cn';

/** Only pages that exist and work. */
export const NAV_ITEMS = [
  { href: '/dashboard', key: 'dashboard' },
  { href: '/markets', key: 'markets' },
  { href: '/portfolios', key: 'portfolios' },
  { href: '/backtests', key: 'backtests' },
  { href: '/alerts', key: 'alerts' },
  { href: '/reports', key: 'reports' },
] as const;

export function isActivePath(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}

export function NavLinks({
  orientation = 'horizontal',
  onNavigate,
}: {
  orientation?: 'horizontal' | 'vertical';
  onNavigate?: () => void;
}) {
  const t = useTranslations('nav');
  const pathname = usePathname();
  return (
    <ul className={cn('flex gap-1', orientation === 'vertical' && 'flex-col')}>
      {NAV_ITEMS.map(({ href, key }) => {
        const active = isActivePath(pathname, href);
        return (
          <li key={href}>
            <Link
              href={href}
              aria-current={active ? 'page' : undefined}
              onClick={onNavigate}
              className={cn(
                'flex items-center rounded-md px-2.5 text-sm font-medium transition-colors',
                orientation === 'vertical' ? 'h-11' : 'h-9',
                active
                  ? 'bg-accent-subtle text-accent'
                  : 'text-muted hover:bg-surface-muted hover:text-foreground',
              )}
            >
              {t(key)}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
