import type { Metadata } from 'next';
import { ChangePasswordForm } from '@/components/settings/change-password-form';
import { PreferencesForm } from '@/components/settings/preferences-form';
import { timeZoneOptions } from '@/components/settings/time-zones';
import { PageHeader } from '@/components/shell/page-header';
import { getTranslator } from '@/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator('settings');
  return { title: t('title') };
}

export default async function SettingsPage() {
  const t = await getTranslator('settings');
  // Built on the server so the option list (and its offsets) can't differ at hydration.
  const timeZones = timeZoneOptions(Intl.supportedValuesOf('timeZone'), new Date());
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-5">
        <div className="lg:col-span-3">
          <PreferencesForm timeZones={timeZones} />
        </div>
        <div className="lg:col-span-2">
          <ChangePasswordForm />
        </div>
      </div>
    </>
  );
}
