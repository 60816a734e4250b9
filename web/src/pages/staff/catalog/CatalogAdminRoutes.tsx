/**
 * Routes of the catalog back office below /staff/verwaltungsleistungen. Only admins and editors of
 * module "catalog" get the forms; others see why not (the API checks the same rule).
 */
import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../auth/SessionContext';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import './i18n';
import './catalog-staff.css';

const CatalogAdminPage = lazy(() => import('./CatalogAdminPage'));
const ServiceEditPage = lazy(() => import('./ServiceEditPage'));
const RestructurePage = lazy(() => import('./RestructurePage'));

function ReadOnly() {
  const { t } = useTranslation();
  useDocumentTitle(t('catalog.staff.title'));
  return (
    <div className="page">
      <h1>{t('catalog.staff.title')}</h1>
      <p className="notice notice--info">{t('catalog.staff.readOnly')}</p>
    </div>
  );
}

export default function CatalogAdminRoutes() {
  const { session } = useSession();
  const allowed = session?.user.role === 'admin' || session?.user.modules.includes('catalog');
  if (!allowed) return <ReadOnly />;
  return (
    <Routes>
      <Route index element={<CatalogAdminPage />} />
      {/* Keys: going from "neu" to the created service mounts a fresh edit page. */}
      <Route path="neu" element={<ServiceEditPage key="new" />} />
      <Route path="umstrukturierung" element={<RestructurePage />} />
      <Route path=":id" element={<ServiceEditPage key="edit" />} />
    </Routes>
  );
}
