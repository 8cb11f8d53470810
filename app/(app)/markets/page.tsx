import type { Metadata } from 'next';
import { MarketsOverview } from '@/components/markets/markets-overview';
import { PageHeader } from '@/components/shell/page-header';
import { getTranslator } from '@/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator('markets');
  return { title: t('title') };
}

export default async function MarketsPage() {
  const t = await getTranslator('markets');
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <MarketsOverview />
    </>
  );
}
