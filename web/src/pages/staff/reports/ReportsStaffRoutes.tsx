/**
 * Routes of the Schadensmelder back office below /staff/schadensmelder: the inbox and one report.
 * Every staff member may read; admins and editors of module "reports" get the forms (the API checks
 * the same rule).
 */
import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { useTranslation } from 'react-i18next';
import { StaffSubNav } from '../shared/StaffSubNav';
import './i18n';
import '../shared/staff-modules.css';

const InboxPage = lazy(() => import('./InboxPage'));
const ReportDetailPage = lazy(() => import('./ReportDetailPage'));

export const REPORTS_STAFF_PATH = '/staff/schadensmelder';

export function ReportsStaffNav() {
  const { t } = useTranslation();
  return (
    <StaffSubNav
      label={t('reportsStaff.title')}
      links={[{ to: REPORTS_STAFF_PATH, text: t('reportsStaff.nav.inbox'), end: true }]}
    />
  );
}

export default function ReportsStaffRoutes() {
  return (
    <Routes>
      <Route index element={<InboxPage />} />
      <Route path=":id" element={<ReportDetailPage />} />
    </Routes>
  );
}
