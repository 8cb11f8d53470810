import type { Metadata } from 'next';
import Link from 'next/link';
import { AlertSettingsCard } from '@/components/alerts/manage/alert-settings-card';
import { ChannelsCard } from '@/components/alerts/manage/channels-card';
import { RulesCard } from '@/components/alerts/manage/rules-card';
import { PageHeader } from '@/components/shell/page-header';
import { buttonClasses } from '@/components/ui/button';
import { BellIcon } from '@/components/ui/icons';
import { getTranslator } from '@/i18n/server';
import { requireUser } from '../require-user';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator('alertsPage');
  return { title: t('title') };
}

export default async function AlertsPage() {
  await requireUser();
  const t = await getTranslator('alertsPage');
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          <Link href="/notifications" className={buttonClasses({ variant: 'secondary' })}>
            <BellIcon className="size-4" />
            {t('viewNotifications')}
          </Link>
        }
      />
      <div className="flex flex-col gap-6">
        <RulesCard />
        <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-2">
          <ChannelsCard />
          <AlertSettingsCard />
        </div>
      </div>
    </>
  );
}
