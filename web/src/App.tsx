/**
 * Top-level routes. Every page but the start page is its own chunk (React.lazy) so a first visit loads only the
 * shell and the page being viewed; the staff area is one more lazy boundary with its own routes.
 */
import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { Layout } from './components/Layout';
// The start page is the most visited entry: bundled with the shell (about 2 KB), so its heading and
// tiles do not wait for another chunk and stylesheet after the shell's script (LCP on slow networks).
import HomePage from './pages/public/HomePage';

const ContentPage = lazy(() => import('./pages/public/ContentPage'));
const AccessibilityPage = lazy(() => import('./pages/public/AccessibilityPage'));
const NotFoundPage = lazy(() => import('./pages/public/NotFoundPage'));
const StaffRoutes = lazy(() => import('./pages/staff/StaffRoutes'));
const ServiceListPage = lazy(() => import('./pages/catalog/ServiceListPage'));
const ServicePage = lazy(() => import('./pages/catalog/ServicePage'));
const CatalogKpiPage = lazy(() => import('./pages/catalog/KpiPage'));
const CatalogReportPage = lazy(() => import('./pages/catalog/ReportPage'));
const ReportsListPage = lazy(() => import('./pages/reports/ReportsListPage'));
const ReportFormPage = lazy(() => import('./pages/reports/ReportFormPage'));
const ReportConfirmPage = lazy(() => import('./pages/reports/ConfirmPage'));
const ReportPage = lazy(() => import('./pages/reports/ReportPage'));
const PortfolioPage = lazy(() => import('./pages/projects/PortfolioPage'));
const ProjectPage = lazy(() => import('./pages/projects/ProjectPage'));
const OpendataCatalogPage = lazy(() => import('./pages/opendata/CatalogPage'));
const OpendataDatasetPage = lazy(() => import('./pages/opendata/DatasetPage'));
const ProjectTimelinePage = lazy(() => import('./pages/projects/TimelinePage'));
const ProjectChangesPage = lazy(() => import('./pages/projects/ChangesPage'));
const ProjectsContentPage = lazy(() => import('./pages/projects/ProjectsContentPage'));
const DashboardDetailPage = lazy(() => import('./pages/dashboard/DetailPage'));
const DashboardEasyReadPage = lazy(() => import('./pages/dashboard/EasyReadPage'));
const EmbedTilePage = lazy(() => import('./pages/dashboard/EmbedTilePage'));
const GeoportalPage = lazy(() => import('./pages/geoportal/GeoportalPage'));
const EmbedMapPage = lazy(() => import('./pages/geoportal/EmbedMapPage'));
const CommunitySearchPage = lazy(() => import('./pages/community/SearchPage'));
const CommunityOrganisationPage = lazy(() => import('./pages/community/OrganisationPage'));
const CommunityEventPage = lazy(() => import('./pages/community/EventPage'));
const CommunityInvitationPage = lazy(() => import('./pages/community/InvitationPage'));
const CommunityRegisterPage = lazy(() => import('./pages/community/manage/RegisterPage'));

export function App() {
  return (
    <Routes>
      {/* Embeddable widgets: no site frame, no login; the only pages other sites may frame (CSP in app.ts). */}
      <Route
        path="einbetten/karte"
        element={
          <Suspense>
            <EmbedMapPage />
          </Suspense>
        }
      />
      <Route
        path="einbetten/kachel/:tile"
        element={
          <Suspense>
            <EmbedTilePage />
          </Suspense>
        }
      />
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route path="impressum" element={<ContentPage slug="impressum" />} />
        <Route path="datenschutz" element={<ContentPage slug="datenschutz" />} />
        <Route path="barrierefreiheit" element={<AccessibilityPage />} />
        <Route path="leichte-sprache" element={<ContentPage slug="leichte-sprache" />} />
        <Route path="dashboard/leichte-sprache" element={<DashboardEasyReadPage />} />
        <Route path="dashboard/:tile" element={<DashboardDetailPage />} />
        <Route path="verwaltungsleistungen" element={<ServiceListPage />} />
        <Route path="verwaltungsleistungen/kennzahlen" element={<CatalogKpiPage />} />
        <Route path="verwaltungsleistungen/ausschusstabelle" element={<CatalogReportPage />} />
        <Route path="verwaltungsleistungen/:id" element={<ServicePage />} />
        <Route path="schadensmelder" element={<ReportsListPage />} />
        <Route path="schadensmelder/melden" element={<ReportFormPage />} />
        <Route path="schadensmelder/bestaetigen" element={<ReportConfirmPage />} />
        <Route path="schadensmelder/:id" element={<ReportPage />} />
        <Route path="projekte" element={<PortfolioPage />} />
        <Route path="projekte/zeitleiste" element={<ProjectTimelinePage />} />
        <Route path="projekte/aenderungen" element={<ProjectChangesPage />} />
        <Route path="projekte/:slug" element={<ProjectPage />} />
        <Route path="opendata" element={<OpendataCatalogPage />} />
        <Route path="opendata/:slug" element={<OpendataDatasetPage />} />
        <Route path="digitalbeirat" element={<ProjectsContentPage slug="digitalbeirat" />} />
        <Route path="digitalisierungsbuero" element={<ProjectsContentPage slug="digitalisierungsbuero" />} />
        <Route path="geoportal" element={<GeoportalPage />} />
        <Route path="vereine" element={<CommunitySearchPage />} />
        <Route path="vereine/einladung" element={<CommunityInvitationPage />} />
        <Route path="vereine/registrieren" element={<CommunityRegisterPage />} />
        <Route path="vereine/veranstaltungen/:id" element={<CommunityEventPage />} />
        <Route path="vereine/:slug" element={<CommunityOrganisationPage />} />
        <Route path="staff/*" element={<StaffRoutes />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
