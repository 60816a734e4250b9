/**
 * Routes of the projects back office below /staff/projekte. Only admins and editors of module
 * "projects" get the forms; others see why not (the API checks the same rule).
 */
import { lazy } from 'react';
import { NavLink, Route, Routes } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../auth/SessionContext';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import './i18n';
import '../shared/staff-modules.css';
import './projects-staff.css';

const ProjectsAdminPage = lazy(() => import('./ProjectsAdminPage'));
const ProjectEditPage = lazy(() => import('./ProjectEditPage'));

export const STAFF_PROJECTS_PATH = '/staff/projekte';

export function ProjectsStaffNav() {
  const { t } = useTranslation();
  return (
    <nav className="projects-nav" aria-label={t('projects.staff.title')}>
      <ul>
        <li>
          <NavLink to={STAFF_PROJECTS_PATH} end>
            {t('projects.staff.overview')}
          </NavLink>
        </li>
        <li>
          <NavLink to={`${STAFF_PROJECTS_PATH}/neu`}>{t('projects.staff.newProject')}</NavLink>
        </li>
      </ul>
    </nav>
  );
}

function ReadOnly() {
  const { t } = useTranslation();
  useDocumentTitle(t('projects.staff.title'));
  return (
    <div className="page">
      <h1>{t('projects.staff.title')}</h1>
      <p className="notice notice--info">{t('projects.staff.readOnly')}</p>
    </div>
  );
}

export default function ProjectsAdminRoutes() {
  const { session } = useSession();
  const allowed = session?.user.role === 'admin' || session?.user.modules.includes('projects');
  if (!allowed) return <ReadOnly />;
  return (
    <Routes>
      <Route index element={<ProjectsAdminPage />} />
      <Route path="neu" element={<ProjectEditPage />} />
      <Route path=":id" element={<ProjectEditPage />} />
    </Routes>
  );
}
