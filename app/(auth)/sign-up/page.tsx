import type { Metadata } from 'next';
import { SignUpForm } from '@/components/auth/sign-up-form';
import { getTranslator } from '@/i18n/server';
import { getPublicAppInfo } from '@/server/app-info';
import { resolveAuthPage, type AuthSearchParams } from '../auth-page-params';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator('auth.signUp');
  return { title: t('submit') };
}

export default async function SignUpPage({ searchParams }: { searchParams: AuthSearchParams }) {
  const [{ callbackUrl }, info] = await Promise.all([
    resolveAuthPage(searchParams),
    getPublicAppInfo(),
  ]);
  return <SignUpForm callbackUrl={callbackUrl} githubEnabled={info.githubEnabled} />;
}
