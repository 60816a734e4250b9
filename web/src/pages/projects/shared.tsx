/** Pieces every project page uses: sub-navigation, status badge, demo notice, feed link. */
import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { DistrictStatus, FeatureStatus, ProjectStatus } from './types';
import './i18n';
import './projects.css';

export const PROJECTS_PATH = '/projekte';
export const projectPath = (slug: string) => `${PROJECTS_PATH}/${slug}`;

type Kind = 'status' | 'featureStatus' | 'districtStatus';

/** The status written out on a coloured badge (the colour is never the only signal). */
export function StatusBadge({ status, kind = 'status' }: { status: ProjectStatus | FeatureStatus | DistrictStatus; kind?: Kind }) {
  const { t } = useTranslation();
  return <span className={`project-status project-status--${status}`}>{t(`projects.${kind}.${status}`)}</span>;
}

export function DemoNotice({ show }: { show: boolean | undefined }) {
  const { t } = useTranslation();
  if (!show) return null;
  return (
    <p className="notice notice--info" role="note">
      {t('projects.demo')}
    </p>
  );
}

export function DemoBadge({ demo }: { demo: boolean }) {
  const { t } = useTranslation();
  return demo ? <span className="demo-badge"> ({t('projects.demoBadge')})</span> : null;
}

export function ProjectsNav() {
  const { t } = useTranslation();
  const links = [
    { to: PROJECTS_PATH, key: 'portfolio', end: true },
    { to: `${PROJECTS_PATH}/zeitleiste`, key: 'timeline' },
    { to: `${PROJECTS_PATH}/aenderungen`, key: 'changes' },
    { to: '/digitalbeirat', key: 'beirat' },
    { to: '/digitalisierungsbuero', key: 'buero' },
  ];
  return (
    <nav className="projects-nav" aria-label={t('projects.nav.label')}>
      <ul>
        {links.map((l) => (
          <li key={l.key}>
            <NavLink to={l.to} end={l.end ?? false}>
              {t(`projects.nav.${l.key}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function FeedLink() {
  const { t } = useTranslation();
  return (
    <p className="feed-link">
      <a href="/api/projects/feed.atom" type="application/atom+xml">
        {t('projects.feed')}
      </a>
    </p>
  );
}

/** The date n days ago in Koblenz as YYYY-MM-DD (the default of "changed since"). */
export function daysAgoIso(days: number): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(new Date(Date.now() - days * 86_400_000));
}
