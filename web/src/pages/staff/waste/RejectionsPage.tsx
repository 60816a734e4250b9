/** LoRaWAN uplinks the platform refused (unknown device, malformed payload, values out of range), with the reason. */
import { useTranslation } from 'react-i18next';
import { ModulePage } from '../shared/ModulePage';
import { ApiTable } from '../shared/ApiTable';
import { Time } from '../shared/notes';
import { WasteNav } from './WasteAdminRoutes';
import type { WasteRejection } from './types';

export default function RejectionsPage() {
  const { t } = useTranslation();
  const title = t('wasteStaff.nav.rejections');
  const r = (key: string) => t(`wasteStaff.rejections.${key}`);
  const c = (key: string) => t(`staffModules.rejections.${key}`);

  return (
    <ModulePage title={title} nav={<WasteNav />} intro={r('intro')}>
      <ApiTable<WasteRejection>
        path="/api/waste/rejections"
        id="waste-rejections"
        caption={r('caption')}
        empty={r('empty')}
        columns={[
          { key: 'at', header: c('at'), cell: (x) => <Time at={x.receivedAt} /> },
          { key: 'source', header: c('source'), cell: (x) => x.source },
          { key: 'devEui', header: r('devEui'), cell: (x) => (x.devEui ? <code>{x.devEui}</code> : t('staffModules.none')) },
          { key: 'reason', header: c('reason'), cell: (x) => <span className="break">{x.reason}</span> },
        ]}
      />
    </ModulePage>
  );
}
