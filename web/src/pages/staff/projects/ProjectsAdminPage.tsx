/** Back-office overview: every project with its status and an edit link, and the committee report generator. */
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorNotice, Loading } from '../../../components/Notice';
import { useApi } from '../../../lib/useApi';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { DemoBadge, projectPath, StatusBadge } from '../../projects/shared';
import type { Project } from '../../projects/types';
import { ProjectsStaffNav, STAFF_PROJECTS_PATH } from './ProjectsAdminRoutes';
import { ReportsPanel } from './ReportsPanel';

export default function ProjectsAdminPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('projects.staff.title'));
  const list = useApi<{ items: Project[] }>('/api/projects');

  return (
    <div className="page">
      <h1>{t('projects.staff.title')}</h1>
      <ProjectsStaffNav />
      <section aria-labelledby="staff-projects-list">
        <h2 id="staff-projects-list">{t('projects.staff.listTitle')}</h2>
        {list.loading && !list.data ? <Loading /> : null}
        <ErrorNotice error={list.error} />
        <ul className="staff-project-list">
          {list.data?.items.map((p) => (
            <li key={p.id}>
              <Link to={`${STAFF_PROJECTS_PATH}/${p.id}`}>{p.title}</Link>
              <DemoBadge demo={p.demo} />
              <StatusBadge status={p.status} />
              <Link to={projectPath(p.slug)} className="project-meta">
                {t('projects.staff.publicPage')}
                <span className="visually-hidden">: {p.title}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <ReportsPanel />
    </div>
  );
}
