import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import type { Role, StaffUser } from '../../../api/types';
import { Field } from '../../../components/Field';
import { ErrorNotice, StatusNotice } from '../../../components/Notice';
import { SubmitButton } from '../../../components/SubmitButton';
import { useSubmit } from '../../../lib/useSubmit';
import { EnrolmentLink } from './EnrolmentLink';
import { RoleAndModules } from './RoleAndModules';

/** Edits one user. Opening it moves focus here; closing returns the user to the table. */
export function EditUserPanel({ user, onChanged, onClose }: { user: StaffUser; onChanged: () => void; onClose: () => void }) {
  const { t } = useTranslation();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [role, setRole] = useState<Role>(user.role);
  const [modules, setModules] = useState<string[]>(user.modules);
  const [status, setStatus] = useState<string | null>(null);
  const [enrolmentUrl, setEnrolmentUrl] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const form = useSubmit();
  const action = useSubmit();

  useEffect(() => headingRef.current?.focus(), []);

  async function onSave(event: FormEvent) {
    event.preventDefault();
    if (form.pending) return;
    setStatus(null);
    const ok = await form.run(async () => {
      await api(`/api/identity/users/${user.id}`, {
        method: 'PATCH',
        body: { displayName: displayName.trim(), role, modules: role === 'editor' ? modules : [] },
      });
    });
    if (ok) {
      setStatus(t('staff.users.saved'));
      onChanged();
    }
  }

  async function setDisabled(disabled: boolean) {
    setStatus(null);
    const ok = await action.run(async () => {
      await api(`/api/identity/users/${user.id}`, { method: 'PATCH', body: { disabled } });
    });
    if (ok) {
      setStatus(disabled ? t('staff.users.disabledNow') : t('staff.users.enabledNow'));
      onChanged();
    }
  }

  async function resetMfa() {
    if (!window.confirm(t('staff.users.resetMfaConfirm', { email: user.email }))) return;
    setStatus(null);
    const ok = await action.run(async () => {
      const result = await api<{ enrolmentUrl: string }>(`/api/identity/users/${user.id}/reset-mfa`, { method: 'POST' });
      setEnrolmentUrl(result.enrolmentUrl);
    });
    if (ok) onChanged();
  }

  const fe = form.fieldErrors;
  return (
    <section className="panel" aria-labelledby="edit-user-title">
      <h2 id="edit-user-title" ref={headingRef} tabIndex={-1}>
        {t('staff.users.editTitle', { email: user.email })}
      </h2>
      <StatusNotice>{status}</StatusNotice>
      <ErrorNotice error={form.error ?? action.error} />
      {enrolmentUrl ? <EnrolmentLink id="reset-enrolment-link" url={enrolmentUrl} intro={t('staff.users.resetDone')} /> : null}
      <form onSubmit={(e) => void onSave(e)} noValidate>
        <Field id="edit-user-name" label={t('staff.users.name')} error={fe['displayName']}>
          {(p) => (
            <input {...p} name="displayName" type="text" value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
          )}
        </Field>
        <RoleAndModules idPrefix="edit-user" role={role} modules={modules} onRole={setRole} onModules={setModules} errors={fe} />
        <SubmitButton pending={form.pending}>{t('common.save')}</SubmitButton>
      </form>
      <h3>{t('staff.users.accessTitle')}</h3>
      <p className="actions">
        <button type="button" className="button button--secondary" onClick={() => void setDisabled(!user.disabled)}>
          {user.disabled ? t('staff.users.enable') : t('staff.users.disable')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => void resetMfa()}>
          {t('staff.users.resetMfa')}
        </button>
        <button type="button" className="button button--link" onClick={onClose}>
          {t('common.close')}
        </button>
      </p>
    </section>
  );
}
