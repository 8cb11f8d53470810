import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button';
import { getTranslator } from '@/i18n/server';

/** An account id that is not one of the user's: say so and lead back to the dashboard. */
export default async function AccountNotFound() {
  const t = await getTranslator('portfolio.account');
  return (
    <div
      data-testid="account-not-found"
      className="flex flex-col items-center gap-4 py-16 text-center"
    >
      <p className="text-sm font-semibold text-accent">404</p>
      <h1 className="text-2xl font-semibold">{t('notFoundTitle')}</h1>
      <p className="max-w-md text-balance text-muted">{t('notFoundBody')}</p>
      <Link href="/dashboard" className={buttonClasses({ className: 'mt-2' })}>
        {t('backToDashboard')}
      </Link>
    </div>
  );
}
