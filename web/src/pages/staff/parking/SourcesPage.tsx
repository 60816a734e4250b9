/**
 * ParkAPI v3 sources: their poll state (failing, last error and its time, last success, next poll,
 * accepted and rejected counts of the last poll) for all staff; add, edit, enable/disable, delete
 * and "poll now" for editors of parking. Every action's outcome is announced in a live region.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { ErrorNotice, Loading, StatusNotice, useErrorText } from '../../../components/Notice';
import { useApi } from '../../../lib/useApi';
import { formatDateTime } from '../../../lib/format';
import { ModulePage } from '../shared/ModulePage';
import { DataTable } from '../shared/DataTable';
import { Time } from '../shared/notes';
import { useCanWrite } from '../shared/useCanWrite';
import { ParkingNav } from './ParkingAdminRoutes';
import { SourceForm } from './SourceForm';
import type { Source } from './types';

/**
 * A button in a table row, named after the row ("Jetzt abrufen: Quelle A") so that a screen-reader
 * user does not hear a column of identical buttons; the visible text starts the name (WCAG 2.5.3).
 */
function RowButton({
  label,
  name,
  primary,
  busy,
  onClick,
}: {
  label: string;
  name: string;
  primary?: boolean;
  busy?: boolean;
  onClick: () => void;
}) {
  return (
    <button
      type="button"
      className={primary ? 'button button--small' : 'button button--secondary button--small'}
      aria-label={`${label}: ${name}`}
      aria-disabled={busy || undefined}
      onClick={onClick}
    >
      {label}
    </button>
  );
}

type Outcome = { tone: 'ok' | 'error'; text: string } | null;

export default function SourcesPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const canWrite = useCanWrite('parking');
  const s = (key: string, o?: Record<string, unknown>) => t(`parkingStaff.sources.${key}`, o);
  const list = useApi<{ items: Source[] }>('/api/parking/sources');
  const [editing, setEditing] = useState<number | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const counts = (src: Source) =>
    src.state.lastAccepted === null
      ? t('staffModules.none')
      : s('counts', { accepted: src.state.lastAccepted, rejected: src.state.lastRejected ?? 0 });

  /** Runs one row action; its result (or the API's error) becomes the announced outcome. */
  async function act(src: Source, action: () => Promise<Outcome>) {
    if (busy !== null) return;
    setBusy(src.id);
    setOutcome(null);
    try {
      setOutcome(await action());
    } catch (err) {
      setOutcome({ tone: 'error', text: errorText(err) });
    } finally {
      setBusy(null);
      list.reload();
    }
  }

  const pollNow = (src: Source) =>
    act(src, async () => {
      const after = await api<Source>(`/api/parking/sources/${src.id}/poll`, { method: 'POST' });
      return after.state.failing
        ? { tone: 'error', text: s('pollFailed', { name: src.name, error: after.state.lastError ?? '' }) }
        : { tone: 'ok', text: s('polled', { name: src.name, counts: counts(after) }) };
    });
  const toggle = (src: Source) =>
    act(src, async () => {
      const after = await api<Source>(`/api/parking/sources/${src.id}`, { method: 'PATCH', body: { enabled: !src.enabled } });
      return { tone: 'ok', text: s('toggled', { name: src.name, state: s(after.enabled ? 'active' : 'inactive') }) };
    });
  const remove = (src: Source) =>
    act(src, async () => {
      await api<null>(`/api/parking/sources/${src.id}`, { method: 'DELETE' });
      setConfirming(null);
      if (editing === src.id) setEditing(null);
      return { tone: 'ok', text: s('deleted', { name: src.name }) };
    });

  const stateCell = (src: Source) => {
    if (src.state.failing) return <span className="tag tag--problem">{s('failing')}</span>;
    return src.state.lastPolledAt ? s('ok') : s('notYet');
  };
  const actions = (src: Source) => (
    <div className="row-actions">
      <RowButton
        label={busy === src.id ? t('common.working') : s('pollNow')}
        name={src.name}
        primary
        busy={busy === src.id}
        onClick={() => void pollNow(src)}
      />
      <RowButton label={t('staffModules.edit')} name={src.name} onClick={() => setEditing(src.id)} />
      <RowButton label={s(src.enabled ? 'disable' : 'enable')} name={src.name} onClick={() => void toggle(src)} />
      {confirming === src.id ? (
        <>
          <RowButton label={s('confirmDelete')} name={src.name} primary onClick={() => void remove(src)} />
          <RowButton label={t('staffModules.cancel')} name={src.name} onClick={() => setConfirming(null)} />
        </>
      ) : (
        <RowButton label={s('delete')} name={src.name} onClick={() => setConfirming(src.id)} />
      )}
    </div>
  );

  const editingSource = list.data?.items.find((x) => x.id === editing) ?? null;

  return (
    <ModulePage title={s('title')} nav={<ParkingNav />} writes="parking" intro={s('intro')}>
      {list.loading && !list.data ? <Loading /> : null}
      <ErrorNotice error={list.error} />
      {outcome?.tone === 'error' ? (
        <div className="notice notice--error" role="alert">
          <p>{outcome.text}</p>
        </div>
      ) : null}
      <StatusNotice>{outcome?.tone === 'ok' ? outcome.text : null}</StatusNotice>
      {list.data ? (
        <DataTable
          id="parking-sources"
          caption={s('caption')}
          rows={list.data.items}
          rowKey={(x) => x.id}
          empty={s('empty')}
          columns={[
            {
              key: 'name',
              header: s('name'),
              rowHeader: true,
              cell: (x) => (
                <>
                  {x.name}
                  <br />
                  <span className="break">{x.url}</span>
                </>
              ),
            },
            { key: 'enabled', header: s('enabled'), cell: (x) => t(x.enabled ? 'staffModules.yes' : 'staffModules.no') },
            {
              key: 'interval',
              header: s('interval'),
              numeric: true,
              cell: (x) => s('intervalValue', { seconds: x.intervalSeconds }),
            },
            { key: 'state', header: s('state'), cell: stateCell },
            { key: 'lastCounts', header: s('lastCounts'), cell: counts },
            { key: 'lastSuccess', header: s('lastSuccess'), cell: (x) => <Time at={x.state.lastSuccessAt} /> },
            {
              key: 'lastError',
              header: s('lastError'),
              cell: (x) =>
                x.state.lastError && x.state.lastErrorAt ? (
                  <span className="break">
                    {s('errorAt', { error: x.state.lastError, at: formatDateTime(x.state.lastErrorAt) })}
                  </span>
                ) : (
                  t('staffModules.none')
                ),
            },
            {
              key: 'nextPoll',
              header: s('nextPoll'),
              cell: (x) => (x.enabled ? <Time at={x.state.nextPollAt} /> : t('staffModules.none')),
            },
            ...(canWrite ? [{ key: 'actions', header: s('actions'), cell: actions }] : []),
          ]}
        />
      ) : null}
      {canWrite ? (
        <SourceForm
          key={editingSource?.id ?? 'new'}
          source={editingSource}
          onCancel={editingSource ? () => setEditing(null) : undefined}
          onSaved={(saved, created) => {
            setEditing(null);
            setOutcome({ tone: 'ok', text: created ? s('added', { name: saved.name }) : t('staffModules.saved') });
            list.reload();
          }}
        />
      ) : null}
    </ModulePage>
  );
}
