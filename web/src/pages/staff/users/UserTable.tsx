import { useTranslation } from 'react-i18next';
import type { StaffUser } from '../../../api/types';

function YesNo({ value }: { value: boolean }) {
  const { t } = useTranslation();
  return <>{value ? t('common.yes') : t('common.no')}</>;
}

/** Scrolls sideways inside its own region on small screens instead of widening the page. */
export function UserTable({ users, onEdit }: { users: StaffUser[]; onEdit: (id: number) => void }) {
  const { t } = useTranslation();
  if (!users.length) return <p>{t('staff.users.empty')}</p>;
  return (
    <div className="table-scroll" role="region" aria-labelledby="users-caption" tabIndex={0}>
      <table>
        <caption id="users-caption">{t('staff.users.caption', { count: users.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('staff.users.email')}</th>
            <th scope="col">{t('staff.users.name')}</th>
            <th scope="col">{t('staff.users.role')}</th>
            <th scope="col">{t('staff.users.modules')}</th>
            <th scope="col">{t('staff.users.mfa')}</th>
            <th scope="col">{t('staff.users.locked')}</th>
            <th scope="col">{t('staff.users.disabled')}</th>
            <th scope="col">{t('common.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <th scope="row">{u.email}</th>
              <td>{u.displayName}</td>
              <td>{t(`roles.${u.role}`)}</td>
              <td>{u.modules.length ? u.modules.map((m) => t(`modules.${m}`, { defaultValue: m })).join(', ') : '–'}</td>
              <td>
                <YesNo value={u.mfaEnrolled} />
              </td>
              <td>
                <YesNo value={u.locked} />
              </td>
              <td>
                <YesNo value={u.disabled} />
              </td>
              <td>
                <button type="button" className="button button--small" onClick={() => onEdit(u.id)}>
                  {t('staff.users.edit')}
                  <span className="visually-hidden"> {u.email}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
