import type { Metadata } from 'next';
import { Greeting } from '@/components/dashboard/greeting';
import { SystemStatusCard } from '@/components/dashboard/system-status-card';
import { WatchlistsCard } from '@/components/dashboard/watchlists-card';
import { AddHoldingButton } from '@/components/portfolio/ledger/add-holding-button';
import { PortfolioView } from '@/components/portfolio/dashboard/portfolio-view';
import { getTranslator } from '@/i18n/server';
import { requireUser } from '../require-user';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator('dashboard');
  return { title: t('title') };
}

export default async function DashboardPage() {
  const user = await requireUser();
  const t = await getTranslator('portfolio');
  return (
    <>
      <Greeting sessionName={user.name} />
      <PortfolioView userId={user.id} title={t('dashboardTitle')} actions={<AddHoldingButton />} />
      <div className="mt-6 grid grid-cols-1 items-start gap-6 lg:grid-cols-3">
        <div className="min-w-0 lg:col-span-2">
          <WatchlistsCard userId={user.id} />
        </div>
        <SystemStatusCard />
      </div>
    </>
  );
}
