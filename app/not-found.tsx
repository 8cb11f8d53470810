import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button';
import { LogoMark } from '@/components/ui/icons';
import { getTranslator } from '@/i18n/server';

export default async function NotFound() {
  const t = await getTranslator('notFound');
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-4 px-6 text-center">
      <LogoMark className="size-10" />
      <p className="text-sm font-semibold text-accent">404</p>
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <p className="max-w-sm text-muted">{t('description')}</p>
      <Link href="/dashboard" className={buttonClasses({ className: 'mt-2' })}>
        {t('back')}
      </Link>
    </main>
  );
}
