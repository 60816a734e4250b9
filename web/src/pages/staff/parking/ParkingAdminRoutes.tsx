/**
 * Routes of the parking back office below /staff/parken. Every staff member sees car parks, sources
 * and rejected readings; only admins and editors of module "parking" get the forms and buttons
 * (the API checks the same rule).
 */
import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { useTranslation } from 'react-i18next';
import { StaffSubNav } from '../shared/StaffSubNav';
import { useCanWrite } from '../shared/useCanWrite';
import './i18n';
import '../shared/staff-modules.css';

const SitesPage = lazy(() => import('./SitesPage'));
const SiteEditPage = lazy(() => import('./SiteEditPage'));
const SourcesPage = lazy(() => import('./SourcesPage'));
const RejectionsPage = lazy(() => import('./RejectionsPage'));

export const PARKING_PATH = '/staff/parken';

export function ParkingNav() {
  const { t } = useTranslation();
  const canWrite = useCanWrite('parking');
  const n = (key: string) => t(`parkingStaff.nav.${key}`);
  return (
    <StaffSubNav
      label={t('parkingStaff.title')}
      links={[
        { to: PARKING_PATH, text: n('sites'), end: true },
        ...(canWrite ? [{ to: `${PARKING_PATH}/neu`, text: n('newSite') }] : []),
        { to: `${PARKING_PATH}/quellen`, text: n('sources') },
        { to: `${PARKING_PATH}/abgelehnt`, text: n('rejections') },
      ]}
    />
  );
}

export default function ParkingAdminRoutes() {
  return (
    <Routes>
      <Route index element={<SitesPage />} />
      {/* Keys: going from "neu" to the created car park mounts a fresh edit page. */}
      <Route path="neu" element={<SiteEditPage key="new" />} />
      <Route path="quellen" element={<SourcesPage />} />
      <Route path="abgelehnt" element={<RejectionsPage />} />
      <Route path=":id" element={<SiteEditPage key="edit" />} />
    </Routes>
  );
}
