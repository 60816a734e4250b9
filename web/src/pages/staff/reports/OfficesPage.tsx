/** The offices (Ämter, Eigenbetriebe) that handle reports; admins add and edit them. */
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiTable } from '../shared/ApiTable';
import { ModulePage } from '../shared/ModulePage';
import { ADMINS_ONLY, useCanWrite } from '../shared/useCanWrite';
import { OFFICES_PATH, ReportsStaffNav } from './ReportsStaffRoutes';
import type { Office } from './types';

export default function OfficesPage() {
  const { t } = useTranslation();
  const o = (key: string) => t(`reportsStaff.offices.${key}`);
  const isAdmin = useCanWrite(ADMINS_ONLY);

  return (
    <ModulePage title={o('title')} nav={<ReportsStaffNav />} writes={ADMINS_ONLY} intro={o('intro')}>
      {isAdmin ? (
        <p>
          <Link className="button" to={`${OFFICES_PATH}/neu`}>
            {o('create')}
          </Link>
        </p>
      ) : null}
      <ApiTable<Office>
        path="/api/reports/offices"
        id="reports-offices"
        caption={o('caption')}
        empty={o('empty')}
        columns={[
          {
            key: 'name',
            header: o('name'),
            rowHeader: true,
            cell: (x) => (isAdmin ? <Link to={`${OFFICES_PATH}/${x.id}`}>{x.name}</Link> : x.name),
          },
          { key: 'code', header: o('code'), cell: (x) => x.code },
          { key: 'email', header: o('email'), cell: (x) => x.email ?? t('staffModules.none') },
        ]}
      />
    </ModulePage>
  );
}
