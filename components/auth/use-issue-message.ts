'use client';

import { useTranslations } from 'use-intl';
import type { FieldIssue } from './validation';

/** Localized text for a field issue. */
export function useIssueMessage() {
  const t = useTranslations('validation');
  return (issue: FieldIssue | null | undefined): string | null => {
    if (!issue) return null;
    switch (issue.key) {
      case 'passwordTooShort':
        return t('passwordTooShort', { min: issue.min });
      case 'passwordTooLong':
        return t('passwordTooLong', { max: issue.max });
      case 'nameTooLong':
        return t('nameTooLong', { max: issue.max });
      default:
        return t(issue.key);
    }
  };
}
