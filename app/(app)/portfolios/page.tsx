import type { Metadata } from 'next';
import { AccountsManager } from '@/components/portfolio/ledger/accounts-manager';
import { AddHoldingButton } from '@/components/portfolio/ledger/add-holding-button';
import { ExportButtons } from '@/components/portfolio/ledger/export-buttons';
import { PageHeader } from '@/components/shell/page-header';
import { getTranslator } from '@/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator('ledger.page');
  return { title: t('title') };
}

/** Accounts and their ledgers: create, edit and delete accounts; import and export transactions. */
export default async function PortfoliosPage() {
  const t = await getTranslator('ledger.page');
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          <div className="flex flex-wrap items-start gap-2">
            <ExportButtons />
            <AddHoldingButton />
          </div>
        }
      />
      <AccountsManager />
    </>
  );
}
