import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * While a request runs the button says so but stays focusable (aria-disabled instead of
 * disabled), so keyboard focus is not thrown back to the top of the page.
 */
export function SubmitButton({ pending, children }: { pending: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <button type="submit" className="button" aria-disabled={pending || undefined}>
      {pending ? t('common.working') : children}
    </button>
  );
}
