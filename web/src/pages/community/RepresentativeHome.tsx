/**
 * What a club's representative (role `organisation`, not staff) sees after logging in: the
 * organisations the account represents, from GET /api/community/me, linked to their public pages.
 */
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorNotice, Loading } from '../../components/Notice';
import { useApi } from '../../lib/useApi';
import './i18n';

interface Me {
  memberships: { organisation: { id: number; slug: string; name: string; verified: boolean }; role: 'owner' | 'editor' }[];
}

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
              <Link to={`/vereine/${m.organisation.slug}`}>{m.organisation.name}</Link> (
              {t(`community.invitation.role.${m.role}`)};{' '}
              {m.organisation.verified ? t('community.organisation.verified') : t('community.representative.unverified')})
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
