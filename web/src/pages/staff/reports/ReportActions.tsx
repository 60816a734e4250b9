/** The workflow forms of one report: change the status (with notes), forward, merge as duplicate. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { useApi } from '../../../lib/useApi';
import { useSubmit } from '../../../lib/useSubmit';
import { DETAILED_STATUSES } from '../../reports/types';
import { SelectInput, TextInput } from '../shared/inputs';
import { ActionForm } from './ActionForm';
import { officeOptions } from './offices';
import type { CannedReply, Office, StaffDetail } from './types';

interface Props {
  report: StaffDetail;
  onSaved: () => void;
}

const path = (id: string, action: string) => `/api/reports/requests/${id}/${action}`;

export function StatusForm({ report, onSaved }: Props) {
  const { t } = useTranslation();
  const s = (key: string) => t(`reportsStaff.statusForm.${key}`);
  const submit = useSubmit();
  const canned = useApi<{ items: CannedReply[] }>('/api/reports/canned-replies');
  const [status, setStatus] = useState<string>(report.status === 'duplicate' ? 'new' : report.status);
  const [cannedId, setCannedId] = useState('');
  const [publicNote, setPublicNote] = useState('');
  const [internalNote, setInternalNote] = useState('');

  function pickCanned(id: string) {
    setCannedId(id);
    const reply = canned.data?.items.find((c) => String(c.id) === id);
    if (!reply) return;
    setPublicNote(reply.body);
    if (reply.status && reply.status !== 'duplicate') setStatus(reply.status);
  }

  async function action() {
    await api(path(report.id, 'status'), {
      method: 'POST',
      body: { status, ...(publicNote.trim() ? { publicNote } : {}), ...(internalNote.trim() ? { internalNote } : {}) },
    });
    setCannedId('');
    setPublicNote('');
    setInternalNote('');
    return s('saved');
  }

  return (
    <ActionForm title={s('title')} submitLabel={s('submit')} submit={submit} action={action} onDone={onSaved}>
      <SelectInput
        id="report-status"
        label={s('status')}
        hint={s('statusHint')}
        error={submit.fieldErrors['status']}
        value={status}
        onChange={setStatus}
        options={DETAILED_STATUSES.filter((x) => x !== 'duplicate').map((x) => ({ value: x, label: t(`reports.status.${x}`) }))}
      />
      {canned.data?.items.length ? (
        <SelectInput
          id="report-canned"
          label={s('canned')}
          hint={s('cannedHint')}
          value={cannedId}
          onChange={pickCanned}
          options={[
            { value: '', label: s('cannedNone') },
            ...canned.data.items.map((c) => ({ value: String(c.id), label: c.title })),
          ]}
        />
      ) : null}
      <TextInput
        id="report-public-note"
        label={s('publicNote')}
        hint={s('publicNoteHint')}
        error={submit.fieldErrors['publicNote']}
        multiline
        value={publicNote}
        onChange={setPublicNote}
      />
      <TextInput
        id="report-internal-note"
        label={s('internalNote')}
        error={submit.fieldErrors['internalNote']}
        multiline
        value={internalNote}
        onChange={setInternalNote}
      />
    </ActionForm>
  );
}

export function ForwardForm({ report, onSaved }: Props) {
  const { t } = useTranslation();
  const f = (key: string, o?: Record<string, unknown>) => t(`reportsStaff.forward.${key}`, o);
  const submit = useSubmit();
  const offices = useApi<{ items: Office[] }>('/api/reports/offices');
  const [officeId, setOfficeId] = useState('');
  const [note, setNote] = useState('');

  async function action() {
    const office = offices.data?.items.find((o) => String(o.id) === officeId)?.name ?? officeId;
    await api(path(report.id, 'forward'), {
      method: 'POST',
      body: { officeId: Number(officeId), ...(note.trim() ? { note } : {}) },
    });
    setOfficeId('');
    setNote('');
    return f('saved', { office });
  }

  return (
    <ActionForm
      title={f('title')}
      submitLabel={f('submit')}
      submit={submit}
      action={action}
      check={() => (officeId ? null : { officeId: f('required') })}
      onDone={onSaved}
    >
      <SelectInput
        id="report-forward-office"
        label={f('office')}
        error={submit.fieldErrors['officeId']}
        value={officeId}
        onChange={setOfficeId}
        options={officeOptions(offices.data?.items, f('choose'), report.officeId)}
      />
      <TextInput
        id="report-forward-note"
        label={f('note')}
        error={submit.fieldErrors['note']}
        multiline
        value={note}
        onChange={setNote}
      />
    </ActionForm>
  );
}

export function MergeForm({ report, onSaved }: Props) {
  const { t } = useTranslation();
  const m = (key: string, o?: Record<string, unknown>) => t(`reportsStaff.merge.${key}`, o);
  const submit = useSubmit();
  const [into, setInto] = useState('');

  async function action() {
    const target = into.trim();
    await api(path(report.id, 'merge'), { method: 'POST', body: { into: target } });
    setInto('');
    return m('saved', { into: target });
  }

  return (
    <ActionForm
      title={m('title')}
      submitLabel={m('submit')}
      submit={submit}
      action={action}
      check={() => (/^\d{1,15}$/.test(into.trim()) ? null : { into: m('required') })}
      onDone={onSaved}
    >
      <TextInput
        id="report-merge-into"
        label={m('into')}
        hint={m('intoHint')}
        error={submit.fieldErrors['into']}
        kind="number"
        required
        value={into}
        onChange={setInto}
      />
    </ActionForm>
  );
}
