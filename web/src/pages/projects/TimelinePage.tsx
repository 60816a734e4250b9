/** Starts, ends and milestones of all projects by date, as an ordered list grouped by year. */
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/Notice';
import { formatDate } from '../../lib/format';
import { useApi } from '../../lib/useApi';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { DemoBadge, DemoNotice, FeedLink, projectPath, ProjectsNav } from './shared';
import type { Project, TimelineEntry } from './types';

export default function TimelinePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('projects.timeline.title'));
  const timeline = useApi<{ items: TimelineEntry[] }>('/api/projects/timeline');
  // The timeline names projects by id; the portfolio gives their slugs for the links.
  const projects = useApi<{ items: Project[] }>('/api/projects');
  const slugOf = new Map((projects.data?.items ?? []).map((p) => [p.id, p.slug]));
  const items = timeline.data?.items ?? [];
  const years = [...new Set(items.map((e) => e.date.slice(0, 4)))];

  return (
    <div className="page">
      <h1>{t('projects.timeline.title')}</h1>
      <ProjectsNav />
      <p className="lead">{t('projects.timeline.intro')}</p>
      <DemoNotice show={items.some((e) => e.demo)} />
      <ErrorNotice error={timeline.error} />
      {timeline.data && !items.length ? <p>{t('projects.timeline.empty')}</p> : null}
      <div aria-busy={timeline.loading}>
        {years.map((year) => (
          <section key={year} aria-labelledby={`year-${year}`}>
            <h2 id={`year-${year}`}>{year}</h2>
            <ol className="timeline">
              {items
                .filter((e) => e.date.startsWith(year))
                .map((e, i) => {
                  const slug = slugOf.get(e.projectId);
                  return (
                    <li key={`${e.projectId}-${e.kind}-${i}`}>
                      <time dateTime={e.date}>{formatDate(e.date)}</time>
                      {': '}
                      {t(`projects.timeline.kind.${e.kind}`)}
                      {e.kind === 'milestone' ? ` „${e.title}“` : null}
                      {' – '}
                      {slug ? <Link to={projectPath(slug)}>{e.projectTitle}</Link> : e.projectTitle}
                      <DemoBadge demo={e.demo} />{' '}
                      <span className="project-meta">
                        ({e.done ? t('projects.timeline.done') : t('projects.timeline.open')})
                      </span>
                    </li>
                  );
                })}
            </ol>
          </section>
        ))}
      </div>
      <FeedLink />
    </div>
  );
}
