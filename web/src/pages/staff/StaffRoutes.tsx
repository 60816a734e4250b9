/**
 * Routes under /staff. The session is only fetched here, so public visitors never trigger a
 * session request. Guards send incomplete sessions to the step they still have to finish.
 */
import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { SessionProvider } from '../../auth/SessionContext';
import { RequireAdmin, RequireFullSession } from '../../auth/guards';
import { Loading } from '../../components/Notice';
import { StaffBreadcrumb } from './StaffBreadcrumb';

const LoginPage = lazy(() => import('./login/LoginPage'));
const EnrolPage = lazy(() => import('./enrol/EnrolPage'));
const StaffHomePage = lazy(() => import('./StaffHomePage'));
const UsersPage = lazy(() => import('./users/UsersPage'));
const AuditPage = lazy(() => import('./audit/AuditPage'));
const ContentAdminPage = lazy(() => import('./content/ContentAdminPage'));
const CatalogAdminRoutes = lazy(() => import('./catalog/CatalogAdminRoutes'));
const ProjectsAdminRoutes = lazy(() => import('./projects/ProjectsAdminRoutes'));
const ParkingAdminRoutes = lazy(() => import('./parking/ParkingAdminRoutes'));
const WasteAdminRoutes = lazy(() => import('./waste/WasteAdminRoutes'));
const OpendataAdminRoutes = lazy(() => import('./opendata/OpendataAdminRoutes'));
const ReportsStaffRoutes = lazy(() => import('./reports/ReportsStaffRoutes'));
const ManageOrganisationPage = lazy(() => import('../community/manage/ManageOrganisationPage'));
const NoticeBoardPage = lazy(() => import('../community/manage/NoticeBoardPage'));
const NewOrganisationPage = lazy(() => import('../community/manage/NewOrganisationPage'));
const CommunityEventListPage = lazy(() => import('../community/events/EventListPage'));
const CommunityEventEditorPage = lazy(() => import('../community/events/EventEditorPage'));
const CommunityReviewPage = lazy(() => import('../community/events/CityReviewPage'));
const NotFoundPage = lazy(() => import('../public/NotFoundPage'));

export default function StaffRoutes() {
  return (
    <SessionProvider>
      <StaffBreadcrumb />
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route path="login" element={<LoginPage />} />
          <Route path="enrol" element={<EnrolPage />} />
          {/* Open to a club's representative (role organisation) as well as to staff. */}
          <Route element={<RequireFullSession />}>
            <Route index element={<StaffHomePage />} />
            <Route path="vereine/pinnwand" element={<NoticeBoardPage />} />
            <Route path="vereine/neu" element={<NewOrganisationPage />} />
            <Route path="vereine/:id" element={<ManageOrganisationPage />} />
            <Route path="vereine/:id/termine" element={<CommunityEventListPage />} />
            <Route path="vereine/:id/termine/neu" element={<CommunityEventEditorPage key="new" />} />
            <Route path="vereine/:id/termine/:eventId" element={<CommunityEventEditorPage key="edit" />} />
          </Route>
          <Route element={<RequireFullSession staffOnly />}>
            <Route path="vereine/pruefen" element={<CommunityReviewPage />} />
            <Route path="verwaltungsleistungen/*" element={<CatalogAdminRoutes />} />
            <Route path="projekte/*" element={<ProjectsAdminRoutes />} />
            <Route path="parken/*" element={<ParkingAdminRoutes />} />
            <Route path="abfall/*" element={<WasteAdminRoutes />} />
            <Route path="opendata/*" element={<OpendataAdminRoutes />} />
            <Route path="schadensmelder/*" element={<ReportsStaffRoutes />} />
            <Route element={<RequireAdmin />}>
              <Route path="users" element={<UsersPage />} />
              <Route path="audit" element={<AuditPage />} />
              <Route path="content" element={<ContentAdminPage />} />
            </Route>
          </Route>
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Suspense>
    </SessionProvider>
  );
}
