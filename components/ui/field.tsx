import type { ComponentPropsWithRef, ReactNode } from 'react';
import { useId } from 'react';
import { cn } from './cn';

export const controlClasses = cn(
  'block w-full rounded-lg border border-border bg-surface px-3 text-sm text-foreground',
  'placeholder:text-muted/80 transition-colors',
  'focus-visible:border-accent focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-accent/40',
  'aria-invalid:border-danger aria-invalid:focus-visible:outline-danger/40',
  'disabled:cursor-not-allowed disabled:opacity-60',
);

type FieldShellProps = {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  className?: string;
  /** Hide the label visually (still read by screen readers), e.g. for compact inline forms. */
  labelHidden?: boolean;
  children: ReactNode;
};

/** Label, control, hint and error, wired with aria-describedby by the field components below. */
function FieldShell({ id, label, hint, error, className, labelHidden, children }: FieldShellProps) {
  return (
    <div className={cn('flex flex-col gap-1.5', className)}>
      <label htmlFor={id} className={cn('text-sm font-medium', labelHidden && 'sr-only')}>
        {label}
      </label>
      {children}
      {hint && !error ? (
        <p id={`${id}-hint`} className="text-xs text-muted">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-xs font-medium text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function describedBy(id: string, hint: ReactNode, error: string | null | undefined) {
  if (error) return `${id}-error`;
  return hint ? `${id}-hint` : undefined;
}

type TextFieldProps = Omit<ComponentPropsWithRef<'input'>, 'id'> & {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  labelHidden?: boolean;
  containerClassName?: string;
};

export function TextField({
  label,
  hint,
  error,
  labelHidden,
  containerClassName,
  className,
  ...props
}: TextFieldProps) {
  const id = useId();
  return (
    <FieldShell
      id={id}
      label={label}
      hint={hint}
      error={error}
      labelHidden={labelHidden}
      className={containerClassName}
    >
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={cn(controlClasses, 'h-10', className)}
        {...props}
      />
    </FieldShell>
  );
}

type SelectFieldProps = Omit<ComponentPropsWithRef<'select'>, 'id'> & {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  containerClassName?: string;
};

export function SelectField({
  label,
  hint,
  error,
  containerClassName,
  className,
  children,
  ...props
}: SelectFieldProps) {
  const id = useId();
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} className={containerClassName}>
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={cn(controlClasses, 'h-10 pr-8', className)}
        {...props}
      >
        {children}
      </select>
    </FieldShell>
  );
}
