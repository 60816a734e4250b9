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

/**
 * A complete session. `staffOnly`: the city's back office, which a club's representative (role
 * `organisation`, same login) must not see; the API refuses them anyway, the page says why.
 */
export function RequireFullSession({ staffOnly = false }: { staffOnly?: boolean }) {
  const { loading, session } = useSession();
  const location = useLocation();
  if (loading) return <Loading />;
  if (session?.stage !== 'full') {
    // Remember the page so the login can return there afterwards.
    return <Navigate to={pathForStage(session?.stage)} replace state={{ from: location.pathname + location.search }} />;
  }
  if (staffOnly && session.user.role === 'organisation') return <Forbidden text="forbidden.staffOnly" />;
  return <Outlet />;
}

function Forbidden({ text = 'forbidden.text' }: { text?: string }) {
  const { t } = useTranslation();
  useDocumentTitle(t('forbidden.title'));
  return (
    <section className="page">
      <h1>{t('forbidden.title')}</h1>
      <p>{t(text)}</p>
    </section>
  );
}

export function RequireAdmin() {
  const { session } = useSession();
  return session?.user.role === 'admin' ? <Outlet /> : <Forbidden />;
}
