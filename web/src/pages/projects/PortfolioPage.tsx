/**
 * The project portfolio grouped by field of action. Status and field filter on the server; the
 * district and the text filter in the page (the portfolio is a few dozen projects). All filters
 * live in the URL, so every view has a stable, shareable address.
 */
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCity } from '../../components/CityContext';
import { ErrorNotice } from '../../components/Notice';
import { useApi } from '../../lib/useApi';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { DemoBadge, DemoNotice, FeedLink, PROJECTS_PATH, projectPath, ProjectsNav, StatusBadge } from './shared';
import { PROJECT_STATUSES, type Field, type Project } from './types';

/** Lower case without diacritics, so "gruendung" and "Gründung" find each other. */
const fold = (s: string) =>
  s
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');

function matchesText(p: Project, text: string): boolean {
  if (!text) return true;
  const hay = fold([p.title, p.summary, p.description, p.office, ...p.partners, ...p.features.map((f) => f.title)].join(' '));
  const alt = hay.replace(/ae/g, 'a').replace(/oe/g, 'o').replace(/ue/g, 'u');
  return fold(text)
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => hay.includes(w) || alt.includes(w));
}

export default function PortfolioPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('projects.title'));
  const { city } = useCity();
  const [params, setParams] = useSearchParams();
  const field = params.get('feld') ?? '';
  const district = params.get('stadtteil') ?? '';
  const statuses = params.getAll('stand');
  const text = params.get('q') ?? '';
  const [draft, setDraft] = useState(text);

  const apiQuery = new URLSearchParams();
  if (field) apiQuery.set('field', field);
  for (const s of statuses) apiQuery.append('status', s);
  const list = useApi<{ items: Project[] }>(`/api/projects?${apiQuery.toString()}`);
  const fields = useApi<{ items: Field[] }>('/api/projects/fields');

  function update(key: string, values: string[]) {
    const next = new URLSearchParams(params);
    next.delete(key);
    for (const v of values) if (v) next.append(key, v);
    setParams(next);
  }
  function onSearch(e: FormEvent) {
    e.preventDefault();
    update('q', [draft.trim()]);
  }

  const items = (list.data?.items ?? []).filter((p) => (!district || p.districts.includes(district)) && matchesText(p, text));
  const shownFields = (fields.data?.items ?? []).filter((f) => !field || f.slug === field);
  const byField = shownFields.map((f) => ({ field: f, projects: items.filter((p) => p.fields.some((pf) => pf.slug === f.slug)) }));
  const filtered = Boolean(field || district || statuses.length || text);

  return (
    <div className="page">
      <h1>{t('projects.title')}</h1>
      <ProjectsNav />
      <p className="lead">{t('projects.intro')}</p>
      <DemoNotice show={items.some((p) => p.demo)} />

      <form className="filters" role="search" onSubmit={onSearch}>
        <div className="field">
          <label htmlFor="projects-q">{t('projects.filters.text')}</label>
          <input
            id="projects-q"
            type="text"
            enterKeyHint="search"
            className="input--wide"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
          />
        </div>
        <div className="actions">
          <button type="submit" className="button">
            {t('projects.filters.submit')}
          </button>
        </div>
        <div className="filters__grid">
          <div className="field">
            <label htmlFor="projects-field">{t('projects.filters.field')}</label>
            <select id="projects-field" value={field} onChange={(e) => update('feld', [e.target.value])}>
              <option value="">{t('projects.filters.all')}</option>
              {fields.data?.items.map((f) => (
                <option key={f.slug} value={f.slug}>
                  {f.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="projects-district">{t('projects.filters.district')}</label>
            <select id="projects-district" value={district} onChange={(e) => update('stadtteil', [e.target.value])}>
              <option value="">{t('projects.filters.all')}</option>
              {city?.districts.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          </div>
        </div>
        <fieldset className="checkbox-group">
          <legend>{t('projects.filters.status')}</legend>
          {PROJECT_STATUSES.map((s) => (
            <label key={s} className="checkbox">
              <input
                type="checkbox"
                checked={statuses.includes(s)}
                onChange={(e) => update('stand', e.target.checked ? [...statuses, s] : statuses.filter((x) => x !== s))}
              />
              {t(`projects.status.${s}`)}
            </label>
          ))}
        </fieldset>
        {filtered ? (
          <p>
            <Link to={PROJECTS_PATH} onClick={() => setDraft('')}>
              {t('projects.filters.reset')}
            </Link>
          </p>
        ) : null}
      </form>

      <ErrorNotice error={list.error ?? fields.error} />
      <section aria-labelledby="projects-results" aria-busy={list.loading}>
        <h2 id="projects-results" aria-live="polite">
          {list.data ? t('projects.results', { count: items.length }) : t('common.loading')}
        </h2>
        {list.data && !items.length ? <p>{t('projects.noResults')}</p> : null}
        {byField
          .filter((g) => g.projects.length)
          .map(({ field: f, projects }) => (
            <section key={f.slug} aria-labelledby={`field-${f.slug}`}>
              <h3 id={`field-${f.slug}`}>
                {f.name}
                {f.subtitle ? <span className="project-meta"> – {f.subtitle}</span> : null}
              </h3>
              <p className="field-goal">{f.goal}</p>
              <ul className="project-list">
                {projects.map((p) => (
                  <li key={p.id}>
                    <h4>
                      <Link to={projectPath(p.slug)}>{p.title}</Link>
                      <DemoBadge demo={p.demo} />
                    </h4>
                    <p>
                      <StatusBadge status={p.status} />
                    </p>
                    {p.summary ? <p>{p.summary}</p> : null}
                    {p.office ? <p className="project-meta">{p.office}</p> : null}
                  </li>
                ))}
              </ul>
            </section>
          ))}
      </section>
      <FeedLink />
    </div>
  );
}
