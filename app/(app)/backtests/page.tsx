import type { Metadata } from 'next';
import { BacktestsView } from '@/components/analysis/backtests/backtests-view';
import { PageHeader } from '@/components/shell/page-header';
import { getTranslator } from '@/i18n/server';
import { requireUser } from '../require-user';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator('analysis.backtests');
  return { title: t('title') };
}

export default async function BacktestsPage() {
  const user = await requireUser();
  const t = await getTranslator('analysis.backtests');
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <BacktestsView userId={user.id} />
    </>
  );
}
