import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import type { Role, StaffUser } from '../../../api/types';
import { Field } from '../../../components/Field';
import { ErrorNotice, StatusNotice } from '../../../components/Notice';
import { SubmitButton } from '../../../components/SubmitButton';
import { useSubmit } from '../../../lib/useSubmit';
import { EnrolmentLink } from './EnrolmentLink';
import { RoleAndModules } from './RoleAndModules';

interface Created {
  user: StaffUser;
  enrolmentUrl: string;
}

/** New users get no password from the admin: they set it themselves via the enrolment link. */
export function CreateUserForm({ onCreated }: { onCreated: () => void }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('editor');
  const [modules, setModules] = useState<string[]>([]);
  const [created, setCreated] = useState<Created | null>(null);
  const form = useSubmit();

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (form.pending) return;
    const problems: Record<string, string> = {};
    if (!email.trim()) problems['email'] = t('staff.users.emailRequired');
    if (!displayName.trim()) problems['displayName'] = t('staff.users.nameRequired');
    if (Object.keys(problems).length) {
      form.setFieldErrors(problems);
      return;
    }
    setCreated(null);
    await form.run(async () => {
      const result = await api<Created>('/api/identity/users', {
        method: 'POST',
        body: { email: email.trim(), displayName: displayName.trim(), role, modules: role === 'editor' ? modules : [] },
      });
      setCreated(result);
      setEmail('');
      setDisplayName('');
      setModules([]);
      onCreated();
    });
  }

  const fe = form.fieldErrors;
  return (
    <section className="panel" aria-labelledby="create-user-title">
      <h2 id="create-user-title">{t('staff.users.createTitle')}</h2>
      <StatusNotice>{created ? t('staff.users.created', { email: created.user.email }) : null}</StatusNotice>
      {created ? (
        <EnrolmentLink id="created-enrolment-link" url={created.enrolmentUrl} intro={t('staff.users.handOver')} />
      ) : null}
      <ErrorNotice error={form.error} />
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <Field id="new-user-email" label={t('staff.users.email')} error={fe['email']}>
          {(p) => (
            <input
              {...p}
              name="email"
              type="email"
              autoComplete="off"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </Field>
        <Field id="new-user-name" label={t('staff.users.name')} error={fe['displayName']}>
          {(p) => (
            <input
              {...p}
              name="displayName"
              type="text"
              autoComplete="off"
              required
              value={displayName}
              onChange={(e) => setDisplayName(e.target.value)}
            />
          )}
        </Field>
        <RoleAndModules idPrefix="new-user" role={role} modules={modules} onRole={setRole} onModules={setModules} errors={fe} />
        <SubmitButton pending={form.pending}>{t('staff.users.create')}</SubmitButton>
      </form>
    </section>
  );
}
