/** Route guards for the staff area; they render nested routes through <Outlet />. */
import { Navigate, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from './SessionContext';
import { Loading } from '../components/Notice';
import { useDocumentTitle } from '../lib/useDocumentTitle';

/** Where an unfinished session has to continue. */
export function pathForStage(stage: 'mfa' | 'enrol' | 'full' | undefined): string {
  if (stage === 'enrol') return '/staff/enrol';
  if (stage === 'full') return '/staff';
  return '/staff/login'; // no session, or the second factor is still missing
}

export function RequireFullSession() {
  const { loading, session } = useSession();
  const location = useLocation();
  if (loading) return <Loading />;
  if (session?.stage !== 'full') {
    // Remember the page so the login can return there afterwards.
    return <Navigate to={pathForStage(session?.stage)} replace state={{ from: location.pathname + location.search }} />;
  }
  return <Outlet />;
}

function Forbidden() {
  const { t } = useTranslation();
  useDocumentTitle(t('forbidden.title'));
  return (
    <section className="page">
      <h1>{t('forbidden.title')}</h1>
      <p>{t('forbidden.text')}</p>
    </section>
  );
}

export function RequireAdmin() {
  const { session } = useSession();
  return session?.user.role === 'admin' ? <Outlet /> : <Forbidden />;
}
