/**
 * What a club's representative (role `organisation`, not staff) sees after logging in: the
 * organisations the account represents, from GET /api/community/me, each linked to the page where
 * it is maintained, and the notice board between organisations.
 */
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorNotice, Loading } from '../../components/Notice';
import { useApi } from '../../lib/useApi';
import { managePath, NOTICE_BOARD_PATH } from './manage/shared';
import type { Me } from './manage/types';
import './i18n';

export function RepresentativeHome() {
  const { t } = useTranslation();
  const me = useApi<Me>('/api/community/me');
  return (
    <section aria-labelledby="representative-title">
      <h2 id="representative-title">{t('community.representative.title')}</h2>
      <p>{t('community.representative.intro')}</p>
      <ErrorNotice error={me.error} />
      {me.loading ? <Loading /> : null}
      {me.data ? (
        <ul>
          {me.data.memberships.map((m) => (
            <li key={m.organisation.id}>
              <Link to={managePath(m.organisation.id)}>{m.organisation.name}</Link> ({t(`community.invitation.role.${m.role}`)};{' '}
              {m.organisation.verified ? t('community.organisation.verified') : t('community.representative.unverified')})
            </li>
          ))}
        </ul>
      ) : null}
      <p>
        <Link to="/staff/vereine/neu">{t('community.manage.create.link')}</Link>
      </p>
      <p>
        <Link to={NOTICE_BOARD_PATH}>{t('community.notices.title')}</Link>: {t('community.representative.notices')}
      </p>
    </section>
  );
}
