import type { Metadata } from 'next';
import { SignInForm } from '@/components/auth/sign-in-form';
import { getTranslator } from '@/i18n/server';
import { getPublicAppInfo } from '@/server/app-info';
import { resolveAuthPage, type AuthSearchParams } from '../auth-page-params';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator('auth.signIn');
  return { title: t('submit') };
}

export default async function SignInPage({ searchParams }: { searchParams: AuthSearchParams }) {
  const [{ callbackUrl, error }, info] = await Promise.all([
    resolveAuthPage(searchParams),
    getPublicAppInfo(),
  ]);
  return (
    <SignInForm
      callbackUrl={callbackUrl}
      githubEnabled={info.githubEnabled}
      demoAccount={info.mode === 'embedded' ? info.demoUser : undefined}
      initialError={error}
    />
  );
}
