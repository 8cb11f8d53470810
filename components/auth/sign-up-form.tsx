'use client';

import { useMutation } from '@tanstack/react-query';
import { signIn } from 'next-auth/react';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslations } from 'use-intl';
import { useTRPC } from '@/components/providers/trpc-provider';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { fieldIssues, trpcErrorCode } from '@/components/ui/trpc-error';
import { useErrorMessage } from '@/components/ui/use-error-message';
import { AuthCard } from './auth-card';
import { GitHubButton } from './github-button';
import { useIssueMessage } from './use-issue-message';
import {
  PASSWORD_MIN_LENGTH,
  checkEmail,
  checkOptionalName,
  checkPassword,
  issueFromServer,
  type FieldIssue,
} from './validation';

type Field = 'name' | 'email' | 'password';
type Issues = Record<Field, FieldIssue | null>;
const noIssues: Issues = { name: null, email: null, password: null };

export function SignUpForm({
  callbackUrl,
  githubEnabled,
}: {
  callbackUrl: string;
  githubEnabled: boolean;
}) {
  const t = useTranslations('auth');
  const tCommon = useTranslations('common');
  const describeError = useErrorMessage();
  const issueMessage = useIssueMessage();
  const trpc = useTRPC();
  const signUp = useMutation(trpc.auth.signUp.mutationOptions());
  const [values, setValues] = useState({ name: '', email: '', password: '' });
  const [issues, setIssues] = useState<Issues>(noIssues);
  const [emailTaken, setEmailTaken] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [signingIn, setSigningIn] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  const set = (field: Field) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [field]: event.target.value }));

  function focusFirst(found: Issues) {
    const field = (['name', 'email', 'password'] as const).find((key) => found[key]);
    const refs = { name: nameRef, email: emailRef, password: passwordRef };
    if (field) refs[field].current?.focus();
    return Boolean(field);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Issues = {
      name: checkOptionalName(values.name),
      email: checkEmail(values.email),
      password: checkPassword(values.password, 'new'),
    };
    setIssues(found);
    setEmailTaken(false);
    setFormError(null);
    if (focusFirst(found)) return;

    const email = values.email.trim();
    const name = values.name.trim();
    try {
      await signUp.mutateAsync({ email, password: values.password, ...(name ? { name } : {}) });
    } catch (error) {
      const code = trpcErrorCode(error);
      if (code === 'CONFLICT') {
        setEmailTaken(true);
        emailRef.current?.focus();
        return;
      }
      const server = fieldIssues(error);
      const fromServer: Issues = {
        name: server.name ? issueFromServer(server.name[0]) : null,
        email: server.email ? issueFromServer(server.email[0]) : null,
        password: server.password ? issueFromServer(server.password[0]) : null,
      };
      setIssues(fromServer);
      if (!focusFirst(fromServer)) setFormError(describeError(error));
      return;
    }

    setSigningIn(true);
    try {
      const result = await signIn('credentials', {
        email,
        password: values.password,
        redirect: false,
      });
      if (result?.ok && !result.error) {
        window.location.assign(callbackUrl);
        return;
      }
    } catch {
      // Reported below like any other failed sign-in.
    }
    setSigningIn(false);
    setFormError(t('errors.signedUpButSignInFailed'));
  }

  const pending = signUp.isPending || signingIn;
  const signInHref = `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`;

  return (
    <AuthCard
      title={t('signUp.title')}
      subtitle={t('signUp.subtitle')}
      switchTo={{
        prompt: t('signUp.haveAccount'),
        label: t('signUp.toSignIn'),
        href: signInHref,
      }}
    >
      {githubEnabled ? <GitHubButton callbackUrl={callbackUrl} /> : null}
      <form method="post" noValidate onSubmit={onSubmit} className="flex flex-col gap-4">
        {formError ? <Alert>{formError}</Alert> : null}
        <TextField
          ref={nameRef}
          label={
            <>
              {t('fields.name')}{' '}
              <span className="font-normal text-muted">({tCommon('optional')})</span>
            </>
          }
          name="name"
          autoComplete="name"
          value={values.name}
          onChange={set('name')}
          error={issueMessage(issues.name)}
        />
        <TextField
          ref={emailRef}
          label={t('fields.email')}
          name="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          required
          value={values.email}
          onChange={set('email')}
          error={emailTaken ? t('errors.emailTaken') : issueMessage(issues.email)}
        />
        <TextField
          ref={passwordRef}
          label={t('fields.password')}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={PASSWORD_MIN_LENGTH}
          value={values.password}
          onChange={set('password')}
          hint={t('signUp.passwordHint', { min: PASSWORD_MIN_LENGTH })}
          error={issueMessage(issues.password)}
        />
        <Button type="submit" pending={pending} className="mt-1 w-full">
          {pending ? t('signUp.submitting') : t('signUp.submit')}
        </Button>
      </form>
    </AuthCard>
  );
}
