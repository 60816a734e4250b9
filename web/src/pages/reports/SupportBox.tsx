/** "Me too": supports an open report, so the city sees how many people are affected. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorNotice, StatusNotice } from '../../components/Notice';
import { useSubmit } from '../../lib/useSubmit';
import type { SupportResult } from './types';

/** Without `buttonLabel` it explains itself (report page); in the nearby list the label says it all. */
export function SupportBox({ id, email, buttonLabel }: { id: string; email?: string | undefined; buttonLabel?: string }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [result, setResult] = useState<SupportResult | null>(null);
  const support = () =>
    void submit.run(async () => {
      setResult(
        await api<SupportResult>(`/api/reports/requests/${id}/support`, { method: 'POST', body: email ? { email } : {} }),
      );
    });
  return (
    <div className={buttonLabel ? 'support' : 'panel support'}>
      {buttonLabel ? null : <p>{t('reports.detail.supportHint')}</p>}
      <ErrorNotice error={submit.error} />
      {result ? null : (
        <button type="button" className="button button--secondary" aria-disabled={submit.pending || undefined} onClick={support}>
          {buttonLabel ?? t('reports.detail.support')}
        </button>
      )}
      <StatusNotice>
        {result
          ? result.added
            ? t('reports.detail.supported', { count: result.supporters })
            : t('reports.detail.alreadySupported')
          : null}
      </StatusNotice>
    </div>
  );
}
