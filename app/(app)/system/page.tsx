import type { Metadata } from 'next';
import { PageHeader } from '@/components/shell/page-header';
import { SystemDetails } from '@/components/system/system-details';
import { getTranslator } from '@/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator('system');
  return { title: t('title') };
}

export default async function SystemPage() {
  const t = await getTranslator('system');
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <SystemDetails />
    </>
  );
}
