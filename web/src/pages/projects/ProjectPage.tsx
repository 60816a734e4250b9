/**
 * One project: facts, description (HTML sanitised by the server from Markdown), features checklist,
 * milestones, KPIs, links, images and the progress per district as a table.
 */
import { Fragment, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCity } from '../../components/CityContext';
import { ErrorNotice, Loading } from '../../components/Notice';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format';
import { useApi } from '../../lib/useApi';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { currentLanguage } from '../../i18n';
import { DemoNotice, FeedLink, PROJECTS_PATH, ProjectsNav, StatusBadge } from './shared';
import type { Project } from './types';

const CHECK: Record<string, string> = { done: '✓', in_development: '…', planned: '○', dropped: '✗' };

function formatEuro(n: number): string {
  return new Intl.NumberFormat(currentLanguage() === 'de' ? 'de-DE' : 'en-GB', {
    style: 'currency',
    currency: 'EUR',
    maximumFractionDigits: 0,
  }).format(n);
}

export default function ProjectPage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const { data: p, error, loading } = useApi<Project>(`/api/projects/by-slug/${encodeURIComponent(slug)}`);
  const { city } = useCity();
  useDocumentTitle(p?.title ?? t('projects.title'));
  const districtName = (id: string) => city?.districts.find((d) => d.id === id)?.name ?? id;
  const none = t('projects.project.none');

  if (!p) {
    return (
      <div className="page">
        <h1>{t('projects.title')}</h1>
        {loading ? <Loading /> : null}
        <ErrorNotice error={error} />
        <p>
          <Link to={PROJECTS_PATH}>{t('projects.project.back')}</Link>
        </p>
      </div>
    );
  }

  const facts: [string, ReactNode][] = [
    [t('projects.project.fields'), p.fields.map((f) => f.name).join(', ')],
    [t('projects.project.office'), p.office || none],
    [t('projects.project.partners'), p.partners.join(', ') || none],
    [t('projects.project.start'), p.startDate ? formatDate(p.startDate) : none],
    [t('projects.project.end'), p.endDate ? formatDate(p.endDate) : none],
    [t('projects.project.budget'), p.budgetEur === null ? none : formatEuro(p.budgetEur)],
    [t('projects.project.funding'), p.fundingProgramme || none],
    [t('projects.project.districts'), p.districts.map(districtName).join(', ') || none],
    [t('projects.project.updated'), formatDateTime(p.updatedAt)],
  ];
  const totalHouseholds = p.districtProgress.reduce((n, d) => n + d.householdsPassed, 0);

  return (
    <article className="page">
      <h1>{p.title}</h1>
      <ProjectsNav />
      <p>
        <StatusBadge status={p.status} />
      </p>
      {p.summary ? <p className="lead">{p.summary}</p> : null}
      <DemoNotice show={p.demo || p.districtProgress.some((d) => d.demo)} />

      <dl className="meta-list">
        {facts.map(([label, value]) => (
          <Fragment key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
      </dl>

      {p.descriptionHtml ? (
        <section aria-labelledby="project-description">
          <h2 id="project-description">{t('projects.project.description')}</h2>
          <div className="prose" dangerouslySetInnerHTML={{ __html: p.descriptionHtml }} />
        </section>
      ) : null}

      {p.images.length ? (
        <section aria-labelledby="project-images">
          <h2 id="project-images">{t('projects.project.images')}</h2>
          <ul className="project-images">
            {p.images.map((img) => (
              <li key={img.id}>
                <figure>
                  <a href={img.url}>
                    <img src={img.thumbUrl} alt={img.alt} loading="lazy" />
                  </a>
                  <figcaption>{img.alt}</figcaption>
                </figure>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {p.features.length ? (
        <section aria-labelledby="project-features">
          <h2 id="project-features">{t('projects.project.features')}</h2>
          <ul className="checklist">
            {p.features.map((f) => (
              <li key={f.title}>
                <span aria-hidden="true">{CHECK[f.status]}</span>
                {f.title} <StatusBadge status={f.status} kind="featureStatus" />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {p.milestones.length ? (
        <section aria-labelledby="project-milestones">
          <h2 id="project-milestones">{t('projects.project.milestones')}</h2>
          <ul className="checklist">
            {p.milestones.map((m, i) => (
              <li key={i}>
                <span aria-hidden="true">{m.doneDate ? '✓' : '○'}</span>
                {m.title}{' '}
                <span className="project-meta">
                  (
                  {m.doneDate
                    ? t('projects.project.milestoneDone', { date: formatDate(m.doneDate) })
                    : m.dueDate
                      ? t('projects.project.milestoneDue', { date: formatDate(m.dueDate) })
                      : t('projects.project.milestoneOpen')}
                  )
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {p.kpis.length ? (
        <section aria-labelledby="project-kpis">
          <h2 id="project-kpis">{t('projects.project.kpis')}</h2>
          <div className="table-scroll" role="region" aria-labelledby="project-kpis" tabIndex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('projects.project.kpiName')}</th>
                  <th scope="col" className="num">
                    {t('projects.project.kpiValue')}
                  </th>
                  <th scope="col" className="num">
                    {t('projects.project.kpiTarget')}
                  </th>
                  <th scope="col">{t('projects.project.kpiAsOf')}</th>
                </tr>
              </thead>
              <tbody>
                {p.kpis.map((k) => (
                  <tr key={k.name}>
                    <th scope="row">{k.name}</th>
                    <td className="num">{k.value === null ? none : `${formatNumber(k.value)} ${k.unit}`.trim()}</td>
                    <td className="num">{k.target === null ? none : `${formatNumber(k.target)} ${k.unit}`.trim()}</td>
                    <td>{k.asOf ? formatDate(k.asOf) : none}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      {p.districtProgress.length ? (
        <section aria-labelledby="project-progress">
          <h2 id="project-progress">{t('projects.project.progress')}</h2>
          <div className="table-scroll" role="region" aria-labelledby="project-progress" tabIndex={0}>
            <table>
              <caption>{t('projects.project.progressCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('projects.project.district')}</th>
                  <th scope="col">{t('projects.filters.status')}</th>
                  <th scope="col" className="num">
                    {t('projects.project.households')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {p.districtProgress.map((d) => (
                  <tr key={d.districtId}>
                    <th scope="row">{districtName(d.districtId)}</th>
                    <td>
                      <StatusBadge status={d.status} kind="districtStatus" />
                    </td>
                    <td className="num">{formatNumber(d.householdsPassed)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t('projects.project.total')}</th>
                  <td />
                  <td className="num">{formatNumber(totalHouseholds)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        </section>
      ) : null}

      {p.links.length ? (
        <section aria-labelledby="project-links">
          <h2 id="project-links">{t('projects.project.links')}</h2>
          <ul>
            {p.links.map((l) => (
              <li key={l.url}>
                <a href={l.url}>{l.label}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <p>
        <Link to={PROJECTS_PATH}>{t('projects.project.back')}</Link>
      </p>
      <FeedLink />
    </article>
  );
}
