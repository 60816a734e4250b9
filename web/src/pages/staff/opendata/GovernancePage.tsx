/**
 * Data governance: datasets whose promised update frequency is missed (the server computes the
 * "overdue" flag) and datasets with missing metadata, each linked to its edit page and its public page.
 */
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorNotice, Loading } from '../../../components/Notice';
import { useApi } from '../../../lib/useApi';
import { DataTable, type DataColumn } from '../shared/DataTable';
import { ModulePage } from '../shared/ModulePage';
import { Time } from '../shared/notes';
import { datasetEditPath, OpendataNav } from './OpendataAdminRoutes';
import '../../opendata/i18n';

interface Report {
  total: number;
  overdue: {
    slug: string;
    title: string;
    owningOffice: string | null;
    dataSteward: string | null;
    frequency: string;
    modified: string;
  }[];
  missing: { slug: string; title: string; missing: string[] }[];
}

export default function GovernancePage() {
  const { t } = useTranslation();
  const report = useApi<Report>('/api/opendata/governance');
  const g = (key: string, o?: Record<string, unknown>) => t(`opendataStaff.governance.${key}`, o);
  const none = t('staffModules.none');
  const data = report.data;
  const datasetLinks = (row: { slug: string; title: string }) => (
    <>
      <Link to={datasetEditPath(row.slug)}>{row.title}</Link> (<Link to={`/opendata/${row.slug}`}>{g('publicPage')}</Link>)
    </>
  );
  /** One list under its heading: the dataset (linked to its edit and public pages) names each row. */
  const listing = <R extends { slug: string; title: string }>(
    key: 'overdue' | 'missing',
    rows: R[],
    columns: DataColumn<R>[],
  ) => (
    <>
      <h2>{g(key)}</h2>
      <DataTable
        id={`od-${key}-table`}
        caption={g(key)}
        empty={g(`${key}None`)}
        rows={rows}
        rowKey={(r) => r.slug}
        columns={[{ key: 'title', header: g('dataset'), cell: datasetLinks, rowHeader: true }, ...columns]}
      />
    </>
  );
  return (
    <ModulePage title={g('title')} nav={<OpendataNav />} intro={g('intro')}>
      {report.loading && !data ? <Loading /> : null}
      <ErrorNotice error={report.error} />
      {data ? (
        <>
          <p>{g('total', { count: data.total })}</p>
          {listing('overdue', data.overdue, [
            { key: 'office', header: g('owningOffice'), cell: (r) => r.owningOffice ?? none },
            { key: 'steward', header: g('dataSteward'), cell: (r) => r.dataSteward ?? none },
            { key: 'frequency', header: g('frequency'), cell: (r) => t(`opendata.frequency.${r.frequency}`, r.frequency) },
            { key: 'modified', header: g('modified'), cell: (r) => <Time at={r.modified} /> },
          ])}
          {listing('missing', data.missing, [
            {
              key: 'fields',
              header: g('fields'),
              cell: (r) => r.missing.map((f) => g(`field.${f.replace('.', '_')}`)).join(', '),
            },
          ])}
        </>
      ) : null}
    </ModulePage>
  );
}
