/**
 * Alert rules and the alerts they raised. The API has no acknowledge: alerts resolve themselves
 * (the fill level drops, the sensor reports again), which the page says. Any staff member may run
 * the stale-sensor check at once instead of waiting for the 15-minute timer.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { ErrorNotice, StatusNotice } from '../../../components/Notice';
import { useSubmit } from '../../../lib/useSubmit';
import { ModulePage } from '../shared/ModulePage';
import { ApiTable } from '../shared/ApiTable';
import { CheckboxInput } from '../shared/inputs';
import { Time } from '../shared/notes';
import { RulesForm } from './RulesForm';
import type { Alert } from './types';
import { WasteNav } from './WasteAdminRoutes';

export default function RulesPage() {
  const { t } = useTranslation();
  const r = (key: string, o?: Record<string, unknown>) => t(`wasteStaff.rules.${key}`, o);
  const [showAll, setShowAll] = useState(false);
  const [checked, setChecked] = useState('');
  // A new key remounts the alert table, so it loads again after a check.
  const [generation, setGeneration] = useState(0);
  const check = useSubmit();

  async function runCheck() {
    if (check.pending) return;
    setChecked('');
    await check.run(async () => {
      const { opened } = await api<{ opened: number }>('/api/waste/alerts/check', { method: 'POST' });
      setChecked(r('checked', { count: opened }));
      setGeneration((g) => g + 1);
    });
  }

  return (
    <ModulePage title={r('title')} nav={<WasteNav />} writes="waste">
      <RulesForm />
      <section aria-labelledby="waste-alerts-title">
        <h2 id="waste-alerts-title">{r('alertsTitle')}</h2>
        <p>{r('noAck')}</p>
        <p className="actions">
          <button
            type="button"
            className="button button--secondary"
            aria-disabled={check.pending || undefined}
            onClick={() => void runCheck()}
          >
            {check.pending ? t('common.working') : r('check')}
          </button>
        </p>
        <ErrorNotice error={check.error} />
        <StatusNotice>{checked || null}</StatusNotice>
        <CheckboxInput id="alerts-all" label={r('showAll')} checked={showAll} onChange={setShowAll} />
        <ApiTable<Alert>
          key={generation}
          path={`/api/waste/alerts?open=${!showAll}`}
          id="waste-alerts"
          caption={r('caption')}
          empty={r('empty')}
          columns={[
            { key: 'createdAt', header: r('createdAt'), cell: (a) => <Time at={a.createdAt} /> },
            { key: 'container', header: r('container'), rowHeader: true, cell: (a) => a.containerName },
            { key: 'kind', header: r('kind'), cell: (a) => r(`kinds.${a.kind}`, { defaultValue: a.kind }) },
            { key: 'message', header: r('message'), cell: (a) => a.message },
            { key: 'notifiedAt', header: r('notifiedAt'), cell: (a) => <Time at={a.notifiedAt} none={r('notNotified')} /> },
            { key: 'resolvedAt', header: r('resolvedAt'), cell: (a) => <Time at={a.resolvedAt} none={r('open')} /> },
          ]}
        />
      </section>
    </ModulePage>
  );
}
