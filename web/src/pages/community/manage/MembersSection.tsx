/**
 * Members and open invitations of an entry, for its owners and the city (GET …/members); the
 * invitation goes out by e-mail (POST …/invitations), removing asks first (DELETE …/members/:userId).
 * Editors see only who decides; the server refuses them in any case.
 */
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../../api/client';
import { Field } from '../../../components/Field';
import { ErrorNotice, Loading, StatusNotice } from '../../../components/Notice';
import { SubmitButton } from '../../../components/SubmitButton';
import { formatDate } from '../../../lib/format';
import { useApi } from '../../../lib/useApi';
import { useSubmit } from '../../../lib/useSubmit';
import type { MemberRole, Members } from './types';

interface Props {
  organisationId: number;
  canManage: boolean;
  /** The signed-in account: removing oneself leaves the page. */
  ownId: number;
}

export function MembersSection({ organisationId, canManage, ownId }: Props) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="org-members">
      <h2 id="org-members">{t('community.manage.members.title')}</h2>
      {canManage ? (
        <MemberList organisationId={organisationId} ownId={ownId} />
      ) : (
        <p>{t('community.manage.members.ownersOnly')}</p>
      )}
    </section>
  );
}

function MemberList({ organisationId, ownId }: Omit<Props, 'canManage'>) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const path = `/api/community/organisations/${organisationId}`;
  const members = useApi<Members>(`${path}/members`);
  const invite = useSubmit();
  const remove = useSubmit();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<MemberRole>('editor');
  const [done, setDone] = useState('');
  const roleName = (r: MemberRole) => t(`community.invitation.role.${r}`);

  async function onInvite(e: FormEvent) {
    e.preventDefault();
    if (invite.pending) return;
    setDone('');
    if (!email.trim()) return invite.setFieldErrors({ email: t('community.manage.members.emailMissing') });
    const address = email.trim();
    const ok = await invite.run(async () => {
      await api(`${path}/invitations`, { method: 'POST', body: { email: address, role } });
    });
    if (ok) {
      setEmail('');
      setDone(t('community.manage.members.invited', { email: address }));
      members.reload();
    }
  }

  async function onRemove(member: Members['members'][number]) {
    const name = member.displayName || member.email;
    if (!window.confirm(t('community.manage.members.removeConfirm', { name }))) return;
    setDone('');
    const ok = await remove.run(async () => {
      await api(`${path}/members/${member.userId}`, { method: 'DELETE' });
    });
    if (!ok) return;
    if (member.userId === ownId) {
      void navigate('/staff');
      return;
    }
    setDone(t('community.manage.members.removed', { name }));
    members.reload();
  }

  const lastOwner = remove.error instanceof ApiError && remove.error.problem.code === 'COMMUNITY_LAST_OWNER';
  const data = members.data;
  return (
    <>
      <ErrorNotice error={members.error} />
      {members.loading && !data ? <Loading /> : null}
      {lastOwner ? (
        <p className="notice notice--error" role="alert">
          {t('community.manage.members.lastOwner')}
        </p>
      ) : (
        <ErrorNotice error={remove.error} />
      )}
      {data ? (
        <>
          <h3>{t('community.manage.members.current')}</h3>
          <ul className="community-members">
            {data.members.map((m) => (
              <li key={m.userId}>
                <p>
                  <strong>{m.displayName || m.email}</strong>
                  {m.displayName ? ` (${m.email})` : ''}
                  {m.userId === ownId ? ` – ${t('community.manage.members.you')}` : ''}
                </p>
                <p className="meta">
                  {t('community.manage.members.since', { role: roleName(m.role), date: formatDate(m.since) })}
                </p>
                <p>
                  <button type="button" className="button button--secondary button--small" onClick={() => void onRemove(m)}>
                    {t('community.manage.members.remove', { name: m.displayName || m.email })}
                  </button>
                </p>
              </li>
            ))}
          </ul>
          <h3>{t('community.manage.members.invitations')}</h3>
          {data.invitations.length ? (
            <ul className="community-members">
              {data.invitations.map((i) => (
                <li key={i.id}>
                  <p>
                    <strong>{i.email}</strong>
                  </p>
                  <p className="meta">
                    {t('community.manage.members.invitation', { role: roleName(i.role), date: formatDate(i.expiresAt) })}
                  </p>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('community.manage.members.noInvitations')}</p>
          )}
        </>
      ) : null}

      <h3 id="org-invite">{t('community.manage.members.inviteTitle')}</h3>
      <form onSubmit={(e) => void onInvite(e)} noValidate aria-labelledby="org-invite">
        <p>{t('community.manage.members.inviteIntro')}</p>
        <ErrorNotice error={Object.keys(invite.fieldErrors).length ? null : invite.error} />
        <Field id="org-invite-email" label={t('community.manage.members.email')} error={invite.fieldErrors['email']}>
          {(c) => (
            <input {...c} type="email" autoComplete="off" required value={email} onChange={(e) => setEmail(e.target.value)} />
          )}
        </Field>
        <Field
          id="org-invite-role"
          label={t('community.manage.members.role')}
          hint={t('community.manage.members.roleHint')}
          error={invite.fieldErrors['role']}
        >
          {(c) => (
            <select {...c} value={role} onChange={(e) => setRole(e.target.value as MemberRole)}>
              <option value="editor">{roleName('editor')}</option>
              <option value="owner">{roleName('owner')}</option>
            </select>
          )}
        </Field>
        <p className="actions">
          <SubmitButton pending={invite.pending}>{t('community.manage.members.invite')}</SubmitButton>
        </p>
      </form>
      <StatusNotice>{done || null}</StatusNotice>
    </>
  );
}
