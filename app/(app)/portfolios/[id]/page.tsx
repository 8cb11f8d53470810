import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AccountHeader } from '@/components/portfolio/dashboard/account-header';
import { PortfolioView } from '@/components/portfolio/dashboard/portfolio-view';
import { AddHoldingButton } from '@/components/portfolio/ledger/add-holding-button';
import { TransactionHistory } from '@/components/portfolio/ledger/transaction-history';
import { getTranslator } from '@/i18n/server';
import { loadAccount } from './load-account';

type Params = { params: Promise<{ id: string }> };

async function accountFor(params: Params['params']) {
  const raw = (await params).id;
  let id: string;
  try {
    id = decodeURIComponent(raw);
  } catch {
    id = raw; // a malformed escape is simply an id no account has
  }
  return loadAccount(id);
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const [{ account }, t] = await Promise.all([accountFor(params), getTranslator('portfolio')]);
  return { title: account ? account.name : t('account.notFoundTitle') };
}

export default async function AccountPage({ params }: Params) {
  const { user, account } = await accountFor(params);
  if (!account) notFound();
  const t = await getTranslator('portfolio');
  return (
    <div className="flex flex-col gap-6">
      <AccountHeader account={account} actions={<AddHoldingButton accountId={account.id} />} />
      <PortfolioView userId={user.id} accountId={account.id} title={t('account.overview')} />
      <TransactionHistory accountId={account.id} />
    </div>
  );
}
