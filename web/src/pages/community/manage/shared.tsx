/** Pieces of the representatives' pages: category options, the back link, the verified state. */
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../lib/useApi';
import { useCategoryName } from '../shared';
import type { Category } from '../types';
import '../../staff/shared/i18n';
import '../../staff/shared/staff-modules.css';

export const NOTICE_BOARD_PATH = '/staff/vereine/pinnwand';
export const managePath = (organisationId: number) => `/staff/vereine/${organisationId}`;

/** The categories of GET /api/community/categories as <option>s, named in the page's language. */
export function CategoryOptions() {
  const categories = useApi<{ items: Category[] }>('/api/community/categories');
  const categoryName = useCategoryName();
  return (
    <>
      {categories.data?.items.map((category) => (
        <option key={category} value={category}>
          {categoryName(category)}
        </option>
      ))}
    </>
  );
}

export function BackToStaffHome() {
  const { t } = useTranslation();
  return (
    <p>
      <Link to="/staff">{t('community.manage.back')}</Link>
    </p>
  );
}

/** The city's verification in words; representatives cannot change it. */
export function VerifiedState({ verified }: { verified: boolean }) {
  const { t } = useTranslation();
  return (
    <p>
      <strong>{verified ? t('community.organisation.verified') : t('community.manage.unverified')}</strong>{' '}
      {verified ? null : t('community.manage.unverifiedHint')}
    </p>
  );
}
