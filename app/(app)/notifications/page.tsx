import type { Metadata } from 'next';
import { NotificationList } from '@/components/alerts/notification-list';
import { PageHeader } from '@/components/shell/page-header';
import { getTranslator } from '@/i18n/server';
import { requireUser } from '../require-user';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator('alerts');
  return { title: t('notifications.title') };
}

export default async function NotificationsPage() {
  const user = await requireUser();
  const t = await getTranslator('alerts');
  return (
    <>
      <PageHeader title={t('notifications.title')} description={t('notifications.description')} />
      <NotificationList userId={user.id} />
    </>
  );
}
