'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslations } from 'use-intl';
import { useIssueMessage } from '@/components/auth/use-issue-message';
import {
  PASSWORD_MIN_LENGTH,
  checkPassword,
  issueFromServer,
  type FieldIssue,
} from '@/components/auth/validation';
import { useTRPC } from '@/components/providers/trpc-provider';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { TextField } from '@/components/ui/field';
import { Skeleton } from '@/components/ui/skeleton';
import { errorField, fieldIssues, trpcErrorCode } from '@/components/ui/trpc-error';
import { useErrorMessage } from '@/components/ui/use-error-message';

type Field = 'current' | 'next' | 'confirm';

export function ChangePasswordForm() {
  const t = useTranslations();
  const trpc = useTRPC();
  const me = useQuery(trpc.users.me.queryOptions());

  return (
    <Card aria-labelledby="password-title">
      <CardHeader
        titleId="password-title"
        title={t('settings.password.title')}
        description={t('settings.password.description')}
      />
      <CardBody>
        {me.isPending ? (
          <div className="flex flex-col gap-3" aria-hidden="true">
            <Skeleton className="h-10 w-full" />
            <Skeleton className="h-10 w-full" />
          </div>
        ) : me.data?.hasPassword === false ? (
          <p className="text-sm text-muted">{t('settings.password.noPassword')}</p>
        ) : (
          <PasswordFields />
        )}
      </CardBody>
    </Card>
  );
}

function PasswordFields() {
  const t = useTranslations();
  const trpc = useTRPC();
  const describeError = useErrorMessage();
  const issueMessage = useIssueMessage();
  const change = useMutation(trpc.users.changePassword.mutationOptions());
  const [values, setValues] = useState<Record<Field, string>>({
    current: '',
    next: '',
    confirm: '',
  });
  const [issues, setIssues] = useState<Partial<Record<Field, string | null>>>({});
  const [result, setResult] = useState<{ ok: true } | { ok: false; message: string } | null>(null);
  const currentRef = useRef<HTMLInputElement>(null);
  const nextRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLInputElement>(null);

  const show = (issue: FieldIssue | null) => issueMessage(issue);

  function report(found: Partial<Record<Field, string | null>>) {
    setIssues(found);
    const first = (['current', 'next', 'confirm'] as const).find((field) => found[field]);
    const refs = { current: currentRef, next: nextRef, confirm: confirmRef };
    if (first) refs[first].current?.focus();
    return Boolean(first);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setResult(null);
    const found = {
      current: show(checkPassword(values.current, 'present')),
      next: show(checkPassword(values.next, 'new')),
      confirm:
        values.confirm && values.confirm !== values.next
          ? t('validation.passwordMismatch')
          : show(values.confirm ? null : { key: 'required' }),
    };
    if (report(found)) return;
    try {
      await change.mutateAsync({ currentPassword: values.current, newPassword: values.next });
      setValues({ current: '', next: '', confirm: '' });
      setResult({ ok: true });
    } catch (error) {
      const code = trpcErrorCode(error);
      if (code === 'UNAUTHORIZED' || errorField(error) === 'currentPassword') {
        report({ current: t('settings.password.wrongCurrent') });
        return;
      }
      const server = fieldIssues(error);
      if (server.newPassword && report({ next: show(issueFromServer(server.newPassword[0])) }))
        return;
      setResult({ ok: false, message: describeError(error) });
    }
  }

  const set = (field: Field) => (event: { target: { value: string } }) => {
    setResult(null);
    setValues((current) => ({ ...current, [field]: event.target.value }));
  };

  return (
    <form method="post" noValidate onSubmit={onSubmit} className="flex flex-col gap-4">
      {result?.ok === false ? <Alert>{result.message}</Alert> : null}
      {result?.ok ? <Alert tone="success">{t('settings.password.changed')}</Alert> : null}
      <TextField
        ref={currentRef}
        label={t('settings.password.current')}
        type="password"
        autoComplete="current-password"
        value={values.current}
        onChange={set('current')}
        error={issues.current}
      />
      <TextField
        ref={nextRef}
        label={t('settings.password.new')}
        type="password"
        autoComplete="new-password"
        value={values.next}
        onChange={set('next')}
        hint={t('auth.signUp.passwordHint', { min: PASSWORD_MIN_LENGTH })}
        error={issues.next}
      />
      <TextField
        ref={confirmRef}
        label={t('settings.password.confirm')}
        type="password"
        autoComplete="new-password"
        value={values.confirm}
        onChange={set('confirm')}
        error={issues.confirm}
      />
      <div className="flex justify-end border-t border-border pt-4">
        <Button type="submit" pending={change.isPending}>
          {change.isPending ? t('common.saving') : t('settings.password.submit')}
        </Button>
      </div>
    </form>
  );
}
