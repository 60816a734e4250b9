/**
 * Messages for the user. Errors use role="alert" (announced as soon as they appear); status
 * messages sit in a live region that exists before its text changes, which screen readers
 * need in order to announce the change.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

export function useErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error: unknown) => {
    if (error instanceof ApiError) {
      if (error.problem.code === 'NETWORK') return t('errors.network');
      if (error.problem.code === 'BAD_RESPONSE') return t('errors.unavailable');
      return error.problem.detail || t('errors.status', { status: error.status });
    }
    return t('errors.unexpected');
  };
}

export function ErrorNotice({ error, children }: { error: unknown; children?: ReactNode }) {
  const text = useErrorText();
  if (!error) return null;
  return (
    <div className="notice notice--error" role="alert">
      <p>{text(error)}</p>
      {children}
    </div>
  );
}

export function StatusNotice({ children, tone = 'success' }: { children?: ReactNode; tone?: 'success' | 'info' }) {
  return (
    <div role="status" className={children ? `notice notice--${tone}` : 'live-region'}>
      {children}
    </div>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <p role="status" className="loading">
      {t('common.loading')}
    </p>
  );
}
