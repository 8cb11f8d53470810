'use client';

import { useTranslations } from 'use-intl';
import { Button } from '@/components/ui/button';

export type DemoAccount = { email: string; password: string };

/** Embedded mode only: the seeded account, with a button that fills the sign-in form. */
export function DemoAccountBox({ account, onUse }: { account: DemoAccount; onUse: () => void }) {
  const t = useTranslations('auth.demo');
  return (
    <aside
      aria-labelledby="demo-account-title"
      data-testid="demo-account"
      className="rounded-xl border border-dashed border-accent/50 bg-accent-subtle px-4 py-3.5"
    >
      <h2 id="demo-account-title" className="text-sm font-semibold text-accent">
        {t('title')}
      </h2>
      <p className="mt-1 text-xs text-muted">{t('description')}</p>
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-muted">{t('email')}</dt>
        <dd className="font-mono break-all">{account.email}</dd>
        <dt className="text-muted">{t('password')}</dt>
        <dd className="font-mono">{account.password}</dd>
      </dl>
      <Button variant="secondary" size="sm" className="mt-3 w-full" onClick={onUse}>
        {t('use')}
      </Button>
    </aside>
  );
}
