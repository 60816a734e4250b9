/** Readings the platform refused (push, CSV, ParkAPI pull), with the field and the reason. */
import { useTranslation } from 'react-i18next';
import { ModulePage } from '../shared/ModulePage';
import { ApiTable } from '../shared/ApiTable';
import { Time } from '../shared/notes';
import { ParkingNav } from './ParkingAdminRoutes';
import type { Rejection } from './types';

export default function RejectionsPage() {
  const { t } = useTranslation();
  const title = t('parkingStaff.nav.rejections');
  const r = (key: string) => t(`parkingStaff.rejections.${key}`);
  const c = (key: string) => t(`staffModules.rejections.${key}`);

  return (
    <ModulePage title={title} nav={<ParkingNav />} intro={r('intro')}>
      <ApiTable<Rejection>
        path="/api/parking/rejections"
        id="parking-rejections"
        caption={r('caption')}
        empty={r('empty')}
        columns={[
          { key: 'at', header: c('at'), cell: (x) => <Time at={x.receivedAt} /> },
          { key: 'source', header: c('source'), cell: (x) => x.source },
          { key: 'site', header: r('site'), cell: (x) => x.siteUid ?? t('staffModules.none') },
          { key: 'field', header: c('field'), cell: (x) => <code>{x.field}</code> },
          { key: 'reason', header: c('reason'), cell: (x) => x.reason },
        ]}
      />
    </ModulePage>
  );
}
