'use client';

import { signIn } from 'next-auth/react';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslations } from 'use-intl';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { AuthCard } from './auth-card';
import { DemoAccountBox, type DemoAccount } from './demo-account-box';
import { GitHubButton } from './github-button';
import { useIssueMessage } from './use-issue-message';
import { checkEmail, checkPassword, signInErrorKey, type FieldIssue } from './validation';

type SignInFormProps = {
  callbackUrl: string;
  githubEnabled: boolean;
  /** Only passed in embedded mode; never rendered for a server deployment. */
  demoAccount?: DemoAccount;
  /** An error next-auth reported through `?error=` (e.g. after a failed GitHub sign-in). */
  initialError?: string | null;
};

export function SignInForm({
  callbackUrl,
  githubEnabled,
  demoAccount,
  initialError,
}: SignInFormProps) {
  const t = useTranslations('auth');
  const tErrors = useTranslations('errors');
  const issueMessage = useIssueMessage();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [issues, setIssues] = useState<{ email: FieldIssue | null; password: FieldIssue | null }>({
    email: null,
    password: null,
  });
  const [pending, setPending] = useState(false);
  const describeSignInError = (error: string) => {
    const key = signInErrorKey(error);
    return key ? t(`errors.${key}`) : tErrors('generic');
  };
  const [formError, setFormError] = useState<string | null>(() =>
    initialError ? describeSignInError(initialError) : null,
  );
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const submitRef = useRef<HTMLButtonElement>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = { email: checkEmail(email), password: checkPassword(password, 'present') };
    setIssues(found);
    if (found.email) return emailRef.current?.focus();
    if (found.password) return passwordRef.current?.focus();

    setPending(true);
    setFormError(null);
    try {
      const result = await signIn('credentials', {
        email: email.trim(),
        password,
        redirect: false,
      });
      if (result?.ok && !result.error) {
        // A full navigation so the session, caches and live connection start fresh.
        window.location.assign(callbackUrl);
        return;
      }
      setFormError(describeSignInError(result?.error ?? ''));
    } catch {
      setFormError(tErrors('network'));
    }
    setPending(false);
  }

  function fillDemoAccount(account: DemoAccount) {
    setEmail(account.email);
    setPassword(account.password);
    setIssues({ email: null, password: null });
    setFormError(null);
    submitRef.current?.focus();
  }

  return (
    <AuthCard
      title={t('signIn.title')}
      subtitle={t('signIn.subtitle')}
      switchTo={{
        prompt: t('signIn.noAccount'),
        label: t('signIn.toSignUp'),
        href: `/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}`,
      }}
    >
      {demoAccount ? (
        <div className="mb-6">
          <DemoAccountBox account={demoAccount} onUse={() => fillDemoAccount(demoAccount)} />
        </div>
      ) : null}
      {githubEnabled ? <GitHubButton callbackUrl={callbackUrl} /> : null}
      <form method="post" noValidate onSubmit={onSubmit} className="flex flex-col gap-4">
        {formError ? <Alert>{formError}</Alert> : null}
        <TextField
          ref={emailRef}
          label={t('fields.email')}
          name="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={issueMessage(issues.email)}
        />
        <TextField
          ref={passwordRef}
          label={t('fields.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={issueMessage(issues.password)}
        />
        <Button ref={submitRef} type="submit" pending={pending} className="mt-1 w-full">
          {pending ? t('signIn.submitting') : t('signIn.submit')}
        </Button>
      </form>
    </AuthCard>
  );
}
