/**
 * Routes of the waste back office below /staff/abfall. Every staff member sees containers, alerts,
 * the pickup plan and rejected uplinks; only admins and editors of module "waste" get the forms
 * (the API checks the same rule).
 */
import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { useTranslation } from 'react-i18next';
import { StaffSubNav } from '../shared/StaffSubNav';
import { useCanWrite } from '../shared/useCanWrite';
import './i18n';
import '../shared/staff-modules.css';

const ContainersPage = lazy(() => import('./ContainersPage'));
const ContainerEditPage = lazy(() => import('./ContainerEditPage'));
const RulesPage = lazy(() => import('./RulesPage'));
const PickupPlanPage = lazy(() => import('./PickupPlanPage'));
const RejectionsPage = lazy(() => import('./RejectionsPage'));

export const WASTE_PATH = '/staff/abfall';

export function WasteNav() {
  const { t } = useTranslation();
  const canWrite = useCanWrite('waste');
  const n = (key: string) => t(`wasteStaff.nav.${key}`);
  return (
    <StaffSubNav
      label={t('wasteStaff.title')}
      links={[
        { to: WASTE_PATH, text: n('containers'), end: true },
        ...(canWrite ? [{ to: `${WASTE_PATH}/neu`, text: n('newContainer') }] : []),
        { to: `${WASTE_PATH}/regeln`, text: n('rules') },
        { to: `${WASTE_PATH}/leerung`, text: n('plan') },
        { to: `${WASTE_PATH}/abgelehnt`, text: n('rejections') },
      ]}
    />
  );
}

export default function WasteAdminRoutes() {
  return (
    <Routes>
      <Route index element={<ContainersPage />} />
      {/* Keys: going from "neu" to the created container mounts a fresh edit page. */}
      <Route path="neu" element={<ContainerEditPage key="new" />} />
      <Route path="regeln" element={<RulesPage />} />
      <Route path="leerung" element={<PickupPlanPage />} />
      <Route path="abgelehnt" element={<RejectionsPage />} />
      <Route path=":id" element={<ContainerEditPage key="edit" />} />
    </Routes>
  );
}
