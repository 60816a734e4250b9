/**
 * Routes of the open-data back office below /staff/opendata: every staff member sees the governance
 * page, the list of all datasets and each dataset's page (read-only); admins and editors of module
 * "opendata" edit governance and external datasets there and add external datasets (the API checks
 * the same rule).
 */
import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { useTranslation } from 'react-i18next';
import { StaffSubNav } from '../shared/StaffSubNav';
import { useCanWrite } from '../shared/useCanWrite';
import './i18n';
import '../shared/staff-modules.css';

const GovernancePage = lazy(() => import('./GovernancePage'));
const ExternalDatasetPage = lazy(() => import('./ExternalDatasetPage'));
const DatasetsPage = lazy(() => import('./DatasetsPage'));
const DatasetEditPage = lazy(() => import('./DatasetEditPage'));

export const OPENDATA_PATH = '/staff/opendata';
export const DATASETS_PATH = `${OPENDATA_PATH}/datensaetze`;
export const datasetEditPath = (slug: string) => `${DATASETS_PATH}/${encodeURIComponent(slug)}`;

export function OpendataNav() {
  const { t } = useTranslation();
  const canWrite = useCanWrite('opendata');
  const n = (key: string) => t(`opendataStaff.nav.${key}`);
  return (
    <StaffSubNav
      label={t('opendataStaff.title')}
      links={[
        { to: OPENDATA_PATH, text: n('governance'), end: true },
        { to: DATASETS_PATH, text: n('datasets') },
        ...(canWrite ? [{ to: `${OPENDATA_PATH}/neu`, text: n('create') }] : []),
        { to: '/opendata', text: n('catalog') },
      ]}
    />
  );
}

export default function OpendataAdminRoutes() {
  return (
    <Routes>
      <Route index element={<GovernancePage />} />
      <Route path="neu" element={<ExternalDatasetPage />} />
      <Route path="datensaetze" element={<DatasetsPage />} />
      <Route path="datensaetze/:slug" element={<DatasetEditPage />} />
    </Routes>
  );
}
