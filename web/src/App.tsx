/**
 * Top-level routes. Every page is its own chunk (React.lazy) so a first visit loads only the
 * shell and the page being viewed; the staff area is one more lazy boundary with its own routes.
 */
import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { Layout } from './components/Layout';

const HomePage = lazy(() => import('./pages/public/HomePage'));
const ContentPage = lazy(() => import('./pages/public/ContentPage'));
const AccessibilityPage = lazy(() => import('./pages/public/AccessibilityPage'));
const NotFoundPage = lazy(() => import('./pages/public/NotFoundPage'));
const StaffRoutes = lazy(() => import('./pages/staff/StaffRoutes'));
const ServiceListPage = lazy(() => import('./pages/catalog/ServiceListPage'));
const ServicePage = lazy(() => import('./pages/catalog/ServicePage'));
const CatalogKpiPage = lazy(() => import('./pages/catalog/KpiPage'));
const CatalogReportPage = lazy(() => import('./pages/catalog/ReportPage'));

export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route path="impressum" element={<ContentPage slug="impressum" />} />
        <Route path="datenschutz" element={<ContentPage slug="datenschutz" />} />
        <Route path="barrierefreiheit" element={<AccessibilityPage />} />
        <Route path="leichte-sprache" element={<ContentPage slug="leichte-sprache" />} />
        <Route path="verwaltungsleistungen" element={<ServiceListPage />} />
        <Route path="verwaltungsleistungen/kennzahlen" element={<CatalogKpiPage />} />
        <Route path="verwaltungsleistungen/ausschusstabelle" element={<CatalogReportPage />} />
        <Route path="verwaltungsleistungen/:id" element={<ServicePage />} />
        <Route path="staff/*" element={<StaffRoutes />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
