import Link from 'next/link';
import type { ReactNode } from 'react';

/** The frame shared by sign-in and sign-up: heading, form, and the link to the other page. */
export function AuthCard({
  title,
  subtitle,
  children,
  switchTo,
}: {
  title: string;
  subtitle: string;
  children: ReactNode;
  /** "New to Stockvis? Create an account": the question and the link to the other page. */
  switchTo: { prompt: string; label: string; href: string };
}) {
  return (
    <div className="w-full max-w-md">
      <div className="rounded-2xl border border-border bg-surface px-6 py-7 shadow-sm sm:px-8">
        <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
        <p className="mt-1.5 text-sm text-muted">{subtitle}</p>
        <div className="mt-6">{children}</div>
      </div>
      <p className="mt-5 text-center text-sm text-muted">
        {switchTo.prompt}{' '}
        <Link
          href={switchTo.href}
          className="font-medium text-accent underline-offset-4 hover:underline"
        >
          {switchTo.label}
        </Link>
      </p>
    </div>
  );
}
