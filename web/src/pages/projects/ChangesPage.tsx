/**
 * "What changed since <date>": every history entry of every project from that date on, newest
 * first. The date lives in the URL (?seit=YYYY-MM-DD), so a committee member can bookmark it.
 */
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCity } from '../../components/CityContext';
import { ErrorNotice } from '../../components/Notice';
import { formatDate, formatDateTime } from '../../lib/format';
import { useApi } from '../../lib/useApi';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { daysAgoIso, DemoBadge, DemoNotice, FeedLink, projectPath, ProjectsNav } from './shared';
import type { Change } from './types';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

export default function ChangesPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('projects.changes.title'));
  const { city } = useCity();
  const [params, setParams] = useSearchParams();
  const since = params.get('seit') ?? daysAgoIso(90);
  const [draft, setDraft] = useState(since);
  const changes = useApi<{ since: string; items: Change[] }>(`/api/projects/changes?since=${encodeURIComponent(since)}`);
  const items = changes.data?.items ?? [];

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (draft) setParams({ seit: draft });
  }

  /** One line per change, in words; the API's before/after values are the raw tracked state. */
  function describe(c: Change): string {
    const after = isRecord(c.after) ? c.after : {};
    const before = isRecord(c.before) ? c.before : {};
    switch (c.change) {
      case 'create':
        return t('projects.changes.create');
      case 'status':
        return t('projects.changes.statusChange', {
          before: t(`projects.status.${String(c.before)}`),
          after: t(`projects.status.${String(c.after)}`),
        });
      case 'district': {
        const id = String(after['districtId'] ?? c.field?.replace(/^districts\./, '') ?? '');
        const name = city?.districts.find((d) => d.id === id)?.name ?? id;
        return t('projects.changes.district', { district: name, status: t(`projects.districtStatus.${String(after['status'])}`) });
      }
      case 'image':
        return c.after
          ? t('projects.changes.imageAdded', { alt: String(after['alt'] ?? '') })
          : t('projects.changes.imageRemoved', { alt: String(before['alt'] ?? '') });
      default: {
        const key = `projects.fieldNames.${c.field ?? ''}`;
        return t('projects.changes.updated', { field: i18n.exists(key) ? t(key) : (c.field ?? '') });
      }
    }
  }

  return (
    <div className="page">
      <h1>{t('projects.changes.title')}</h1>
      <ProjectsNav />
      <p className="lead">{t('projects.changes.intro')}</p>
      <form className="filters" onSubmit={onSubmit}>
        <div className="field">
          <label htmlFor="changes-since">{t('projects.changes.since')}</label>
          <input id="changes-since" type="date" required value={draft} onChange={(e) => setDraft(e.target.value)} />
        </div>
        <div className="actions">
          <button type="submit" className="button">
            {t('projects.changes.show')}
          </button>
        </div>
      </form>
      <ErrorNotice error={changes.error} />
      <DemoNotice show={items.some((c) => c.demo)} />
      <section aria-labelledby="changes-results" aria-busy={changes.loading}>
        <h2 id="changes-results" aria-live="polite">
          {changes.data ? t('projects.changes.count', { count: items.length, date: formatDate(since) }) : t('common.loading')}
        </h2>
        {changes.data && !items.length ? <p>{t('projects.changes.empty')}</p> : null}
        <ol className="project-list">
          {items.map((c, i) => (
            <li key={`${c.at}-${c.projectId}-${i}`}>
              <p>
                <time dateTime={c.at}>{formatDateTime(c.at)}</time>
                {' – '}
                <Link to={projectPath(c.projectSlug)}>{c.projectTitle}</Link>
                <DemoBadge demo={c.demo} />
              </p>
              <p>{describe(c)}</p>
            </li>
          ))}
        </ol>
      </section>
      <FeedLink />
    </div>
  );
}
