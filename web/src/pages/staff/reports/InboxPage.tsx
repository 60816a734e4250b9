/**
 * The inbox: reports by office, status and deadline from GET /api/reports/inbox (pages of 50,
 * newest first). The API has no category or text filter, so those two filter the loaded page.
 */
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorNotice, Loading } from '../../../components/Notice';
import { useApi } from '../../../lib/useApi';
import { StatusBadge } from '../../reports/shared';
import { DataTable } from '../shared/DataTable';
import { ModulePage } from '../shared/ModulePage';
import { Time } from '../shared/notes';
import { InboxFilters, type InboxFilter } from './InboxFilters';
import { REPORTS_STAFF_PATH, ReportsStaffNav } from './ReportsStaffRoutes';
import type { StaffReport } from './types';

const PAGE_SIZE = 50;
const DAY_MS = 86_400_000;

function matches(r: StaffReport, filter: InboxFilter): boolean {
  if (filter.category && r.serviceCode !== filter.category) return false;
  const q = filter.q.trim().toLowerCase();
  if (!q) return true;
  return [r.id, r.description, r.address ?? '', r.serviceName].some((s) => s.toLowerCase().includes(q));
}

export default function InboxPage() {
  const { t } = useTranslation();
  const f = (key: string, o?: Record<string, unknown>) => t(`reportsStaff.inbox.${key}`, o);
  const [params, setParams] = useSearchParams();
  const filter: InboxFilter = {
    office: params.get('dienststelle') ?? '',
    status: params.get('status') ?? '',
    category: params.get('kategorie') ?? '',
    overdue: params.get('ueberfaellig') === '1',
    q: params.get('q') ?? '',
  };
  const page = Math.max(0, Number(params.get('seite') ?? '0') || 0);

  const query = new URLSearchParams({ limit: String(PAGE_SIZE), offset: String(page * PAGE_SIZE) });
  if (filter.office) query.set('officeId', filter.office);
  if (filter.status) query.set('status', filter.status);
  if (filter.overdue) query.set('overdue', 'true');
  const inbox = useApi<{ items: StaffReport[] }>(`/api/reports/inbox?${query.toString()}`);

  function update(next: Partial<InboxFilter>, nextPage = 0) {
    const merged = { ...filter, ...next };
    const out = new URLSearchParams();
    if (merged.office) out.set('dienststelle', merged.office);
    if (merged.status) out.set('status', merged.status);
    if (merged.category) out.set('kategorie', merged.category);
    if (merged.overdue) out.set('ueberfaellig', '1');
    if (merged.q) out.set('q', merged.q);
    if (nextPage) out.set('seite', String(nextPage));
    setParams(out, { replace: true });
  }

  const items = inbox.data?.items ?? [];
  const rows = items.filter((r) => matches(r, filter));
  const now = Date.now();
  return (
    <ModulePage title={t('reportsStaff.title')} nav={<ReportsStaffNav />} intro={f('intro')}>
      <InboxFilters filter={filter} onChange={(next) => update(next)} />
      <p>
        <button type="button" className="button button--secondary" onClick={inbox.reload}>
          {t('staffModules.reload')}
        </button>
      </p>
      {inbox.loading && !inbox.data ? <Loading /> : null}
      <ErrorNotice error={inbox.error} />
      {inbox.data ? (
        <DataTable<StaffReport>
          id="reports-inbox"
          caption={f('caption', { page: page + 1 })}
          empty={f('empty')}
          rows={rows}
          rowKey={(r) => r.id}
          columns={[
            {
              key: 'id',
              header: f('number'),
              rowHeader: true,
              cell: (r) => (
                <Link to={`${REPORTS_STAFF_PATH}/${r.id}`} aria-label={f('open', { id: r.id })}>
                  {r.id}
                </Link>
              ),
            },
            { key: 'category', header: t('reportsStaff.detail.category'), cell: (r) => r.serviceName },
            { key: 'status', header: f('status'), cell: (r) => <StatusBadge status={r.status} /> },
            { key: 'office', header: f('office'), cell: (r) => r.office },
            {
              key: 'age',
              header: f('age'),
              numeric: true,
              cell: (r) => f('ageValue', { count: Math.max(0, Math.floor((now - new Date(r.requestedAt).getTime()) / DAY_MS)) }),
            },
            {
              key: 'due',
              header: f('due'),
              cell: (r) => (
                <>
                  <Time at={r.dueAt} />{' '}
                  {r.overdue ? (
                    <span className="tag tag--problem">{f('overdueTag')}</span>
                  ) : (
                    <span className="tag">{f('inTime')}</span>
                  )}
                </>
              ),
            },
          ]}
        />
      ) : null}
      {inbox.data && (page > 0 || items.length === PAGE_SIZE) ? (
        <nav className="pager" aria-label={f('paging')}>
          <p className="actions">
            <button type="button" className="button button--secondary" disabled={page === 0} onClick={() => update({}, page - 1)}>
              {f('previous')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              disabled={items.length < PAGE_SIZE}
              onClick={() => update({}, page + 1)}
            >
              {f('next')}
            </button>
          </p>
        </nav>
      ) : null}
    </ModulePage>
  );
}
