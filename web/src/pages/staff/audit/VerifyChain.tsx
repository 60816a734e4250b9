import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import type { AuditVerification } from '../../../api/types';
import { ErrorNotice } from '../../../components/Notice';
import { formatNumber } from '../../../lib/format';
import { useSubmit } from '../../../lib/useSubmit';

/** Checks the audit log's hash chain on the server; a break means entries were altered. */
export function VerifyChain() {
  const { t } = useTranslation();
  const [result, setResult] = useState<AuditVerification | null>(null);
  const check = useSubmit();

  async function verify() {
    if (check.pending) return;
    setResult(null);
    await check.run(async () => {
      setResult(await api<AuditVerification>('/api/audit/verify', { method: 'POST' }));
    });
  }

  return (
    <section className="panel" aria-labelledby="verify-title">
      <h2 id="verify-title">{t('staff.audit.verifyTitle')}</h2>
      <p>{t('staff.audit.verifyIntro')}</p>
      <p>
        <button
          type="button"
          className="button button--secondary"
          aria-disabled={check.pending || undefined}
          onClick={() => void verify()}
        >
          {check.pending ? t('common.working') : t('staff.audit.verify')}
        </button>
      </p>
      <ErrorNotice error={check.error} />
      <div role="status" className={result ? `notice ${result.ok ? 'notice--success' : 'notice--error'}` : 'live-region'}>
        {result ? (
          <>
            <p>
              <strong>{result.ok ? t('staff.audit.verifyOk') : t('staff.audit.verifyBroken')}</strong>{' '}
              {t('staff.audit.verifyChecked', { count: result.checked, n: formatNumber(result.checked) })}
              {result.firstBrokenId !== undefined ? ` ${t('staff.audit.verifyFirstBroken', { id: result.firstBrokenId })}` : ''}
            </p>
            {result.message ? <p>{result.message}</p> : null}
          </>
        ) : null}
      </div>
    </section>
  );
}
