/**
 * Every dataset for staff (internal and withdrawn ones included) with its governance at a glance:
 * kind, visibility, owning office, steward, overdue flag, last change and downloads. Filtered in the
 * browser by text and by "overdue only" / "internal only" (the whole list is one answer); the filter
 * lives in the address, so returning from a dataset keeps it. Each title leads to the edit page.
 */
import { Link, useLocation, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorNotice, Loading, StatusNotice } from '../../../components/Notice';
import { formatNumber } from '../../../lib/format';
import { useApi } from '../../../lib/useApi';
import { DataTable } from '../shared/DataTable';
import { SelectInput, TextInput } from '../shared/inputs';
import { ModulePage } from '../shared/ModulePage';
import { Time } from '../shared/notes';
import { datasetEditPath, OpendataNav } from './OpendataAdminRoutes';
import { textLang, type StaffDataset } from './types';

const SHOW = ['', 'overdue', 'internal'] as const;

function matches(d: StaffDataset, words: string[], show: string): boolean {
  if (show === 'overdue' && !d.governance.overdue) return false;
  if (show === 'internal' && d.governance.visibility !== 'internal') return false;
  const haystack = [d.slug, d.title.de, d.title.en, d.governance.owningOffice, d.governance.dataSteward].join(' ').toLowerCase();
  return words.every((w) => haystack.includes(w));
}

export default function DatasetsPage() {
  const { t, i18n } = useTranslation();
  const s = (key: string, o?: Record<string, unknown>) => t(`opendataStaff.datasets.${key}`, o);
  const list = useApi<{ items: StaffDataset[] }>('/api/opendata/staff/datasets');
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const show = params.get('show') ?? '';
  // Set by the edit page after a delete: the confirmation is shown here, where the person lands.
  const deleted = (useLocation().state as { deleted?: string } | null)?.deleted;
  const lang = textLang(i18n.language);
  const none = t('staffModules.none');

  const setFilter = (key: 'q' | 'show', value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const words = q.toLowerCase().split(/\s+/).filter(Boolean);
  const items = list.data?.items ?? [];
  const rows = items.filter((d) => matches(d, words, show));

  return (
    <ModulePage title={s('title')} nav={<OpendataNav />} intro={s('intro')}>
      <StatusNotice>{deleted ? s('deleted', { title: deleted }) : null}</StatusNotice>
      <form className="filters" aria-label={s('filters')} onSubmit={(e) => e.preventDefault()}>
        <div className="staff-form-grid">
          <TextInput id="od-filter-q" label={s('search')} hint={s('searchHint')} value={q} onChange={(v) => setFilter('q', v)} />
          <SelectInput
            id="od-filter-show"
            label={s('show')}
            value={show}
            onChange={(v) => setFilter('show', v)}
            options={SHOW.map((v) => ({ value: v, label: s(v || 'all') }))}
          />
        </div>
      </form>
      {list.loading && !list.data ? <Loading /> : null}
      <ErrorNotice error={list.error} />
      {list.data ? (
        <>
          <p aria-live="polite">{s('count', { shown: formatNumber(rows.length), total: formatNumber(items.length) })}</p>
          <DataTable
            id="od-datasets-table"
            caption={s('caption')}
            empty={s('empty')}
            rows={rows}
            rowKey={(d) => d.slug}
            columns={[
              {
                key: 'title',
                header: s('dataset'),
                rowHeader: true,
                cell: (d) => <Link to={datasetEditPath(d.slug)}>{d.title[lang]}</Link>,
              },
              {
                key: 'kind',
                header: s('kind'),
                cell: (d) => (
                  <>
                    {s(d.source)}
                    {d.governance.withdrawn ? (
                      <>
                        {' '}
                        <span className="tag">{s('withdrawn')}</span>
                      </>
                    ) : null}
                  </>
                ),
              },
              {
                key: 'visibility',
                header: s('visibility'),
                cell: (d) => t(`opendataStaff.form.${d.governance.visibility === 'internal' ? 'internal' : 'public'}`),
              },
              { key: 'office', header: s('owningOffice'), cell: (d) => d.governance.owningOffice ?? none },
              { key: 'steward', header: s('dataSteward'), cell: (d) => d.governance.dataSteward ?? none },
              {
                key: 'overdue',
                header: s('overdueColumn'),
                cell: (d) =>
                  d.governance.overdue ? <span className="tag tag--problem">{s('overdueTag')}</span> : t('staffModules.no'),
              },
              { key: 'modified', header: s('modified'), cell: (d) => <Time at={d.modified} /> },
              { key: 'downloads', header: s('downloads'), numeric: true, cell: (d) => formatNumber(d.downloads ?? 0) },
            ]}
          />
        </>
      ) : null}
    </ModulePage>
  );
}
