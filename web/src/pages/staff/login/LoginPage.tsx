/**
 * Staff login in two steps. Which step shows is decided by the server's session stage, so a
 * reload during the second step comes back to the code form instead of starting over.
 */
import { Navigate, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../auth/SessionContext';
import { pathForStage } from '../../../auth/guards';
import { ErrorNotice, Loading } from '../../../components/Notice';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { PasswordStep } from './PasswordStep';
import { SecondFactorStep } from './SecondFactorStep';

export default function LoginPage() {
  const { t } = useTranslation();
  const { loading, session, error, loggedOut } = useSession();
  const location = useLocation();
  const state = location.state as { from?: string } | null;
  useDocumentTitle(t('staff.login.title'));

  if (loading) return <Loading />;
  if (session && session.stage !== 'mfa') {
    const target = session.stage === 'full' && state?.from ? state.from : pathForStage(session.stage);
    return <Navigate to={target} replace />;
  }

  return (
    <div className="page page--narrow">
      <h1>{t('staff.login.title')}</h1>
      {loggedOut ? (
        <p role="status" className="notice notice--success">
          {t('staff.login.loggedOut')}
        </p>
      ) : null}
      <ErrorNotice error={error} />
      {session?.stage === 'mfa' ? <SecondFactorStep /> : <PasswordStep />}
    </div>
  );
}
