/** User management for admins: list, create (with enrolment link), edit, disable, reset MFA. */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffUser } from '../../../api/types';
import { ErrorNotice, Loading } from '../../../components/Notice';
import { useApi } from '../../../lib/useApi';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { CreateUserForm } from './CreateUserForm';
import { EditUserPanel } from './EditUserPanel';
import { UserTable } from './UserTable';

export default function UsersPage() {
  const { t } = useTranslation();
  const { data, error, loading, reload } = useApi<{ items: StaffUser[] }>('/api/identity/users');
  const [editingId, setEditingId] = useState<number | null>(null);
  const listHeading = useRef<HTMLHeadingElement>(null);
  useDocumentTitle(t('staff.users.title'));

  function closeEditor() {
    setEditingId(null);
    listHeading.current?.focus(); // keep keyboard focus on the page when the panel disappears
  }

  const users = data?.items ?? [];
  const editing = users.find((u) => u.id === editingId) ?? null;

  return (
    <div className="page">
      <h1>{t('staff.users.title')}</h1>
      <section aria-labelledby="users-list-title">
        <h2 id="users-list-title" ref={listHeading} tabIndex={-1}>
          {t('staff.users.listTitle')}
        </h2>
        {loading && !data ? <Loading /> : null}
        <ErrorNotice error={error} />
        {data ? <UserTable users={users} onEdit={setEditingId} /> : null}
      </section>
      {editing ? <EditUserPanel key={editing.id} user={editing} onChanged={reload} onClose={closeEditor} /> : null}
      <CreateUserForm onCreated={reload} />
    </div>
  );
}
