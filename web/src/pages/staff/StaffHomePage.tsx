/** Staff start page after a complete login: greeting, admin tools, and both ways to log out. */
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useSession } from '../../auth/SessionContext';
import { ErrorNotice } from '../../components/Notice';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useSubmit } from '../../lib/useSubmit';
import { RepresentativeHome } from '../community/RepresentativeHome';

const ADMIN_LINKS = [
  { to: '/staff/users', key: 'staff.users' },
  { to: '/staff/audit', key: 'staff.audit' },
  { to: '/staff/content', key: 'staff.content' },
] as const;

export default function StaffHomePage() {
  const { t } = useTranslation();
  const { session, clear } = useSession();
  const navigate = useNavigate();
  const logout = useSubmit();
  useDocumentTitle(t('staff.home.title'));

  if (!session) return null; // the route guard guarantees a full session
  const { user } = session;

  async function logOut(everywhere: boolean) {
    if (logout.pending) return;
    const ok = await logout.run(async () => {
      await api(everywhere ? '/api/auth/logout-all' : '/api/auth/logout', { method: 'POST' });
    });
    if (ok) {
      clear(true); // the login page confirms the logout
      void navigate('/staff/login', { replace: true });
    }
  }

  return (
    <div className="page">
      <h1>{t('staff.home.title')}</h1>
      <p className="lead">{t('staff.home.greeting', { name: user.displayName || user.email })}</p>
      <p>
        {t('staff.home.signedInAs', { email: user.email, role: t(`roles.${user.role}`) })}
        {user.modules.length ? ` ${t('staff.home.modules', { modules: user.modules.join(', ') })}` : ''}
      </p>

      {/* A club's representative logs in here too but is not staff: no back-office links. */}
      {user.role === 'organisation' ? <RepresentativeHome /> : null}
      {user.role === 'organisation' ? null : user.role === 'admin' ? (
        <section aria-labelledby="admin-tools">
          <h2 id="admin-tools">{t('staff.home.adminTools')}</h2>
          <ul className="cards">
            {ADMIN_LINKS.map((link) => (
              <li key={link.to} className="card">
                <h3>
                  <Link to={link.to}>{t(`${link.key}.title`)}</Link>
                </h3>
                <p>{t(`${link.key}.summary`)}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <p>{t('staff.home.noAdminTools')}</p>
      )}

      {user.role === 'admin' || user.modules.includes('catalog') ? (
        <p>
          <Link to="/staff/verwaltungsleistungen">{t('nav.catalog')}</Link>
        </p>
      ) : null}
      {user.role === 'admin' || user.modules.includes('projects') ? (
        <p>
          <Link to="/staff/projekte">{t('nav.projects')}</Link>
        </p>
      ) : null}
      {user.role === 'admin' || user.modules.includes('community') ? (
        <p>
          <Link to="/staff/vereine/pruefen">{t('community.cityReview.title')}</Link>
          {' · '}
          <Link to="/staff/vereine/pinnwand">{t('community.notices.title')}</Link>
        </p>
      ) : null}
      {/* Every staff member may read these back offices; their forms check write access. */}
      {user.role === 'organisation' ? null : (
        <>
          <p>
            <Link to="/staff/parken">{t('nav.parking')}</Link>
          </p>
          <p>
            <Link to="/staff/abfall">{t('nav.waste')}</Link>
          </p>
          <p>
            <Link to="/staff/opendata">{t('nav.opendata')}</Link>
          </p>
          <p>
            <Link to="/staff/schadensmelder">{t('modules.reports')}</Link>
          </p>
        </>
      )}

      <section aria-labelledby="session-title">
        <h2 id="session-title">{t('staff.home.sessionTitle')}</h2>
        <ErrorNotice error={logout.error} />
        <p className="actions">
          <button type="button" className="button" onClick={() => void logOut(false)}>
            {t('staff.home.logout')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => void logOut(true)}>
            {t('staff.home.logoutAll')}
          </button>
        </p>
        <p className="field__hint">{t('staff.home.logoutAllHint')}</p>
      </section>
    </div>
  );
}
