/**
 * Routes of the Schadensmelder back office below /staff/schadensmelder: the inbox, one report, and
 * the categories and offices. Every staff member may read; admins and editors of module "reports"
 * get the report forms, only admins those of categories and offices (the API checks the same rules).
 */
import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { useTranslation } from 'react-i18next';
import { StaffSubNav } from '../shared/StaffSubNav';
import './i18n';
import '../shared/staff-modules.css';

const InboxPage = lazy(() => import('./InboxPage'));
const ReportDetailPage = lazy(() => import('./ReportDetailPage'));
const CategoriesPage = lazy(() => import('./CategoriesPage'));
const CategoryEditPage = lazy(() => import('./CategoryEditPage'));
const OfficesPage = lazy(() => import('./OfficesPage'));
const OfficeEditPage = lazy(() => import('./OfficeEditPage'));

export const REPORTS_STAFF_PATH = '/staff/schadensmelder';
export const CATEGORIES_PATH = `${REPORTS_STAFF_PATH}/kategorien`;
export const OFFICES_PATH = `${REPORTS_STAFF_PATH}/dienststellen`;

export function ReportsStaffNav() {
  const { t } = useTranslation();
  return (
    <StaffSubNav
      label={t('reportsStaff.title')}
      links={[
        { to: REPORTS_STAFF_PATH, text: t('reportsStaff.nav.inbox'), end: true },
        { to: CATEGORIES_PATH, text: t('reportsStaff.nav.categories') },
        { to: OFFICES_PATH, text: t('reportsStaff.nav.offices') },
      ]}
    />
  );
}

export default function ReportsStaffRoutes() {
  return (
    <Routes>
      <Route index element={<InboxPage />} />
      <Route path="kategorien" element={<CategoriesPage />} />
      <Route path="kategorien/neu" element={<CategoryEditPage />} />
      <Route path="kategorien/:id" element={<CategoryEditPage />} />
      <Route path="dienststellen" element={<OfficesPage />} />
      <Route path="dienststellen/neu" element={<OfficeEditPage />} />
      <Route path="dienststellen/:id" element={<OfficeEditPage />} />
      <Route path=":id" element={<ReportDetailPage />} />
    </Routes>
  );
}
