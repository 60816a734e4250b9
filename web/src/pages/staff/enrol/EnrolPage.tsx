/**
 * One-time enrolment: password → authenticator app → recovery codes → staff home.
 * The step follows the server's session stage (so a reload resumes where it stopped); only the
 * recovery codes are held locally because the server shows them exactly once.
 */
import { useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../auth/SessionContext';
import { ErrorNotice, Loading } from '../../../components/Notice';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { RecoveryCodesStep } from './RecoveryCodesStep';
import { SetPasswordStep } from './SetPasswordStep';
import { TotpSetupStep } from './TotpSetupStep';

export default function EnrolPage() {
  const { t } = useTranslation();
  const { loading, session, error, refresh } = useSession();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const token = params.get('token');
  useDocumentTitle(t('staff.enrol.title'));

  if (loading) return <Loading />;

  let step: 'password' | 'totp' | 'recovery' | 'missing' | 'done';
  if (recoveryCodes) step = 'recovery';
  else if (session?.stage === 'enrol') step = 'totp';
  else if (token) step = 'password';
  else if (session?.stage === 'full') step = 'done';
  else step = 'missing';

  if (step === 'done') return <Navigate to="/staff" replace />;

  async function finish() {
    await refresh();
    void navigate('/staff', { replace: true });
  }

  return (
    <div className="page page--narrow">
      <h1>{t('staff.enrol.title')}</h1>
      <ol className="steps" aria-label={t('staff.enrol.progress')}>
        {(['password', 'totp', 'recovery'] as const).map((s) => (
          <li key={s} aria-current={s === step ? 'step' : undefined}>
            {t(`staff.enrol.steps.${s}`)}
          </li>
        ))}
      </ol>
      <ErrorNotice error={error} />
      {step === 'missing' ? (
        <div className="notice notice--info">
          <p>{t('staff.enrol.missingToken')}</p>
          <p>
            <Link to="/staff/login">{t('staff.enrol.toLogin')}</Link>
          </p>
        </div>
      ) : null}
      {step === 'password' && token ? (
        <SetPasswordStep
          token={token}
          onDone={async () => {
            await refresh(); // stage "enrol" now selects the next step
            // The link is used up; keep it out of the history and the address bar.
            setParams({}, { replace: true });
          }}
        />
      ) : null}
      {step === 'totp' ? <TotpSetupStep onConfirmed={setRecoveryCodes} /> : null}
      {step === 'recovery' && recoveryCodes ? <RecoveryCodesStep codes={recoveryCodes} onDone={() => void finish()} /> : null}
    </div>
  );
}
