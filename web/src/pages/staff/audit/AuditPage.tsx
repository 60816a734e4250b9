/**
 * The audit trail for admins. Filters and paging live in the URL so a filtered view can be
 * bookmarked or sent to a colleague, and the CSV export uses exactly the same filters.
 */
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { query } from '../../../api/client';
import type { AuditPage as AuditResult } from '../../../api/types';
import { ErrorNotice, Loading } from '../../../components/Notice';
import { useApi } from '../../../lib/useApi';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { AuditFilters, FILTER_KEYS, type Filters } from './AuditFilters';
import { AuditTable } from './AuditTable';
import { Pager } from './Pager';
import { VerifyChain } from './VerifyChain';

const PAGE_SIZE = 50;

export default function AuditPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  useDocumentTitle(t('staff.audit.title'));

  const filters = Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? ''])) as Filters;
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const { data, error, loading } = useApi<AuditResult>(`/api/audit${query({ ...filters, limit: PAGE_SIZE, offset })}`);

  function update(next: Filters, nextOffset = 0) {
    setParams(query({ ...next, offset: nextOffset || undefined }));
  }

  return (
    <div className="page">
      <h1>{t('staff.audit.title')}</h1>
      <AuditFilters key={params.toString()} initial={filters} onApply={(f) => update(f)} />
      <p className="actions">
        <a className="button button--secondary" href={`/api/audit/export.csv${query(filters)}`} download>
          {t('staff.audit.exportCsv')}
        </a>
      </p>
      <VerifyChain />
      <section aria-labelledby="audit-results-title">
        <h2 id="audit-results-title">{t('staff.audit.results')}</h2>
        {loading ? <Loading /> : null}
        <ErrorNotice error={error} />
        {data ? (
          <>
            <AuditTable entries={data.items} />
            <Pager offset={offset} pageSize={PAGE_SIZE} total={data.total} onPage={(o) => update(filters, o)} />
          </>
        ) : null}
      </section>
    </div>
  );
}
