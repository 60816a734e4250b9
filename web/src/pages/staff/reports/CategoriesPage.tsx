/**
 * The categories (Open311 services) with their German and English names, group, responsible office,
 * answer-time target, district overrides and whether citizens can choose them. Admins open one to edit it.
 */
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorNotice, Loading } from '../../../components/Notice';
import { formatNumber } from '../../../lib/format';
import { useApi } from '../../../lib/useApi';
import { DataTable } from '../shared/DataTable';
import { ModulePage } from '../shared/ModulePage';
import { ADMINS_ONLY, useCanWrite } from '../shared/useCanWrite';
import { CATEGORIES_PATH, ReportsStaffNav } from './ReportsStaffRoutes';
import { officeName } from './offices';
import type { AdminCategory, Office } from './types';

export default function CategoriesPage() {
  const { t } = useTranslation();
  const c = (key: string) => t(`reportsStaff.categories.${key}`);
  const isAdmin = useCanWrite(ADMINS_ONLY);
  const list = useApi<{ items: AdminCategory[] }>('/api/reports/categories');
  const offices = useApi<{ items: Office[] }>('/api/reports/offices');

  return (
    <ModulePage title={c('title')} nav={<ReportsStaffNav />} writes={ADMINS_ONLY} intro={c('intro')}>
      {isAdmin ? (
        <p>
          <Link className="button" to={`${CATEGORIES_PATH}/neu`}>
            {c('create')}
          </Link>
        </p>
      ) : null}
      {list.loading && !list.data ? <Loading /> : null}
      <ErrorNotice error={list.error ?? offices.error} />
      {list.data ? (
        <DataTable<AdminCategory>
          id="reports-categories"
          caption={c('caption')}
          empty={c('empty')}
          rows={list.data.items}
          rowKey={(x) => x.code}
          columns={[
            {
              key: 'name',
              header: c('name'),
              rowHeader: true,
              cell: (x) => (isAdmin ? <Link to={`${CATEGORIES_PATH}/${x.code}`}>{x.name}</Link> : x.name),
            },
            { key: 'nameEn', header: c('nameEn'), cell: (x) => x.nameEn },
            { key: 'group', header: c('group'), cell: (x) => x.group },
            { key: 'office', header: c('office'), cell: (x) => officeName(offices.data?.items, x.officeId) },
            { key: 'targetDays', header: c('targetDays'), numeric: true, cell: (x) => formatNumber(x.targetDays) },
            { key: 'districts', header: c('districts'), numeric: true, cell: (x) => formatNumber(x.districtOffices.length) },
            { key: 'active', header: c('active'), cell: (x) => t(x.active ? 'staffModules.yes' : 'staffModules.no') },
          ]}
        />
      ) : null}
    </ModulePage>
  );
}
